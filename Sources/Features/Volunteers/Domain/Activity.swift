import Foundation

/// 活动 kinds: volunteer service, staffed by roles and shifts, counts service hours; a resident
/// activity (文体活动, 义诊, 讲座) is one that residents come to.
public enum ActivityKind: String, Sendable, CaseIterable, Codable {
    case service
    case resident
    public var label: String { self == .service ? "志愿服务" : "居民活动" }
}

/// An activity's life: 草稿 → 已发布 → (报名截止) → 进行中 → 已结束 → 已认证时长; or 已取消.
public enum ActivityState: String, Sendable, CaseIterable, Codable {
    case draft, published, closed
    case inProgress = "in_progress"
    case finished, certified, cancelled

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .published: "报名中"
        case .closed: "报名截止"
        case .inProgress: "进行中"
        case .finished: "已结束"
        case .certified: "已认证时长"
        case .cancelled: "已取消"
        }
    }

    /// People may sign up (within the window).
    public var takesSignUps: Bool { self == .published }
    /// People may check in and out (within the day's window).
    public var takesAttendance: Bool { self == .published || self == .closed || self == .inProgress }
    /// Those signed up are still expected to come.
    public var isUpcoming: Bool { self == .published || self == .closed || self == .inProgress }
}

public enum ActivityAction: String, Sendable, CaseIterable, Codable {
    case publish
    /// 截止报名 early.
    case close
    case start, finish, certify, cancel

    public var label: String {
        switch self {
        case .publish: "发布"
        case .close: "截止报名"
        case .start: "开始活动"
        case .finish: "结束活动"
        case .certify: "认证时长"
        case .cancel: "取消活动"
        }
    }
}

/// Which action leads where; a pair not in the table is refused.
public enum ActivityWorkflow {
    static let table: [ActivityState: [ActivityAction: ActivityState]] = [
        .draft: [.publish: .published, .cancel: .cancelled],
        // 结束 straight from 报名中 or 报名截止 too: an organiser need not have pressed 开始.
        .published: [.close: .closed, .start: .inProgress, .finish: .finished, .cancel: .cancelled],
        .closed: [.start: .inProgress, .finish: .finished, .cancel: .cancelled],
        .inProgress: [.finish: .finished],
        .finished: [.certify: .certified],
        .certified: [:],
        .cancelled: [:],
    ]

    public static func next(_ state: ActivityState, _ action: ActivityAction) -> ActivityState? { table[state]?[action] }

    public static func actions(from state: ActivityState) -> [ActivityAction] {
        ActivityAction.allCases.filter { next(state, $0) != nil }
    }

    public static func refusal(_ state: ActivityState, _ action: ActivityAction) -> String {
        "活动「\(state.label)」时不能\(action.label)"
    }
}

/// 岗位 or 班次: what volunteers sign up for, with its number and its slot. A resident
/// activity has one, 参加.
public struct ActivityRole: Sendable, Codable, Equatable {
    public let id: Int64
    public let name: String
    public let capacity: Int
    public let startsAt: Int64
    public let endsAt: Int64
    /// A skill the volunteer must have (持证社工, 医护); nil: anyone.
    public let qualification: String?
    /// Counted when the volunteer came but did not check out.
    public let defaultMinutes: Int
    public let confirmed: Int
    public let held: Int
    public let waiting: Int
}

public struct Activity: Sendable, Codable, Equatable {
    public let id: Int64
    public let title: String
    public let kind: ActivityKind
    public let state: ActivityState
    public let description: String
    /// Where it happens (a region node; the venues issue adds rooms).
    public let regionId: Int64
    public let regionPath: String
    public let placeName: String
    /// Who may sign up: people living within this node …
    public let targetRegionId: Int64
    public let targetPath: String
    /// … and, when set, carrying this care tag (独居老人).
    public let targetTag: String?
    public let teamId: Int64?
    /// 服务对象 — the beneficiary group, as the record gives it.
    public let beneficiary: String
    /// 活动负责人.
    public let lead: String
    public let startsAt: Int64
    public let endsAt: Int64
    public let signUpOpens: Int64
    public let signUpCloses: Int64
    /// Until when a person may cancel their own sign-up.
    public let cancelDeadline: Int64
    public let waitingList: WaitingListMode
    public let holdMinutes: Int
    public let cutoffMinutes: Int
    public let cancelReason: String?
    public let createdBy: Int64?
    public let roles: [ActivityRole]

