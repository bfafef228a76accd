import LinliKit
import LinliTestSupport
import SQLKit
import Testing

/// A read made while the task is inside a write transaction runs in that transaction.
@Suite("Reads inside a write transaction, on SQLite and PostgreSQL")
struct ReadInsideWriteTests {
    @Test(arguments: TestEngine.all)
    func aReadInsideAWriteSeesTheWritesRowsAndAReadAfterItDoesNotNeedIt(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let database = system.database
            try await database.write { tx in try await tx.sql.raw("CREATE TABLE nested_probe (n BIGINT NOT NULL)").run() }
            let seen = try await database.write { tx in
                try await tx.sql.raw("INSERT INTO nested_probe (n) VALUES (7)").run()
                return try await database.read { inner in
                    try await inner.sql.raw("SELECT COUNT(*) AS c FROM nested_probe").first()!.decode(column: "c", as: Int64.self)
                }
            }
            #expect(seen == 1)
            // A write that fails takes its rows along, including what its reads saw.
            await #expect(throws: DomainError.self) {
                try await database.write { tx in
                    try await tx.sql.raw("INSERT INTO nested_probe (n) VALUES (8)").run()
                    throw DomainError.conflict("回滚")
                }
            }
            let after = try await database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS c FROM nested_probe").first()!.decode(column: "c", as: Int64.self)
            }
            #expect(after == 1)
        }
    }

    /// More writers than pooled connections, all queued on one row lock, each reading while
    /// it holds the lock: a read on a second connection would wait for a connection that the
    /// queued writers hold (a deadlock on PostgreSQL, whose pool has 16).
    @Test(arguments: TestEngine.all)
    func manyWritersQueuedOnOneRowEachReadingWhileHoldingItAllFinish(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let database = system.database
            try await database.write { tx in
                try await tx.sql.raw("CREATE TABLE nested_counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)").run()
                try await tx.sql.raw("INSERT INTO nested_counter (id, n) VALUES (1, 0)").run()
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await database.write { tx in
                            try await tx.sql.raw("UPDATE nested_counter SET n = n + 1 WHERE id = 1").run()
                            _ = try await database.read { inner in try await inner.sql.raw("SELECT n FROM nested_counter WHERE id = 1").all() }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let n = try await database.read { tx in
                try await tx.sql.raw("SELECT n FROM nested_counter WHERE id = 1").first()!.decode(column: "n", as: Int64.self)
            }
            #expect(n == 40)
        }
    }
}
