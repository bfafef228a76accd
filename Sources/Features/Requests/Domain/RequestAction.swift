/// Something a person does to a request. Every action is recorded as an event on the
/// request's trace and in the audit trail.
public enum RequestAction: Sendable, Equatable {
    /// 立案
    case register(note: String?)
    /// 不予受理
    case reject(reason: String)
    /// 作废
    case void(reason: String)
    /// 撤回 — by the resident, before dispatch.
    case withdraw(reason: String?)
    /// 派遣 — one 主办 handler and optional 协办 handlers.
    case dispatch(handler: Int64, coHandlers: [Int64], note: String?)
    /// 签收
    case claim
    /// 回退 — back to the dispatcher.
    case sendBack(reason: String)
    /// 申请延期 — extra working minutes for the 处置 stage.
    case requestExtension(minutes: Int, reason: String)
    case approveExtension(note: String?)
    case denyExtension(reason: String)
    /// 申请挂起 — e.g. waiting for a court date or for parts; the clock stops once approved.
    case requestSuspension(reason: String)
    case approveSuspension(note: String?)
    case denySuspension(reason: String)
    /// 恢复处置
    case resume(note: String?)
    /// 反馈 — the result; evidence photos are attached to the event.
    case report(result: String)
    /// 核查通过 → 结案
    case verifyPass(note: String?)
    /// 核查不通过 → 返工
    case verifyFail(reason: String)
    /// 回访/评价 — 1 to 5; 1–2 is 不满意 and sends it back to be handled again (重办).
    case rate(score: Int, comment: String?)
    /// 补充信息 — by the resident, visible on the tracking page.
    case addInformation(text: String)
    /// 内部备注 — staff only, never shown to the resident.
    case comment(text: String)

    public var kind: RequestActionKind {
        switch self {
        case .register: .register
        case .reject: .reject
        case .void: .void
        case .withdraw: .withdraw
        case .dispatch: .dispatch
        case .claim: .claim
        case .sendBack: .sendBack
        case .requestExtension: .requestExtension
        case .approveExtension: .approveExtension
        case .denyExtension: .denyExtension
        case .requestSuspension: .requestSuspension
        case .approveSuspension: .approveSuspension
        case .denySuspension: .denySuspension
        case .resume: .resume
        case .report: .report
        case .verifyPass: .verifyPass
        case .verifyFail: .verifyFail
        case .rate: .rate
        case .addInformation: .addInformation
        case .comment: .comment
        }
    }

    /// The free text the person wrote with the action, if any.
    public var text: String? {
        switch self {
        case .register(let note), .withdraw(let note), .dispatch(_, _, let note), .approveExtension(let note),
             .approveSuspension(let note), .resume(let note), .verifyPass(let note):
            note
        case .reject(let text), .void(let text), .sendBack(let text), .requestExtension(_, let text), .denyExtension(let text),
             .requestSuspension(let text), .denySuspension(let text), .report(let text), .verifyFail(let text),
             .addInformation(let text), .comment(let text):
            text
        case .rate(_, let comment): comment
        case .claim: nil
        }
    }
}

/// The kinds of action, as stored on events and named in URLs and the API.
public enum RequestActionKind: String, Sendable, CaseIterable, Codable {
    /// Steps that end a request for good: a person confirms them on a page before they are taken.
    public static let irreversible: Set<RequestActionKind> = [.withdraw, .void, .reject]

    case register, reject, void, withdraw, dispatch, claim
    case sendBack = "send_back"
    case requestExtension = "request_extension"
    case approveExtension = "approve_extension"
    case denyExtension = "deny_extension"
    case requestSuspension = "request_suspension"
    case approveSuspension = "approve_suspension"
    case denySuspension = "deny_suspension"
    case resume, report
    case verifyPass = "verify_pass"
    case verifyFail = "verify_fail"
    case rate
    case addInformation = "add_information"
    case comment

    public var label: String {
        switch self {
        case .register: "立案"
        case .reject: "不予受理"
        case .void: "作废"
        case .withdraw: "撤回"
        case .dispatch: "派遣"
        case .claim: "签收"
        case .sendBack: "回退"
        case .requestExtension: "申请延期"
        case .approveExtension: "批准延期"
        case .denyExtension: "驳回延期"
        case .requestSuspension: "申请挂起"
        case .approveSuspension: "批准挂起"
        case .denySuspension: "驳回挂起"
        case .resume: "恢复处置"
        case .report: "反馈结果"
        case .verifyPass: "核查通过"
        case .verifyFail: "核查不通过"
        case .rate: "回访评价"
        case .addInformation: "补充信息"
        case .comment: "内部备注"
        }
    }

    /// Staff-internal: left off the resident's tracking page.
    public var isInternal: Bool { self == .comment }
}

/// How the acting person stands to one request. Computed by the service from the account
/// and the request; the workflow decides with it, without I/O.
public enum Participant: String, Sendable, CaseIterable {
    /// 诉求人 — the resident who asked (signed in, or holding the tracking code).
    case requester
    /// 派遣员 — staff who may register and dispatch requests in this region.
    case dispatcher
    /// 主办 — the handler it is dispatched to.
    case handler
    /// 协办
    case coHandler
    /// 核查员 — staff who may verify in this region (never the handler).
    case verifier
    /// 上级审批 — staff above the handler's level who may approve extensions and suspensions.
    case approver
    /// 回访员 — staff who call residents back and record their rating.
    case reviewer
}
