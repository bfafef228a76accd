import Foundation
import LinliKit
import SQLKit

/// The queue queries. Scope is in the SQL: the actor's subtree (for those who may view it)
/// or the requests dispatched to them.
enum RequestQueries {
    /// A list row: what `summary(_:)` decodes, from `requests r` joined with its item `i`.
    static let summaryColumns = """
        r.id, r.tracking_code, r.item_id, i.name AS item_name, r.state, r.channel, r.place, r.address, r.submitted_at, r.current_due,
        r.handler_id, r.escalation_level, r.urgent
        """

    static func summary(_ row: any SQLRow) throws -> RequestSummary {
        let id = try row.decode(column: "id", as: Int64.self)
        let place = [try row.decode(column: "place", as: String.self), try row.decode(column: "address", as: String.self)]
        return RequestSummary(
            id: id, trackingCode: try row.decode(column: "tracking_code", as: String.self),
            itemId: try row.decode(column: "item_id", as: Int64.self),
            itemName: try row.decode(column: "item_name", as: String.self),
            state: try row.decode(known: "state", as: RequestState.self, row: "requests#\(id)"),
            channel: try row.decode(known: "channel", as: IntakeChannel.self, row: "requests#\(id)"),
            place: place.filter { !$0.isEmpty }.joined(separator: " "),
            submittedAt: try row.decode(column: "submitted_at", as: Int64.self),
            currentDue: try row.decode(column: "current_due", as: Int64?.self),
            handlerId: try row.decode(column: "handler_id", as: Int64?.self),
            escalationLevel: Int(try row.decode(column: "escalation_level", as: Int64.self)),
            urgent: try row.decode(column: "urgent", as: Int64.self) != 0)
    }

    struct Resolved: Sendable {
        var queue: RequestQueue
        var userId: Int64?
        var viewPath: String?
        var regionPath: String?
        var categoryId: Int64?
        var state: RequestState?
        var channel: IntakeChannel?
        var now: Int64
        var soon: Int64
        var limit: Int
        var offset: Int
    }

    /// States as SQL literals: only ever the code's own constants (never input), written out
    /// so that a condition reads like the partial indexes' and the planner can use them.
    static func states(_ states: [RequestState]) -> String { states.map { "'\($0.rawValue)'" }.joined(separator: ",") }

    /// The WHERE clause of a queue with its filters.
    static func filter(_ tx: Tx, _ q: Resolved) -> SQLQueryString {
        let me = q.userId ?? -1
        let mineClause: SQLQueryString = "(r.handler_id = \(bind: me) OR r.co_handler_ids LIKE \(bind: "%,\(me),%"))"
        var filter: SQLQueryString
        if let viewPath = q.viewPath {
            filter = "(" + tx.engine.pathWithin("r.region_path", viewPath) + " OR " + mineClause + ")"
        } else {
            filter = mineClause
        }
        let running = states(RequestState.allCases.filter { $0.stage != nil })
        switch q.queue {
        case .dispatch: filter = filter + " AND r.state IN ('received', 'registered') AND r.awaiting_place = 0"
        case .unplaced: filter = filter + " AND r.awaiting_place = 1 AND r.state IN ('received', 'registered')"
        case .mine: filter = mineClause + " AND r.state IN ('dispatched', 'in_progress', 'suspended')"
        case .dueSoon: filter = filter + " AND r.state IN (\(unsafeRaw: running)) AND r.current_due >= \(bind: q.now) AND r.current_due <= \(bind: q.soon)"
        case .overdue: filter = filter + " AND r.state IN (\(unsafeRaw: running)) AND r.current_due < \(bind: q.now)"
        case .verify: filter = filter + " AND r.state = 'reported'"
        case .review: filter = filter + " AND r.state = 'closed'"
        case .all: break
        }
        if let regionPath = q.regionPath { filter = filter + " AND " + tx.engine.pathWithin("r.region_path", regionPath) }
        if let category = q.categoryId { filter = filter + " AND r.category_id = \(bind: category)" }
        if let state = q.state { filter = filter + " AND r.state = \(bind: state.rawValue)" }
        if let channel = q.channel { filter = filter + " AND r.channel = \(bind: channel.rawValue)" }
        return filter
    }

