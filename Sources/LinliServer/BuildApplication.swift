import Hummingbird
import HummingbirdCore
import LinliKit
import Logging
import Prometheus
import ServiceLifecycle

/// Builds the router: the shared middleware, the console's own routes, then every feature's.
public func buildRouter(system: LinliSystem, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) throws -> Router<AppContext> {
    let composition = system.composition
    let navigation = [NavigationItem.link("首页", href: "/", permission: nil, order: 0)] + composition.navigation
    let web = try Web(templates: composition.templates, navigation: navigation,
                      secureCookies: system.configuration.secureCookies, jsonPaths: composition.jsonPaths,
                      pageLinks: composition.pageLinks)
    let authenticator = try system.services.require((any Authenticator).self, by: "the router")
    let router = Router(context: AppContext.self)
    router.add(middleware: SecurityHeadersMiddleware(strictTransport: system.configuration.secureCookies, jsonPaths: composition.jsonPaths))
    router.add(middleware: MetricsMiddleware(registry: registry))
    router.add(middleware: ErrorMiddleware(web: web))
    router.add(middleware: MetricsEndpoint(registry: registry, token: system.configuration.metricsToken))
    router.add(middleware: AuthMiddleware(authenticator: authenticator, trustedProxies: system.configuration.effectiveTrustedProxies,
                                          logger: system.logger))
    router.add(middleware: CSRFMiddleware(exemptPrefixes: composition.csrfExemptPaths, secureCookies: system.configuration.secureCookies))
    let shell = Router(context: AppContext.self)
    for routes in [OperationsRoutes(database: system.database, registry: registry).addRoutes,
                   HomePage(sections: system.features.flatMap(\.homeSections), dueWork: system.features.flatMap(\.dueWork),
                            clock: system.clock, web: web, navigation: navigation).addRoutes] {
        routes(shell)
        routes(router)
    }
    try Composition.mount(system.features, on: router, web: web, shellRoutes: shell.routes.map { "\($0.method.rawValue) \($0.path)" })
    return router
}

/// The HTTP application with its background services; SIGTERM/SIGINT shut it down gracefully.
public func buildApplication(system: LinliSystem, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    let router = try buildRouter(system: system, registry: registry)
    var logger = system.logger
    logger[metadataKey: "service"] = "linli"
    let limits = ConnectionDeadlines.Limits()
    let http = HTTP1Channel.Configuration(additionalChannelHandlers: [ConnectionDeadlines(limits: limits)], idleTimeout: limits.idle)
    let jobLogger = logger
    let jobs: [any Service] = system.jobs.map { job in
        PeriodicJob(name: job.name, interval: job.interval, logger: jobLogger) { try await job.work(jobLogger) }
    }
    return Application(router: router,
                       server: .http1(configuration: http),
                       configuration: .init(address: .hostname(system.configuration.host, port: system.configuration.port),
                                            serverName: "linli"),
                       services: jobs,
                       onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
                       logger: logger)
}
