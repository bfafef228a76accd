import Foundation
import Hummingbird
import Mustache

/// What a page template sees besides its own model.
public struct LayoutModel: Sendable {
    public struct User: Sendable {
        public let displayName: String
        public let roleLabel: String
    }
    public struct Link: Sendable {
        public let label: String
        public let href: String
        public let active: Bool
    }
    public let title: String
    public let body: String
    public let user: User?
    public let navigation: [Link]
    /// On a phone the menu shows its first entries and folds the rest under 更多.
    public let phoneFirst: [Link]
    public let phoneMore: [Link]
    public let hasMore: Bool
    public let csrfToken: String?
    public let flash: String?
    public let requestId: String
    /// 关怀模式 is on for this page.
    public let care: Bool
    /// This page's path, for the 关怀模式 switch to come back to.
    public let here: String
}

/// Renders pages inside the console layout and builds the common responses. Built once in
/// `buildApplication` and handed to every feature.
public final class Web: Sendable {
    public let library: MustacheLibrary
    let navigation: [NavigationItem]
    /// Set behind https so cookies get the Secure attribute.
    public let secureCookies: Bool

    public static let sessionCookie = "linli_session"
    public static let csrfCookie = "linli_csrf"
    /// Menu entries a 390 px phone shows before 更多 (the rest fold into it).
    static let phoneMenuEntries = 4
    /// 关怀模式 on this device: "1" on, "0" off; absent, the account's setting decides.
    public static let careCookie = "linli_care"
    static let flashCookie = "linli_flash"

    /// Paths whose answers are JSON.
    public let jsonPaths: JSONPaths

    /// Links features add to each other's pages.
    public let pageLinks: PageLinks

    public init(templates: [String: String], navigation: [NavigationItem], secureCookies: Bool, jsonPaths: JSONPaths,
                pageLinks: PageLinks = PageLinks([])) throws {
        self.jsonPaths = jsonPaths
        self.pageLinks = pageLinks
        var library = MustacheLibrary()
        for (name, source) in templates {
            do {
                try library.register(source, named: name)
            } catch {
                throw TemplateError(name: name, underlying: "\(error)")
            }
        }
        self.library = library
        self.navigation = navigation.sorted { $0.order < $1.order }
        self.secureCookies = secureCookies
    }

    struct TemplateError: Error, CustomStringConvertible {
        let name: String
        let underlying: String
        var description: String { "template \(name): \(underlying)" }
    }

    /// Renders one named template with `model` (no layout).
    public func render(_ template: String, _ model: Any) -> String {
        guard let text = library.render(model, withTemplate: template) else {
            preconditionFailure("template \(template) is not registered")
        }
        return text
    }

    /// A full console page: `template` rendered with `model`, inside the layout.
    public func page(_ template: String, title: String, model: Any, request: Request, context: AppContext,
                     status: HTTPResponse.Status = .ok) -> Response {
        let body = render(template, model)
        return layoutResponse(title: title, body: body, request: request, context: context, status: status)
    }

