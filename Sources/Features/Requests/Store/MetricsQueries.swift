import Foundation
import LinliKit
import SQLKit

/// The metric counts in one aggregate query over the requests of a subtree and period.
enum MetricsQueries {
    static func counts(_ tx: Tx, pathPrefix: String, from: Int64, to: Int64, now: Int64) async throws -> MetricCounts {
        let unsigned = RequestQueries.states([.received, .registered, .dispatched])
        let running = RequestQueries.states(RequestState.allCases.filter { $0.stage != nil })
        let row = try await tx.sql.raw("""
            SELECT COUNT(*) AS submitted,
              CAST(COALESCE(SUM(CASE WHEN r.state NOT IN ('rejected', 'voided', 'withdrawn') THEN 1 ELSE 0 END), 0) AS BIGINT) AS accepted,
              CAST(COALESCE(SUM(CASE WHEN r.responded_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS responded,
              CAST(COALESCE(SUM(CASE WHEN r.responded_at IS NOT NULL AND r.respond_late = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS responded_in_time,
              CAST(COALESCE(SUM(CASE WHEN r.responded_at IS NULL AND r.state IN (\(unsafeRaw: unsigned)) AND r.respond_due < \(bind: now) THEN 1 ELSE 0 END), 0) AS BIGINT) AS unresponded_overdue,
              CAST(COALESCE(SUM(CASE WHEN r.state IN ('closed', 'rated') THEN 1 ELSE 0 END), 0) AS BIGINT) AS closed,
              CAST(COALESCE(SUM(CASE WHEN r.state IN ('closed', 'rated') AND r.handle_late = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS closed_in_time,
              CAST(COALESCE(SUM(CASE WHEN r.state IN ('closed', 'rated') AND r.rework_count > 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS closed_with_rework,
              CAST(COALESCE(SUM(CASE WHEN r.rated_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS ever_rated,
              CAST(COALESCE(SUM(CASE WHEN r.reopen_count > 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS reopened,
              CAST(COALESCE(SUM(r.respond_minutes), 0) AS BIGINT) AS respond_minutes,
              CAST(COALESCE(SUM(CASE WHEN r.respond_minutes IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS respond_count,
              CAST(COALESCE(SUM(CASE WHEN r.state IN ('closed', 'rated') THEN r.handle_minutes ELSE 0 END), 0) AS BIGINT) AS handle_minutes,
              CAST(COALESCE(SUM(CASE WHEN r.state IN ('closed', 'rated') THEN r.verify_minutes ELSE 0 END), 0) AS BIGINT) AS verify_minutes,
              CAST(COALESCE(SUM(CASE WHEN r.respond_late = 1 OR r.handle_late = 1 OR r.verify_late = 1
                                  OR (r.state IN (\(unsafeRaw: running)) AND r.current_due < \(bind: now)) THEN 1 ELSE 0 END), 0) AS BIGINT) AS overdue
            FROM requests r
            WHERE r.region_path LIKE \(bind: pathPrefix + "%") AND r.submitted_at >= \(bind: from) AND r.submitted_at < \(bind: to)
            """).first()!
        let ratings = try await tx.sql.raw("""
            SELECT COUNT(*) AS ratings, CAST(COALESCE(SUM(CASE WHEN g.score >= \(bind: Workflow.satisfiedFrom) THEN 1 ELSE 0 END), 0) AS BIGINT) AS satisfied
            FROM request_ratings g JOIN requests r ON r.id = g.request_id
            WHERE r.region_path LIKE \(bind: pathPrefix + "%") AND r.submitted_at >= \(bind: from) AND r.submitted_at < \(bind: to)
            """).first()!
        func n(_ column: String, _ row: any SQLRow = row) throws -> Int { Int(try row.decode(column: column, as: Int64.self)) }
        var c = MetricCounts()
        c.submitted = try n("submitted")
        c.accepted = try n("accepted")
        c.responded = try n("responded")
        c.respondedInTime = try n("responded_in_time")
        c.unrespondedOverdue = try n("unresponded_overdue")
        c.closed = try n("closed")
        c.closedInTime = try n("closed_in_time")
        c.closedWithRework = try n("closed_with_rework")
        c.everRated = try n("ever_rated")
        c.reopened = try n("reopened")
        c.respondMinutes = try n("respond_minutes")
        c.respondCount = try n("respond_count")
        c.handleMinutes = try n("handle_minutes")
        c.handleCount = c.closed
        c.verifyMinutes = try n("verify_minutes")
        c.verifyCount = c.closed
        c.overdue = try n("overdue")
        c.ratings = try n("ratings", ratings)
        c.satisfiedRatings = try n("satisfied", ratings)
        return c
    }

    static let dayMillis: Int64 = 86_400_000
    /// China Standard Time is UTC+8 all year.
    static let shanghaiOffset: Int64 = 28_800_000

    /// Requests submitted per Shanghai day in the period (for the trend chart): day number → count.
    static func perDay(_ tx: Tx, pathPrefix: String, from: Int64, to: Int64) async throws -> [Int64: Int] {
        let rows = try await tx.sql.raw("""
            SELECT (submitted_at + \(unsafeRaw: String(shanghaiOffset))) / \(unsafeRaw: String(dayMillis)) AS day, COUNT(*) AS n
            FROM requests WHERE region_path LIKE \(bind: pathPrefix + "%") AND submitted_at >= \(bind: from) AND submitted_at < \(bind: to)
            GROUP BY (submitted_at + \(unsafeRaw: String(shanghaiOffset))) / \(unsafeRaw: String(dayMillis))
            """).all()
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "day", as: Int64.self), Int(try $0.decode(column: "n", as: Int64.self))) })
    }
}
