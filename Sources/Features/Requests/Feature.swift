import Duty
import Hummingbird
import LinliKit
import Logging
import Notifications
import Regions
import Residents

/// 诉求办理 — the closed loop from a resident's request to its rating.
public struct RequestsFeature: Feature {
    public static let name = "requests"
    public static let migrations = RequestsMigrations.all
    public static let permissions: [Permission] = [.requestSubmit, .requestIntake, .requestHandle, .requestView, .requestDispatch,
                                                   .requestVerify, .requestApprove, .requestReview, .requestMetrics, .catalogManage]
    /// Staff who run the closed loop for their region.
    static let desk: Set<Permission> = [.requestSubmit, .requestIntake, .requestHandle, .requestView, .requestDispatch, .requestVerify,
                                        .requestApprove, .requestReview, .requestMetrics]
    public static let grants: [Role: Set<Permission>] = [
        .districtAdmin: desk.union([.catalogManage]), .streetAdmin: desk, .communityStaff: desk,
        .gridLeader: [.requestSubmit, .requestIntake, .requestHandle, .requestView, .requestDispatch, .requestVerify, .requestMetrics],
        .gridWorker: [.requestSubmit, .requestIntake, .requestHandle, .requestView],
        // Whom staff may dispatch to (every account but a resident's) holds `requestHandle`.
        .socialWorker: [.requestHandle], .socialOrganization: [.requestHandle], .volunteer: [.requestHandle],
        .department: [.requestHandle], .partyMember: [.requestSubmit, .requestHandle], .resident: [.requestSubmit],
    ]
    public static let templates = RequestsTemplates.all
    public static let navigation = [
        NavigationItem.link("我要办事", href: "/ask", permission: .requestSubmit, order: 20),
        NavigationItem.link("我的诉求", href: "/my/requests", permission: .requestSubmit, order: 20),
        NavigationItem.link("诉求办理", href: "/requests", permission: .requestView, order: 21),
        NavigationItem.link("派给我的", href: "/requests?queue=mine", permission: .requestHandle, hiddenBy: .requestView, order: 21),
        NavigationItem.link("办理统计", href: "/stats", permission: .requestMetrics, order: 22),
        NavigationItem.link("服务目录", href: "/catalog", permission: .catalogManage, order: 60),
        NavigationItem.link("工作日历", href: "/calendar", permission: .catalogManage, order: 61),
    ]
    public static var api: APIDescription { RequestsAPI.api }
    public static var moveListeners: [any SubtreeMoveListener] { [RequestPathsListener()] }
    /// Contact phones, sealed, found by their blind index.
    public static var sealedDataOwners: [any SealedDataOwner] {
        [SealedColumns(table: "requests", [.init(sealed: "phone_sealed", index: "phone_index", kind: "phone")])]
    }
    /// Open311 answers JSON, and its clients post with API keys, never from a browser form.
    public static var jsonPaths: [String] { [Open311API.basePath + "/"] }
    public static var csrfExemptPaths: [String] { [Open311API.basePath + "/"] }
    public static var auditActions: [AuditAction] { AuditAction.requests }

    public let requests: RequestService
    public let catalog: CatalogService
    public let calendar: CalendarService
    let regions: RegionService
    let residents: ResidentService
    let authenticator: any Authenticator
    let clock: any Clock

    public init(context: FeatureContext) throws {
        regions = try context.services.require(RegionService.self, by: Self.name)
        residents = try context.services.require(ResidentService.self, by: Self.name)
        authenticator = try context.services.require((any Authenticator).self, by: Self.name)
        let notifications = try context.services.require(NotificationService.self, by: Self.name)
        let teams = try context.services.require(TeamService.self, by: Self.name)
        let duty = try context.services.require(DutyService.self, by: Self.name)
        clock = context.clock
        catalog = CatalogService(database: context.database, audit: context.audit, clock: context.clock)
        calendar = CalendarService(database: context.database, audit: context.audit)
        requests = RequestService(database: context.database, audit: context.audit, clock: context.clock, regions: regions, teams: teams,
                                  staff: context.staff, vault: context.vault, catalog: catalog, notifications: notifications,
                                  duty: duty, permissionTable: context.permissionTable,
                                  trackingLookupRule: context.configuration[RequestsSettings.self].trackingLookupRule,
                                  awards: context.services.all(PointAwarding.self).first)
    }

    public var services: [any Sendable] { [requests, catalog, calendar] }
    public var dueWork: [any DueWorkSource] { [RequestsDueWork(requests: requests)] }
    public var homeSections: [any HomeSection] { [AskHomeSection(requests: requests, catalog: catalog)] }

    public var jobs: [BackgroundJob] {
        // 即将超期 warnings and 督办: each request is changed under its row lock and version.
        [.every(.seconds(60), "request clock sweep") { [requests] logger in
            let report = try await requests.sweep()
            if report != SweepReport() {
                logger.info("request clock sweep", metadata: ["warned": "\(report.warned)", "escalated": "\(report.escalated)",
                                                             "unreadable": "\(report.unreadable)"])
            }
        },
         // One idempotent DELETE of photos kept for forms nobody sent again within a day.
         .every(.seconds(600), "pending photo sweep") { [requests] _ in _ = try await requests.sweepPendingPhotos() }]
    }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        RequestsAPI(requests: requests, catalog: catalog, calendar: calendar, clock: clock).addRoutes(to: router)
        RequestsPages(requests: requests, catalog: catalog, regions: regions, residents: residents, web: web, clock: clock).addRoutes(to: router)
        ResidentRequestPages(requests: requests, catalog: catalog, regions: regions, web: web, clock: clock).addRoutes(to: router)
        CatalogPages(catalog: catalog, calendar: calendar, requests: requests, web: web, clock: clock).addRoutes(to: router)
        MetricsPages(requests: requests, regions: regions, web: web, clock: clock).addRoutes(to: router)
        Open311API(requests: requests, catalog: catalog, regions: regions, authenticator: authenticator, clock: clock).addRoutes(to: router)
    }
}

/// The closed loop's part of 今日待办.
struct RequestsDueWork: DueWorkSource {
    let requests: RequestService
    func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        try await requests.dueWork(actor: actor, window: window, limit: limit)
    }
}

extension ServiceProvider {
    public var requests: RequestService { service(RequestService.self) }
    public var catalog: CatalogService { service(CatalogService.self) }
    public var calendar: CalendarService { service(CalendarService.self) }
}

extension PageSlot {
    /// The dispatch box of a request's page: other ways to choose who handles it.
    public static let requestDispatch = PageSlot("request.dispatch")
}
