import Hummingbird
import LinliKit
import Regions

/// 人口与房屋 — residents bound to households, care tags, protected personal data.
public struct ResidentsFeature: Feature {
    public static let name = "residents"
    public static let migrations = ResidentStore.migrations
    public static let permissions: [Permission: String] = [
        .residentView: "查看居民信息（脱敏）",
        .residentManage: "登记、修改居民信息",
        .residentReveal: "查看完整身份证号、电话（逐次审计）",
        .tagManage: "维护关爱与服务标签",
        .residentExport: "导出含完整身份证号、电话的台账（逐次审计）",
    ]
    public static let templates = ResidentsTemplates.all
    public static let navigation = [
        NavigationItem("居民信息", href: "/residents", permission: .residentView, order: 30),
        NavigationItem("标签", href: "/tags", permission: .tagManage, order: 31),
    ]

    public let residents: ResidentService
    public let ledger: LedgerService
    let regions: RegionService
    let web: Web
    let clock: any Clock

    public init(residents: ResidentService, ledger: LedgerService, regions: RegionService, web: Web, clock: any Clock) {
        self.residents = residents
        self.ledger = ledger
        self.regions = regions
        self.web = web
        self.clock = clock
    }

    public func addRoutes(to router: Router<AppContext>) {
        ResidentsAPI(residents: residents).addRoutes(to: router)
        LedgerRoutes(ledger: ledger, web: web).addRoutes(to: router)
        ResidentsPages(residents: residents, regions: regions, web: web, clock: clock).addRoutes(to: router)
    }
}
