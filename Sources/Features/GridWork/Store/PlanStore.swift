import Foundation
import LinliKit
import SQLKit

/// A person's line in the visit plan.
public struct PlanEntry: Sendable, Equatable, Codable {
    public let residentId: Int64
    public let regionPath: String
    public let name: String
    public let address: String
    public let phoneMasked: String?
    public let tags: [String]
    public let classCode: String
    public let className: String
    public let rulesVersion: Int
    public let since: Date
    public let lastVisitAt: Date?
    public let periodDue: Date
    public let eventId: Int64?
    public let eventDue: Date?
    public let due: Date
}

enum PlanStore {
    static let columns = ["resident_id", "region_path", "name", "address", "phone_masked", "tags", "class_code", "class_name",
                          "rules_version", "since_at", "last_visit_at", "period_due_at", "event_id", "event_due_at", "due_at", "updated_at"]

    static func entry(_ row: any SQLRow) throws -> PlanEntry {
        func date(_ column: String) throws -> Date? { try row.decode(column: column, as: Int64?.self).map(Date.init(millis:)) }
        let tags = try row.decode(column: "tags", as: String.self)
        return PlanEntry(residentId: try row.decode(column: "resident_id", as: Int64.self),
                         regionPath: try row.decode(column: "region_path", as: String.self),
                         name: try row.decode(column: "name", as: String.self), address: try row.decode(column: "address", as: String.self),
                         phoneMasked: try row.decode(column: "phone_masked", as: String?.self),
                         tags: tags.isEmpty ? [] : tags.split(separator: ",").map(String.init),
                         classCode: try row.decode(column: "class_code", as: String.self),
                         className: try row.decode(column: "class_name", as: String.self),
                         rulesVersion: Int(try row.decode(column: "rules_version", as: Int64.self)),
                         since: try date("since_at")!, lastVisitAt: try date("last_visit_at"), periodDue: try date("period_due_at")!,
                         eventId: try row.decode(column: "event_id", as: Int64?.self), eventDue: try date("event_due_at"),
                         due: try date("due_at")!)
    }

    static func cells(_ e: PlanEntry, now: Int64) -> [SQLCell] {
        [.integer(e.residentId), .text(e.regionPath), .text(e.name), .text(e.address), SQLCell(e.phoneMasked),
         .text(e.tags.joined(separator: ",")), .text(e.classCode), .text(e.className), .integer(Int64(e.rulesVersion)),
         .integer(e.since.millis), SQLCell(e.lastVisitAt?.millis), .integer(e.periodDue.millis), SQLCell(e.eventId),
         SQLCell(e.eventDue?.millis), .integer(e.due.millis), .integer(now)]
    }

    static func upsert(_ tx: Tx, _ entries: [PlanEntry], now: Int64) async throws {
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        try await tx.insert(into: "visit_plans", columns: columns, rows: entries.map { cells($0, now: now) },
                            onConflict: "ON CONFLICT (resident_id) DO UPDATE SET \(updates)")
    }

    static func delete(_ tx: Tx, residentIds: [Int64]) async throws {
        guard !residentIds.isEmpty else { return }
        try await tx.sql.raw("DELETE FROM visit_plans WHERE resident_id IN (\(binds: residentIds))").run()
    }

    static func entries(_ tx: Tx, residentIds: [Int64]) async throws -> [Int64: PlanEntry] {
        guard !residentIds.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM visit_plans WHERE resident_id IN (\(binds: residentIds))").all()
        return Dictionary(try rows.map { let e = try entry($0); return (e.residentId, e) }) { a, _ in a }
    }

    /// Those of `ids` in the plan, a thousand ids a query (an import's batch may be large).
    static func plannedAmong(_ tx: Tx, ids: [Int64]) async throws -> [Int64] {
        var planned: [Int64] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 1000, ids.count)])
            start += chunk.count
            planned += try await tx.sql.raw("SELECT resident_id FROM visit_plans WHERE resident_id IN (\(binds: chunk))")
                .all().map { try $0.decode(column: "resident_id", as: Int64.self) }
        }
        return planned
    }

    /// The plan under `path` due before `before` (all when nil), soonest first.
    static func entries(_ tx: Tx, within path: String, dueBefore before: Date?, limit: Int) async throws -> [PlanEntry] {
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM visit_plans WHERE \(tx.engine.pathWithin("region_path", path))"
        if let before { query += " AND due_at < \(bind: before.millis)" }
        query += " ORDER BY due_at, resident_id LIMIT \(bind: limit)"
        return try await tx.sql.raw(query).all().map(entry)
    }

    /// Residents in the plan with ids in (after, …], in id order: the full run's previous plan.
    static func residentIds(_ tx: Tx, after: Int64, upTo: Int64?) async throws -> [Int64] {
        var query: SQLQueryString = "SELECT resident_id FROM visit_plans WHERE resident_id > \(bind: after)"
        if let upTo { query += " AND resident_id <= \(bind: upTo)" }
        query += " ORDER BY resident_id"
        return try await tx.sql.raw(query).all().map { try $0.decode(column: "resident_id", as: Int64.self) }
    }

    /// Each resident's latest visit: when, and the follow-up its visitor asked for.
    static func lastVisits(_ tx: Tx, residentIds: [Int64]) async throws -> [Int64: (at: Date, followUp: Date?)] {
        guard !residentIds.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("""
            SELECT v.resident_id, v.visited_at, v.follow_up_by FROM visits v WHERE v.resident_id IN (\(binds: residentIds))
            AND v.visited_at = (SELECT MAX(w.visited_at) FROM visits w WHERE w.resident_id = v.resident_id)
            """).all()
        var last: [Int64: (at: Date, followUp: Date?)] = [:]
        for row in rows {
            let id = try row.decode(column: "resident_id", as: Int64.self)
            let at = Date(millis: try row.decode(column: "visited_at", as: Int64.self))
            let followUp = try row.decode(column: "follow_up_by", as: Int64?.self).map(Date.init(millis:))
            // Two visits at one minute: the sooner follow-up counts.
            if let seen = last[id], let a = seen.followUp, followUp.map({ $0 > a }) ?? true { continue }
            last[id] = (at, followUp)
        }
        return last
    }

    static func enqueue(_ tx: Tx, residentIds: [Int64], now: Int64) async throws {
        try await tx.insert(into: "visit_plan_queue", columns: ["resident_id", "queued_at"],
                            rows: Array(Set(residentIds)).map { [.integer($0), .integer(now)] },
                            onConflict: "ON CONFLICT (resident_id) DO NOTHING")
    }

    /// Takes up to `limit` queued residents off the queue.
    static func dequeue(_ tx: Tx, limit: Int) async throws -> [Int64] {
        let ids = try await tx.sql.raw("SELECT resident_id FROM visit_plan_queue ORDER BY resident_id LIMIT \(bind: limit)")
            .all().map { try $0.decode(column: "resident_id", as: Int64.self) }
        guard !ids.isEmpty else { return [] }
        return try await tx.sql.raw("DELETE FROM visit_plan_queue WHERE resident_id IN (\(binds: ids)) RETURNING resident_id")
            .all().map { try $0.decode(column: "resident_id", as: Int64.self) }
    }

    /// Claims the daily run `name` for `day`; false when another instance has it already.
    static func claimRun(_ tx: Tx, name: String, day: String, now: Int64) async throws -> Bool {
        try await tx.sql.raw("""
            UPDATE gridwork_runs SET day = \(bind: day), at = \(bind: now) WHERE name = \(bind: name) AND day <> \(bind: day) RETURNING name
            """).first() != nil
    }
}
