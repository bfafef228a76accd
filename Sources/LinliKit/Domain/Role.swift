/// The roles of PRODUCT.md. Every account has exactly one and is bound to one region node.
public enum Role: String, Sendable, CaseIterable, Codable, Hashable {
    /// 居民
    case resident
    /// 网格员 (专职/兼职)
    case gridWorker = "grid_worker"
    /// 网格长
    case gridLeader = "grid_leader"
    /// 社区工作者
    case communityStaff = "community_staff"
    /// 社工
    case socialWorker = "social_worker"
    /// 社会组织
    case socialOrganization = "social_organization"
    /// 志愿者
    case volunteer
    /// 职能部门
    case department
    /// 街道管理员
    case streetAdmin = "street_admin"
    /// 区民政局管理员
    case districtAdmin = "district_admin"
    /// 在职党员
    case partyMember = "party_member"

    public var label: String {
        switch self {
        case .resident: "居民"
        case .gridWorker: "网格员"
        case .gridLeader: "网格长"
        case .communityStaff: "社区工作者"
        case .socialWorker: "社工"
        case .socialOrganization: "社会组织"
        case .volunteer: "志愿者"
        case .department: "职能部门"
        case .streetAdmin: "街道管理员"
        case .districtAdmin: "区民政局管理员"
        case .partyMember: "在职党员"
        }
    }

    public static func parse(_ text: String) -> Role? {
        Role(rawValue: text) ?? Role.allCases.first { $0.label == text }
    }
}
