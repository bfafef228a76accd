import Foundation
import LinliKit
import Regions
import SQLKit

/// `request_daily_counts`: the sum of `MetricContribution`s of the requests submitted on one
/// Shanghai day in one area, kept for every area level from the district down to the grid: a
/// request counts in its district, street, community and grid (as far down as it is placed).
/// A dashboard reads the rows of the node and of its children only — for a district's month,
/// 13 areas × 30 days — however many requests and grids there are.
/// Every write to `requests` changes it in the same transaction.
///
/// On PostgreSQL the days still taking changes at full rate (`spreadDays`: intake and the first
/// steps) are kept in up to `shards` rows each and summed when read: every change of a request
/// in a district updates the district's row for its day, and that row stays locked until the
/// commit, so with one row the district's writers ran one at a time (docs/benchmarks.md, fourth
/// and fifth rounds). A transaction writes to the shard its `draw` names; older days, bulk loads,
/// region moves and recounts write shard 0, so that a month on the dashboard reads few more rows
/// than days. SQLite has one writer anyway and keeps shard 0 only.
enum DailyCounts {
    /// The summary's columns: every count but the live one.
    nonisolated(unsafe) static let columns: [(name: String, path: WritableKeyPath<MetricCounts, Int>)] =
        MetricCounts.fields.filter { $0.name != "unresponded_overdue" }

