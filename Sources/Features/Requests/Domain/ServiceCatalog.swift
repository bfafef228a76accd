/// 服务目录 — what residents can ask for: categories of items, each with its handler,
/// assignment rule, time limits, extra questions and the channels that offer it.
public struct CatalogCategory: Sendable, Equatable, Codable {
    public let id: Int64
    public var code: String
    public var name: String
    public var description: String
    public var sortOrder: Int
    public var active: Bool
}

public struct CatalogItem: Sendable, Equatable, Codable {
    public let id: Int64
    public var categoryId: Int64
    /// Stable code, also the Open311 `service_code`, e.g. `YL01`.
    public var code: String
    public var name: String
    public var description: String
    public var handlerType: HandlerType
    public var assignment: AssignmentRule
    public var limits: StageLimits
    public var questions: [CatalogQuestion]
    public var channels: Set<IntakeChannel>
    public var allowsAnonymous: Bool
    public var active: Bool
    public var sortOrder: Int
    /// 紧急事项 — every request for it is urgent (`EmergencyRules`).
    public var urgent: Bool

    public init(id: Int64, categoryId: Int64, code: String, name: String, description: String, handlerType: HandlerType,
                assignment: AssignmentRule, limits: StageLimits, questions: [CatalogQuestion], channels: Set<IntakeChannel>,
                allowsAnonymous: Bool, active: Bool, sortOrder: Int, urgent: Bool = false) {
        self.id = id
        self.categoryId = categoryId
        self.code = code
        self.name = name
        self.description = description
        self.handlerType = handlerType
        self.assignment = assignment
        self.limits = limits
        self.questions = questions
        self.channels = channels
        self.allowsAnonymous = allowsAnonymous
        self.active = active
        self.sortOrder = sortOrder
        self.urgent = urgent
    }
}

/// Who handles an item's requests.
public enum HandlerType: String, Sendable, CaseIterable, Codable {
    case gridWorker = "grid_worker"
    case communityStaff = "community_staff"
    case socialWorker = "social_worker"
    case socialOrganization = "social_organization"
    case volunteerTeam = "volunteer_team"
    case department

    public var label: String {
        switch self {
        case .gridWorker: "网格员"
        case .communityStaff: "社区工作者"
        case .socialWorker: "社工"
        case .socialOrganization: "社会组织"
        case .volunteerTeam: "志愿服务队"
        case .department: "职能部门"
        }
    }
}

/// How the dispatcher's suggestion is found.
public enum AssignmentRule: Sendable, Equatable, Codable, Hashable {
    /// The grid team of the request's grid (网格长 and 专职网格员 first).
    case grid
    /// The team of a thematic grid (专属网格) of the community carrying this tag, e.g. 独居老人.
    case thematic(tag: String)
    /// A named account: an organization, a department, a volunteer team.
    case account(username: String)

    /// Stored as text: `grid`, `thematic:独居老人`, `account:zz.org`.
    public var stored: String {
        switch self {
        case .grid: "grid"
        case .thematic(let tag): "thematic:" + tag
        case .account(let username): "account:" + username
        }
    }

    public init?(stored: String) {
        if stored == "grid" { self = .grid; return }
        if stored.hasPrefix("thematic:"), stored.count > 9 { self = .thematic(tag: String(stored.dropFirst(9))); return }
        if stored.hasPrefix("account:"), stored.count > 8 { self = .account(username: String(stored.dropFirst(8))); return }
        return nil
    }

    public var label: String {
        switch self {
        case .grid: "按网格"
        case .thematic(let tag): "按专属网格（\(tag)）"
        case .account(let username): "指定承办：\(username)"
        }
    }
}

/// Where a request came in. Recorded on the request; an item lists the channels offering it.
public enum IntakeChannel: String, Sendable, CaseIterable, Codable, Hashable {
    /// 居民自助（手机）
    case selfService = "self_service"
    /// 热线
    case hotline
    /// 网格员上报
    case gridWorker = "grid_worker"
    /// 代办 — staff on behalf of a resident who came in or called.
    case onBehalf = "on_behalf"
    /// Open311 clients
    case open311

    public var label: String {
        switch self {
        case .selfService: "居民自助"
        case .hotline: "热线电话"
        case .gridWorker: "网格员上报"
        case .onBehalf: "代办"
        case .open311: "开放接口"
        }
    }
}
