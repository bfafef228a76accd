import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// One PostgreSQL connection as SQLKit sees it, running statements as named prepared
/// statements where `PostgresStatementNames` gives them a name, and unnamed (postgres-kit's
/// own way) otherwise: DDL, transaction control, and bindings postgres-nio cannot encode
/// directly (SQLKit's `Encodable` path).
struct PostgresSession: SQLDatabase {
    let connection: PostgresConnection
    let names: PostgresStatementNames

    /// postgres-kit's adapter, made only for the statements that run unnamed (a session is
    /// made for every read and write).
    private var unnamed: any SQLDatabase { connection.sql(queryLogLevel: .trace) }

    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = serialize(query)
        if SQLStatementKind.changesSchema(sql) {
            defer { names.schemaChanged() }
            return try await unnamed.execute(sql: query, onRow)
        }
        guard !SQLStatementKind.controlsTransaction(sql), let (bindings, types) = try Self.bindings(binds) else {
            return try await unnamed.execute(sql: query, onRow)
        }
        let key = PostgresStatementNames.Key(sql: sql, types: types)
        guard let name = names.name(for: key) else {
            return try await unnamed.execute(sql: query, onRow)
        }
        logger.trace("SQL", metadata: ["sql": "\(sql)", "statement": "\(name)"])
        do {
            try await NamedStatement.$current.withValue(.init(name: name, sql: sql, types: types)) {
                let rows = try await connection.execute(NamedStatement(bindings: bindings), logger: logger)
                for try await row in rows { onRow(PostgresValuesRow(row)) }
            }
        } catch {
            names.failed(key, error)
            throw error
        }
    }

    /// Bindings as postgres-kit makes them for values that encode themselves (strings, numbers,
    /// dates, data, nil) and their types; nil when a value needs SQLKit's `Encodable` path.
    private static func bindings(_ binds: [any Encodable & Sendable]) throws -> (PostgresBindings, [PostgresDataType])? {
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(binds.count)
        for bind in binds {
            if (bind as Optional<Any>) == nil {
                bindings.appendNull()
                types.append(.null)
            } else if let value = bind as? any PostgresThrowingDynamicTypeEncodable {
                try bindings.append(value, context: .default)
                types.append(value.psqlType)
            } else {
                return nil
            }
        }
        return (bindings, types)
    }
}

/// postgres-nio runs a prepared statement through a type whose name and SQL are static
/// (written for SQL fixed at compile time). Ours are made at run time, so this one type reads
/// them from a task-local value set around each call.
private struct NamedStatement: PostgresPreparedStatement {
    struct Text: Sendable {
        let name: String
        let sql: String
        let types: [PostgresDataType]
    }

    @TaskLocal static var current = Text(name: "", sql: "", types: [])

    static var name: String { current.name }
    static var sql: String { current.sql }
    static var bindingDataTypes: [PostgresDataType] { current.types }

    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
