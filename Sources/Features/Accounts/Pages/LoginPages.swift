import Foundation
import Hummingbird
import LinliKit

/// Sign-in, sign-out and changing one's own password.
struct LoginPages {
    let auth: AuthService
    let accounts: AccountService
    let web: Web

    /// `rememberDays` is nil when 记住我 is off (a template section opens on any number).
    struct LoginModel { let csrf: String, next: String, username: String, rememberDays: Int?, error: String? }
    struct PasswordModel { let csrf: String, error: String? }

    /// Only a path on this site: an open redirect would let a phishing link borrow our login
    /// page. Browsers drop tabs and line breaks from a URL and read `\` as `/`, so
    /// `/\t/evil.example` would become `//evil.example`: any whitespace or control
    /// character, a backslash, or a second leading slash sends the user home instead.
    /// `toLogin`: the login page itself is a fine place to come back to (the 关怀模式 switch),
    /// though never where a sign-in leads.
    static func safeNext(_ text: String?, toLogin: Bool = false) -> String {
        guard let text, text.count <= 500, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
              !text.unicodeScalars.contains(where: { $0.value < 0x21 || (0x7F...0xA0).contains($0.value)
                  || $0.properties.isWhitespace || $0.properties.generalCategory == .format }),
              toLogin || !text.hasPrefix("/login"),
              let components = URLComponents(string: text), components.host == nil, components.scheme == nil else { return "/" }
        return text
    }

    func loginPage(request: Request, context: AppContext, next: String, username: String = "",
                   error: DomainError? = nil) -> Response {
        // The double-submit token CSRFMiddleware gives a visitor (there is no session yet).
        let model = LoginModel(csrf: context.csrfToken, next: next, username: username, rememberDays: auth.rememberDays > 0 ? auth.rememberDays : nil,
                               error: error?.message)
        return web.page("accounts.login", title: "登录", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("login", use: loginForm)
        router.post("login", use: login)
        router.post("logout", use: logout)
        router.post("preferences/care", use: setCareMode)
        router.get("account/password", use: passwordForm)
        router.post("account/password", use: changePassword)
    }

    @Sendable func loginForm(_ request: Request, context: AppContext) async throws -> Response {
        if context.actor != nil { return web.redirect(to: "/") }
        var query = Fields.query(request)
        return loginPage(request: request, context: context, next: Self.safeNext(query.text("next", "next", maxLength: 500)))
    }

    @Sendable func login(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        var fields = try await request.fields(context)
        let username = fields.text("username", "登录名", maxLength: 64)
        let password = fields.values["password"].flatMap { if case .text(let p) = $0 { p } else { nil } }
        fields.skip("password")
        let next = Self.safeNext(fields.text("next", "next", maxLength: 500))
        let remember = fields.bool("remember")
        do {
            try fields.finish()
            let signedIn = try await auth.login(username: username, password: password, ip: context.clientIP, remember: remember)
            let warning = signedIn.failedAttempts > 0
                ? "提醒：自您上次登录以来，有 \(signedIn.failedAttempts) 次密码错误的登录尝试。如不是您本人，请修改密码。" : nil
            var response = web.redirect(to: next, flash: warning)
            // A 记住我 session's cookie outlives the browser; any other ends with it.
            response.setCookie(Cookie(name: Web.sessionCookie, value: signedIn.sessionToken, maxAge: signedIn.rememberedFor, path: "/",
                                      secure: web.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        } catch let error as DomainError {
            return loginPage(request: request, context: context, next: next, username: username ?? "", error: error)
        }
    }

    /// 关怀模式 on or off: kept in this browser (a year), and as the account's own setting when
    /// signed in, so it follows the person to another phone.
    @Sendable func setCareMode(_ request: Request, context: AppContext) async throws -> Response {
        var request = request
        var fields = try await request.fields(context)
        let on = fields.bool("on")
        let next = Self.safeNext(fields.text("next", "next", maxLength: 500), toLogin: true)
        try fields.finish()
        if let actor = context.actor, case .session? = context.authentication?.credential { try await auth.setCareMode(on, actor: actor) }
        var response = web.redirect(to: next, flash: on ? "已打开关怀模式：字更大，按钮更大" : "已回到标准模式")
        response.setCookie(Cookie(name: Web.careCookie, value: on ? "1" : "0", maxAge: 365 * 86_400, path: "/", secure: web.secureCookies,
                                  httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func logout(_ request: Request, context: AppContext) async throws -> Response {
        if let actor = context.actor, case .session(let id, _)? = context.authentication?.credential {
            try await auth.logout(sessionToken: id, actor: actor)
        }
        var response = web.redirect(to: "/login")
        response.setCookie(Cookie(name: Web.sessionCookie, value: "", maxAge: 0, path: "/", secure: web.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func passwordForm(_ request: Request, context: AppContext) async throws -> Response {
        _ = try context.requireActor()
        return web.page("accounts.password", title: "修改密码", model: PasswordModel(csrf: context.csrfToken, error: nil),
                        request: request, context: context)
    }

    @Sendable func changePassword(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var request = request
        var fields = try await request.fields(context)
        let current = fields.text("current", "当前密码", required: true, maxLength: 72)
        let new = fields.text("password", "新密码", required: true, maxLength: 72)
        do {
            try fields.finish()
            var session: String?
            if case .session(let id, _)? = context.authentication?.credential { session = id }
            try await accounts.changeOwnPassword(current: current, new: new, actor: actor, keepingSession: session)
            return web.redirect(to: "/", flash: "密码已修改，其他设备上的登录已退出")
        } catch let error as DomainError where error.kind == .invalid {
            return web.page("accounts.password", title: "修改密码", model: PasswordModel(csrf: context.csrfToken, error: error.message),
                            request: request, context: context, status: .unprocessableContent)
        }
    }
}
