/// 工作队列 — the lists staff work from.
public enum RequestQueue: String, Sendable, CaseIterable {
    /// 待派遣 — received or registered, in the actor's region.
    case dispatch
    /// 派给我的 — dispatched to me (主办 or 协办) and not yet reported.
    case mine
    /// 即将超期 — the running stage falls due within the warning time.
    case dueSoon = "due_soon"
    /// 已超期
    case overdue
    /// 待核查
    case verify
    /// 待回访
    case review
    /// 待定位 — came in with an address or a point that placed it nowhere below the street;
    /// waits for staff to choose the place before it can be dispatched.
    case unplaced
    /// 全部
    case all

    public var label: String {
        switch self {
        case .dispatch: "待派遣"
        case .mine: "派给我的"
        case .dueSoon: "即将超期"
        case .overdue: "已超期"
        case .verify: "待核查"
        case .review: "待回访"
        case .unplaced: "待定位"
        case .all: "全部诉求"
        }
    }
}

/// Filters on a queue.
public struct RequestQuery: Sendable {
    public var queue: RequestQueue
    public var regionId: Int64?
    public var categoryId: Int64?
    public var state: RequestState?
    public var channel: IntakeChannel?
    public var limit: Int
    public var offset: Int

    public init(queue: RequestQueue = .all, regionId: Int64? = nil, categoryId: Int64? = nil, state: RequestState? = nil,
                channel: IntakeChannel? = nil, limit: Int = 50, offset: Int = 0) {
        self.queue = queue
        self.regionId = regionId
        self.categoryId = categoryId
        self.state = state
        self.channel = channel
        self.limit = limit
        self.offset = offset
    }
}

/// One line of a queue.
public struct RequestSummary: Sendable, Encodable {
    public let id: Int64
    public let trackingCode: String
    public let itemId: Int64
    public let itemName: String
    public let state: RequestState
    public let channel: IntakeChannel
    public let place: String
    public let submittedAt: Int64
    public let currentDue: Int64?
    public let handlerId: Int64?
    public let escalationLevel: Int
    public let urgent: Bool
}
