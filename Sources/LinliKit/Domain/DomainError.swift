/// An error a user can cause: it carries an HTTP status and a zh-CN message, and is shown
/// to the user as it is. Anything that is not a `DomainError` is a fault: logged, and shown
/// as a 500 page with the request id.
public struct DomainError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case invalid, unauthenticated, forbidden, notFound, conflict, tooManyRequests, payloadTooLarge
    }

    public let kind: Kind
    /// Machine-readable code for API clients, e.g. `invalid_field`.
    public let code: String
    /// What the user reads, in Simplified Chinese.
    public let message: String
    /// Per-field messages for forms (field name → zh-CN message).
    public let fields: [String: String]
    /// For a 429: seconds until another try may succeed (the `Retry-After` header).
    public let retryAfter: Int64?

    public init(kind: Kind, code: String, message: String, fields: [String: String] = [:], retryAfter: Int64? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.fields = fields
        self.retryAfter = retryAfter
    }

    public var status: Int {
        switch kind {
        case .invalid: 422
        case .unauthenticated: 401
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .tooManyRequests: 429
        case .payloadTooLarge: 413
        }
    }

    public static func invalid(_ field: String, _ message: String) -> DomainError {
        DomainError(kind: .invalid, code: "invalid_field", message: message, fields: [field: message])
    }
    public static func invalid(fields: [String: String]) -> DomainError {
        let summary = fields.keys.sorted().compactMap { fields[$0] }.joined(separator: "；")
        return DomainError(kind: .invalid, code: "invalid_field", message: summary, fields: fields)
    }
    public static func badRequest(_ message: String) -> DomainError {
        DomainError(kind: .invalid, code: "bad_request", message: message)
    }
    public static let unauthenticated = DomainError(kind: .unauthenticated, code: "unauthenticated", message: "请先登录")
    public static let forbidden = DomainError(kind: .forbidden, code: "forbidden", message: "您没有执行此操作的权限")
    public static func notFound(_ what: String) -> DomainError {
        DomainError(kind: .notFound, code: "not_found", message: "\(what)不存在或不在您的管辖范围内")
    }
    public static func conflict(_ message: String) -> DomainError {
        DomainError(kind: .conflict, code: "conflict", message: message)
    }
    public static func tooManyRequests(_ message: String, retryAfter: Int64? = nil) -> DomainError {
        DomainError(kind: .tooManyRequests, code: "too_many_requests", message: message, retryAfter: retryAfter)
    }
    public static let csrf = DomainError(kind: .forbidden, code: "csrf_failed", message: "表单已过期或来源不明，请刷新页面后重试")
}
