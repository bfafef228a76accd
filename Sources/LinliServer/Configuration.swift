import Foundation
import LinliKit

/// Everything `linli serve` can be told, from flags or `LINLI_*` environment variables.
public struct Configuration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Holds the SQLite database (and, later, uploaded files and the data key).
    public var dataDirectory: String = "./linli-data"
    /// `postgres://…` to use PostgreSQL instead of the SQLite file in the data directory.
    public var databaseURL: String?
    /// Set behind https: cookies get the Secure attribute.
    public var secureCookies: Bool = false
    /// Behind a reverse proxy: take the client address from X-Forwarded-For.
    public var trustProxy: Bool = false
    public var bcryptCost: UInt8 = 10
    /// Every notice is also posted to this webhook (e.g. a 企业微信 group robot).
    public var districtWebhook: String?
    /// Outgoing mail server, `smtp://host:port`; without it e-mail notices wait in the queue.
    public var smtpURL: String?
    /// Sender address of notice e-mails.
    public var mailFrom: String = "linli@localhost"
    /// How often queued e-mail and webhook notices are sent.
    public var deliveryIntervalSeconds: Int = 15

    public init() {}

    /// Reads `LINLI_HOST`, `LINLI_PORT`, `LINLI_DATA_DIR`, `LINLI_DATABASE_URL`,
    /// `LINLI_SECURE_COOKIES`, `LINLI_TRUST_PROXY`, `LINLI_BCRYPT_COST`, `LINLI_WEBHOOK_URL`, `LINLI_SMTP_URL`,
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
