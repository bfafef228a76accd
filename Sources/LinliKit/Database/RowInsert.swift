import SQLKit

/// A value of a row written by `Tx.insert(into:columns:rows:)`: bound as it is, without
/// SQLKit's `Encodable` path (which costs more than SQLite's own insert for a bulk load).
public enum SQLCell: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case null

    public init(_ value: String?) { self = value.map(SQLCell.text) ?? .null }
    public init(_ value: Int64?) { self = value.map(SQLCell.integer) ?? .null }
}

extension Tx {
    /// Inserts many rows into one table. On SQLite one prepared single-row statement is
    /// stepped per row: no SQL text per row, and no statement journal, which a multi-row
    /// `INSERT … VALUES` needs so it can undo its own earlier rows on a constraint error.
    /// On PostgreSQL, `COPY` from 100 rows on, and below that (or for an upsert) multi-row
    /// statements of up to 500 rows.
    /// `onConflict` (an `ON CONFLICT …` clause) makes it an upsert; rows must then have distinct
    /// keys, as PostgreSQL refuses to update one row twice in a statement.
    public func insert(into table: String, columns: [String], rows: [[SQLCell]], onConflict: String? = nil) async throws {
        guard !rows.isEmpty else { return }
        precondition(rows.allSatisfy { $0.count == columns.count }, "insert(into: \(table)): a row does not match its columns")
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let tail = onConflict.map { " " + $0 } ?? ""
        if let connection = sql as? SQLiteConnectionHandle {
            let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            try connection.insert(head + placeholders + tail, rows: rows)
            return
        }
        if let session = sql as? PostgresSession, onConflict == nil, rows.count >= 100 {
            try await session.copy(into: table, columns: columns, rows: rows)
            return
        }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 500, rows.count)]
            start += chunk.count
            var query = SQLQueryString(head)
            for (index, row) in chunk.enumerated() {
                if index > 0 { query += ", " }
                query += .values(row)
            }
            query += SQLQueryString(tail)
            try await sql.raw(query).run()
        }
    }
}

extension SQLQueryString {
    /// `(?, ?, NULL, …)`: one row of values for an `INSERT`.
    public static func values(_ row: [SQLCell]) -> SQLQueryString {
        var query: SQLQueryString = "("
        for (position, cell) in row.enumerated() {
            if position > 0 { query += ", " }
            switch cell {
            case .integer(let number): query += "\(bind: number)"
            case .text(let text): query += "\(bind: text)"
            // A literal NULL takes the column's type; a bound one would need a type.
            case .null: query += "NULL"
            }
        }
        return query + ")"
    }
}

/// A column and the value written to it, for a stored type's one list of written columns
/// (its store builds `INSERT` and `UPDATE` statements from the same list).
public typealias ColumnValue = (name: String, value: any Encodable & Sendable)

extension SQLQueryString {
    /// `a, b, c`: the names of `columns`.
    public static func names(_ columns: [ColumnValue]) -> SQLQueryString {
        SQLQueryString(columns.map(\.name).joined(separator: ", "))
    }

    /// `(?, ?, ?)`: the values of `columns`, bound.
    public static func values(_ columns: [ColumnValue]) -> SQLQueryString {
        "(\(binds: columns.map(\.value)))"
    }

    /// `a = ?, b = ?`: the values of `columns` for an `UPDATE … SET`.
    public static func assignments(_ columns: [ColumnValue]) -> SQLQueryString {
        var query: SQLQueryString = ""
        for (position, column) in columns.enumerated() {
            query += (position == 0 ? "" : ", ") + SQLQueryString(column.name) + " = \(bind: column.value)"
        }
        return query
    }
}
