import Hummingbird
import LinliKit
import Notifications
import Regions
import Residents

/// 积分银行 — accounts and an append-only journal, earning rules as versioned data, awards
/// from other features, the 爱心兑换 shop with two-phase redemption, and a ledger anyone can
/// verify (docs/points.md).
public struct PointsFeature: Feature {
    public static let name = "points"
    public static let migrations = PointsMigrations.all
    public static let permissions: [Permission] = [.pointsUse, .pointsView, .pointsManage, .pointsVerify]
    public static let grants: [Role: Set<Permission>] = {
        let stewards: Set<Role> = [.communityStaff, .streetAdmin, .districtAdmin]
        // The check reads every account of the deployment, names included: the district's.
        let verifiers: Set<Role> = [.districtAdmin]
        var grants: [Role: Set<Permission>] = [:]
        for role in Role.allCases {
            // Everyone is a resident somewhere and holds their own points.
            var granted: Set<Permission> = [.pointsUse]
            if stewards.contains(role) { granted.formUnion([.pointsView, .pointsManage]) }
            if verifiers.contains(role) { granted.insert(.pointsVerify) }
            grants[role] = granted
        }
        return grants
    }()
    public static var moveListeners: [any SubtreeMoveListener] { [PointsPathsListener()] }
    public static var auditActions: [AuditAction] { AuditAction.points }
    public static var api: APIDescription { PointsAPI.api }
    public static let templates = PointsTemplates.all
    public static let navigation = [
        NavigationItem.link("我的积分", href: "/points", permission: .pointsUse, hiddenBy: .pointsManage, order: 43),
        NavigationItem.link("积分", href: "/points/manage", permission: .pointsManage, order: 43),
    ]

    public let points: PointsService
    let residents: ResidentService

    public init(context: FeatureContext) throws {
        residents = try context.services.require(ResidentService.self, by: Self.name)
        points = PointsService(
            database: context.database, audit: context.audit, clock: context.clock,
            regions: try context.services.require(RegionService.self, by: Self.name),
            residents: try context.services.require(ResidentService.self, by: Self.name),
            notifications: try context.services.require(NotificationService.self, by: Self.name),
            settings: context.configuration[PointsSettings.self])
    }

    /// The service, also as the `PointAwarding` other features award through.
    public var services: [any Sendable] { [points] }
    public var dueWork: [any DueWorkSource] { [PointsDueWork(points: points)] }
    public var homeSections: [any HomeSection] { [MyPointsSection(points: points)] }
    public var jobs: [BackgroundJob] {
        // Each instance may run it: every redemption is ended under its item's row lock.
        [.every(.seconds(60), "redemption holds") { [points] _ in _ = try await points.sweepHolds() },
         .every(.seconds(3600), "points expiry") { [points] _ in _ = try await points.runExpiry() }]
    }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        PointsAPI(points: points).addRoutes(to: router)
        PointsPages(points: points, residents: residents, web: web).addRoutes(to: router)
    }
}

struct PointsDueWork: DueWorkSource {
    let points: PointsService
    func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        try await points.dueWork(for: actor, in: window, limit: limit)
    }
}

/// 我的积分 on a resident's home: what they may spend, and the shop one tap away.
struct MyPointsSection: HomeSection {
    let points: PointsService
    func content(for actor: Actor) async throws -> HomeContent? {
        guard actor.may(.pointsUse), !actor.may(.pointsManage), let userId = actor.userId,
              try await points.residents.identity(ofUser: userId) != nil else { return nil }
        let account = try await points.myAccount(actor: actor)
        let available = account?.balance.available ?? .zero
        return HomeContent(id: "my-points", title: "我的积分", text: "可用 \(available) 积分，去爱心兑换看看", href: "/points", links: [], order: 4)
    }
}

/// Region moves re-root the paths copied onto accounts, good deeds, items and redemptions.
struct PointsPathsListener: SubtreeMoveListener {
    func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        for (table, column) in [("point_accounts", "region_path"), ("good_deeds", "region_path"), ("shop_items", "region_path"),
                                ("shop_items", "eligible_path"), ("shop_redemptions", "region_path"), ("point_rules", "region_path")] {
            try await tx.rebasePaths(table: table, column: column, from: oldPath, to: newPath)
        }
    }
}

extension ServiceProvider {
    public var points: PointsService { service(PointsService.self) }
}
