import Foundation
import LinliKit

/// 活动变更 — a change to an activity that has not begun: its title, description, time,
/// sign-up close, cancel deadline or number of places. Empty fields keep what is there.
public struct ActivityChange: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var startsAt: Date?
    public var endsAt: Date?
    public var signUpCloses: Date?
    public var cancelDeadline: Date?
    /// New number of places, by role id.
    public var capacities: [Int64: Int]
    /// 变更原因 — told to everyone signed up; required once the activity is published.
    public var reason: String

    public init(title: String? = nil, description: String? = nil, startsAt: Date? = nil, endsAt: Date? = nil, signUpCloses: Date? = nil,
                cancelDeadline: Date? = nil, capacities: [Int64: Int] = [:], reason: String = "") {
        self.title = title
        self.description = description
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.signUpCloses = signUpCloses
        self.cancelDeadline = cancelDeadline
        self.capacities = capacities
        self.reason = reason
    }
}

extension ActivityChange {
    /// Only the fields that differ from `activity`: a form repeats every field, and a sign-up
    /// close sent as it was must still follow a moved start.
    public func differences(from activity: Activity) -> ActivityChange {
        var c = self
        if c.title == activity.title { c.title = nil }
        if c.description == activity.description { c.description = nil }
        if c.startsAt?.millis == activity.startsAt { c.startsAt = nil }
        if c.endsAt?.millis == activity.endsAt { c.endsAt = nil }
        if c.signUpCloses?.millis == activity.signUpCloses { c.signUpCloses = nil }
        if c.cancelDeadline?.millis == activity.cancelDeadline { c.cancelDeadline = nil }
        return c
    }
}

/// An activity after a change passed `ActivityChangeRules.apply`, with the lines the people
/// signed up are told.
public struct ChangedActivity: Sendable, Equatable {
    public struct Role: Sendable, Equatable {
        public let id: Int64
        public let capacity: Int
        public let startsAt: Int64
        public let endsAt: Int64
        public let defaultMinutes: Int
    }

    public let title: String
    public let description: String
    public let startsAt: Int64
    public let endsAt: Int64
    public let signUpCloses: Int64
    public let cancelDeadline: Int64
    public let roles: [Role]
    /// What changed, in words, for the notice and the audit entry (名额 lines included).
    public let lines: [String]
    /// Those signed up are told (anything but more or fewer places changed).
    public let tellsSignedUp: Bool
    /// The time moved: sign-ups follow and the day-before reminder is sent again.
    public let timeMoved: Bool
    /// Roles with more places than before (the waiting list moves up).
    public let widened: [Int64]
}

public enum ActivityChangeRules {
    public static let maxReason = 200

    /// States in which an activity may still be changed.
    public static func changeable(_ state: ActivityState) -> Bool { state == .draft || state == .published || state == .closed }

