import Foundation
import Accounts
import LinliKit
import LinliServer
import Logging
import Testing

/// The engines a service suite runs on. PostgreSQL runs when the test command has started a
/// cluster (`LINLI_TEST_POSTGRES_URL`); under CI it is required, so a missing cluster fails
/// loudly instead of silently testing half.
public enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    public var testDescription: String { rawValue }

    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["LINLI_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var all: [TestEngine] {
        let required = ProcessInfo.processInfo.environment["CI"] == "true"
        return postgresURL != nil || required ? [.sqlite, .postgres] : [.sqlite]
    }
}

public enum TestSystem {
    static let logger: Logger = {
        var logger = Logger(label: "linli-test")
        logger.logLevel = .warning
        return logger
    }()

    /// A fresh, migrated Linli on a new empty database; removed afterwards.
    public static func with<T>(_ engine: TestEngine, clock: any Clock = ManualClock(),
                               configure: (inout Configuration) -> Void = { _ in },
                               _ body: (LinliSystem) async throws -> T) async throws -> T {
        var configuration = Configuration()
        configuration[AccountsSettings.self].bcryptCost = 4
        // Tests post webhooks to receivers on this machine; no test may reach the network.
        configuration.webhookAllowedHosts = ["127.0.0.1"]
        configure(&configuration)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("linli-test-\(UUID().uuidString)").path
        configuration.dataDirectory = directory
        var cleanup: () async throws -> Void = { try? FileManager.default.removeItem(atPath: directory) }
        switch engine {
        case .sqlite:
            break
        case .postgres:
            let (url, dropDatabase) = try await newPostgresDatabase()
            configuration.databaseURL = url
            cleanup = {
                try? FileManager.default.removeItem(atPath: directory)
                try await dropDatabase()
            }
        }
        let system: LinliSystem
        do {
            system = try await LinliSystem.open(configuration, logger: logger, clock: clock)
        } catch {
            try? await cleanup()
            throw error
        }
        do {
            let result = try await body(system)
            await system.close()
            try await cleanup()
            return result
        } catch {
            await system.close()
            try await cleanup()
            throw error
        }
    }

    /// A bare, empty database (no migrations) for tests of the database layer itself.
    public static func withDatabase(_ engine: TestEngine, _ body: (Database) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("linli-db-\(UUID().uuidString)").path
        let location: DatabaseLocation
        var dropDatabase: () async throws -> Void = {}
        switch engine {
        case .sqlite:
            location = .sqlite(path: directory + "/probe.sqlite")
        case .postgres:
            let (url, drop) = try await newPostgresDatabase()
            location = .postgres(url: url)
            dropDatabase = drop
        }
        let database: Database
        do {
            database = try await Database.open(location, logger: logger)
        } catch {
            try? await dropDatabase()
            throw error
        }
        do {
            try await body(database)
        } catch {
            await database.close()
            try? FileManager.default.removeItem(atPath: directory)
            try await dropDatabase()
            throw error
        }
        await database.close()
        try? FileManager.default.removeItem(atPath: directory)
        try await dropDatabase()
    }

    /// A new empty PostgreSQL database in the test cluster: its URL, and how to drop it.
    /// Takes one of the `PostgresSlots`; dropping the database gives it back.
    private static func newPostgresDatabase() async throws -> (url: String, drop: @Sendable () async throws -> Void) {
        guard let adminURL = TestEngine.postgresURL else {
            Issue.record("LINLI_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL")
            throw TestSetupError.noPostgres
        }
        await PostgresSlots.shared.acquire()
        let name = "linli_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        do {
            let admin = try await Database.open(.postgres(url: adminURL), logger: logger)
            try await admin.read { tx in try await tx.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            await admin.close()
        } catch {
            await PostgresSlots.shared.release()
            throw error
        }
        let drop: @Sendable () async throws -> Void = {
            do {
                let admin = try await Database.open(.postgres(url: adminURL), logger: logger)
                try? await admin.read { tx in try await tx.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
                await admin.close()
            } catch {
                await PostgresSlots.shared.release()
                throw error
            }
            await PostgresSlots.shared.release()
        }
        return (try replacingDatabase(in: adminURL, with: String(name)), drop)
    }

    static func replacingDatabase(in url: String, with name: String) throws -> String {
        guard var components = URLComponents(string: url) else { throw TestSetupError.badURL }
        components.path = "/" + name
        return components.string!
    }
}

public enum TestSetupError: Error { case noPostgres, badURL }
