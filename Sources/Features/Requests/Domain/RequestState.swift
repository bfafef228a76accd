/// Where a request is in the closed loop 受理 → 立案 → 派遣 → 签收 → 处置 → 反馈 → 核查 →
/// 结案 → 回访. Only `Workflow.apply` changes it.
public enum RequestState: String, Sendable, CaseIterable, Codable {
    /// 待受理 — submitted, not yet examined by a dispatcher.
    case received
    /// 待派遣 — 立案: accepted as a case, waiting for a handler.
    case registered
    /// 待签收 — dispatched to a 主办 handler who has not signed for it yet.
    case dispatched
    /// 处置中 — the handler has signed for it and is working on it.
    case inProgress = "in_progress"
    /// 已挂起 — paused with approval; the clock stands still.
    case suspended
    /// 待核查 — the handler has reported a result (已反馈).
    case reported
    /// 待回访 — verified and closed (结案); the resident has not rated it yet.
    case closed
    /// 已回访 — rated by the resident (or on their behalf in a 回访 call).
    case rated
    /// 不予受理
    case rejected
    /// 已作废 — duplicate, spam or entered by mistake.
    case voided
    /// 已撤回 — withdrawn by the resident before it was dispatched.
    case withdrawn

    public var label: String {
        switch self {
        case .received: "待受理"
        case .registered: "待派遣"
        case .dispatched: "待签收"
        case .inProgress: "处置中"
        case .suspended: "已挂起"
        case .reported: "待核查"
        case .closed: "待回访"
        case .rated: "已回访"
        case .rejected: "不予受理"
        case .voided: "已作废"
        case .withdrawn: "已撤回"
        }
    }

    /// How the state reads for the resident who asked: what is happening, in plain words,
    /// never the desk's terms (立案, 派遣, 核查, 回访).
    public var residentLabel: String {
        switch self {
        case .received: "已提交，等待受理"
        case .registered: "已受理，正在安排人办理"
        case .dispatched: "已送达处理人"
        case .inProgress: "处理中"
        case .suspended: "暂缓办理"
        case .reported: "已处理，正在复查"
        case .closed: "已办好，请评价"
        case .rated: "已办好，已评价"
        case .rejected: "未能受理"
        case .voided: "已取消"
        case .withdrawn: "已撤回"
        }
    }

    /// Nothing more can happen to it.
    public var isFinal: Bool { [.rated, .rejected, .voided, .withdrawn].contains(self) }

    /// Open311 knows only `open` and `closed`: closed once the work is done or refused.
    public var isOpen: Bool { !isFinal && self != .closed }

    /// The stage whose clock runs in this state.
    public var stage: Stage? {
        switch self {
        case .received, .registered, .dispatched: .respond
        case .inProgress: .handle
        case .reported: .verify
        case .suspended, .closed, .rated, .rejected, .voided, .withdrawn: nil
        }
    }
}

/// A stage with its own time limit, counted in working minutes.
public enum Stage: String, Sendable, CaseIterable, Codable {
    /// 签收 — from intake until the handler signs for it (响应).
    case respond
    /// 处置 — from signing until the result is reported.
    case handle
    /// 核查 — from the report until it is verified.
    case verify

    public var label: String {
        switch self {
        case .respond: "签收"
        case .handle: "处置"
        case .verify: "核查"
        }
    }
}

/// Time limits per stage, in working minutes.
public struct StageLimits: Sendable, Equatable, Codable {
    public var respond: Int
    public var handle: Int
    public var verify: Int

    public init(respond: Int, handle: Int, verify: Int) {
        self.respond = respond
        self.handle = handle
        self.verify = verify
    }

    /// Limits given in working hours, as the catalog states them.
    public static func hours(_ respond: Int, _ handle: Int, _ verify: Int) -> StageLimits {
        StageLimits(respond: respond * 60, handle: handle * 60, verify: verify * 60)
    }

    public func minutes(_ stage: Stage) -> Int {
        switch stage {
        case .respond: respond
        case .handle: handle
        case .verify: verify
        }
    }
}