    /// Applies `change` to `activity` at `now`. A role that spans the whole activity follows
    /// its new time; a shorter slot moves by as much as the start and must still fit. A sign-up
    /// close or cancel deadline left at its default (the start) follows the start too.
    public static func apply(_ change: ActivityChange, to activity: Activity, now: Date) throws -> ChangedActivity {
        guard changeable(activity.state) else { throw ActivityChangeRefusal.state(activity.state) }
        var errors: [String: String] = [:]
        let title = change.title ?? activity.title
        if title.isEmpty || title.count > 60 { errors["title"] = "「活动名称」应为 1–60 个字" }
        let description = change.description ?? activity.description
        let start = change.startsAt?.millis ?? activity.startsAt
        let end = change.endsAt?.millis ?? (change.startsAt == nil ? activity.endsAt : start + (activity.endsAt - activity.startsAt))
        let shift = start - activity.startsAt
        if end <= start { errors["endsAt"] = "结束时间应晚于开始时间" }
        if Double(end - start) / 1000 > ActivityRules.maxLength { errors["endsAt"] = "一个活动最长 7 天，更长的请分成几场" }
        if activity.state != .draft && start != activity.startsAt && start <= now.millis { errors["startsAt"] = "活动开始时间不能改到现在之前" }
        let closesFollow = activity.signUpCloses == activity.startsAt
        let closes = change.signUpCloses?.millis ?? (closesFollow ? start : activity.signUpCloses)
        if closes <= activity.signUpOpens { errors["signUpCloses"] = "报名截止时间应晚于报名开始时间" }
        if closes > end { errors["signUpCloses"] = "报名截止时间不能晚于活动结束" }
        let cancelFollows = activity.cancelDeadline == min(activity.signUpCloses, activity.startsAt)
        let cancel = change.cancelDeadline?.millis ?? (cancelFollows ? min(closes, start) : activity.cancelDeadline)
        if cancel > start { errors["cancelDeadline"] = "取消报名截止时间不能晚于活动开始" }
        var roles: [ChangedActivity.Role] = []
        var lines: [String] = []
        var widened: [Int64] = []
        for role in activity.roles {
            let whole = role.startsAt == activity.startsAt && role.endsAt == activity.endsAt
            let from = whole ? start : role.startsAt + shift, to = whole ? end : role.endsAt + shift
            if from < start || to > end { errors["roles.\(role.id).startsAt"] = "岗位「\(role.name)」的时段不在新的活动时间内，请先调整活动时间" }
            let capacity = change.capacities[role.id] ?? role.capacity
            let taken = role.confirmed + role.held
            if !(1...ActivityRules.maxCapacity).contains(capacity) {
                errors["roles.\(role.id).capacity"] = "名额应在 1 到 \(ActivityRules.maxCapacity) 之间"
            } else if capacity < taken {
                errors["roles.\(role.id).capacity"] = "岗位「\(role.name)」已有 \(taken) 人报名（含递补保留），名额不能少于 \(taken)"
            }
            if capacity != role.capacity {
                lines.append(activity.roles.count == 1 ? "名额：\(role.capacity) → \(capacity)" : "「\(role.name)」名额：\(role.capacity) → \(capacity)")
                if capacity > role.capacity { widened.append(role.id) }
            }
            roles.append(.init(id: role.id, capacity: capacity, startsAt: from, endsAt: to, defaultMinutes: min(role.defaultMinutes, Int((to - from) / 60_000))))
        }
        for id in change.capacities.keys where !activity.roles.contains(where: { $0.id == id }) {
            errors["roles.\(id).capacity"] = "所选岗位不属于这个活动"
        }
        var told: [String] = []
        if title != activity.title { told.append("名称：\(activity.title) → \(title)") }
        if start != activity.startsAt || end != activity.endsAt {
            told.append("时间：\(span(activity.startsAt, activity.endsAt)) → \(span(start, end))")
        }
        if closes != activity.signUpCloses { told.append("报名截止：\(Date(millis: closes).shanghaiText)") }
        if cancel != activity.cancelDeadline { told.append("取消报名截止：\(Date(millis: cancel).shanghaiText)") }
        if description != activity.description { told.append("活动说明已更新") }
        let reason = change.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if activity.state != .draft && reason.isEmpty { errors["reason"] = "请写明变更原因，报名的人会收到" }
        if reason.count > maxReason { errors["reason"] = "变更原因最多 \(maxReason) 个字" }
        if !errors.isEmpty { throw VolunteerRuleError(fields: errors) }
        guard !(told + lines).isEmpty else { throw ActivityChangeRefusal.nothingChanged }
        return ChangedActivity(title: title, description: description, startsAt: start, endsAt: end, signUpCloses: closes, cancelDeadline: cancel,
                               roles: roles, lines: told + lines, tellsSignedUp: !told.isEmpty, timeMoved: start != activity.startsAt || end != activity.endsAt,
                               widened: widened)
    }

    static func span(_ from: Int64, _ to: Int64) -> String {
        let a = Date(millis: from).shanghaiText, b = Date(millis: to).shanghaiText
        return a.prefix(10) == b.prefix(10) && b.count > 10 ? "\(a)–\(b.dropFirst(11))" : "\(a)–\(b)"
    }
}

/// Why an activity cannot be changed at all.
public enum ActivityChangeRefusal: Error, Equatable {
    case state(ActivityState)
    case nothingChanged

    public var message: String {
        switch self {
        case .state(let s): "活动「\(s.label)」，不能再修改；如需调整请联系报名的人"
        case .nothingChanged: "没有要修改的内容"
        }
    }
}
