import Foundation
import LinliKit
import SQLKit

extension RequestStore {
    struct BulkRow: Sendable {
        let request: NewRequest
        let progress: RequestProgress
        let handlerPath: String?
        let events: [HistoricEvent]
    }

    /// Multi-row inserts with ids taken here (the table is locked on PostgreSQL), so that the
    /// events and ratings can name their request without reading it back.
    static func bulkInsert(_ tx: Tx, _ rows: [BulkRow]) async throws {
        if tx.engine == .postgres { try await tx.sql.raw("LOCK TABLE requests, request_events IN EXCLUSIVE MODE").run() }
        let firstId = try await tx.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM requests").first()!.decode(column: "n", as: Int64.self) + 1
        var events: [(Int64, HistoricEvent)] = []
        var ratings: [(Int64, Int, Int64)] = []
        var sums: [DailyCounts.Key: MetricCounts] = [:]
        var start = 0
        // 300 rows × 53 columns stays under both engines' limit on bound values per statement.
        while start < rows.count {
            let chunk = rows[start..<min(start + 300, rows.count)]
            var query: SQLQueryString = ""
            for (offset, row) in chunk.enumerated() {
                let id = firstId + Int64(start + offset)
                let r = row.request, p = row.progress
                let written: [ColumnValue] = [("id", id)] + identityValues(r) + [("submitted_at", p.submittedAt.millis)]
                    + progressValues(p, handlerPath: row.handlerPath)
                    + [("version", Int64(row.events.count)), ("updated_at", row.events.last!.at.millis)]
                if offset == 0 { query = "INSERT INTO requests (" + .names(written) + ") VALUES " }
                query += (offset == 0 ? "" : ", ") + .values(written)
                DailyCounts.adding(MetricContribution.of(p), at: r.regionPath, day: DailyCounts.day(p.submittedAt.millis), to: &sums)
                for event in row.events {
                    events.append((id, event))
                    if event.kind == .action(.rate), let score = event.data["score"].flatMap(Int.init) {
                        ratings.append((id, score, event.at.millis))
                    }
                }
            }
            try await tx.sql.raw(query).run()
            start += 300
        }
        try await bulkInsertEvents(tx, events)
        try await DailyCounts.add(tx, sums)
        start = 0
        while start < ratings.count {
            let chunk = ratings[start..<min(start + 1000, ratings.count)]
            var query: SQLQueryString = "INSERT INTO request_ratings (request_id, score, at) VALUES"
            for (offset, (id, score, at)) in chunk.enumerated() {
                query += (offset == 0 ? " " : ", ") + "(\(bind: id), \(bind: score), \(bind: at))"
            }
            try await tx.sql.raw(query).run()
            start += 1000
        }
        if tx.engine == .postgres {
            for table in ["requests", "request_events", "request_ratings"] {
                try await tx.sql.raw(SQLQueryString("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT COALESCE(MAX(id), 1) FROM \(table)))")).run()
            }
        }
    }

    private static func bulkInsertEvents(_ tx: Tx, _ events: [(Int64, HistoricEvent)]) async throws {
        var start = 0
        while start < events.count {
            let chunk = events[start..<min(start + 1000, events.count)]
            var query: SQLQueryString = """
                INSERT INTO request_events (request_id, kind, from_state, to_state, actor_user_id, actor_name, actor_role, note, internal, data, at) VALUES
                """
            for (offset, (id, e)) in chunk.enumerated() {
                let data = e.data.isEmpty ? nil : CanonicalJSON.object(e.data)
                query += (offset == 0 ? " " : ", ") + """
                    (\(bind: id), \(bind: e.kind.rawValue), \(bind: e.fromState?.rawValue), \(bind: e.toState.rawValue), \(bind: e.actorUserId),
                     \(bind: e.actorName), \(bind: e.actorRole), \(bind: e.note), \(bind: e.isInternal ? 1 : 0), \(bind: data), \(bind: e.at.millis))
                    """
            }
            try await tx.sql.raw(query).run()
            start += 1000
        }
    }
}
