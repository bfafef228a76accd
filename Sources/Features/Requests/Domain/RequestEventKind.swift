/// What happened to a request: a person's step (`RequestActionKind`), or one of the events
/// no step makes — the submission, a resident following it, the clock's warning and 督办.
/// Stored by `rawValue`; a stored kind this enum does not know is an error naming the row.
public enum RequestEventKind: RawRepresentable, Hashable, Sendable, CaseIterable {
    case submit
    /// 即将超期提醒, by the clock.
    case warn
    /// 督办, by the clock.
    case escalate
    /// Someone with the same request tapped 我也遇到了.
    case follow
    /// 确定地点 — staff place a request that came in 待定位 (its address or point not found).
    case place
    case action(RequestActionKind)

    public static var allCases: [RequestEventKind] {
        [.submit, .warn, .escalate, .follow, .place] + RequestActionKind.allCases.map(Self.action)
    }

    public init?(rawValue: String) {
        switch rawValue {
        case "submit": self = .submit
        case "warn": self = .warn
        case "escalate": self = .escalate
        case "follow": self = .follow
        case "place": self = .place
        default:
            guard let action = RequestActionKind(rawValue: rawValue) else { return nil }
            self = .action(action)
        }
    }

    public var rawValue: String {
        switch self {
        case .submit: "submit"
        case .warn: "warn"
        case .escalate: "escalate"
        case .follow: "follow"
        case .place: "place"
        case .action(let kind): kind.rawValue
        }
    }

    public var label: String {
        switch self {
        case .submit: "提交诉求"
        case .warn: "即将超期提醒"
        case .escalate: "督办"
        case .follow: "关注诉求"
        case .place: "确定地点"
        case .action(let kind): kind.label
        }
    }
}
