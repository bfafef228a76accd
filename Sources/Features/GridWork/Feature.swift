import Hummingbird
import LinliKit
import Notifications
import Regions
import Requests
import Residents

/// 网格工作 (五定三全一闭环): duties per post, the visit plan from the registry, visits with
/// "raise a request now", major events, and the grid worker's day on the phone
/// (docs/grid-work.md).
public struct GridWorkFeature: Feature {
    public static let name = "gridwork"
    public static let migrations = GridWorkMigrations.all
    public static let permissions: [Permission] = [.gridWork, .gridView, .gridManage]
    public static let grants: [Role: Set<Permission>] = [
        .gridWorker: [.gridWork, .gridView],
        .gridLeader: [.gridWork, .gridView],
        .communityStaff: [.gridWork, .gridView, .gridManage],
        // Admins hold every permission of the accounts they create (PermissionTable.grantableRoles).
        .streetAdmin: [.gridWork, .gridView, .gridManage],
        .districtAdmin: [.gridWork, .gridView, .gridManage],
    ]
    public static var moveListeners: [any SubtreeMoveListener] { [GridWorkPathsListener()] }
    public static var residentListeners: [any ResidentChangeListener] { [VisitPlanListener()] }
    public static var auditActions: [AuditAction] { AuditAction.gridWork }
    public static var api: APIDescription { GridWorkAPI.api }
    public static let templates = GridWorkTemplates.all
    public static let navigation = [
        NavigationItem.link("网格工作", href: "/grid", permission: .gridWork, order: 25),
        NavigationItem.link("走访覆盖", href: "/grid/coverage", permission: .gridView, order: 26),
        NavigationItem.link("考核定分", href: "/grid/scores", permission: .gridView, order: 27),
    ]

    public let gridWork: GridWorkService
    let catalog: CatalogService

    public init(context: FeatureContext) throws {
        gridWork = GridWorkService(
            database: context.database, audit: context.audit, clock: context.clock,
            regions: try context.services.require(RegionService.self, by: Self.name),
            teams: try context.services.require(TeamService.self, by: Self.name),
            residents: try context.services.require(ResidentService.self, by: Self.name),
            requests: try context.services.require(RequestService.self, by: Self.name),
            notifications: try context.services.require(NotificationService.self, by: Self.name))
        catalog = try context.services.require(CatalogService.self, by: Self.name)
    }

    public var services: [any Sendable] { [gridWork] }
    public var dueWork: [any DueWorkSource] { [GridWorkDueWork(gridWork: gridWork)] }
    public var jobs: [BackgroundJob] {
        // Each instance may run it: the queue is taken row by row, and the daily run is claimed
        // by one UPDATE (`gridwork_runs`), so only one instance re-plans the district a day.
        [.every(.seconds(60), "visit plans") { [gridWork] _ in try await gridWork.planJob() }]
    }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        GridWorkAPI(gridWork: gridWork).addRoutes(to: router)
        GridWorkPages(gridWork: gridWork, catalog: catalog, web: web).addRoutes(to: router)
    }
}

struct GridWorkDueWork: DueWorkSource {
    let gridWork: GridWorkService
    func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        try await gridWork.dueWork(for: actor, in: window, limit: limit)
    }
}
