import Foundation

/// Where a sign-up stands.
public enum SignUpStatus: String, Sendable, CaseIterable, Codable {
    /// Has a place.
    case confirmed
    /// Moved up from the waiting list: the place is theirs if they accept before `holdUntil`.
    case held
    case waiting
    /// Needs the organiser's approval first (after too many no-shows).
    case awaitingApproval = "awaiting_approval"
    case cancelled
    /// A hold not accepted in time; the place went to the next.
    case lapsed
    /// The organiser refused it.
    case declined

    public var label: String {
        switch self {
        case .confirmed: "已报名"
        case .held: "候补递补，待确认"
        case .waiting: "候补中"
        case .awaitingApproval: "待审核"
        case .cancelled: "已取消"
        case .lapsed: "递补已过期"
        case .declined: "未通过"
        }
    }

    /// Takes one of the role's places.
    public var takesPlace: Bool { self == .confirmed || self == .held }
    /// Still counts as the person's sign-up (at most one per activity).
    public var isActive: Bool { takesPlace || self == .waiting || self == .awaitingApproval }
    static let activeValues = allCases.filter(\.isActive).map(\.rawValue)
}

/// 出勤: how the activity went for the person.
public enum Attendance: String, Sendable, CaseIterable, Codable {
    case attended
    /// 爽约 — signed up, had a place, did not come.
    case noShow = "no_show"
    public var label: String { self == .attended ? "已到" : "未到" }
}

/// How a person was checked in.
public enum CheckInMethod: String, Sendable, CaseIterable, Codable {
    /// The volunteer's phone scanned the code shown at the activity.
    case scan
    /// The organiser scanned the volunteer's personal code.
    case personalCode = "personal_code"
    /// The organiser ticked the list (people without phones).
    case list

    public var label: String {
        switch self {
        case .scan: "扫码签到"
        case .personalCode: "扫个人码"
        case .list: "名单勾选"
        }
    }
}

public struct SignUp: Sendable, Codable, Equatable {
    public let id: Int64
    public let activityId: Int64
    public let roleId: Int64
    public let residentId: Int64
    public let volunteerId: Int64?
    public let name: String
    public let status: SignUpStatus
    /// Order on the waiting list (earlier first).
    public let queuedAt: Int64
    public let holdUntil: Int64?
    public let checkedInAt: Int64?
    public let checkedOutAt: Int64?
    public let checkInMethod: CheckInMethod?
    public let attendance: Attendance?
    public let createdAt: Int64
}

/// What a sign-up answers: the sign-up, its place on the waiting list, and a warning when the
/// person already has something at the same time (refused outright for volunteer shifts).
public struct SignUpResult: Sendable, Codable, Equatable {
    public let signUp: SignUp
    public let waitingPosition: Int?
    public let warning: String?
}
