import PostgresKit
import PostgresNIO
import SQLKit

/// A row of a named statement (`PostgresSession`) as SQLKit sees it. Integers, text and doubles —
/// and those or NULL — are read straight from the cell; any other type, and any cell whose
/// reading fails, goes to postgres-kit's own row, which then answers (or fails) as it always did.
/// postgres-kit's way allocates a coding path and casts through its protocols on every value: a
/// tenth of the server's time on a request detail (docs/benchmarks.md, sixth round).
struct PostgresValuesRow: SQLRow {
    let row: PostgresRow
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        cells = row.makeRandomAccess()
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { cells.contains(column) }

    func decodeNil(column: String) throws -> Bool { !cells.contains(column) || cells[column].bytes == nil }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        if cells.contains(column), let value = Self.direct(cells[column], as: D.self) { return value }
        return try row.sql().decode(column: column, as: D.self)
    }

    static func direct<D>(_ cell: PostgresCell, as type: D.Type) -> D? {
        if D.self == Int64.self { return try? cell.decode(Int64.self) as? D }
        if D.self == Int.self { return try? cell.decode(Int.self) as? D }
        // Text only from PostgreSQL's own types: postgres-kit reads a user-defined one (an enum) its own way.
        if D.self == String.self, !cell.dataType.isUserDefined { return try? cell.decode(String.self) as? D }
        // A numeric read as a double is postgres-kit's to convert.
        if D.self == Double.self, cell.dataType == .float8 || cell.dataType == .float4 { return try? cell.decode(Double.self) as? D }
        if D.self == Int64?.self { return optional(cell, Int64.self) }
        if D.self == Int?.self { return optional(cell, Int.self) }
        if D.self == String?.self, !cell.dataType.isUserDefined { return optional(cell, String.self) }
        if D.self == Double?.self, cell.bytes == nil || cell.dataType == .float8 || cell.dataType == .float4 {
            return optional(cell, Double.self)
        }
        return nil
    }

    private static func optional<D, Wrapped: PostgresDecodable>(_ cell: PostgresCell, _ wrapped: Wrapped.Type) -> D? {
        guard cell.bytes != nil else { return Wrapped?.none as? D }
        guard let value = try? cell.decode(Wrapped.self) else { return nil }
        return Wrapped?.some(value) as? D
    }
}
