import Foundation
import SQLKit

/// One forward-only schema step. `id` is global and never reused, by convention the feature's name and a number (`<name>.001`).
public struct Migration: Sendable {
    public let id: String
    public let statements: @Sendable (SQLEngine) -> [String]
    /// A data step that needs code (e.g. filling a new summary table from the rows through the
    /// same function that maintains it), run after the statements in the same transaction.
    public let data: (@Sendable (Tx) async throws -> Void)?

    public init(_ id: String, data: (@Sendable (Tx) async throws -> Void)? = nil, _ statements: @escaping @Sendable (SQLEngine) -> [String]) {
        self.id = id
        self.data = data
        self.statements = statements
    }
}

/// Applies migrations in the order given, each in its own transaction, and refuses a database
/// that holds migrations this build does not know (it was migrated by a newer Linli).
public struct Migrator: Sendable {
    public let migrations: [Migration]
    let clock: any Clock

    public init(migrations: [Migration], clock: any Clock = SystemClock()) {
        self.migrations = migrations
        self.clock = clock
    }

    /// Returns the ids applied by this call.
    @discardableResult
    public func migrate(_ database: Database) async throws -> [String] {
        let applied = try await appliedIDs(database)
        let known = Set(migrations.map(\.id))
        let unknown = applied.subtracting(known).sorted()
        if !unknown.isEmpty {
            throw MigrationError.newerDatabase(unknown: unknown)
        }
        var ran: [String] = []
        for migration in migrations where !applied.contains(migration.id) {
            let now = clock.now().millis
            let applied = try await database.write { tx -> Bool in
                // Instances starting together take turns (SQLite has one writer; PostgreSQL takes
                // an advisory lock); whoever comes second finds the step done and skips it.
                if tx.engine == .postgres { try await tx.sql.raw("SELECT pg_advisory_xact_lock(730102)").run() }
                if try await tx.sql.raw("SELECT id FROM schema_migrations WHERE id = \(bind: migration.id)").first() != nil {
                    return false
                }
                for statement in migration.statements(tx.engine) {
                    try await tx.sql.raw(SQLQueryString(statement)).run()
                }
                try await migration.data?(tx)
                try await tx.sql.raw("INSERT INTO schema_migrations (id, applied_at) VALUES (\(bind: migration.id), \(bind: now))").run()
                return true
            }
            if applied { ran.append(migration.id) }
        }
        return ran
    }

    public func pending(_ database: Database) async throws -> [String] {
        let applied = try await appliedIDs(database)
        return migrations.map(\.id).filter { !applied.contains($0) }
    }

    private func appliedIDs(_ database: Database) async throws -> Set<String> {
        try await database.write { tx in
            if tx.engine == .postgres { try await tx.sql.raw("SELECT pg_advisory_xact_lock(730102)").run() }
            try await tx.sql.raw("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)").run()
        }
        let rows = try await database.read { tx in
            try await tx.sql.raw("SELECT id FROM schema_migrations").all()
        }
        return Set(try rows.map { try $0.decode(column: "id", as: String.self) })
    }
}

public enum MigrationError: Error, CustomStringConvertible {
    case newerDatabase(unknown: [String])

    public var description: String {
        switch self {
        case .newerDatabase(let unknown):
            "数据库已由更新版本的 Linli 迁移（本程序不认识的迁移：\(unknown.joined(separator: ", "))）。请升级 Linli 后再启动，不要用旧版本打开它。"
        }
    }
}
