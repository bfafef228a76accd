import Hummingbird
import LinliKit

/// 区域与网格 — the region tree, grid teams and thematic grids.
public struct RegionsFeature: Feature {
    public static let name = "regions"
    public static let migrations = RegionStore.migrations
    public static let permissions: [Permission: String] = [
        .regionView: "查看区域树与网格",
        .regionManage: "新增、改名、移动、撤销区域",
        .regionTeam: "管理网格队伍（1+1+X）",
        .thematicManage: "管理专题网格（五色网格）",
    ]
    public static let templates = RegionsTemplates.all
    public static let navigation = [
        NavigationItem("区域与网格", href: "/regions", permission: .regionView, order: 20),
        NavigationItem("专题网格", href: "/thematic-grids", permission: .regionView, order: 21),
    ]

    public let regions: RegionService
    public let teams: TeamService
    let web: Web

    public init(regions: RegionService, teams: TeamService, web: Web) {
        self.regions = regions
        self.teams = teams
        self.web = web
    }

    public func addRoutes(to router: Router<AppContext>) {
        RegionsAPI(regions: regions, teams: teams).addRoutes(to: router)
        RegionsPages(regions: regions, teams: teams, web: web).addRoutes(to: router)
    }
}
