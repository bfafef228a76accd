import Foundation
import Hummingbird
import NIOCore

/// How the current request proved who it is.
public enum Credential: Sendable {
    /// A browser session: the CSRF token every unsafe request must echo.
    case session(id: String, csrfToken: String)
    /// An API token (integrations): no cookies involved, so no CSRF check.
    case token(id: Int64)
}

public struct Authentication: Sendable {
    public let actor: Actor
    public let credential: Credential
    public init(actor: Actor, credential: Credential) {
        self.actor = actor
        self.credential = credential
    }

    public var csrfToken: String? {
        if case .session(_, let token) = credential { return token }
        return nil
    }
}

/// The request context every Linli route sees.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Peer address of the connection (before any proxy header is considered).
    public let peerAddress: String?
    /// Client address used for throttling and the audit trail.
    public var clientIP: String?
    public var requestId: String
    public var authentication: Authentication?
    /// For a visitor without a session: the double-submit token their forms carry (the
    /// `linli_csrf` cookie's, or a fresh one `CSRFMiddleware` sets with the answer).
    public var anonymousFormToken: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
        self.clientIP = peerAddress
        self.requestId = RequestIdentifier.make()
        self.authentication = nil
        self.anonymousFormToken = nil
    }

    public var maxUploadSize: Int { 2 * 1024 * 1024 }

    public var actor: Actor? { authentication?.actor }

    /// The signed-in actor, or `unauthenticated`.
    public func requireActor() throws -> Actor {
        guard let actor else { throw DomainError.unauthenticated }
        return actor
    }

    /// The signed-in actor holding `permission`, or the matching error.
    public func requireActor(_ permission: Permission) throws -> Actor {
        let actor = try requireActor()
        try actor.require(permission)
        return actor
    }
}

enum RequestIdentifier {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in "0123456789abcdefghjkmnpqrstvwxyz".randomElement(using: &generator)! })
    }
}
