import Foundation
import Hummingbird
import LinliKit
import Regions

/// Console pages for accounts and API tokens.
struct UserPages {
    let accounts: AccountService
    let auth: AuthService
    let regions: RegionService
    let web: Web

    struct RoleOption { let value: String, label: String, selected: Bool }
    struct Values { var username = "", displayName = "", regionCode = "" }
    struct ListModel {
        let items: [Account], total: Int, roles: [RoleOption], q: String, canManage: Bool
        let previous: String?, next: String?
    }
    struct NewModel { let csrf: String, roles: [RoleOption], values: Values, error: String? }
    struct DetailModel { let csrf: String, account: Account, roleLabel: String, regionName: String, canManage: Bool, error: String? }
    struct TokenView {
        let id: Int64, name: String, username: String, prefix: String, createdText: String, lastUsedText: String, revoked: Bool
    }
    struct TokensModel { let csrf: String, items: [TokenView], issued: String?, error: String? }

    func roleOptions(_ roles: [Role], selected: Role?) -> [RoleOption] {
        roles.map { RoleOption(value: $0.rawValue, label: $0.label, selected: $0 == selected) }
    }

    func pageLink(role: Role?, q: String?, offset: Int) -> String {
        var items = ["offset=\(offset)"]
        if let role { items.append("role=\(role.rawValue)") }
        if let q { items.append("q=\(q.urlQueryEscaped)") }
        return "/users?" + items.joined(separator: "&")
    }

    func newPage(request: Request, context: AppContext, values: Values = .init(), role: Role? = nil, error: DomainError? = nil) throws -> Response {
        let actor = try context.requireActor(.userManage)
        let model = NewModel(csrf: context.csrfToken, roles: roleOptions(accounts.grantableRoles(for: actor), selected: role),
                             values: values, error: error?.message)
        return web.page("accounts.user-new", title: "新建账号", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func detailPage(_ id: Int64, request: Request, context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let account = try await accounts.account(id, actor: actor)
        let region = try await regions.lookup(account.regionId)
        let canManage = actor.may(.userManage) && account.id != actor.userId
            && accounts.grantableRoles(for: actor).contains(account.role)
        let model = DetailModel(csrf: context.csrfToken, account: account, roleLabel: account.role.label,
                                regionName: region.map { "\($0.name)（\($0.code)）" } ?? "-", canManage: canManage, error: error?.message)
        return web.page("accounts.user", title: account.displayName, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func tokensPage(request: Request, context: AppContext, issued: String? = nil, error: DomainError? = nil,
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.requireActor()
        let tokens = try await auth.tokens(actor: actor)
        let items = tokens.map {
            TokenView(id: $0.id, name: $0.name, username: $0.username, prefix: $0.prefix,
                      createdText: Date(millis: $0.createdAt).shanghaiText,
                      lastUsedText: $0.lastUsedAt.map { Date(millis: $0).shanghaiText } ?? "从未", revoked: $0.revoked)
        }
        return web.page("accounts.tokens", title: "API 令牌", model: TokensModel(csrf: context.csrfToken, items: items, issued: issued, error: error?.message),
                        request: request, context: context, status: error.map { HTTPResponse.Status(code: $0.status) } ?? status)
    }

    func addRoutes(to router: Router<AppContext>) {
        let users = router.group("users")
        users.get(use: list)
        users.get("new", use: newForm)
        users.post(use: create)
        let user = users.group(":id")
        user.get(use: detail)
        user.post("disable", use: disable)
        user.post("enable", use: enable)
        user.post("password", use: resetPassword)
        let tokens = router.group("tokens")
        tokens.get(use: self.tokens)
        tokens.post(use: issueToken)
        tokens.post(":id/revoke", use: revokeToken)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var query = Fields.query(request)
        let filter = AccountFilter(&query)
        try query.finish()
        let page = try await accounts.list(actor: actor, role: filter.role, term: filter.term, limit: filter.limit, offset: filter.offset)
        let model = ListModel(items: page.items, total: page.total, roles: roleOptions(Role.allCases, selected: filter.role),
                              q: filter.term ?? "", canManage: actor.may(.userManage),
                              previous: page.offset > 0 ? pageLink(role: filter.role, q: filter.term, offset: max(0, page.offset - page.limit)) : nil,
                              next: page.offset + page.limit < page.total ? pageLink(role: filter.role, q: filter.term, offset: page.offset + page.limit) : nil)
        return web.page("accounts.users", title: "账号管理", model: model, request: request, context: context)
    }

    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        try newPage(request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.userManage)
        var request = request
        var fields = try await request.fields(context)
        let input = NewAccountInput(&fields, regionField: .code)
        let values = Values(username: input.username ?? "", displayName: input.displayName ?? "", regionCode: input.regionCode ?? "")
        do {
            let code = try fields.present(input.regionCode)
            try fields.finish()
            let node = try await regions.node(named: code, field: "regionCode", actor: actor)
            let account = try await accounts.create(input.account(regionId: node.id), actor: actor)
            return web.redirect(to: "/users/\(account.id)", flash: "已创建账号「\(account.username)」")
        } catch let error as DomainError where error.kind == .invalid || error.kind == .notFound || error.kind == .conflict {
            let shown = error.kind == .notFound ? DomainError.invalid("regionCode", "所属区域编码不存在或不在您的管辖范围内") : error
            return try newPage(request: request, context: context, values: values, role: input.role, error: shown)
        }
    }

    @Sendable func detail(_ request: Request, context: AppContext) async throws -> Response {
        try await detailPage(try context.pathID(), request: request, context: context)
    }

    @Sendable func disable(_ request: Request, context: AppContext) async throws -> Response {
        try await setDisabled(true, request, context)
    }

    @Sendable func enable(_ request: Request, context: AppContext) async throws -> Response {
        try await setDisabled(false, request, context)
    }

    @Sendable func resetPassword(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await web.formAction({
            let input = try await request.input(context, PasswordResetInput.init)
            try await accounts.resetPassword(id, to: input.password, actor: actor)
            return ("/users/\(id)", "密码已重置，该账号需重新登录")
        }, orShow: { try await detailPage(id, request: request, context: context, error: $0) })
    }

    @Sendable func tokens(_ request: Request, context: AppContext) async throws -> Response {
        try await tokensPage(request: request, context: context)
    }

    @Sendable func issueToken(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        do {
            let input = try await request.input(context, TokenInput.init)
            let issued = try await auth.issueToken(forUser: input.username, name: input.name, actor: actor)
            return try await tokensPage(request: request, context: context, issued: issued.secret, status: .created)
        } catch let error as DomainError where error.kind == .invalid {
            return try await tokensPage(request: request, context: context, error: error)
        }
    }

    @Sendable func revokeToken(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        _ = try await auth.revokeToken(try context.pathID(), actor: actor)
        return web.redirect(to: "/tokens", flash: "令牌已吊销")
    }

    /// 停用 / 启用: the account's sessions end at once when it is disabled.
    func setDisabled(_ disabled: Bool, _ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        do {
            let account = try await accounts.setDisabled(id, disabled: disabled, actor: actor)
            return web.redirect(to: "/users/\(id)", flash: disabled ? "已停用「\(account.username)」" : "已启用「\(account.username)」")
        } catch let error as DomainError where error.kind == .conflict {
            return try await detailPage(id, request: request, context: context, error: error)
        }
    }
}
