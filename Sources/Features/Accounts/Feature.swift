import Hummingbird
import LinliKit
import Regions

/// 账号与登录 — accounts bound to region nodes, sessions, API tokens.
public struct AccountsFeature: Feature {
    public static let name = "accounts"
    public static let migrations = AccountStore.migrations
    public static let permissions: [Permission: String] = [
        .userView: "查看管辖范围内的账号",
        .userManage: "创建、停用账号，重置密码",
        .tokenManage: "签发与吊销 API 令牌",
    ]
    public static let templates = AccountsTemplates.all
    public static let navigation = [
        NavigationItem("账号管理", href: "/users", permission: .userView, order: 80),
        NavigationItem("API 令牌", href: "/tokens", permission: .tokenManage, order: 81),
    ]

    public let accounts: AccountService
    public let auth: AuthService
    let regions: RegionService
    let web: Web

    public init(accounts: AccountService, auth: AuthService, regions: RegionService, web: Web) {
        self.accounts = accounts
        self.auth = auth
        self.regions = regions
        self.web = web
    }

    public func addRoutes(to router: Router<AppContext>) {
        AccountsAPI(accounts: accounts, auth: auth).addRoutes(to: router)
        LoginPages(auth: auth, accounts: accounts, web: web).addRoutes(to: router)
        UserPages(accounts: accounts, auth: auth, regions: regions, web: web).addRoutes(to: router)
    }
}
