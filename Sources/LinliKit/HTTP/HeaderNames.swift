@_exported import HTTPTypes

extension HTTPField.Name {
    public static let requestId = HTTPField.Name("X-Request-Id")!
    public static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    public static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
