import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// Reads `postgres://user:pass@host:port/db` (also `postgresql://`, and `?host=/socket/dir`).
    public static func parse(_ text: String) throws -> DatabaseLocation {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return .postgres(url: text) }
        if text.hasPrefix("sqlite://") { return .sqlite(path: String(text.dropFirst("sqlite://".count))) }
        throw DomainError.invalid("database-url", "数据库地址应以 postgres:// 或 sqlite:// 开头")
    }
}

/// A transaction in progress: every store function takes one so that a service's writes
/// (and their audit entries) commit or roll back together.
public struct Tx: Sendable {
    public let sql: any SQLDatabase
    public let engine: SQLEngine
    /// Drawn at random for each transaction. A table that spreads a hot counter over several
    /// rows (`DailyCounts`) picks its row with it — the same one for the whole transaction, so
    /// that a transaction still takes its row locks in key order.
    public let draw = UInt32.random(in: .min ... .max)
}

/// The one way code reaches the database. `read` runs on a pooled connection;
/// `write` runs the body in a transaction and commits only if it returns.
public final class Database: Sendable {
    public let engine: SQLEngine
    private let backend: Backend
    private let logger: Logger

    private enum Backend: Sendable {
        case sqlite(writer: AsyncPool<SQLiteConnectionHandle>, readers: AsyncPool<SQLiteConnectionHandle>, checkpointer: SQLiteCheckpointer,
                    path: String)
        case postgres(client: PostgresClient, runner: Task<Void, Never>, names: PostgresStatementNames)
    }

    /// How SQLite makes a commit durable (`PRAGMA synchronous` in WAL mode).
    public enum SQLiteSync: String, Sendable, CaseIterable {
        /// Every commit waits for the log to reach the disk: an acknowledged change survives
        /// a power loss, as on PostgreSQL with its defaults. The default.
        case full
        /// Commits are not synced, checkpoints are: safe across a crash of the process, but
        /// a power loss may take the last transactions (docs/operations.md, measured cost).
        case normal
    }

    public static func open(_ location: DatabaseLocation, logger: Logger, sqliteSync: SQLiteSync = .full) async throws -> Database {
        switch location {
        case .sqlite(let path):
            return try await openSQLite(path: path, logger: logger, sync: sqliteSync)
        case .postgres(let url):
            return try openPostgres(url: url, logger: logger)
        }
    }

    private init(engine: SQLEngine, backend: Backend, logger: Logger) {
        self.engine = engine
        self.backend = backend
        self.logger = logger
    }

