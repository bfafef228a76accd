import Foundation
import LinliKit
import LinliTestSupport
import Logging
import SQLKit
import Testing

/// The SQLite connection on SQLite's C API (prepared statements kept and reused).
@Suite("SQLite connections with reused statements")
struct SQLiteConnectionTests {
    func withDatabase(_ body: (Database) async throws -> Void) async throws {
        try await TestSystem.withDatabase(.sqlite, body)
    }

    /// On PostgreSQL the statement is named (prepared) from its second run on.
    @Test(arguments: TestEngine.all)
    func aReusedSelectStarSeesAColumnAddedAfterItWasFirstRun(engine: TestEngine) async throws {
        try await TestSystem.withDatabase(engine) { database in
            try await database.write { tx in
                try await tx.sql.raw("CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT)").run()
                try await tx.sql.raw("INSERT INTO probe (id, name) VALUES (1, 'a')").run()
            }
            for _ in 0..<2 {
                let before = try await database.write { tx in try await tx.sql.raw("SELECT * FROM probe").all() }
                #expect(before.first?.allColumns == ["id", "name"])
            }
            try await database.write { tx in try await tx.sql.raw("ALTER TABLE probe ADD COLUMN note TEXT").run() }
            for _ in 0..<2 {  // the writer and a reader each
                let after = try await database.write { tx in try await tx.sql.raw("SELECT * FROM probe").all() }
                #expect(after.first?.allColumns == ["id", "name", "note"])
                let read = try await database.read { tx in try await tx.sql.raw("SELECT * FROM probe").all() }
                #expect(read.first?.allColumns == ["id", "name", "note"])
            }
        }
    }

    @Test func textWithAnEmbeddedNulChineseAndBytesComeBackExactly() async throws {
        try await withDatabase { database in
            let text = "邻里\u{0}服务 ✓"
            let bytes = Data([0, 1, 2, 255, 0])
            let (readText, readBytes, number, real) = try await database.write { tx in
                try await tx.sql.raw("CREATE TABLE probe (t TEXT, b BLOB, i INTEGER, r REAL)").run()
                try await tx.sql.raw("INSERT INTO probe VALUES (\(bind: text), \(bind: bytes), \(bind: Int64.max), \(bind: 2.5))").run()
                let row = try await tx.sql.raw("SELECT t, b, i, r FROM probe").first()!
                return (try row.decode(column: "t", as: String.self), try row.decode(column: "b", as: Data.self),
                        try row.decode(column: "i", as: Int64.self), try row.decode(column: "r", as: Double.self))
            }
            #expect(readText == text)
            #expect(readBytes == bytes)
            #expect(number == Int64.max)
            #expect(real == 2.5)
        }
    }

    @Test func aDuplicateKeyIsRecognisedAsAUniqueViolationAndTheTransactionRollsBack() async throws {
        try await withDatabase { database in
            try await database.write { tx in try await tx.sql.raw("CREATE TABLE probe (code TEXT PRIMARY KEY, n INTEGER UNIQUE)").run() }
            try await database.write { tx in try await tx.sql.raw("INSERT INTO probe VALUES ('a', 1)").run() }
            do {
                try await database.write { tx in
                    try await tx.sql.raw("INSERT INTO probe VALUES ('b', 2)").run()
                    try await tx.sql.raw("INSERT INTO probe VALUES ('c', 1)").run()
                }
                Issue.record("a duplicate value was inserted")
            } catch {
                #expect(Database.isUniqueViolation(error))
            }
            let codes = try await database.read { tx in
                try await tx.sql.raw("SELECT code FROM probe ORDER BY code").all().map { try $0.decode(column: "code", as: String.self) }
            }
            #expect(codes == ["a"])
            do {
                try await database.read { tx in try await tx.sql.raw("SELECT missing_column FROM probe").run() }
                Issue.record("a bad statement ran")
            } catch {
                #expect(!Database.isUniqueViolation(error))
                #expect(String(describing: error).contains("no such column"))
            }
        }
    }

    @Test func aReadStoppedByAnErrorLeavesNoSnapshotThatHoldsBackTheCheckpoint() async throws {
        try await withDatabase { database in
            try await database.write { tx in
                try await tx.sql.raw("CREATE TABLE probe (n INTEGER)").run()
                for n in 0..<50 { try await tx.sql.raw("INSERT INTO probe VALUES (\(bind: n))").run() }
            }
            // SQLite fails at the eleventh row, after ten rows were handed out.
            do {
                _ = try await database.read { tx in
                    try await tx.sql.raw("SELECT CASE WHEN n = 10 THEN json('{bad') ELSE n END AS v FROM probe ORDER BY n").all()
                }
                Issue.record("malformed JSON was read")
            } catch {
                #expect(String(describing: error).contains("malformed JSON"))
            }
            try await database.write { tx in try await tx.sql.raw("INSERT INTO probe VALUES (50)").run() }
            let checkpoint = try await database.read { tx in
                try await tx.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").first()!.decode(column: "busy", as: Int.self)
            }
            #expect(checkpoint == 0)
        }
    }
    /// A commit that takes the write-ahead log past 1,000 pages leaves the copy back into the
    /// database file to the checkpointer's own thread instead of doing it before the next write.
    @Test func aLongWriteAheadLogIsCheckpointedInTheBackground() async throws {
        try await withDatabase { database in
            try await database.write { tx in try await tx.sql.raw("CREATE TABLE probe (n INTEGER, filler TEXT)").run() }
            #expect(database.checkpointsCompleted == 0)
            let filler = String(repeating: "邻", count: 1300)  // a page of 4 KiB a row
            for batch in 0..<10 {
                try await database.write { tx in
                    for n in 0..<150 { try await tx.sql.raw("INSERT INTO probe VALUES (\(bind: batch * 150 + n), \(bind: filler))").run() }
                }
            }
            for _ in 0..<1000 where database.checkpointsCompleted == 0 { try await Task.sleep(for: .milliseconds(10)) }
            #expect((database.checkpointsCompleted ?? 0) >= 1)
            let count = try await database.read { tx in try await tx.sql.raw("SELECT COUNT(*) AS n FROM probe").first()!.decode(column: "n", as: Int.self) }
            #expect(count == 1500)
        }
    }
}
