import Hummingbird
import LinliKit

/// JSON API for accounts and API tokens.
struct AccountsAPI {
    let accounts: AccountService
    let auth: AuthService

    struct Me: Encodable {
        let id: Int64?, username: String, displayName: String, role: String?, roleLabel: String?
        let regionId: Int64, regionPath: String, permissions: [String]
    }

    func addRoutes(to router: Router<AppContext>) {
        let api = router.group("api/v1")
        api.get("me", use: me)
        let users = api.group("users")
        users.get(use: self.users)
        users.post(use: createUser)
        let user = users.group(":id")
        user.get(use: self.user)
        user.post("disable", use: disable)
        user.post("enable", use: enable)
        user.post("password", use: resetPassword)
        let tokens = api.group("tokens")
        tokens.get(use: self.tokens)
        tokens.post(use: issueToken)
        tokens.delete(":id", use: revokeToken)
    }

    @Sendable func me(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(Me(id: actor.userId, username: actor.username, displayName: actor.displayName,
                               role: actor.role?.rawValue, roleLabel: actor.role?.label, regionId: actor.scope.regionId,
                               regionPath: actor.scope.path, permissions: actor.permissions.map(\.rawValue).sorted()))
    }

    @Sendable func users(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var query = Fields.query(request)
        let filter = AccountFilter(&query)
        try query.finish()
        return try Web.json(try await accounts.list(actor: actor, role: filter.role, term: filter.term,
                                                    limit: filter.limit, offset: filter.offset))
    }

    @Sendable func createUser(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context) { NewAccountInput(&$0, regionField: .id) }
        return try Web.json(try await accounts.create(input.account(regionId: input.regionId), actor: actor), status: .created)
    }

    @Sendable func user(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(try await accounts.account(try context.pathID(), actor: actor))
    }

    @Sendable func disable(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(try await accounts.setDisabled(try context.pathID(), disabled: true, actor: actor))
    }

    @Sendable func enable(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(try await accounts.setDisabled(try context.pathID(), disabled: false, actor: actor))
    }

    @Sendable func resetPassword(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, PasswordResetInput.init)
        let id = try context.pathID()
        try await accounts.resetPassword(id, to: input.password, actor: actor)
        return try Web.json(try await accounts.account(id, actor: actor))
    }

    @Sendable func tokens(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(ItemList(try await auth.tokens(actor: actor)))
    }

    @Sendable func issueToken(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, TokenInput.init)
        return try Web.json(try await auth.issueToken(forUser: input.username, name: input.name, actor: actor), status: .created)
    }

    @Sendable func revokeToken(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(try await auth.revokeToken(try context.pathID(), actor: actor))
    }
}

/// List filters shared by the users page and the API.
struct AccountFilter {
    let role: Role?
    let term: String?
    let limit: Int
    let offset: Int

    init(_ fields: inout Fields) {
        role = fields.choice("role", "角色", parse: Role.parse)
        term = fields.text("q", "关键词", maxLength: 50)
        limit = Int(fields.integer("limit", "每页条数", range: 1...200) ?? 50)
        offset = Int(fields.integer("offset", "起始位置", range: 0...10_000_000) ?? 0)
    }
}

/// The fields of a new account, shared by the form (region by code) and the API (by id).
struct NewAccountInput {
    enum RegionField { case id, code }
    let username: String?
    let displayName: String?
    let role: Role?
    let regionId: Int64?
    let regionCode: String?
    let password: String?

    init(_ fields: inout Fields, regionField: RegionField) {
        username = fields.text("username", "登录名", required: true, maxLength: 32)
        displayName = fields.text("displayName", "姓名", required: true, maxLength: 50)
        role = fields.choice("role", "角色", required: true, parse: Role.parse)
        switch regionField {
        case .id:
            regionId = fields.integer("regionId", "所属区域", required: true)
            regionCode = nil
        case .code:
            regionId = nil
            regionCode = fields.text("regionCode", "所属区域", required: true, maxLength: 60)
        }
        password = fields.text("password", "初始密码", required: true, maxLength: 72)
    }

    func account(regionId: Int64?) -> AccountService.NewAccount {
        .init(username: username, displayName: displayName, role: role, regionId: regionId, password: password)
    }
}

struct PasswordResetInput {
    let password: String?
    init(_ fields: inout Fields) { password = fields.text("password", "新密码", required: true, maxLength: 72) }
}

/// An API token for `username`, named for what it is used for.
struct TokenInput {
    let username: String?
    let name: String?
    init(_ fields: inout Fields) {
        username = fields.text("username", "所属账号", required: true, maxLength: 32)
        name = fields.text("name", "用途", required: true, maxLength: 100)
    }
}