    private static func openSQLite(path: String, logger: Logger, sync: SQLiteSync) async throws -> Database {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        func connect(cacheMiB: Int) async throws -> SQLiteConnectionHandle {
            let connection = try SQLiteConnectionHandle(path: path, logger: logger)
            // WAL lets readers run beside the writer; FULL syncs the log at every commit (NORMAL,
            // if chosen, is durable across crashes of the process only: docs/operations.md).
            // SQLite's default page cache (2 MiB) makes a district's indexes spill and re-read on
            // every large write; the sizes here keep the process well under 300 MB.
            // Statement journals (a multi-row statement's undo) stay in memory, not in a temp file.
            for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=\(sync.rawValue.uppercased())", "PRAGMA foreign_keys=ON",
                           "PRAGMA busy_timeout=10000", "PRAGMA temp_store=MEMORY"] {
                try await connection.raw(SQLQueryString(pragma)).run()
            }
            try await setCache(connection, mebibytes: cacheMiB)
            return connection
        }
        let writer = try await connect(cacheMiB: writerCacheMiB)
        var readers: [SQLiteConnectionHandle] = []
        for _ in 0..<4 { readers.append(try await connect(cacheMiB: 16)) }
        let checkpointer = try SQLiteCheckpointer(path: path, logger: logger)
        checkpointer.watch(writer)
        return Database(engine: .sqlite,
                        backend: .sqlite(writer: AsyncPool([writer]), readers: AsyncPool(readers), checkpointer: checkpointer, path: path),
                        logger: logger)
    }

    private static func openPostgres(url: String, logger: Logger) throws -> Database {
        let configuration = try PostgresURL.clientConfiguration(url)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        return Database(engine: .postgres, backend: .postgres(client: client, runner: runner, names: PostgresStatementNames()), logger: logger)
    }

    /// The write transaction the current task is inside, if any: a read made from within a
    /// write (a service asking another service while it writes) runs on the transaction's own
    /// connection. It sees the transaction's writes, and a writer never waits for a second
    /// connection while it holds locks — with the pool full of writers queued on the same
    /// locks, that wait was a deadlock on PostgreSQL.
    @TaskLocal private static var openWrite: OpenWrite?

    private final class OpenWrite: Sendable {
        let tx: Tx
        let database: ObjectIdentifier
        private let open = NIOLockedValueBox(true)
        init(tx: Tx, database: ObjectIdentifier) {
            self.tx = tx
            self.database = database
        }
        var isOpen: Bool { open.withLockedValue { $0 } }
        func close() { open.withLockedValue { $0 = false } }
    }

    /// Runs `body` on a connection without a transaction (reads), or inside the write
    /// transaction the task is in.
    public func read<T: Sendable>(_ body: @Sendable (Tx) async throws -> T) async throws -> T {
        if let write = Self.openWrite, write.database == ObjectIdentifier(self), write.isOpen {
            return try await body(write.tx)
        }
        switch backend {
        case .sqlite(_, let readers, _, _):
            return try await readers.with { connection in
                try await body(Tx(sql: connection, engine: .sqlite))
            }
        case .postgres(let client, _, let names):
            return try await client.withConnection { connection in
                try await body(Tx(sql: PostgresSession(connection: connection, names: names), engine: .postgres))
            }
        }
    }

    /// Runs `body` in a read-only transaction that sees one moment of the database throughout,
    /// however many statements it runs and whatever commits meanwhile (a check that compares
    /// one table with another, `ledger verify`): REPEATABLE READ on PostgreSQL, a deferred
    /// transaction on an SQLite reader (WAL keeps its snapshot from the first read).
    public func snapshot<T: Sendable>(_ body: @Sendable (Tx) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(_, let readers, _, _):
            return try await readers.with { connection in
                try await self.inTransaction(Tx(sql: connection, engine: .sqlite), begin: "BEGIN DEFERRED", body)
            }
        case .postgres(let client, _, let names):
            return try await client.withConnection { connection in
                try await self.inTransaction(Tx(sql: PostgresSession(connection: connection, names: names), engine: .postgres),
                                             begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
            }
        }
    }

    /// The SQLite writer's page cache, and its size during a `bulkWrite`.
    private static let writerCacheMiB = 64
    private static let bulkWriteCacheMiB = 1024

    /// Runs `body` in one transaction: all of its writes land, or none.
    public func write<T: Sendable>(_ body: @Sendable (Tx) async throws -> T) async throws -> T {
        try await write(bulk: false, body)
    }

    /// A write that touches a large part of the database (an import of a district's ledger):
    /// on SQLite the writer's page cache may grow to 1 GiB for the transaction, so the index
    /// pages it changes stay in memory until the commit instead of being spilled to the WAL
    /// and read back mid-transaction (most of an import's time before, docs/benchmarks.md).
    /// Pages are only taken as they are used, and given back afterwards.
    public func bulkWrite<T: Sendable>(_ body: @Sendable (Tx) async throws -> T) async throws -> T {
        try await write(bulk: true, body)
    }

    private func write<T: Sendable>(bulk: Bool, _ body: @Sendable (Tx) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, _, _, _):
            return try await writer.with { connection in
                guard bulk else {
                    return try await self.inTransaction(Tx(sql: connection, engine: .sqlite), begin: "BEGIN IMMEDIATE", body)
                }
                try await Self.setCache(connection, mebibytes: Self.bulkWriteCacheMiB)
                do {
                    let result = try await self.inTransaction(Tx(sql: connection, engine: .sqlite), begin: "BEGIN IMMEDIATE", body)
                    try await Self.setCache(connection, mebibytes: Self.writerCacheMiB)
                    return result
                } catch {
                    try? await Self.setCache(connection, mebibytes: Self.writerCacheMiB)
                    throw error
                }
            }
        case .postgres(let client, _, let names):
            return try await client.withConnection { connection in
                try await self.inTransaction(Tx(sql: PostgresSession(connection: connection, names: names), engine: .postgres),
                                             begin: "BEGIN", body)
            }
        }
    }

    private static func setCache(_ connection: SQLiteConnectionHandle, mebibytes: Int) async throws {
        let pragma = "PRAGMA cache_size=-\(mebibytes * 1024)"
        try await connection.raw(SQLQueryString(pragma)).run()
    }

    private func inTransaction<T: Sendable>(_ tx: Tx, begin: String, _ body: @Sendable (Tx) async throws -> T) async throws -> T {
        try await tx.sql.raw(SQLQueryString(begin)).run()
        let write = OpenWrite(tx: tx, database: ObjectIdentifier(self))
        defer { write.close() }
        do {
            let result = try await Self.$openWrite.withValue(write) { try await body(tx) }
            try await tx.sql.raw("COMMIT").run()
            return result
        } catch {
            try? await tx.sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// SQLite online backup into a new file (VACUUM INTO makes a consistent, compacted copy).
    public func backupSQLite(to destination: String) async throws {
        guard case .sqlite = backend else {
            throw DomainError.invalid("database", "PostgreSQL 请使用 pg_dump 备份（见 docs/operations.md）")
        }
        if FileManager.default.fileExists(atPath: destination) {
            throw DomainError.conflict("备份文件已存在：\(destination)")
        }
        try await read { tx in try await tx.sql.raw("VACUUM INTO \(bind: destination)").run() }
    }

    public func close() async {
        switch backend {
        case .sqlite(let writer, let readers, let checkpointer, _):
            checkpointer.stop()
            for connection in await writer.all + readers.all { connection.close() }
        case .postgres(_, let runner, _):
            runner.cancel()
        }
    }

    /// SQLite: checkpoints the background checkpointer has completed (`SQLiteCheckpointer`).
    public var checkpointsCompleted: Int? {
        if case .sqlite(_, _, let checkpointer, _) = backend { return checkpointer.completed }
        return nil
    }

    /// True when the error is a unique-constraint violation on either engine.
    public static func isUniqueViolation(_ error: any Error) -> Bool {
        if let postgres = error as? PSQLError { return postgres.serverInfo?[.sqlState] == "23505" }
        return (error as? SQLiteFailure)?.isUniqueViolation ?? false
    }
}
