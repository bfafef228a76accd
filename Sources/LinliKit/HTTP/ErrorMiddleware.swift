import Foundation
import Hummingbird
import Logging

/// Turns every error into the answer a user should see: a `DomainError` keeps its status and
/// zh-CN message; a framework error (unknown route, body too large) gets a zh-CN message; any
/// other error is a fault: logged with the request id, which the 500 page shows.
public struct ErrorMiddleware: RouterMiddleware {
    public typealias Context = AppContext
    let web: Web

    public init(web: Web) { self.web = web }

    public func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as DomainError {
            response = render(error, request: request, context: context)
            if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        } catch let error as HTTPResponseError {
            let domain = Self.translate(error.status)
            if domain.kind == .unauthenticated || error.status.code >= 500 {
                context.logger.error("request failed", metadata: ["request_id": .string(context.requestId), "error": .string("\(error)")])
            }
            response = render(domain, request: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["request_id": .string(context.requestId), "error": .string(String(reflecting: error))])
            let fault = DomainError(kind: .invalid, code: "internal_error",
                                    message: "服务器内部错误，请稍后重试。如问题持续，请把页面编号 \(context.requestId) 告诉管理员。")
            response = render(fault, request: request, context: context, status: .internalServerError)
        }
        response.headers[.requestId] = context.requestId
        return response
    }

    static func translate(_ status: HTTPResponse.Status) -> DomainError {
        switch status.code {
        case 404: DomainError(kind: .notFound, code: "not_found", message: "页面或接口不存在")
        case 405: DomainError(kind: .notFound, code: "method_not_allowed", message: "不支持此请求方法")
        case 413: DomainError(kind: .payloadTooLarge, code: "payload_too_large", message: "提交的内容过大")
        case 401: .unauthenticated
        case 403: .forbidden
        case 400..<500: .badRequest("请求格式有误")
        default: DomainError(kind: .invalid, code: "internal_error", message: "服务器内部错误，请稍后重试")
        }
    }

    func render(_ error: DomainError, request: Request, context: AppContext, status: HTTPResponse.Status? = nil) -> Response {
        let status = status ?? HTTPResponse.Status(code: error.status)
        if web.jsonPaths.wanted(by: request) {
            let body = APIErrorBody(error: .init(code: error.code, message: error.message,
                                                 fields: error.fields.isEmpty ? nil : error.fields,
                                                 requestId: context.requestId))
            var response = (try? Web.json(body, status: status)) ?? Response(status: status)
            if error.kind == .unauthenticated {
                response.headers[.wwwAuthenticate] = "Bearer realm=\"linli\""
            }
            return response
        }
        if error.kind == .unauthenticated, request.method == .get {
            let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
            return Response(status: .seeOther, headers: [.location: "/login?next=\(next)"])
        }
        struct Model { let status: Int; let message: String; let requestId: String; let fields: [Field]
            struct Field { let message: String } }
        let model = Model(status: status.code, message: error.message, requestId: context.requestId,
                          fields: error.fields.keys.sorted().compactMap { error.fields[$0].map(Model.Field.init) })
        return web.page("error", title: "出错了", model: model, request: request, context: context, status: status)
    }
}
