@_exported import HTTPTypes

extension HTTPField.Name {
    public static let requestId = HTTPField.Name("X-Request-Id")!
    public static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    /// A client's key for one submission: a retry with the same key returns the first result.
    public static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    public static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    public static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    public static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    public static let crossOriginOpenerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
    public static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
