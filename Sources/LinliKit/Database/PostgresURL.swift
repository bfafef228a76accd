import Foundation
import PostgresKit

/// Turns a `postgres://` URL into a client configuration. A `host` query item that starts
/// with `/` names a Unix-socket directory (as libpq does), which the test clusters use.
enum PostgresURL {
    static func clientConfiguration(_ text: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw DomainError.invalid("database-url", "无法解析 PostgreSQL 地址")
        }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        let password = components.password.flatMap { $0.removingPercentEncoding }
        let database = components.path.isEmpty ? nil : String(components.path.dropFirst())
        let items = components.queryItems ?? []
        var configuration: PostgresClient.Configuration
        if let socketDirectory = items.first(where: { $0.name == "host" })?.value, socketDirectory.hasPrefix("/") {
            let port = components.port ?? 5432
            configuration = .init(unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)",
                                  username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS =
                items.first(where: { $0.name == "sslmode" })?.value == "require" ? .require(.makeClientConfiguration()) : .disable
            configuration = .init(host: components.host ?? "localhost", port: components.port ?? 5432,
                                  username: user, password: password, database: database, tls: tls)
        }
        configuration.options.maximumConnections = 16
        // The pool arms a keep-alive timer and an idle timer each time a connection comes back,
        // and a cancelled timer's sleeping task stays allocated until its deadline: with the
        // defaults (30 s and 60 s) a server answering 5,000 requests a second grew by 8 MB a
        // second (docs/benchmarks.md). Short timers hold a few seconds' worth; four
        // connections stay open (no idle timer), the others close after 5 s without work.
        configuration.options.minimumConnections = 4
        configuration.options.connectionIdleTimeout = .seconds(5)
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(2))
        return configuration
    }
}
