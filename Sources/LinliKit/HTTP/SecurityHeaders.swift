import Hummingbird

/// Headers every answer carries — pages, API answers, downloads and error pages alike —
/// and the checks every request passes before a route sees it. Outermost middleware, so an
/// error page gets the same headers as the page it replaces.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = AppContext
    /// HSTS only when the site is served over https (`--secure-cookies`): over plain http a
    /// browser ignores it, and on a test machine it would pin localhost to https.
    let strictTransport: Bool
    let jsonPaths: JSONPaths

    public init(strictTransport: Bool, jsonPaths: JSONPaths) {
        self.strictTransport = strictTransport
        self.jsonPaths = jsonPaths
    }

    /// No inline script or style anywhere in the console (it works without JavaScript), so
    /// the policy allows only our own files (images also as `data:` URLs).
    public static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Methods a route may have; anything else (TRACE, CONNECT, made-up ones) is a 405.
    public static let methods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]

    public func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var response: Response
        if !Self.methods.contains(request.method) {
            response = refusal(request, status: .methodNotAllowed, code: "method_not_allowed", message: "不支持此请求方法", context: context)
            response.headers[.allow] = Self.methods.map(\.rawValue).sorted().joined(separator: ", ")
        } else if let query = request.uri.query, query.contains("%"), let name = Fields.firstMalformedName(query) {
            let message = "查询参数「\(name)」不是有效的 UTF-8 文本"
            response = refusal(request, status: .unprocessableContent, code: "invalid_field", message: message,
                                    fields: [name: message], context: context)
        } else {
            response = try await next(request, context)
        }
        Self.apply(to: &response.headers, strictTransport: strictTransport)
        return response
    }

    public static func apply(to headers: inout HTTPFields, strictTransport: Bool) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xFrameOptions] = "DENY"
        headers[.contentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "same-origin"
        headers[.crossOriginOpenerPolicy] = "same-origin"
        if strictTransport { headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
    }

    /// A refusal made before any route or the error middleware ran: JSON for API clients,
    /// plain text otherwise (there is no layout to render into yet).
    func refusal(_ request: Request, status: HTTPResponse.Status, code: String, message: String,
                        fields: [String: String] = [:], context: AppContext) -> Response {
        var response: Response
        if jsonPaths.wanted(by: request) {
            let body = APIErrorBody(error: .init(code: code, message: message, fields: fields.isEmpty ? nil : fields,
                                                 requestId: context.requestId))
            response = (try? Web.json(body, status: status)) ?? Response(status: status)
        } else {
            response = Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
        }
        response.headers[.requestId] = context.requestId
        return response
    }
}