    public func layoutResponse(title: String, body: String, request: Request, context: AppContext,
                               status: HTTPResponse.Status) -> Response {
        let flash = request.cookies[Self.flashCookie].flatMap { $0.value.removingPercentEncoding }
        let user = context.actor.map {
            LayoutModel.User(displayName: $0.displayName, roleLabel: $0.role?.label ?? "系统")
        }
        let path = request.uri.path
        let links = navigation
            .filter { item in context.actor.map(item.isShown) ?? false }
            .map { LayoutModel.Link(label: $0.label, href: $0.href, active: $0.leads(to: path)) }
        let token = context.csrfToken
        // The path only: a page does not echo its query (which may be anyone's link) into a form.
        let here = request.uri.path
        let first = Array(links.prefix(Self.phoneMenuEntries)), more = Array(links.dropFirst(Self.phoneMenuEntries))
        let layout = LayoutModel(title: title, body: body, user: user, navigation: links, phoneFirst: first, phoneMore: more,
                                 hasMore: !more.isEmpty, csrfToken: token.isEmpty ? nil : token,
                                 flash: flash, requestId: context.requestId, care: Self.careMode(request, context), here: here)
        var response = Self.html(render("layout", layout), status: status)
        if flash != nil {
            response.setCookie(Cookie(name: Self.flashCookie, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// Whether 关怀模式 is on: this browser's choice if it made one, else the account's.
    public static func careMode(_ request: Request, _ context: AppContext) -> Bool {
        if let cookie = request.cookies[careCookie]?.value { return cookie == "1" }
        return context.actor?.prefersCareMode ?? false
    }

    public static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// After a successful form post: redirect (303) with a one-time message for the next page.
    public func redirect(to location: String, flash: String? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        if let flash {
            let encoded = flash.urlQueryEscaped
            response.setCookie(Cookie(name: Self.flashCookie, value: encoded, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// A form's action: a redirect with its message when it succeeds; on a mistake the user
    /// can mend (invalid input, a conflict with the current state), `page` shown again with it.
    public func formAction(_ action: () async throws -> (location: String, flash: String),
                           orShow page: (DomainError) async throws -> Response) async throws -> Response {
        do {
            let (location, flash) = try await action()
            return redirect(to: location, flash: flash)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            return try await page(error)
        }
    }

    /// A form post's fields read as `read`, then the action, then a redirect; a mistake shows
    /// `page` again with the error (`formAction`).
    public func formPost<T>(_ request: Request, _ context: AppContext, _ read: (inout Fields) throws -> T,
                            _ action: (T) async throws -> (location: String, flash: String),
                            orShow page: (DomainError) async throws -> Response) async throws -> Response {
        var request = request
        var fields = try await request.fields(context)
        return try await formAction({
            let input = try read(&fields)
            try fields.finish()
            return try await action(input)
        }, orShow: page)
    }

    /// A feature's script (the console allows scripts from itself only).
    public static func script(_ source: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: source)))
    }

    /// An uploaded photo, as its checked type; it may never run as a page of its own.
    public static func photo(contentType: String, data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "private, max-age=3600", .contentTypeOptions: "nosniff",
                                        .contentSecurityPolicy: "default-src 'none'"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A stored file saved under `name`; never shown as a page of its own.
    public static func download(_ data: Data, contentType: String, name: String, fallback: String = "document") -> Response {
        Response(status: .ok, headers: [
            .contentType: contentType, .contentDisposition: "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(name.urlQueryEscaped)",
            .cacheControl: "private, no-store", .contentTypeOptions: "nosniff", .contentSecurityPolicy: "default-src 'none'",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An XLSX download named `name` (UTF-8, RFC 5987); `fallback` is the ASCII name for old clients.
    public static func spreadsheet(_ data: Data, name: String, fallback: String = "ledger.xlsx") -> Response {
        Response(status: .ok, headers: [
            .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            .contentDisposition: "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(name.urlQueryEscaped)", .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    public static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONEncoder.canonical().encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The same answer for a value that writes its own JSON (`JSONWritable`): the hot reads.
    public static func json(writing value: some JSONWritable, status: HTTPResponse.Status = .ok) -> Response {
        var json = JSONWriter()
        value.write(to: &json)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }

    /// JSON already written as text (a GeoJSON document), under its own media type.
    public static func jsonText(_ text: String, contentType: String = "application/json; charset=utf-8") -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

}

/// Where answers, errors included, are JSON: `/api/` and the prefixes features declare
/// (`Feature.jsonPaths`), or any request that asks for JSON in its Accept header.
public struct JSONPaths: Sendable {
    public let prefixes: [String]
    public init(_ prefixes: [String]) { self.prefixes = ["/api/"] + prefixes }

    public func wanted(by request: Request) -> Bool {
        let path = request.uri.path
        if prefixes.contains(where: path.hasPrefix) { return true }
        return (request.headers[.accept] ?? "").hasPrefix("application/json")
    }
}

/// The JSON error envelope of the API: `{"error": {"code", "message", "fields"}}`.
public struct APIErrorBody: Encodable, Sendable {
    public struct Detail: Encodable, Sendable {
        public let code: String
        public let message: String
        public let fields: [String: String]?
        public let requestId: String?
    }
    public let error: Detail
}
