import LinliKit
import LinliTestSupport
import SQLKit
import Testing

/// PostgreSQL statements run as named prepared statements from their second run on
/// (`PostgresSession`): these are the ways a kept statement could go wrong.
@Suite("PostgreSQL sessions with named statements", .enabled(if: TestEngine.all.contains(.postgres)))
struct PostgresSessionTests {
    @Test func aStatementRunTwiceIsPreparedOnceOnItsConnection() async throws {
        try await TestSystem.withDatabase(.postgres) { database in
            let (prepared, plans) = try await database.write { tx in
                for _ in 0..<4 { _ = try await tx.sql.raw("SELECT \(bind: 1) + 1 AS n").all() }
                let row = try await tx.sql.raw("SELECT COUNT(*) AS n, CAST(COALESCE(SUM(generic_plans + custom_plans), 0) AS BIGINT) AS plans FROM pg_prepared_statements WHERE statement = 'SELECT $1 + 1 AS n'").first()!
                return (try row.decode(column: "n", as: Int.self), try row.decode(column: "plans", as: Int.self))
            }
            #expect(prepared == 1)
            #expect(plans == 3)  // the first run was unnamed
        }
    }

    /// PostgreSQL fixes a parameter's type when it parses a statement; the same text bound
    /// with another type must not be read as the first type's bytes.
    @Test func theSameTextBoundWithOtherTypesReadsBackEachValue() async throws {
        try await TestSystem.withDatabase(.postgres) { database in
            func echo<Value: Encodable & Sendable>(_ value: Value) async throws -> String? {
                try await database.read { tx in
                    try await tx.sql.raw("SELECT CAST(\(bind: value) AS TEXT) AS v").first()!.decode(column: "v", as: String?.self)
                }
            }
            for _ in 0..<3 {
                let echoed = try await echo(Int64(42))
                #expect(echoed == "42")
            }
            for _ in 0..<3 {
                let echoed = try await echo("邻里")
                #expect(echoed == "邻里")
            }
            for _ in 0..<3 {
                let echoed = try await echo(2.5)
                #expect(echoed == "2.5")
            }
            for _ in 0..<3 {
                let echoed = try await echo(Optional<String>.none)
                #expect(echoed == nil)
            }
            for _ in 0..<3 {
                let echoed = try await echo(Int64(7))
                #expect(echoed == "7")
            }
        }
    }

    /// postgres-nio remembers a failed preparation for the connection's life: a statement
    /// first prepared in a transaction that had already failed must still run once the
    /// transaction is rolled back (here to a savepoint, so it stays on one connection).
    @Test func aStatementFirstPreparedInAFailedTransactionRunsAfterTheRollback() async throws {
        try await TestSystem.withDatabase(.postgres) { database in
            try await database.write { tx in try await tx.sql.raw("CREATE TABLE probe (code TEXT PRIMARY KEY)").run() }
            let codes = try await database.write { tx in
                func codes() async throws -> [String] {
                    try await tx.sql.raw("SELECT code FROM probe WHERE code <> \(bind: "-") ORDER BY code").all()
                        .map { try $0.decode(column: "code", as: String.self) }
                }
                try await tx.sql.raw("INSERT INTO probe VALUES ('a')").run()
                _ = try await codes()  // seen once: named from the next run
                try await tx.sql.raw("SAVEPOINT before_duplicate").run()
                await #expect(throws: (any Error).self) { try await tx.sql.raw("INSERT INTO probe VALUES ('a')").run() }
                await #expect(throws: (any Error).self) { _ = try await codes() }  // refused: the transaction has failed
                try await tx.sql.raw("ROLLBACK TO SAVEPOINT before_duplicate").run()
                return try await codes()
            }
            #expect(codes == ["a"])
        }
    }

    /// A unique violation from a named insert is still recognised, and the statement keeps
    /// working for the next rows.
    @Test func aNamedInsertReportsUniqueViolationsAndGoesOnInserting() async throws {
        try await TestSystem.withDatabase(.postgres) { database in
            try await database.write { tx in try await tx.sql.raw("CREATE TABLE probe (code TEXT PRIMARY KEY)").run() }
            func insert(_ code: String) async throws {
                try await database.write { tx in try await tx.sql.raw("INSERT INTO probe VALUES (\(bind: code))").run() }
            }
            for code in ["a", "b", "c"] { try await insert(code) }
            for _ in 0..<2 {
                do {
                    try await insert("b")
                    Issue.record("a duplicate code was inserted")
                } catch {
                    #expect(Database.isUniqueViolation(error))
                }
            }
            try await insert("d")
            let count = try await database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM probe").first()!.decode(column: "n", as: Int.self)
            }
            #expect(count == 4)
        }
    }

    /// A large insert goes through COPY's text format: values with its separators and escape
    /// character in them, Chinese, NULL and large numbers come back exactly.
    @Test func aLargeInsertCopiesEveryValueExactly() async throws {
        try await TestSystem.withDatabase(.postgres) { database in
            let awkward = ["a\tb", "line\nnext", "tab\there", "back\\slash", "\\N", "cr\rlf\r\n", "邻里 服务", "", "\\."]
            let rows: [[SQLCell]] = (0..<1_000).map { n in
                [.integer(Int64(n) * 1_000_000_007), .text(awkward[n % awkward.count] + String(n)), n % 7 == 0 ? .null : .text("备注\(n)")]
            }
            try await database.write { tx in
                try await tx.sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY, t TEXT NOT NULL, note TEXT)").run()
                try await tx.insert(into: "probe", columns: ["n", "t", "note"], rows: rows)
            }
            let read = try await database.read { tx in
                try await tx.sql.raw("SELECT n, t, note FROM probe ORDER BY n").all().map { row -> [SQLCell] in
                    [.integer(try row.decode(column: "n", as: Int64.self)), .text(try row.decode(column: "t", as: String.self)),
                     SQLCell(try row.decode(column: "note", as: String?.self))]
                }
            }
            #expect(read == rows)
        }
    }

    @Test func aDuplicateKeyInALargeInsertIsAUniqueViolationAndNothingIsKept() async throws {
        try await TestSystem.withDatabase(.postgres) { database in
            try await database.write { tx in try await tx.sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY)").run() }
            do {
                try await database.write { tx in
                    try await tx.insert(into: "probe", columns: ["n"], rows: (0..<500).map { [.integer($0 == 499 ? 3 : $0)] })
                }
                Issue.record("a duplicate key was copied")
            } catch {
                #expect(Database.isUniqueViolation(error))
            }
            let count = try await database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM probe").first()!.decode(column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }
}
