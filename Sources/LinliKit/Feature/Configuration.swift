import Foundation

/// Everything `linli serve` can be told, from flags or `LINLI_*` environment variables. The
/// deployment's own settings are fields here; a feature's settings are its `FeatureSettings`
/// type, read from the same environment (`configuration[SomeSettings.self]`).
public struct Configuration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Holds the SQLite database (and, later, uploaded files and the data key).
    public var dataDirectory: String = "./linli-data"
    /// `postgres://…` to use PostgreSQL instead of the SQLite file in the data directory.
    public var databaseURL: String?
    /// SQLite: sync every commit (`full`, the default) or only checkpoints (`normal`,
    /// `LINLI_SQLITE_SYNC=normal`; faster, but a power loss may take the last commits).
    public var sqliteSync: Database.SQLiteSync = .full
    /// Set behind https: cookies get the Secure attribute.
    public var secureCookies: Bool = false
    /// Behind a reverse proxy: take the client address from X-Forwarded-For.
    public var trustProxy: Bool = false
    /// The proxies whose X-Forwarded-For is believed when `trustProxy` is on
    /// (`LINLI_TRUSTED_PROXIES`: comma-separated addresses or CIDR networks; default loopback).
    public var trustedProxies = TrustedProxies(["127.0.0.1", "::1"])
    /// The proxies actually trusted: none unless `trustProxy` is on.
    public var effectiveTrustedProxies: TrustedProxies { trustProxy ? trustedProxies : .none }
    /// `Authorization: Bearer …` that `/metrics` asks for (`LINLI_METRICS_TOKEN`); without
    /// one, `/metrics` is off.
    public var metricsToken: String?
    /// Hosts a person's own webhook may name although they are not public addresses (an
    /// intranet robot gateway, say); everything else must resolve to public addresses only.
    public var webhookAllowedHosts: Set<String> = []
    /// How host names become addresses for that check (tests inject their own).
    public var hostResolver: any HostResolver = SystemHostResolver()
    public var outboundPolicy: OutboundPolicy { OutboundPolicy(allowedHosts: webhookAllowedHosts, resolver: hostResolver) }

    /// The environment the configuration was read from; features read their settings from it.
    public var environment: [String: String] = [:]
    /// Feature settings set in code (tests, flags), in place of what the environment says.
    var featureSettings: [ObjectIdentifier: any FeatureSettings] = [:]

    public init() {}

    /// A feature's settings: as set in code, else as read from `environment`.
    public subscript<Settings: FeatureSettings>(_ type: Settings.Type) -> Settings {
        get { featureSettings[ObjectIdentifier(type)] as? Settings ?? Settings(environment: environment) }
        set { featureSettings[ObjectIdentifier(type)] = newValue }
    }

    /// Reads `LINLI_HOST`, `LINLI_PORT`, `LINLI_DATA_DIR`, `LINLI_DATABASE_URL`,
    /// `LINLI_SQLITE_SYNC`, `LINLI_SECURE_COOKIES`, `LINLI_TRUST_PROXY`,
    /// `LINLI_WEBHOOK_ALLOW_HOSTS`, `LINLI_TRUSTED_PROXIES`, `LINLI_METRICS_TOKEN`; the
    /// features' settings read their own variables (README lists them all).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Configuration {
        var configuration = Configuration()
        configuration.environment = environment
        if let host = environment["LINLI_HOST"] { configuration.host = host }
        if let port = environment["LINLI_PORT"].flatMap(Int.init) { configuration.port = port }
        if let directory = environment["LINLI_DATA_DIR"] { configuration.dataDirectory = directory }
        if let url = environment["LINLI_DATABASE_URL"], !url.isEmpty { configuration.databaseURL = url }
        if let secure = environment["LINLI_SECURE_COOKIES"] { configuration.secureCookies = ["1", "true", "yes"].contains(secure.lowercased()) }
        if let proxy = environment["LINLI_TRUST_PROXY"] { configuration.trustProxy = ["1", "true", "yes"].contains(proxy.lowercased()) }
        if let sync = environment["LINLI_SQLITE_SYNC"].flatMap({ Database.SQLiteSync(rawValue: $0.lowercased()) }) {
            configuration.sqliteSync = sync
        }
        if let proxies = environment["LINLI_TRUSTED_PROXIES"] {
            configuration.trustedProxies = TrustedProxies(proxies.split(separator: ",").map(String.init))
        }
        if let token = environment["LINLI_METRICS_TOKEN"], !token.isEmpty { configuration.metricsToken = token }
        if let hosts = environment["LINLI_WEBHOOK_ALLOW_HOSTS"] {
            configuration.webhookAllowedHosts = Set(hosts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { !$0.isEmpty })
        }
        return configuration
    }

    public func databaseLocation() throws -> DatabaseLocation {
        if let databaseURL { return try DatabaseLocation.parse(databaseURL) }
        return .sqlite(path: (dataDirectory as NSString).appendingPathComponent("linli.sqlite"))
    }
}

/// A feature's part of the configuration, read from `LINLI_*` variables; a value the feature
/// cannot use leaves its default (as the deployment's own settings do).
public protocol FeatureSettings: Sendable {
    init(environment: [String: String])
}