    static func createStatements(_ engine: SQLEngine, table: String = "request_daily_counts") -> [String] {
        // Area first: a dashboard reads a run of days of each of a few areas. On SQLite the rows
        // are stored in that order (WITHOUT ROWID); on PostgreSQL the key compares bytewise so
        // that a region move (a path range) uses it too.
        ["CREATE TABLE \(table) (area_path TEXT\(engine == .postgres ? " COLLATE \"C\"" : "") NOT NULL, day BIGINT NOT NULL, "
            + "shard BIGINT NOT NULL, " + columns.map { "\($0.name) BIGINT NOT NULL" }.joined(separator: ", ")
            + ", PRIMARY KEY (area_path, day, shard))" + (engine == .sqlite ? " WITHOUT ROWID" : "")]
    }

    /// requests.006: the summary gains its shard column; the rows there become shard 0.
    static func shardingStatements(_ engine: SQLEngine) -> [String] {
        let names = columns.map(\.name).joined(separator: ", ")
        return createStatements(engine, table: "request_daily_counts_sharded") + [
            "INSERT INTO request_daily_counts_sharded (area_path, day, shard, \(names)) SELECT area_path, day, 0, \(names) FROM request_daily_counts",
            "DROP TABLE request_daily_counts",
            "ALTER TABLE request_daily_counts_sharded RENAME TO request_daily_counts",
        ]
    }

    /// Rows per recent (area, day) on PostgreSQL: eight lets sixteen writers in one district
    /// mostly miss each other.
    static let shards: UInt32 = 8
    /// Today and the two days before are spread over the shards.
    static let spreadDays: Int64 = 3

    /// The row of `day` a transaction adds its changes to; `today` nil for the writes that are
    /// never concurrent (bulk loads, moves, recounts).
    static func shard(_ tx: Tx, day: Int64, today: Int64?) -> Int64 {
        guard tx.engine == .postgres, let today, today - day < spreadDays else { return 0 }
        return Int64(tx.draw % shards)
    }

    /// The Shanghai day number of an instant (days since 1970-01-01 in Shanghai).
    static func day(_ millis: Int64) -> Int64 { (millis + ChinaStandardTime.offsetSeconds * 1000) / 86_400_000 }

    /// Where a request is summed: each of its nodes from the district down to its grid (or to
    /// its own node when it is placed above the grids).
    static func areas(_ regionPath: String) -> [String] {
        Array(Scope.ancestorPaths(of: regionPath).prefix(RegionLevel.grid.depth + 1))
    }

    /// The same counts added under each area of a request.
    static func adding(_ counts: MetricCounts, at regionPath: String, day: Int64, to sums: inout [Key: MetricCounts]) {
        for area in areas(regionPath) { sums[Key(area: area, day: day), default: MetricCounts()] += counts }
    }

    /// Adds one request's change: `after − before` (before is nil for a new request).
    static func record(_ tx: Tx, regionPath: String, submittedAt: Date, before: RequestProgress?, after: RequestProgress,
                       now: Date) async throws {
        let delta = MetricContribution.of(after) - (before.map(MetricContribution.of) ?? MetricCounts())
        guard !delta.isZero else { return }
        var sums: [Key: MetricCounts] = [:]
        adding(delta, at: regionPath, day: day(submittedAt.millis), to: &sums)
        try await add(tx, sums, today: day(now.millis))
    }

    /// One request moved from `oldPath` to `newPath` (a 待定位 request placed): its counts
    /// leave the old areas and join the new ones.
    static func moved(_ tx: Tx, _ request: ServiceRequest, from oldPath: String, to newPath: String) async throws {
        let contribution = MetricContribution.of(request.progress)
        let day = day(request.progress.submittedAt.millis)
        var sums: [Key: MetricCounts] = [:]
        for area in areas(oldPath) { sums[Key(area: area, day: day), default: MetricCounts()] -= contribution }
        for area in areas(newPath) { sums[Key(area: area, day: day), default: MetricCounts()] += contribution }
        try await add(tx, sums.filter { !$0.value.isZero })
    }

    struct Key: Hashable {
        let area: String
        let day: Int64
    }

    /// The counts of one summary row (or of a row of sums named like its columns).
    static func counts(_ row: any SQLRow) throws -> MetricCounts {
        var counts = MetricCounts()
        for column in columns { counts[keyPath: column.path] = Int(try row.decode(column: column.name, as: Int64.self)) }
        return counts
    }

    /// Upserts sums, always in key order: on PostgreSQL every change locks the rows of its
    /// district and street for the day, and two transactions that took them in different orders
    /// would deadlock. Through `Tx.insert`: every change to a request upserts four rows, inside
    /// the write lock, and SQLKit's per-bind encoding of 80 values was a tenth of an intake's
    /// time there.
    static func add(_ tx: Tx, _ sums: [Key: MetricCounts], today: Int64? = nil) async throws {
        let names = columns.map(\.name)
        let rows = sums.sorted { ($0.key.area, $0.key.day) < ($1.key.area, $1.key.day) }.map { key, counts in
            [SQLCell.text(key.area), .integer(key.day), .integer(shard(tx, day: key.day, today: today))]
                + columns.map { SQLCell.integer(Int64(counts[keyPath: $0.path])) }
        }
        let updates = names.map { "\($0) = request_daily_counts.\($0) + excluded.\($0)" }.joined(separator: ", ")
        try await tx.insert(into: "request_daily_counts", columns: ["area_path", "day", "shard"] + names, rows: rows,
                            onConflict: "ON CONFLICT (area_path, day, shard) DO UPDATE SET \(updates)")
    }

    /// Keeps the summary right when the subtree at `oldPath` moves to `newPath`.
    static func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        var sums: [Key: MetricCounts] = [:]
        if Scope.ancestorPaths(of: oldPath).count <= RegionLevel.grid.depth + 1 {
            // A street, community or grid takes its own rows (and those below it) along; its
            // totals leave the old ancestors and join the new ones.
            try await tx.rebasePaths(table: "request_daily_counts", column: "area_path", from: oldPath, to: newPath)
            let oldAncestors = Array(Scope.ancestorPaths(of: oldPath).dropLast())
            let newAncestors = Array(Scope.ancestorPaths(of: newPath).dropLast())
            for row in try await tx.sql.raw("SELECT * FROM request_daily_counts WHERE area_path = \(bind: newPath)").all() {
                let day = try row.decode(column: "day", as: Int64.self)
                let counts = try Self.counts(row)
                for area in oldAncestors { sums[Key(area: area, day: day), default: MetricCounts()] -= counts }
                for area in newAncestors { sums[Key(area: area, day: day), default: MetricCounts()] += counts }
            }
        } else {
            // A building (or anything below a grid) moving to another grid: its requests'
            // counts leave the old grid and its ancestors and join the new ones.
            for row in try await tx.sql.raw("SELECT * FROM requests WHERE " + tx.engine.pathWithin("region_path", newPath)).all() {
                let request = try RequestStore.request(row)
                let contribution = MetricContribution.of(request.progress)
                let day = day(request.progress.submittedAt.millis)
                for area in areas(oldPath) { sums[Key(area: area, day: day), default: MetricCounts()] -= contribution }
                for area in areas(newPath) { sums[Key(area: area, day: day), default: MetricCounts()] += contribution }
            }
        }
        try await add(tx, sums.filter { !$0.value.isZero })
    }

    /// Empties the summary and sums it again from every request (the migration that adds
    /// it, and a check in the tests that the running sums never drift from the rows).
    static func rebuild(_ tx: Tx) async throws {
        try await tx.sql.raw("DELETE FROM request_daily_counts").run()
        var sums: [Key: MetricCounts] = [:]
        var after: Int64 = 0
        while true {
            let rows = try await tx.sql.raw("SELECT * FROM requests WHERE id > \(bind: after) ORDER BY id LIMIT 5000").all()
            guard let last = rows.last else { break }
            for row in rows {
                let request = try RequestStore.request(row)
                adding(MetricContribution.of(request.progress), at: request.regionPath, day: day(request.progress.submittedAt.millis), to: &sums)
            }
            after = try last.decode(column: "id", as: Int64.self)
        }
        try await add(tx, sums)
    }

    /// The counts of the area `path` for whole days `firstDay...lastDay`: in all, and for each
    /// of `children` (areas directly below it).
    static func sums(_ tx: Tx, path: String, children: [String], firstDay: Int64,
                     lastDay: Int64) async throws -> (total: MetricCounts, children: [MetricCounts]) {
        let areas = [path] + children
        let selects = columns.map { "CAST(SUM(\($0.name)) AS BIGINT) AS \($0.name)" }.joined(separator: ", ")
        let rows = try await tx.sql.raw("""
            SELECT area_path, \(unsafeRaw: selects) FROM request_daily_counts
            WHERE area_path IN (\(binds: areas)) AND day >= \(bind: firstDay) AND day <= \(bind: lastDay)
            GROUP BY area_path
            """).all()
        var byArea: [String: MetricCounts] = [:]
        for row in rows {
            byArea[try row.decode(column: "area_path", as: String.self)] = try counts(row)
        }
        return (byArea[path] ?? MetricCounts(), children.map { byArea[$0] ?? MetricCounts() })
    }

    /// Requests submitted per day in the area `path`: day number → count.
    static func submittedPerDay(_ tx: Tx, path: String, firstDay: Int64, lastDay: Int64) async throws -> [Int64: Int] {
        let rows = try await tx.sql.raw("""
            SELECT day, CAST(SUM(submitted) AS BIGINT) AS submitted FROM request_daily_counts
            WHERE area_path = \(bind: path) AND day >= \(bind: firstDay) AND day <= \(bind: lastDay)
            GROUP BY day
            """).all()
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "day", as: Int64.self), Int(try $0.decode(column: "submitted", as: Int64.self))) })
    }
}
