@_exported import HTTPTypes

extension HTTPField.Name {
    public static let requestId = HTTPField.Name("X-Request-Id")!
    public static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    /// A client's key for one submission: a retry with the same key returns the first result.
    public static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    public static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    public static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