    public var policy: SignUpPolicy { policy(capacity: 0) }

    public func policy(capacity: Int) -> SignUpPolicy {
        SignUpPolicy(capacity: capacity, waitingList: waitingList, hold: TimeInterval(holdMinutes * 60),
                     promotionCutoff: TimeInterval(cutoffMinutes * 60))
    }
}

/// A new activity or a change to one, checked by `ActivityRules.check`.
public struct ActivityDraft: Sendable, Equatable {
    public struct Role: Sendable, Equatable {
        public var name: String
        public var capacity: Int
        public var startsAt: Date?
        public var endsAt: Date?
        public var qualification: String?
        public var defaultMinutes: Int?
        public init(name: String, capacity: Int, startsAt: Date? = nil, endsAt: Date? = nil, qualification: String? = nil,
                    defaultMinutes: Int? = nil) {
            self.name = name
            self.capacity = capacity
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.qualification = qualification
            self.defaultMinutes = defaultMinutes
        }
    }

    public var title: String
    public var kind: ActivityKind
    public var description: String
    public var regionId: Int64
    public var targetRegionId: Int64?
    public var targetTag: String?
    public var teamId: Int64?
    public var beneficiary: String
    public var lead: String
    public var startsAt: Date
    public var endsAt: Date
    public var signUpOpens: Date?
    public var signUpCloses: Date?
    public var cancelDeadline: Date?
    public var waitingList: WaitingListMode
    public var holdHours: Int?
    public var cutoffHours: Int?
    public var roles: [Role]

    public init(title: String, kind: ActivityKind, description: String = "", regionId: Int64, targetRegionId: Int64? = nil,
                targetTag: String? = nil, teamId: Int64? = nil, beneficiary: String = "社区居民", lead: String = "", startsAt: Date,
                endsAt: Date, signUpOpens: Date? = nil, signUpCloses: Date? = nil, cancelDeadline: Date? = nil,
                waitingList: WaitingListMode = .automatic, holdHours: Int? = nil, cutoffHours: Int? = nil, roles: [Role]) {
        self.title = title
        self.kind = kind
        self.description = description
        self.regionId = regionId
        self.targetRegionId = targetRegionId
        self.targetTag = targetTag
        self.teamId = teamId
        self.beneficiary = beneficiary
        self.lead = lead
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.signUpOpens = signUpOpens
        self.signUpCloses = signUpCloses
        self.cancelDeadline = cancelDeadline
        self.waitingList = waitingList
        self.holdHours = holdHours
        self.cutoffHours = cutoffHours
        self.roles = roles
    }
}

/// The times and roles of an activity after its draft passed the rules.
public struct CheckedActivity: Sendable, Equatable {
    public let signUpOpens: Date
    public let signUpCloses: Date
    public let cancelDeadline: Date
    public let holdMinutes: Int
    public let cutoffMinutes: Int
    public let roles: [(name: String, capacity: Int, startsAt: Date, endsAt: Date, qualification: String?, defaultMinutes: Int)]

    public static func == (a: CheckedActivity, b: CheckedActivity) -> Bool {
        a.signUpOpens == b.signUpOpens && a.signUpCloses == b.signUpCloses && a.cancelDeadline == b.cancelDeadline
            && a.roles.map(\.name) == b.roles.map(\.name) && a.roles.map(\.capacity) == b.roles.map(\.capacity)
    }
}