    static func search(_ tx: Tx, _ q: Resolved) async throws -> (items: [RequestSummary], total: Int) {
        let filter = filter(tx, q)
        let order: SQLQueryString = [.dueSoon, .overdue, .mine].contains(q.queue) ? " ORDER BY r.current_due, r.id" : " ORDER BY r.submitted_at DESC, r.id DESC"
        let total = try await tx.sql.raw("SELECT COUNT(*) AS n FROM requests r WHERE " + filter).first()!.decode(column: "n", as: Int.self)
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: summaryColumns) FROM requests r JOIN request_items i ON i.id = r.item_id WHERE
            """ + filter + order + " LIMIT \(unsafeRaw: String(q.limit)) OFFSET \(unsafeRaw: String(q.offset))").all()
        let items = try rows.map(summary)
        return (items, total)
    }

    /// A queue as the home page's 今日待办 counts it: overdue, due today, due within the
    /// week (only where a stage's clock runs: a suspended request's clock stands still), and
    /// its first `limit` rows, those with a running clock first by due time.
    static func due(_ tx: Tx, _ q: Resolved, endOfToday: Int64, endOfWeek: Int64) async throws -> (counts: DueList.Counts, items: [RequestSummary]) {
        let filter = filter(tx, q)
        let running = states(RequestState.allCases.filter { $0.stage != nil })
        let clocked: SQLQueryString = "r.state IN (\(unsafeRaw: running)) AND r.current_due"
        let row = try await tx.sql.raw("""
            SELECT COUNT(*) AS total,
              COALESCE(SUM(CASE WHEN \(clocked) < \(bind: q.now) THEN 1 ELSE 0 END), 0) AS overdue,
              COALESCE(SUM(CASE WHEN \(clocked) >= \(bind: q.now) AND r.current_due < \(bind: endOfToday) THEN 1 ELSE 0 END), 0) AS today,
              COALESCE(SUM(CASE WHEN \(clocked) >= \(bind: endOfToday) AND r.current_due < \(bind: endOfWeek) THEN 1 ELSE 0 END), 0) AS week
            FROM requests r WHERE
            """ + filter).first()
        func count(_ column: String) throws -> Int { try row.map { try $0.decode(column: column, as: Int.self) } ?? 0 }
        let counts = DueList.Counts(overdue: try count("overdue"), today: try count("today"), week: try count("week"), total: try count("total"))
        guard counts.total > 0 else { return (counts, []) }
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: summaryColumns) FROM requests r JOIN request_items i ON i.id = r.item_id WHERE
            """ + filter + """
             ORDER BY CASE WHEN \(clocked) IS NOT NULL THEN 0 ELSE 1 END, r.current_due, r.id LIMIT \(unsafeRaw: String(q.limit))
            """).all()
        return (counts, try rows.map(summary))
    }

    /// A resident's own requests and those they follow, newest first.
    /// Requests raised from `origin` (a visit, a patrol) under `path`, oldest first.
    static func raised(_ tx: Tx, from origin: String, within path: String) async throws -> [RequestSummary] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: summaryColumns) FROM requests r JOIN request_items i ON i.id = r.item_id
            WHERE r.origin = \(bind: origin) AND \(tx.engine.pathWithin("r.region_path", path)) ORDER BY r.id LIMIT 50
            """).all().map(summary)
    }

    static func ofResident(_ tx: Tx, userId: Int64, limit: Int) async throws -> [RequestSummary] {
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: summaryColumns) FROM requests r JOIN request_items i ON i.id = r.item_id
            WHERE r.requester_user_id = \(bind: userId) OR r.id IN (SELECT request_id FROM request_followers WHERE user_id = \(bind: userId))
            ORDER BY r.submitted_at DESC, r.id DESC LIMIT \(unsafeRaw: String(limit))
            """).all()
        return try rows.map(summary)
    }

    /// Requests whose running stage is overdue or falls due by `cutoff`, not yet warned or
    /// escalated as far as they could be: the SLA sweep's candidates.
    static func clockCandidates(_ tx: Tx, cutoff: Int64, limit: Int) async throws -> [Int64] {
        let running = states(RequestState.allCases.filter { $0.stage != nil })
        return try await tx.sql.raw("""
            SELECT id FROM requests WHERE state IN (\(unsafeRaw: running)) AND current_due <= \(bind: cutoff) AND escalation_level < 3
            ORDER BY current_due LIMIT \(unsafeRaw: String(limit))
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
    }
}

extension RequestQueries {
    struct Open311Filter: Sendable {
        var trackingCodes: [String] = []
        var itemIds: [Int64] = []
        var from: Int64
        var to: Int64
        var open: Bool?
        /// The key holder's subtree; nil for callers without a key (public-space items only).
        var pathPrefix: String?
        var limit = 1000
    }

    static func open311(_ tx: Tx, _ f: Open311Filter) async throws -> [ServiceRequest] {
        var filter: SQLQueryString
        if !f.trackingCodes.isEmpty {
            filter = "r.tracking_code IN (" + f.trackingCodes.enumerated().map { i, code -> SQLQueryString in i == 0 ? "\(bind: code)" : ", \(bind: code)" }
                .reduce(SQLQueryString(""), +) + ")"
        } else {
            filter = "r.submitted_at >= \(bind: f.from) AND r.submitted_at < \(bind: f.to)"
            if !f.itemIds.isEmpty { filter = filter + " AND r.item_id IN (\(binds: f.itemIds))" }
            if let open = f.open {
                let states = RequestState.allCases.filter { $0.isOpen == open }
                filter = filter + " AND r.state IN (\(unsafeRaw: RequestQueries.states(states)))"
            }
        }
        // By 查询码 the codes are the capability; otherwise the key's region, or public-space items.
        if f.trackingCodes.isEmpty {
            if let path = f.pathPrefix {
                filter = filter + " AND " + tx.engine.pathWithin("r.region_path", path)
            } else {
                filter = filter + " AND r.item_id IN (SELECT id FROM request_items WHERE allows_anonymous = 1)"
            }
        }
        return try await tx.sql.raw("SELECT \(unsafeRaw: RequestStore.columns(of: "r")) FROM requests r WHERE " + filter
                                    + " ORDER BY r.submitted_at DESC LIMIT \(unsafeRaw: String(f.limit))").all().map(RequestStore.request)
    }
}
