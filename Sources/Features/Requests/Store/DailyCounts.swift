import Foundation
import LinliKit
import Regions
import SQLKit

/// `request_daily_counts`: the sum of `MetricContribution`s of the requests submitted on one
/// Shanghai day in one grid (or at one node above the grid, for requests made there). The
/// dashboard reads a few thousand of these rows instead of every request of the period.
/// Every write to `requests` changes it in the same transaction.
enum DailyCounts {
    /// The summary's columns: every count but the live one.
    static var columns: [(name: String, path: WritableKeyPath<MetricCounts, Int>)] {
        MetricCounts.fields.filter { $0.name != "unresponded_overdue" }
    }

    static func createStatements(_ engine: SQLEngine) -> [String] {
        // Day first: every read is a range of days, then the areas in it. On SQLite the rows
        // are stored in that order (WITHOUT ROWID), so a month is one sequential read.
        ["CREATE TABLE request_daily_counts (day BIGINT NOT NULL, area_path TEXT NOT NULL, "
            + columns.map { "\($0.name) BIGINT NOT NULL" }.joined(separator: ", ") + ", PRIMARY KEY (day, area_path))"
            + (engine == .sqlite ? " WITHOUT ROWID" : "")]
    }

    /// The Shanghai day number of an instant (days since 1970-01-01 in Shanghai).
    static func day(_ millis: Int64) -> Int64 { (millis + ChinaStandardTime.offsetSeconds * 1000) / 86_400_000 }

    /// Where a request is summed: its grid, or its own node when it is above the grids.
    static func area(_ regionPath: String) -> String {
        let paths = Scope.ancestorPaths(of: regionPath)
        return paths.count > RegionLevel.grid.depth ? paths[RegionLevel.grid.depth] : regionPath
    }

    /// Adds one request's change: `after − before` (before is nil for a new request).
    static func record(_ tx: Tx, regionPath: String, submittedAt: Date, before: RequestProgress?, after: RequestProgress) async throws {
        let delta = MetricContribution.of(after) - (before.map(MetricContribution.of) ?? MetricCounts())
        guard !delta.isZero else { return }
        try await add(tx, [Key(area: area(regionPath), day: day(submittedAt.millis)): delta])
    }

    struct Key: Hashable {
        let area: String
        let day: Int64
    }

    /// Upserts sums, a few hundred keys per statement.
    static func add(_ tx: Tx, _ sums: [Key: MetricCounts]) async throws {
        let names = columns.map(\.name)
        let entries = Array(sums)
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(start + 500, entries.count)]
            var query: SQLQueryString = "INSERT INTO request_daily_counts (area_path, day, \(unsafeRaw: names.joined(separator: ", "))) VALUES"
            for (offset, (key, counts)) in chunk.enumerated() {
                query = query + (offset == 0 ? " (" : ", (") + "\(bind: key.area), \(bind: key.day)"
                for column in columns { query = query + ", \(bind: counts[keyPath: column.path])" }
                query = query + ")"
            }
            let updates = names.map { "\($0) = request_daily_counts.\($0) + excluded.\($0)" }.joined(separator: ", ")
            query = query + " ON CONFLICT (day, area_path) DO UPDATE SET \(unsafeRaw: updates)"
            try await tx.sql.raw(query).run()
            start += 500
        }
    }

    /// Moves the counts of the requests now under `path` from one area to another.
    static func move(_ tx: Tx, requestsUnder path: String, from oldArea: String, to newArea: String) async throws {
        guard oldArea != newArea else { return }
        var sums: [Key: MetricCounts] = [:]
        for row in try await tx.sql.raw("SELECT * FROM requests WHERE " + tx.engine.pathWithin("region_path", path)).all() {
            let request = try RequestStore.request(row)
            let contribution = MetricContribution.of(request.progress)
            let day = day(request.progress.submittedAt.millis)
            sums[Key(area: oldArea, day: day), default: MetricCounts()] -= contribution
            sums[Key(area: newArea, day: day), default: MetricCounts()] += contribution
        }
        try await add(tx, sums)
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
                sums[Key(area: area(request.regionPath), day: day(request.progress.submittedAt.millis)), default: MetricCounts()]
                    += MetricContribution.of(request.progress)
            }
            after = try last.decode(column: "id", as: Int64.self)
        }
        try await add(tx, sums)
    }

    /// The summed counts under `pathPrefix` for whole days `firstDay...lastDay`: in all, and
    /// for each of `children` (paths below it). Summed in the database by child, so that a
    /// handful of rows come back however many grids and days there are.
    static func sums(_ tx: Tx, pathPrefix: String, children: [String], firstDay: Int64,
                     lastDay: Int64) async throws -> (total: MetricCounts, children: [MetricCounts]) {
        var child: SQLQueryString = "CASE"
        for (index, path) in children.enumerated() {
            child = child + " WHEN " + tx.engine.pathWithin("area_path", path) + " THEN \(unsafeRaw: String(index))"
        }
        child = children.isEmpty ? "-1" : child + " ELSE -1 END"
        let selects = columns.map { "CAST(SUM(\($0.name)) AS BIGINT) AS \($0.name)" }.joined(separator: ", ")
        let rows = try await tx.sql.raw("""
            SELECT CAST(\(child) AS BIGINT) AS child, \(unsafeRaw: selects) FROM request_daily_counts
            WHERE day >= \(bind: firstDay) AND day <= \(bind: lastDay) AND \(tx.engine.pathWithin("area_path", pathPrefix))
            GROUP BY 1
            """).all()
        var total = MetricCounts()
        var perChild = Array(repeating: MetricCounts(), count: children.count)
        for row in rows {
            var counts = MetricCounts()
            for column in columns { counts[keyPath: column.path] = Int(try row.decode(column: column.name, as: Int64.self)) }
            let index = Int(try row.decode(column: "child", as: Int64.self))
            if perChild.indices.contains(index) { perChild[index] += counts }
            total += counts
        }
        return (total, perChild)
    }

    /// Requests submitted per day under `pathPrefix`: day number → count.
    static func submittedPerDay(_ tx: Tx, pathPrefix: String, firstDay: Int64, lastDay: Int64) async throws -> [Int64: Int] {
        let rows = try await tx.sql.raw("""
            SELECT day, CAST(SUM(submitted) AS BIGINT) AS n FROM request_daily_counts
            WHERE day >= \(bind: firstDay) AND day <= \(bind: lastDay) AND \(tx.engine.pathWithin("area_path", pathPrefix))
            GROUP BY day
            """).all()
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "day", as: Int64.self), Int(try $0.decode(column: "n", as: Int64.self))) })
    }
}
