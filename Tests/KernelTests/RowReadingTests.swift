import Foundation
import LinliKit
import LinliTestSupport
import Testing

@Suite("Rows read directly give what the drivers' own decoders give (SQLite and PostgreSQL)")
struct RowReadingTests {
    /// Read three times: on PostgreSQL the first run is postgres-kit's unnamed statement and its
    /// rows, the later ones a named statement read by `PostgresValuesRow`.
    @Test(arguments: TestEngine.all)
    func aNamedStatementsRowReadsAsTheUnnamedOnesRow(engine: TestEngine) async throws {
        try await TestSystem.withDatabase(engine) { database in
            func read() async throws -> [String] {
                try await database.read { tx in
                    let row = try await tx.sql.raw("""
                        SELECT CAST(7 AS BIGINT) AS big, CAST(3 AS INTEGER) AS small, '楼道灯' AS text, CAST(NULL AS BIGINT) AS none,
                          CAST(NULL AS TEXT) AS absent, CAST(1.5 AS DOUBLE PRECISION) AS real, CAST(2.25 AS NUMERIC) AS num, '42' AS digits
                        """).first()!
                    func text<T>(_ value: T) -> String { "\(value)" }
                    return [
                        text(try row.decode(column: "big", as: Int64.self)), text(try row.decode(column: "big", as: Int.self)),
                        text(try row.decode(column: "big", as: Int64?.self)), text(try row.decode(column: "small", as: Int64.self)),
                        text(try row.decode(column: "text", as: String.self)), text(try row.decode(column: "text", as: String?.self)),
                        text(try row.decode(column: "none", as: Int64?.self)), text(try row.decode(column: "absent", as: String?.self)),
                        text(try row.decode(column: "none", as: Double?.self)), text(try row.decode(column: "real", as: Double.self)),
                        text(try row.decode(column: "real", as: Double?.self)), text(try row.decode(column: "num", as: Double.self)),
                        text(try? row.decode(column: "none", as: Int64.self)), text(try? row.decode(column: "text", as: Int64.self)),
                        text(try? row.decode(column: "missing", as: Int64?.self)), text(try row.decodeNil(column: "none")),
                        text(try row.decodeNil(column: "big")),
                    ]
                }
            }
            let first = try await read()
            #expect(try await read() == first)
            #expect(try await read() == first)
            #expect(Array(first.prefix(12)) == ["7", "7", "Optional(7)", "3", "楼道灯", "Optional(\"楼道灯\")", "nil", "nil", "nil", "1.5",
                                                "Optional(1.5)", "2.25"])
            #expect(first[12] == "nil" && first[13] == "nil")
            #expect(first.suffix(2) == ["true", "false"])
        }
    }
}
