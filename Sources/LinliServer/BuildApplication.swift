import Accounts
import Audit
import Hummingbird
import HummingbirdCore
import LinliKit
import Logging
import Prometheus
import Notifications
import Regions
import Requests
import Residents

/// Everything a running Linli mounts, in one list: adding a feature is one line here.
public struct LinliFeatures {
    public static let templates: [String: String] = ShellTemplates.all
        .merging(RegionsFeature.templates) { a, _ in a }
        .merging(AccountsFeature.templates) { a, _ in a }
        .merging(AuditFeature.templates) { a, _ in a }
        .merging(ResidentsFeature.templates) { a, _ in a }
        .merging(RequestsFeature.templates) { a, _ in a }
        .merging(NotificationsFeature.templates) { a, _ in a }

    public static let navigation: [NavigationItem] = [NavigationItem("首页", href: "/", permission: nil, order: 0)]
        + RegionsFeature.navigation + ResidentsFeature.navigation + RequestsFeature.navigation + NotificationsFeature.navigation
        + AccountsFeature.navigation + AuditFeature.navigation

    static func mount(_ system: LinliSystem, web: Web) -> [any Feature] {
        [
            RegionsFeature(regions: system.regions, teams: system.teams, web: web),
            AccountsFeature(accounts: system.accounts, auth: system.auth, regions: system.regions, web: web),
            AuditFeature(service: system.auditTrail, web: web),
            ResidentsFeature(residents: system.residents, ledger: system.ledger, regions: system.regions, web: web, clock: system.clock),
            NotificationsFeature(notifications: system.notifications, web: web),
            RequestsFeature(requests: system.requests, catalog: system.catalog, calendar: system.calendar, regions: system.regions,
                            residents: system.residents, web: web, authenticator: system.auth, clock: system.clock),
        ]
    }
}

/// Builds the router with every feature's routes behind the shared middleware.
public func buildRouter(system: LinliSystem, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) throws -> Router<AppContext> {
    let web = try Web(templates: LinliFeatures.templates, navigation: LinliFeatures.navigation,
                      secureCookies: system.configuration.secureCookies)
    let router = Router(context: AppContext.self)
    router.add(middleware: SecurityHeadersMiddleware(strictTransport: system.configuration.secureCookies))
    router.add(middleware: MetricsMiddleware(registry: registry))
    router.add(middleware: ErrorMiddleware(web: web))
    router.add(middleware: MetricsEndpoint(registry: registry, token: system.configuration.metricsToken))
    router.add(middleware: AuthMiddleware(authenticator: system.auth, trustedProxies: system.configuration.effectiveTrustedProxies,
                                          logger: system.logger))
    router.add(middleware: CSRFMiddleware(exemptPrefixes: [Open311API.basePath + "/"]))
    OperationsRoutes(database: system.database, registry: registry).addRoutes(to: router)
    HomePage(regions: system.regions, web: web, navigation: LinliFeatures.navigation).addRoutes(to: router)
    for feature in LinliFeatures.mount(system, web: web) {
        feature.addRoutes(to: router)
    }
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
    return Application(router: router,
                       server: .http1(configuration: http),
                       configuration: .init(address: .hostname(system.configuration.host, port: system.configuration.port),
                                            serverName: "linli"),
                       services: BackgroundJobs.all(system, logger: logger),
                       onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
                       logger: logger)
}
