import Hummingbird
import LinliKit
import Regions

/// 人口与房屋 — residents bound to households, care tags, protected personal data.
public struct ResidentsFeature: Feature {
    public static let name = "residents"
    public static let migrations = ResidentStore.migrations
    public static let permissions: [Permission] = [.residentView, .residentManage, .residentReveal, .tagManage, .residentExport]
    /// Everyone who keeps the registry of their area.
    static let registryWork: Set<Permission> = [.residentView, .residentManage, .residentReveal]
    public static let grants: [Role: Set<Permission>] = [
        .districtAdmin: registryWork.union([.tagManage, .residentExport]),
        .streetAdmin: registryWork.union([.residentExport]), .communityStaff: registryWork.union([.residentExport]),
        .gridLeader: registryWork, .gridWorker: registryWork,
        .socialWorker: [.residentView],
    ]
    public static let templates = ResidentsTemplates.all
    public static let navigation = [
        NavigationItem.link("居民信息", href: "/residents", permission: .residentView, order: 30),
        NavigationItem.link("标签", href: "/tags", permission: .tagManage, order: 31),
    ]
    public static var api: APIDescription { ResidentsAPI.api }
    public static var moveListeners: [any SubtreeMoveListener] { [ResidentPathsListener()] }
    /// ID numbers and phones, sealed, each found by its blind index.
    public static var sealedDataOwners: [any SealedDataOwner] {
        [SealedColumns(table: "residents", [.init(sealed: "id_sealed", index: "id_index", kind: "id"),
                                            .init(sealed: "phone_sealed", index: "phone_index", kind: "phone")])]
    }
    public static var auditActions: [AuditAction] { AuditAction.residents }

    public let residents: ResidentService
    public let ledger: LedgerService
    let regions: RegionService
    let clock: any Clock

    public init(context: FeatureContext) throws {
        regions = try context.services.require(RegionService.self, by: Self.name)
        residents = ResidentService(database: context.database, audit: context.audit, clock: context.clock, regions: regions,
                                    vault: context.vault, listeners: context.residentListeners)
        ledger = LedgerService(residents: residents)
        clock = context.clock
    }

    public var services: [any Sendable] { [residents, ledger] }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        ResidentsAPI(residents: residents).addRoutes(to: router)
        LedgerAPI(ledger: ledger).addRoutes(to: router)
        LedgerPages(ledger: ledger, web: web).addRoutes(to: router)
        ResidentsPages(residents: residents, regions: regions, web: web, clock: clock).addRoutes(to: router)
    }
}

extension ServiceProvider {
    public var residents: ResidentService { service(ResidentService.self) }
    public var ledger: LedgerService { service(LedgerService.self) }
}
