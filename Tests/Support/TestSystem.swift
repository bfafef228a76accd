import Foundation
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
                               _ body: (LinliSystem) async throws -> T) async throws -> T {
        var configuration = Configuration()
        configuration.bcryptCost = 4
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("linli-test-\(UUID().uuidString)").path
        configuration.dataDirectory = directory
        var cleanup: () async throws -> Void = { try? FileManager.default.removeItem(atPath: directory) }
        switch engine {
        case .sqlite:
            break
        case .postgres:
            guard let adminURL = TestEngine.postgresURL else {
                Issue.record("LINLI_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL")
                throw TestSetupError.noPostgres
            }
            let name = "linli_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await Database.open(.postgres(url: adminURL), logger: logger)
            try await admin.read { tx in try await tx.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            await admin.close()
            configuration.databaseURL = try replacingDatabase(in: adminURL, with: String(name))
            cleanup = {
                try? FileManager.default.removeItem(atPath: directory)
                let admin = try await Database.open(.postgres(url: adminURL), logger: logger)
                try? await admin.read { tx in try await tx.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
                await admin.close()
            }
        }
        let system = try await LinliSystem.open(configuration, logger: logger, clock: clock)
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

    static func replacingDatabase(in url: String, with name: String) throws -> String {
        guard var components = URLComponents(string: url) else { throw TestSetupError.badURL }
        components.path = "/" + name
        return components.string!
    }
}

public enum TestSetupError: Error { case noPostgres, badURL }
