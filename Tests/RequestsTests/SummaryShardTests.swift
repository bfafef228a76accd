import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import SQLKit
import Testing

@Suite("The dashboard summary's shards on SQLite and PostgreSQL")
struct SummaryShardTests {
    static let columns = MetricCounts.fields.map(\.name).filter { $0 != "unresponded_overdue" }

    @Test(arguments: TestEngine.all)
    func theShardMigrationKeepsEveryCountOfADatabaseMadeBeforeIt(engine: TestEngine) async throws {
        try await TestSystem.withDatabase(engine) { database in
            let before = Array((try LinliSystem.migrations).prefix { $0.id != "requests.006" })
            #expect(before.count < (try LinliSystem.migrations).count)
            try await Migrator(migrations: before).migrate(database)
            // The summary as requests.004 made it before there were shards: one row per (area, day).
            let values = Self.columns.indices.map { String($0 + 1) }.joined(separator: ", ")
            try await database.write { tx in
                try await tx.sql.raw("DROP TABLE request_daily_counts").run()
                let create = "CREATE TABLE request_daily_counts (area_path TEXT NOT NULL, day BIGINT NOT NULL, "
                    + Self.columns.map { "\($0) BIGINT NOT NULL" }.joined(separator: ", ") + ", PRIMARY KEY (area_path, day))"
                    + (tx.engine == .sqlite ? " WITHOUT ROWID" : "")
                try await tx.sql.raw(SQLQueryString(create)).run()
                for (path, day) in [("1/", 20_400), ("1/2/", 20_400), ("1/", 20_401)] {
                    let insert = "INSERT INTO request_daily_counts VALUES ('\(path)', \(day), \(values))"
                    try await tx.sql.raw(SQLQueryString(insert)).run()
                }
            }
            try await Migrator(migrations: (try LinliSystem.migrations)).migrate(database)
            let rows = try await database.read { tx in
                try await tx.sql.raw("SELECT * FROM request_daily_counts ORDER BY area_path, day").all().map { row in
                    "\(try row.decode(column: "area_path", as: String.self)) \(try row.decode(column: "day", as: Int64.self)) "
                        + "\(try row.decode(column: "shard", as: Int64.self)) "
                        + (try Self.columns.map { String(try row.decode(column: $0, as: Int64.self)) }.joined(separator: ","))
                }
            }
            let counts = Self.columns.indices.map { String($0 + 1) }.joined(separator: ",")
            #expect(rows == ["1/ 20400 0 \(counts)", "1/ 20401 0 \(counts)", "1/2/ 20400 0 \(counts)"])
        }
    }

    @Test(arguments: TestEngine.all)
    func aChangeToARequestFromAnOlderDayAddsToThatDaysFirstRow(engine: TestEngine) async throws {
        let clock = ManualClock(shanghai("2026-11-23", 9))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            var ids: [Int64] = []
            for _ in 0..<3 { ids.append(try await f.dispatchedStreetlight().id) }
            // Claimed (签收, the response) five days later: past the days spread over shards, so
            // each claim adds to shard 0 of the submission day (its district, street, community and grid).
            clock.advance(seconds: 5 * 86_400)
            for id in ids { _ = try await f.requests.act(id, .claim, actor: f.actor(.gridWorker)) }
            let rows = try await system.database.read { tx in
                try await tx.sql.raw("""
                    SELECT shard, CAST(SUM(submitted) AS BIGINT) AS submitted, CAST(SUM(responded) AS BIGINT) AS responded
                    FROM request_daily_counts GROUP BY shard
                    """).all()
            }
            var responded: [Int64: Int64] = [:]
            var submitted: Int64 = 0
            for row in rows {
                responded[try row.decode(column: "shard", as: Int64.self)] = try row.decode(column: "responded", as: Int64.self)
                submitted += try row.decode(column: "submitted", as: Int64.self)
            }
            #expect(submitted == 12)
            #expect(responded[0] == 12)
            #expect(responded.filter { $0.key != 0 }.values.allSatisfy { $0 == 0 })
        }
    }
}
