import Hummingbird
import LinliKit
import Regions

/// 账号与登录 — accounts bound to region nodes, sessions, API tokens.
public struct AccountsFeature: Feature {
    public static let name = "accounts"
    public static let migrations = AccountStore.migrations
    public static let permissions: [Permission] = [.userView, .userManage, .tokenManage]
    public static let grants: [Role: Set<Permission>] = [
        .districtAdmin: [.userView, .userManage, .tokenManage],
        .streetAdmin: [.userView, .userManage], .communityStaff: [.userView, .userManage],
        .gridLeader: [.userView],
    ]
    public static let templates = AccountsTemplates.all
    public static let navigation = [
        NavigationItem.link("账号管理", href: "/users", permission: .userView, order: 80),
        NavigationItem.link("API 令牌", href: "/tokens", permission: .tokenManage, order: 81),
    ]
    public static var api: APIDescription { AccountsAPI.api }
    public static var moveListeners: [any SubtreeMoveListener] { [AccountPathsListener()] }
    public static func staffDirectory(_ database: Database) -> (any StaffDirectory)? { AccountDirectory(database: database) }
    public static var auditActions: [AuditAction] { AuditAction.accounts }

    public let accounts: AccountService
    public let auth: AuthService
    let regions: RegionService

    public init(context: FeatureContext) throws {
        regions = try context.services.require(RegionService.self, by: Self.name)
        let settings = context.configuration[AccountsSettings.self]
        accounts = AccountService(database: context.database, audit: context.audit, clock: context.clock, regions: regions,
                                  permissionTable: context.permissionTable, bcryptCost: settings.bcryptCost)
        auth = AuthService(database: context.database, audit: context.audit, clock: context.clock,
                           permissionTable: context.permissionTable, rememberDays: settings.rememberDays)
    }

    public var services: [any Sendable] { [accounts, auth] }

    public var jobs: [BackgroundJob] {
        // One idempotent DELETE of expired sessions and old login failures.
        [.every(.seconds(600), "session sweep") { [auth] _ in try await auth.sweep() }]
    }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        AccountsAPI(accounts: accounts, auth: auth).addRoutes(to: router)
        LoginPages(auth: auth, accounts: accounts, web: web).addRoutes(to: router)
        UserPages(accounts: accounts, auth: auth, regions: regions, web: web).addRoutes(to: router)
    }
}

extension ServiceProvider {
    public var accounts: AccountService { service(AccountService.self) }
    public var auth: AuthService { service(AuthService.self) }
}
