import Hummingbird
import LinliKit

/// 区域与网格 — the region tree, grid teams and thematic grids.
public struct RegionsFeature: Feature {
    public static let name = "regions"
    public static let migrations = RegionStore.migrations
    public static let permissions: [Permission] = [.regionView, .regionManage, .regionTeam, .thematicManage]
    static let administration: Set<Permission> = [.regionView, .regionManage, .regionTeam, .thematicManage]
    public static let grants: [Role: Set<Permission>] = [
        .districtAdmin: administration, .streetAdmin: administration, .communityStaff: administration,
        .gridLeader: [.regionView], .gridWorker: [.regionView], .socialWorker: [.regionView],
        .socialOrganization: [.regionView], .department: [.regionView],
    ]
    public static let templates = RegionsTemplates.all
    public static let navigation = [
        NavigationItem.link("区域与网格", href: "/regions", permission: .regionView, order: 20),
        NavigationItem.link("专题网格", href: "/thematic-grids", permission: .regionView, order: 21),
    ]
    public static var api: APIDescription { RegionsAPI.api }
    public static var auditActions: [AuditAction] { AuditAction.regions }

    public let regions: RegionService
    public let teams: TeamService

    public init(context: FeatureContext) {
        regions = RegionService(database: context.database, audit: context.audit, clock: context.clock,
                                moveListeners: context.moveListeners)
        teams = TeamService(database: context.database, audit: context.audit, clock: context.clock, staff: context.staff)
    }

    public var services: [any Sendable] { [regions, teams] }
    public var homeSections: [any HomeSection] { [ScopeHomeSection(regions: regions)] }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        RegionsAPI(regions: regions, teams: teams).addRoutes(to: router)
        RegionsPages(regions: regions, teams: teams, web: web).addRoutes(to: router)
    }
}

extension ServiceProvider {
    public var regions: RegionService { service(RegionService.self) }
    public var teams: TeamService { service(TeamService.self) }
}
