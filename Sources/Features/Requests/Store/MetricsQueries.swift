import Foundation
import LinliKit
import SQLKit

/// The two figures of the 办理统计 that move with the clock rather than with the requests,
/// read live; everything else comes from `DailyCounts`. Both read only running requests
/// (the partial index `requests_running`), a small part of a year's requests.
enum MetricsQueries {
    /// Requests with a clock running; also the condition of the partial index `requests_running`
    /// (repeated word for word in the queries, so that SQLite sees the index applies).
    static var runningCondition: String {
        "state IN (\(RequestQueries.states(RequestState.allCases.filter { $0.stage != nil })))"
    }

    /// Live counts of the node (`total`) and of each of its children.
    struct LiveCounts {
        var total = 0
        var children: [Int]
    }

    /// Requests that run past their deadline now without having missed one before (those are
    /// in the summary already).
    static func overdueNow(_ tx: Tx, pathPrefix: String, children: [String], from: Int64, to: Int64, now: Int64) async throws -> LiveCounts {
        try await counts(tx, children: children, """
            FROM requests\(unsafeRaw: tx.engine.indexedBy("requests_running"))
            WHERE \(unsafeRaw: runningCondition) AND current_due < \(bind: now) AND respond_late = 0 AND handle_late = 0 AND verify_late = 0
              AND \(tx.engine.pathWithin("region_path", pathPrefix)) AND submitted_at >= \(bind: from) AND submitted_at < \(bind: to)
            """)
    }

    /// Requests that nobody has signed for and whose 签收 deadline has passed (while unsigned,
    /// the running deadline is the 签收 one: `current_due` narrows by index).
    static func unsignedOverdue(_ tx: Tx, pathPrefix: String, children: [String], from: Int64, to: Int64, now: Int64) async throws -> LiveCounts {
        let unsigned = RequestQueries.states([.received, .registered, .dispatched])
        return try await counts(tx, children: children, """
            FROM requests\(unsafeRaw: tx.engine.indexedBy("requests_running"))
            WHERE \(unsafeRaw: runningCondition) AND state IN (\(unsafeRaw: unsigned)) AND current_due < \(bind: now) AND responded_at IS NULL AND respond_due < \(bind: now)
              AND \(tx.engine.pathWithin("region_path", pathPrefix)) AND submitted_at >= \(bind: from) AND submitted_at < \(bind: to)
            """)
    }

    /// Counted in the database by child, so that a dozen rows come back instead of a path per
    /// request (a district has thousands of overdue requests at any time).
    private static func counts(_ tx: Tx, children: [String], _ fromWhere: SQLQueryString) async throws -> LiveCounts {
        var child: SQLQueryString = "CASE"
        for (index, path) in children.enumerated() {
            child = child + " WHEN " + tx.engine.pathWithin("region_path", path) + " THEN \(unsafeRaw: String(index))"
        }
        child = children.isEmpty ? "-1" : child + " ELSE -1 END"
        let rows = try await tx.sql.raw("SELECT CAST(\(child) AS BIGINT) AS child, COUNT(*) AS n " + fromWhere + " GROUP BY 1").all()
        var counts = LiveCounts(children: Array(repeating: 0, count: children.count))
        for row in rows {
            let n = Int(try row.decode(column: "n", as: Int64.self))
            let index = Int(try row.decode(column: "child", as: Int64.self))
            if counts.children.indices.contains(index) { counts.children[index] += n }
            counts.total += n
        }
        return counts
    }
}
