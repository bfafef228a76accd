import Foundation
import Hummingbird
import Logging
import Synchronization

/// Resolves credentials into an actor. One feature publishes a service conforming to it;
/// the composition root finds that service and hands it to `AuthMiddleware`.
public protocol Authenticator: Sendable {
    func authenticate(sessionToken: String, ip: String?) async throws -> Authentication?
    func authenticate(bearerToken: String, ip: String?) async throws -> Authentication?
}

/// Attaches the actor of a session cookie or a bearer token to the context. Routes decide
/// themselves whether they need one (`context.requireActor`).
public struct AuthMiddleware: RouterMiddleware {
    public typealias Context = AppContext
    let authenticator: any Authenticator
    /// Behind a reverse proxy: the proxies, whose X-Forwarded-For is believed. None: the
    /// header is ignored, whoever sends it.
    let trustedProxies: TrustedProxies
    let logger: Logger?
    private let warned = Once()

    public init(authenticator: any Authenticator, trustedProxies: TrustedProxies, logger: Logger? = nil) {
        self.authenticator = authenticator
        self.trustedProxies = trustedProxies
        self.logger = logger
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy; then the
    /// right-most X-Forwarded-For entry that is not itself a trusted proxy (entries left of
    /// it were written by the client and prove nothing).
    public static func clientAddress(peer: String?, forwardedFor: String?, trustedProxies: TrustedProxies) -> String? {
        guard let peer, trustedProxies.contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return IPAddress.parse(hop) != nil ? hop : peer
        }
        return peer
    }

    public func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        if !trustedProxies.isEmpty {
            let forwarded = request.headers[.forwardedFor]
            context.clientIP = Self.clientAddress(peer: context.peerAddress, forwardedFor: forwarded, trustedProxies: trustedProxies)
            // A proxy that is not listed makes every client one address (one login throttle for
            // all): said once in the log, so that the operator adds it.
            if forwarded != nil, let peer = context.peerAddress, !trustedProxies.contains(peer), warned.first() {
                logger?.warning("X-Forwarded-For from a peer that is not in LINLI_TRUSTED_PROXIES; ignored",
                                metadata: ["peer": .string(peer), "trusted": .string(trustedProxies.entries.joined(separator: ","))])
            }
        }
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer "),
                  let authentication = try await authenticator.authenticate(bearerToken: String(header.dropFirst(7)), ip: context.clientIP) else {
                throw DomainError(kind: .unauthenticated, code: "invalid_token", message: "API 令牌无效或已被吊销")
            }
            context.authentication = authentication
        } else if let cookie = request.cookies[Web.sessionCookie]?.value, !cookie.isEmpty {
            context.authentication = try await authenticator.authenticate(sessionToken: cookie, ip: context.clientIP)
        }
        return try await next(request, context)
    }
}

/// Every unsafe request carried by browser credentials must echo a CSRF token: the session's
/// token for signed-in users, the double-submit cookie for the login form. Requests with an
/// API token carry no ambient credentials and need none.
public struct CSRFMiddleware: RouterMiddleware {
    public typealias Context = AppContext
    /// Paths whose routes never act on a session (they authenticate by a key in the request
    /// itself), so there is no ambient credential to protect (`Feature.csrfExemptPaths`).
    let exemptPrefixes: [String]
    let secureCookies: Bool

    public init(exemptPrefixes: [String] = [], secureCookies: Bool = false) {
        self.exemptPrefixes = exemptPrefixes
        self.secureCookies = secureCookies
    }

    public func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        if context.authentication == nil { context.anonymousFormToken = request.cookies[Web.csrfCookie].flatMap { $0.value.isEmpty ? nil : $0.value } }
        guard [.post, .put, .patch, .delete].contains(request.method) else {
            // A visitor's first page gets a double-submit token, so that any form on it (sign
            // in, 关怀模式, a tracking page's rating) can be posted.
            guard context.authentication == nil, context.anonymousFormToken == nil else { return try await next(request, context) }
            let token = Secrets.token(bytes: 24)
            context.anonymousFormToken = token
            var response = try await next(request, context)
            if response.headers[.contentType]?.hasPrefix("text/html") == true {
                response.setCookie(Cookie(name: Web.csrfCookie, value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
            }
            return response
        }
        if exemptPrefixes.contains(where: { request.uri.path.hasPrefix($0) }) { return try await next(request, context) }
        let expected: String?
        switch context.authentication?.credential {
        case .token?:
            return try await next(request, context)
        case .session(_, let token)?:
            expected = token
        case nil:
            let type = request.headers[.contentType] ?? ""
            // Without a session there are no ambient credentials to abuse, except on forms
            // (login), which use the double-submit cookie.
            guard type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/form-data") else {
                return try await next(request, context)
            }
            expected = request.cookies[Web.csrfCookie]?.value
        }
        var request = request
        var supplied = request.headers[.csrfToken]
        let contentType = request.headers[.contentType] ?? ""
        if supplied == nil, contentType.hasPrefix("application/x-www-form-urlencoded") {
            let fields = try await Fields.from(&request, context: context)
            if case .text(let token)? = fields.values["_csrf"] { supplied = token }
        } else if supplied == nil, MultipartForm.boundary(of: contentType) != nil {
            supplied = try await MultipartForm.from(&request).text("_csrf")
        }
        guard let expected, !expected.isEmpty, let supplied, Secrets.equal(expected, supplied) else {
            throw DomainError.csrf
        }
        return try await next(request, context)
    }
}

/// True the first time it is asked, false ever after (for a warning said once).
final class Once: Sendable {
    private let done = Mutex(false)
    func first() -> Bool { done.withLock { done in defer { done = true }; return !done } }
}
