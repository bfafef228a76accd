import Hummingbird
import LinliKit
import Notifications
import Regions
import Residents

/// 诉求办理 — the closed loop from a resident's request to its rating.
public struct RequestsFeature: Feature {
    public static let name = "requests"
    public static let migrations = RequestsMigrations.all
    public static let permissions: [Permission: String] = [
        .requestSubmit: "居民自助提交诉求",
        .requestIntake: "代居民登记诉求（热线、代办、网格员上报）",
        .requestView: "查看辖区内的诉求",
        .requestDispatch: "立案、派遣、作废诉求",
        .requestVerify: "核查结案",
        .requestApprove: "审批延期、挂起（须高于承办人层级）",
        .requestReview: "回访评价",
        .requestMetrics: "查看诉求办理统计",
        .catalogManage: "维护服务目录与工作日历",
    ]
    public static let templates = RequestsTemplates.all
    public static let navigation = [
        NavigationItem("我要办事", href: "/ask", permission: .requestSubmit, order: 20),
        NavigationItem("诉求办理", href: "/requests", permission: .requestView, order: 21),
        NavigationItem("办理统计", href: "/stats", permission: .requestMetrics, order: 22),
        NavigationItem("服务目录", href: "/catalog", permission: .catalogManage, order: 60),
        NavigationItem("工作日历", href: "/calendar", permission: .catalogManage, order: 61),
    ]

    public let requests: RequestService
    public let catalog: CatalogService
    public let calendar: CalendarService
    let regions: RegionService
    let residents: ResidentService
    let web: Web
    let authenticator: any Authenticator
    let clock: any Clock

    public init(requests: RequestService, catalog: CatalogService, calendar: CalendarService, regions: RegionService,
                residents: ResidentService, web: Web, authenticator: any Authenticator, clock: any Clock) {
        self.authenticator = authenticator
        self.regions = regions
        self.residents = residents
        self.web = web
        self.requests = requests
        self.catalog = catalog
        self.calendar = calendar
        self.clock = clock
    }

    public func addRoutes(to router: Router<AppContext>) {
        RequestsAPI(requests: requests, catalog: catalog, calendar: calendar, clock: clock).addRoutes(to: router)
        RequestsPages(requests: requests, catalog: catalog, regions: regions, residents: residents, web: web, clock: clock).addRoutes(to: router)
        ResidentRequestPages(requests: requests, catalog: catalog, regions: regions, web: web, clock: clock).addRoutes(to: router)
        CatalogPages(catalog: catalog, calendar: calendar, web: web, clock: clock).addRoutes(to: router)
        MetricsPages(requests: requests, regions: regions, web: web, clock: clock).addRoutes(to: router)
        Open311API(requests: requests, catalog: catalog, regions: regions, authenticator: authenticator, clock: clock).addRoutes(to: router)
    }
}