public enum ActivityRules {
    public static let maxRoles = 20
    public static let maxCapacity = 10_000
    /// An activity lasts at most this long (a multi-day event is several activities).
    public static let maxLength: TimeInterval = 7 * 86_400

    /// Checks a draft at `now`, filling the defaults: sign-up opens now and closes at the
    /// start; a person may cancel until the close; a role's slot is the activity's.
    public static func check(_ d: ActivityDraft, now: Date, defaultHoldHours: Int, defaultCutoffHours: Int) throws -> CheckedActivity {
        var errors: [String: String] = [:]
        if d.title.isEmpty { errors["title"] = "请填写「活动名称」" }
        if d.endsAt <= d.startsAt { errors["endsAt"] = "结束时间应晚于开始时间" }
        if d.endsAt.timeIntervalSince(d.startsAt) > maxLength { errors["endsAt"] = "一个活动最长 7 天，更长的请分成几场" }
        let opens = d.signUpOpens ?? now
        let closes = d.signUpCloses ?? d.startsAt
        if closes <= opens { errors["signUpCloses"] = "报名截止时间应晚于报名开始时间" }
        if closes > d.endsAt { errors["signUpCloses"] = "报名截止时间不能晚于活动结束" }
        let cancel = d.cancelDeadline ?? min(closes, d.startsAt)
        if cancel > d.startsAt { errors["cancelDeadline"] = "取消报名截止时间不能晚于活动开始" }
        let hold = d.holdHours ?? defaultHoldHours, cutoff = d.cutoffHours ?? defaultCutoffHours
        if !(1...168).contains(hold) { errors["holdHours"] = "候补保留时长应在 1 到 168 小时之间" }
        if !(0...72).contains(cutoff) { errors["cutoffHours"] = "停止递补应在开始前 0 到 72 小时之间" }
        if d.roles.isEmpty { errors["roles"] = d.kind == .service ? "请至少设一个岗位" : "请填写名额" }
        if d.roles.count > maxRoles { errors["roles"] = "岗位最多 \(maxRoles) 个" }
        if d.kind == .resident && d.roles.count > 1 { errors["roles"] = "居民活动只设一个名额" }
        if d.targetTag != nil && d.kind == .service { errors["targetTag"] = "志愿服务按服务区域招募，不按居民标签" }
        var roles: [(name: String, capacity: Int, startsAt: Date, endsAt: Date, qualification: String?, defaultMinutes: Int)] = []
        var names = Set<String>()
        for (i, role) in d.roles.enumerated() {
            let key = "roles.\(i)"
            let from = role.startsAt ?? d.startsAt, to = role.endsAt ?? d.endsAt
            if role.name.isEmpty || role.name.count > 30 { errors[key + ".name"] = "岗位名称应为 1–30 个字" }
            if !names.insert(role.name).inserted { errors[key + ".name"] = "岗位「\(role.name)」重复" }
            if !(1...maxCapacity).contains(role.capacity) { errors[key + ".capacity"] = "名额应在 1 到 \(maxCapacity) 之间" }
            if from < d.startsAt || to > d.endsAt || to <= from { errors[key + ".startsAt"] = "岗位「\(role.name)」的时段应在活动时间之内" }
            let slot = Int(max(0, to.timeIntervalSince(from)) / 60)
            let fallback = role.defaultMinutes ?? slot
            if fallback < 0 || fallback > slot { errors[key + ".defaultMinutes"] = "默认时长不能超过岗位时段" }
            roles.append((role.name, role.capacity, from, to, role.qualification, min(max(fallback, 0), slot)))
        }
        if !errors.isEmpty { throw VolunteerRuleError(fields: errors) }
        return CheckedActivity(signUpOpens: opens, signUpCloses: closes, cancelDeadline: cancel, holdMinutes: hold * 60,
                               cutoffMinutes: cutoff * 60, roles: roles)
    }
}
