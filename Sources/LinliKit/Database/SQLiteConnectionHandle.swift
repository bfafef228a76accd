import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import VaporCSQLite

/// One SQLite connection driven through SQLite's C API on the calling thread, with its
/// prepared statements kept for reuse.
///
/// Why not SQLiteNIO's connection: it sends every statement to NIO's thread pool and
/// prepares it again each time. The request-detail and intake profiles (docs/benchmarks.md)
/// spent most of their time in those thread hops and in SQLite's parser; a statement that
/// reads a few pages from the cache takes microseconds, less than one hop.
///
/// A statement therefore runs on the task's own thread. Long statements (backup, recount,
/// bulk loads) are command-line work; in the server the longest are the dashboard sums.
///
/// `@unchecked Sendable`: the `AsyncPool` in `Database` hands a connection to one task at a
/// time, which is the whole of SQLite's "multi-thread" contract (opened with NOMUTEX).
final class SQLiteConnectionHandle: SQLDatabase, @unchecked Sendable {
    private let handle: OpaquePointer
    private var statements: [String: PreparedStatement] = [:]
    /// Insertion order of `statements`, oldest first, for eviction.
    private var statementOrder: [String] = []
    private static let statementLimit = 200
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    let logger: Logger
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    init(path: String, logger: Logger) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "无法打开"
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            throw SQLiteFailure(code: status, message: "\(message)（\(path)）")
        }
        self.handle = handle
        self.logger = logger
    }

    func close() {
        forgetStatements()
        sqlite_nio_sqlite3_close_v2(handle)
    }

    /// Called after every commit with the pages now in the write-ahead log; when it answers
    /// true, the connection checkpoints there and then. Replaces SQLite's automatic
    /// checkpoint on this connection (`SQLiteCheckpointer`).
    func onCommit(_ body: @escaping @Sendable (Int32) -> Bool) {
        let hook = CommitHook(body)
        commitHook = hook
        sqlite_nio_sqlite3_wal_hook(handle, { context, db, _, pages in
            if Unmanaged<CommitHook>.fromOpaque(context!).takeUnretainedValue().body(pages) {
                sqlite_nio_sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(hook).toOpaque())
    }

    private final class CommitHook {
        let body: @Sendable (Int32) -> Bool
        init(_ body: @escaping @Sendable (Int32) -> Bool) { self.body = body }
    }

    private var commitHook: CommitHook?

    /// A passive checkpoint: copies what no reader still needs, without waiting for anyone.
    func checkpoint() -> Int32 {
        sqlite_nio_sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        logger.trace("SQL", metadata: ["sql": "\(sql)"])
        let values = try binds.map { try encoder.encode($0) }
        // DDL changes what cached statements mean (a `SELECT *` gains a column): it runs
        // unprepared and empties the cache.
        if SQLStatementKind.changesSchema(sql) {
            let statement = try prepare(sql, persistent: false)
            defer { sqlite_nio_sqlite3_finalize(statement.handle) }
            try step(statement, values, onRow)
            forgetStatements()
            return
        }
        try step(try cached(sql), values, onRow)
    }

    private func step(_ statement: PreparedStatement, _ values: [SQLiteData], _ onRow: (any SQLRow) -> ()) throws {
        // Reset at once even on errors: a statement left mid-way keeps its read snapshot and
        // would hold back WAL checkpoints. Bindings are not cleared: every run binds every
        // parameter, and clearing them makes SQLite prepare again any statement whose plan
        // looked at a bound value.
        defer { sqlite_nio_sqlite3_reset(statement.handle) }
        try bind(values, to: statement.handle)
        while true {
            let status = sqlite_nio_sqlite3_step(statement.handle)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw failure(status) }
            onRow(SQLiteValuesRow(columns: statement.columns(), values: readRow(statement.handle), decoder: decoder))
        }
    }

    /// Steps one prepared statement once per row (`Tx.insert(into:columns:rows:)`).
    func insert(_ sql: String, rows: [[SQLCell]]) throws {
        let statement = try cached(sql).handle
        for row in rows {
            defer { sqlite_nio_sqlite3_reset(statement) }
            for (offset, cell) in row.enumerated() {
                let index = Int32(offset + 1)
                let status: Int32
                switch cell {
                case .integer(let number): status = sqlite_nio_sqlite3_bind_int64(statement, index, number)
                case .text(let text): status = bindText(text, at: index, of: statement)
                case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
                }
                guard status == SQLITE_OK else { throw failure(status) }
            }
            let status = sqlite_nio_sqlite3_step(statement)
            guard status == SQLITE_DONE else { throw failure(status) }
        }
    }

    private func bindText(_ text: String, at index: Int32, of statement: OpaquePointer) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            sqlite_nio_sqlite3_bind_text64(statement, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                           UInt64(bytes.count), transient, UInt8(SQLITE_UTF8))
        }
    }

    private func cached(_ sql: String) throws -> PreparedStatement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql, persistent: true)
        if statementOrder.count >= Self.statementLimit {
            let oldest = statementOrder.removeFirst()
            if let evicted = statements.removeValue(forKey: oldest) { sqlite_nio_sqlite3_finalize(evicted.handle) }
        }
        statements[sql] = statement
        statementOrder.append(sql)
        return statement
    }

    private func prepare(_ sql: String, persistent: Bool) throws -> PreparedStatement {
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status) }
        return PreparedStatement(handle: statement)
    }

    private func forgetStatements() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.handle) }
        statements = [:]
        statementOrder = []
    }

    private func bind(_ values: [SQLiteData], to statement: OpaquePointer) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let number):
                status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
            case .float(let number):
                status = sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .text(let text):
                status = bindText(text, at: index, of: statement)
            case .blob(let buffer):
                status = buffer.withUnsafeReadableBytes { bytes in
                    sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress, UInt64(bytes.count), transient)
                }
            case .null:
                status = sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw failure(status) }
        }
    }

    private func readRow(_ statement: OpaquePointer) -> [SQLiteData] {
        let count = sqlite_nio_sqlite3_column_count(statement)
        var values: [SQLiteData] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count {
            switch sqlite_nio_sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER:
                values.append(.integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, column))))
            case SQLITE_FLOAT:
                values.append(.float(sqlite_nio_sqlite3_column_double(statement, column)))
            case SQLITE_TEXT:
                // text first, then bytes: the order SQLite documents for a stable length.
                let text = sqlite_nio_sqlite3_column_text(statement, column)
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                values.append(.text(text.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""))
            case SQLITE_BLOB:
                let bytes = sqlite_nio_sqlite3_column_blob(statement, column)
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                var buffer = ByteBufferAllocator().buffer(capacity: length)
                if let bytes { buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length)) }
                values.append(.blob(buffer))
            default:
                values.append(.null)
            }
        }
        return values
    }

    private func failure(_ status: Int32) -> SQLiteFailure {
        SQLiteFailure(code: sqlite_nio_sqlite3_extended_errcode(handle), message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
    }
}

