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

    /// Where the requests are that run past their deadline now without having missed one
    /// before (those are in the summary already): one region path per request.
    static func overdueNow(_ tx: Tx, pathPrefix: String, from: Int64, to: Int64, now: Int64) async throws -> [String] {
        try await paths(tx, """
            SELECT region_path FROM requests\(unsafeRaw: tx.engine.indexedBy("requests_running"))
            WHERE \(unsafeRaw: runningCondition) AND current_due < \(bind: now) AND respond_late = 0 AND handle_late = 0 AND verify_late = 0
              AND \(tx.engine.pathWithin("region_path", pathPrefix)) AND submitted_at >= \(bind: from) AND submitted_at < \(bind: to)
            """)
    }

    /// Where the requests are that nobody has signed for and whose 签收 deadline has passed
    /// (while unsigned, the running deadline is the 签收 one: `current_due` narrows by index).
    static func unsignedOverdue(_ tx: Tx, pathPrefix: String, from: Int64, to: Int64, now: Int64) async throws -> [String] {
        let unsigned = RequestQueries.states([.received, .registered, .dispatched])
        return try await paths(tx, """
            SELECT region_path FROM requests\(unsafeRaw: tx.engine.indexedBy("requests_running"))
            WHERE \(unsafeRaw: runningCondition) AND state IN (\(unsafeRaw: unsigned)) AND current_due < \(bind: now) AND responded_at IS NULL AND respond_due < \(bind: now)
              AND \(tx.engine.pathWithin("region_path", pathPrefix)) AND submitted_at >= \(bind: from) AND submitted_at < \(bind: to)
            """)
    }

    private static func paths(_ tx: Tx, _ query: SQLQueryString) async throws -> [String] {
        try await tx.sql.raw(query).all().map { try $0.decode(column: "region_path", as: String.self) }
    }
}
