import Foundation
import Hummingbird
import LinliKit
import Prometheus

/// Health, metrics and static assets: the routes operators and load balancers use.
struct OperationsRoutes {
    let database: Database
    let registry: PrometheusCollectorRegistry

    struct Health: Encodable { let status: String; let database: String }

    func addRoutes(to router: Router<AppContext>) {
        router.get("healthz") { _, _ in
            do {
                _ = try await database.read { tx in try await tx.sql.raw("SELECT 1 AS one").first() }
                return try Web.json(Health(status: "ok", database: database.engine.rawValue))
            } catch {
                return try Web.json(Health(status: "unavailable", database: database.engine.rawValue), status: .serviceUnavailable)
            }
        }
        router.get("assets/linli.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("api/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: try OpenAPIDocument.json)))
        }
    }
}

/// Counts requests by method and status class and records their durations (Prometheus).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let registry: PrometheusCollectorRegistry
    let duration: DurationHistogram

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        duration = registry.makeDurationHistogram(
            name: "linli_http_request_duration_seconds",
            buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)],
            help: "HTTP request duration")
    }

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            duration.record(ContinuousClock.now - start)
            registry.makeCounter(name: "linli_http_requests_total",
                                 labels: [("method", request.method.rawValue), ("status", "\(status / 100)xx")],
                                 help: "HTTP requests handled").increment()
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }
}

/// `GET /metrics` for Prometheus, answered before sign-in is looked at (its bearer token is
/// not an API token): only to a request carrying `LINLI_METRICS_TOKEN`. Without a token
/// configured it is off — a same-host proxy forwarding to a loopback port would otherwise
/// publish it. Anyone else gets the same 404 as any unknown path.
struct MetricsEndpoint: RouterMiddleware {
    typealias Context = AppContext
    let registry: PrometheusCollectorRegistry
    let token: String?

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard request.uri.path == "/metrics", request.method == .get || request.method == .head else { return try await next(request, context) }
        guard let token, let header = request.headers[.authorization], header.hasPrefix("Bearer "),
              Secrets.equal(String(header.dropFirst(7)), token) else { throw HTTPError(.notFound) }
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }
}