/// SQLite's "transient" destructor: SQLite copies the bound bytes before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement and the column names of its result, read once.
private final class PreparedStatement {
    let handle: OpaquePointer
    private var names: ColumnNames?

    init(handle: OpaquePointer) { self.handle = handle }

    func columns() -> ColumnNames {
        let count = sqlite_nio_sqlite3_column_count(handle)
        // SQLite re-prepares a statement after another connection changed the schema.
        if let names, names.names.count == count { return names }
        let made = ColumnNames((0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(handle, $0)) })
        names = made
        return made
    }
}

/// Result column names and where each is; shared by all rows of a statement.
final class ColumnNames: Sendable {
    let names: [String]
    let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        // The first of two equal names wins, as in SQLiteNIO.
        self.positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One result row, its values copied out of SQLite before the statement moves on.
struct SQLiteValuesRow: SQLRow {
    let columns: ColumnNames
    let values: [SQLiteData]
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.positions[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let position = columns.positions[column] else { return true }
        return values[position] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let position = columns.positions[column] else {
            throw DecodingError.keyNotFound(SQLColumnKey(column), .init(codingPath: [], debugDescription: "结果中没有列 \(column)"))
        }
        let value = values[position]
        return try Self.direct(value, as: D.self) ?? decoder.decode(D.self, from: value)
    }

    /// The column types rows are read as nearly everywhere — integers, text, doubles, and
    /// those or NULL — without SQLiteKit's decoder, whose dynamic casts and nested decoders
    /// (for every optional) were a tenth of a request detail's time (docs/benchmarks.md, sixth
    /// round). Anything else, and any value of another storage class, goes to the decoder.
    static func direct<D>(_ value: SQLiteData, as type: D.Type) -> D? {
        switch value {
        case .integer(let number):
            if D.self == Int64.self || D.self == Int64?.self { return Int64(number) as? D }
            if D.self == Int.self || D.self == Int?.self { return Int(number) as? D }
        case .text(let text):
            if D.self == String.self || D.self == String?.self { return text as? D }
        case .float(let number):
            if D.self == Double.self || D.self == Double?.self { return number as? D }
        case .null:
            if D.self == Int64?.self { return Int64?.none as? D }
            if D.self == String?.self { return String?.none as? D }
            if D.self == Double?.self { return Double?.none as? D }
            if D.self == Int?.self { return Int?.none as? D }
        case .blob: break
        }
        return nil
    }
}

private struct SQLColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// An error SQLite reported, with its extended result code.
public struct SQLiteFailure: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String

    /// SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    public var isUniqueViolation: Bool { code == 2067 || code == 1555 }

    public var description: String { "SQLite error \(code): \(message)" }
}
