import Foundation
import LinliKit
import Requests

/// Everything `linli serve` can be told, from flags or `LINLI_*` environment variables.
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
    /// 查询码 lookups per client address (`LINLI_TRACK_LOOKUPS_PER_MINUTE`; the burst is
    /// twice that, at least 100, since Open311 asks for up to 100 codes a call).
    public var trackingLookupRule = RequestService.trackingLookupRule
    public var bcryptCost: UInt8 = 10
    /// Every notice is also posted to this webhook (e.g. a 企业微信 group robot).
    public var districtWebhook: String?
    /// Hosts a person's own webhook may name although they are not public addresses (an
    /// intranet robot gateway, say); everything else must resolve to public addresses only.
    public var webhookAllowedHosts: Set<String> = []
    /// How host names become addresses for that check (tests inject their own).
    public var hostResolver: any HostResolver = SystemHostResolver()
    public var outboundPolicy: OutboundPolicy { OutboundPolicy(allowedHosts: webhookAllowedHosts, resolver: hostResolver) }
    /// Outgoing mail server, `smtp://host:port`; without it e-mail notices wait in the queue.
    public var smtpURL: String?
    /// Sender address of notice e-mails.
    public var mailFrom: String = "linli@localhost"
    /// How often queued e-mail and webhook notices are sent.
    public var deliveryIntervalSeconds: Int = 15

    public init() {}

    /// Reads `LINLI_HOST`, `LINLI_PORT`, `LINLI_DATA_DIR`, `LINLI_DATABASE_URL`,
    /// `LINLI_SQLITE_SYNC`, `LINLI_SECURE_COOKIES`, `LINLI_TRUST_PROXY`, `LINLI_BCRYPT_COST`, `LINLI_WEBHOOK_URL`,
    /// `LINLI_WEBHOOK_ALLOW_HOSTS`, `LINLI_TRUSTED_PROXIES`, `LINLI_METRICS_TOKEN`,
    /// `LINLI_TRACK_LOOKUPS_PER_MINUTE`, `LINLI_SMTP_URL`,
    /// `LINLI_MAIL_FROM`, `LINLI_DELIVERY_INTERVAL`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Configuration {
        var configuration = Configuration()
        if let host = environment["LINLI_HOST"] { configuration.host = host }
        if let port = environment["LINLI_PORT"].flatMap(Int.init) { configuration.port = port }
        if let directory = environment["LINLI_DATA_DIR"] { configuration.dataDirectory = directory }
        if let url = environment["LINLI_DATABASE_URL"], !url.isEmpty { configuration.databaseURL = url }
        if let secure = environment["LINLI_SECURE_COOKIES"] { configuration.secureCookies = ["1", "true", "yes"].contains(secure.lowercased()) }
        if let proxy = environment["LINLI_TRUST_PROXY"] { configuration.trustProxy = ["1", "true", "yes"].contains(proxy.lowercased()) }
        if let cost = environment["LINLI_BCRYPT_COST"].flatMap(UInt8.init), (4...14).contains(cost) { configuration.bcryptCost = cost }
        if let webhook = environment["LINLI_WEBHOOK_URL"], !webhook.isEmpty { configuration.districtWebhook = webhook }
        if let sync = environment["LINLI_SQLITE_SYNC"].flatMap({ Database.SQLiteSync(rawValue: $0.lowercased()) }) {
            configuration.sqliteSync = sync
        }
        if let proxies = environment["LINLI_TRUSTED_PROXIES"] {
            configuration.trustedProxies = TrustedProxies(proxies.split(separator: ",").map(String.init))
        }
        if let rate = environment["LINLI_TRACK_LOOKUPS_PER_MINUTE"].flatMap(Int.init), (1...100_000).contains(rate) {
            configuration.trackingLookupRule = .init(burst: max(2 * rate, 100), perMinute: rate)
        }
        if let token = environment["LINLI_METRICS_TOKEN"], !token.isEmpty { configuration.metricsToken = token }
        if let hosts = environment["LINLI_WEBHOOK_ALLOW_HOSTS"] {
            configuration.webhookAllowedHosts = Set(hosts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { !$0.isEmpty })
        }
        if let smtp = environment["LINLI_SMTP_URL"], !smtp.isEmpty { configuration.smtpURL = smtp }
        if let from = environment["LINLI_MAIL_FROM"], !from.isEmpty { configuration.mailFrom = from }
        if let seconds = environment["LINLI_DELIVERY_INTERVAL"].flatMap(Int.init), (1...3600).contains(seconds) {
            configuration.deliveryIntervalSeconds = seconds
        }
        return configuration
    }

    public func databaseLocation() throws -> DatabaseLocation {
        if let databaseURL { return try DatabaseLocation.parse(databaseURL) }
        return .sqlite(path: (dataDirectory as NSString).appendingPathComponent("linli.sqlite"))
    }
}
