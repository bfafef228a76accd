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
        // 300 rows × 45 columns stays under both engines' limit on bound values per statement.
        while start < rows.count {
            let chunk = rows[start..<min(start + 300, rows.count)]
            var query: SQLQueryString = """
                INSERT INTO requests (id, tracking_code, idempotency_key, item_id, category_id, channel, description, answers, region_id,
                  region_path, place, address, latitude, longitude, requester_user_id, contact_name, phone_sealed, phone_index, phone_masked,
                  anonymous, entered_by, state, pending_kind, pending_minutes, pending_reason, handler_id, handler_path, co_handler_ids,
                  submitted_at, stage_started_at, respond_due, handle_due, verify_due, current_due, paused_remaining,
                  responded_at, reported_at, closed_at, rated_at, rating, respond_minutes, handle_minutes, verify_minutes,
                  respond_late, handle_late, verify_late, rework_count, reopen_count, extension_count, escalation_level, warned,
                  version, updated_at) VALUES
                """
            for (offset, row) in chunk.enumerated() {
                let id = firstId + Int64(start + offset)
                let r = row.request, p = row.progress
                let pending = pendingColumns(p.pending)
                let updated = row.events.last!.at.millis
                query += (offset == 0 ? " " : ", ") + """
                    (\(bind: id), \(bind: r.trackingCode), NULL, \(bind: r.itemId), \(bind: r.categoryId), \(bind: r.channel.rawValue),
                     \(bind: r.description), '{}', \(bind: r.regionId), \(bind: r.regionPath), \(bind: r.place), \(bind: r.address), NULL, NULL,
                     \(bind: r.requesterUserId), \(bind: r.contactName), \(bind: r.phoneSealed), \(bind: r.phoneIndex), \(bind: r.phoneMasked),
                     \(bind: r.anonymous ? 1 : 0), \(bind: r.enteredBy), \(bind: p.state.rawValue), \(bind: pending.kind), \(bind: pending.minutes),
                     \(bind: pending.reason), \(bind: p.handlerId), \(bind: row.handlerPath), \(bind: coHandlerColumn(p.coHandlerIds)),
                     \(bind: p.submittedAt.millis), \(bind: p.stageStartedAt?.millis), \(bind: p.respondDue.millis), \(bind: p.handleDue?.millis),
                     \(bind: p.verifyDue?.millis), \(bind: p.currentDue?.millis), \(bind: p.pausedRemaining), \(bind: p.respondedAt?.millis),
                     \(bind: p.reportedAt?.millis), \(bind: p.closedAt?.millis), \(bind: p.ratedAt?.millis), \(bind: p.rating),
                     \(bind: p.respondMinutes), \(bind: p.handleMinutes), \(bind: p.verifyMinutes), \(bind: p.respondLate ? 1 : 0),
                     \(bind: p.handleLate ? 1 : 0), \(bind: p.verifyLate ? 1 : 0), \(bind: p.reworkCount), \(bind: p.reopenCount),
                     \(bind: p.extensionCount), \(bind: p.escalationLevel), \(bind: p.warned ? 1 : 0), \(bind: Int64(row.events.count)),
                     \(bind: updated))
                    """
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
