import Foundation

/// 志愿服务队 — kinds by who runs them; the level follows from the region they belong to
/// (district → street → community teams), so a team's parent is a team at or above its place.
public enum VolunteerTeamKind: String, Sendable, CaseIterable, Codable {
    /// A team of the district, a street or a community.
    case community
    /// A social organisation's team.
    case organization
    /// A 双报到 unit's team (机关、企事业单位 reporting to the community).
    case unit

    public var label: String {
        switch self {
        case .community: "社区志愿服务队"
        case .organization: "社会组织志愿服务队"
        case .unit: "双报到单位志愿服务队"
        }
    }
}

public enum VolunteerTeamRole: String, Sendable, CaseIterable, Codable {
    case leader, member
    public var label: String { self == .leader ? "队长" : "队员" }
}

public enum MembershipStatus: String, Sendable, CaseIterable, Codable {
    case pending, active, left, rejected
    public var label: String {
        switch self {
        case .pending: "待审核"
        case .active: "在队"
        case .left: "已离队"
        case .rejected: "未通过"
        }
    }
}

public struct VolunteerTeam: Sendable, Codable, Equatable {
    public let id: Int64
    public let name: String
    public let kind: VolunteerTeamKind
    public let regionId: Int64
    public let regionPath: String
    public let parentId: Int64?
    /// The organisation or unit behind a team of that kind.
    public let sponsor: String?
    public let memberCount: Int
}

public struct VolunteerTeamMember: Sendable, Codable, Equatable {
    public let teamId: Int64
    public let volunteerId: Int64
    public let name: String
    public let number: String?
    public let role: VolunteerTeamRole
    public let status: MembershipStatus
}
