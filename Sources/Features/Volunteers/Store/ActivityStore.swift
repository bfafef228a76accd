import LinliKit
import SQLKit

/// SQL for activities and their roles.
enum ActivityStore {
    static let columns = """
        a.id, a.title, a.kind, a.state, a.description, a.region_id, a.region_path, a.place_name, a.target_region_id, a.target_path,
        a.target_tag, a.team_id, a.beneficiary, a.lead, a.starts_at, a.ends_at, a.signup_opens, a.signup_closes, a.cancel_deadline,
        a.waiting_mode, a.hold_minutes, a.cutoff_minutes, a.cancel_reason, a.created_by
        """

    static func activity(_ row: any SQLRow, roles: [ActivityRole]) throws -> Activity {
        let id = try row.decode(column: "id", as: Int64.self)
        let name = "activities#\(id)"
        return Activity(
            id: id, title: try row.decode(column: "title", as: String.self), kind: try row.decode(known: "kind", as: ActivityKind.self, row: name),
            state: try row.decode(known: "state", as: ActivityState.self, row: name), description: try row.decode(column: "description", as: String.self),
            regionId: try row.decode(column: "region_id", as: Int64.self), regionPath: try row.decode(column: "region_path", as: String.self),
            placeName: try row.decode(column: "place_name", as: String.self),
            targetRegionId: try row.decode(column: "target_region_id", as: Int64.self), targetPath: try row.decode(column: "target_path", as: String.self),
            targetTag: try row.decode(column: "target_tag", as: String?.self), teamId: try row.decode(column: "team_id", as: Int64?.self),
            beneficiary: try row.decode(column: "beneficiary", as: String.self), lead: try row.decode(column: "lead", as: String.self),
            startsAt: try row.decode(column: "starts_at", as: Int64.self), endsAt: try row.decode(column: "ends_at", as: Int64.self),
            signUpOpens: try row.decode(column: "signup_opens", as: Int64.self), signUpCloses: try row.decode(column: "signup_closes", as: Int64.self),
            cancelDeadline: try row.decode(column: "cancel_deadline", as: Int64.self),
            waitingList: try row.decode(known: "waiting_mode", as: WaitingListMode.self, row: name),
            holdMinutes: try row.decode(column: "hold_minutes", as: Int.self), cutoffMinutes: try row.decode(column: "cutoff_minutes", as: Int.self),
            cancelReason: try row.decode(column: "cancel_reason", as: String?.self), createdBy: try row.decode(column: "created_by", as: Int64?.self),
            roles: roles)
    }

    static func activities(_ tx: Tx, rows: [any SQLRow]) async throws -> [Activity] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        let roles = try await self.roles(tx, activityIds: ids)
        return try rows.map { row in try activity(row, roles: roles[try row.decode(column: "id", as: Int64.self)] ?? []) }
    }

    /// One activity; `lock` takes its row lock (PostgreSQL) so that every sign-up, cancellation
    /// and promotion of the activity is decided one at a time on counts read after the lock.
    static func find(_ tx: Tx, id: Int64, lock: Bool = false) async throws -> Activity? {
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM activities a WHERE a.id = \(bind: id)\(unsafeRaw: lock ? tx.engine.rowLock : "")")
            .all()
        return try await activities(tx, rows: rows).first
    }

    static func roles(_ tx: Tx, activityIds: [Int64]) async throws -> [Int64: [ActivityRole]] {
        guard !activityIds.isEmpty else { return [:] }
        let counts = try await tx.sql.raw("""
            SELECT role_id, status, COUNT(*) AS n FROM activity_signups WHERE activity_id IN (\(binds: activityIds))
            AND status IN ('confirmed', 'held', 'waiting') GROUP BY role_id, status
            """).all()
        var byRole: [Int64: [String: Int]] = [:]
        for row in counts {
            byRole[try row.decode(column: "role_id", as: Int64.self), default: [:]][try row.decode(column: "status", as: String.self)] =
                try row.decode(column: "n", as: Int.self)
        }
        let rows = try await tx.sql.raw("""
            SELECT id, activity_id, name, capacity, starts_at, ends_at, qualification, default_minutes FROM activity_roles
            WHERE activity_id IN (\(binds: activityIds)) ORDER BY activity_id, position
            """).all()
        var roles: [Int64: [ActivityRole]] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            let n = byRole[id] ?? [:]
            roles[try row.decode(column: "activity_id", as: Int64.self), default: []].append(ActivityRole(
                id: id, name: try row.decode(column: "name", as: String.self), capacity: try row.decode(column: "capacity", as: Int.self),
                startsAt: try row.decode(column: "starts_at", as: Int64.self), endsAt: try row.decode(column: "ends_at", as: Int64.self),
                qualification: try row.decode(column: "qualification", as: String?.self),
                defaultMinutes: try row.decode(column: "default_minutes", as: Int.self),
                confirmed: n["confirmed"] ?? 0, held: n["held"] ?? 0, waiting: n["waiting"] ?? 0))
        }
        return roles
    }

    struct Written: Sendable {
        let draft: ActivityDraft, checked: CheckedActivity, regionPath: String, placeName: String, targetRegionId: Int64, targetPath: String
    }

    static func insert(_ tx: Tx, _ w: Written, by: Int64?, now: Int64) async throws -> Int64 {
        let d = w.draft, c = w.checked
        let id = try await tx.sql.raw("""
            INSERT INTO activities (title, kind, state, description, region_id, region_path, place_name, target_region_id, target_path,
              target_tag, team_id, beneficiary, lead, starts_at, ends_at, signup_opens, signup_closes, cancel_deadline, waiting_mode,
              hold_minutes, cutoff_minutes, created_by, created_at, updated_at)
            VALUES (\(bind: d.title), \(bind: d.kind.rawValue), 'draft', \(bind: d.description), \(bind: d.regionId), \(bind: w.regionPath),
              \(bind: w.placeName), \(bind: w.targetRegionId), \(bind: w.targetPath), \(bind: d.targetTag), \(bind: d.teamId),
              \(bind: d.beneficiary), \(bind: d.lead), \(bind: d.startsAt.millis), \(bind: d.endsAt.millis), \(bind: c.signUpOpens.millis),
              \(bind: c.signUpCloses.millis), \(bind: c.cancelDeadline.millis), \(bind: d.waitingList.rawValue), \(bind: c.holdMinutes),
              \(bind: c.cutoffMinutes), \(bind: by), \(bind: now), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        for (position, role) in c.roles.enumerated() {
            try await tx.sql.raw("""
                INSERT INTO activity_roles (activity_id, position, name, capacity, starts_at, ends_at, qualification, default_minutes)
                VALUES (\(bind: id), \(bind: position), \(bind: role.name), \(bind: role.capacity), \(bind: role.startsAt.millis),
                        \(bind: role.endsAt.millis), \(bind: role.qualification), \(bind: role.defaultMinutes))
                """).run()
        }
        return id
    }

    static func setState(_ tx: Tx, id: Int64, state: ActivityState, reason: String? = nil, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE activities SET state = \(bind: state.rawValue), cancel_reason = COALESCE(\(bind: reason), cancel_reason),
            updated_at = \(bind: now) WHERE id = \(bind: id)
            """).run()
    }

    /// Writes a checked change; sign-ups follow their role's new slot and a moved activity is
    /// reminded of again.
    static func apply(_ tx: Tx, id: Int64, _ c: ChangedActivity, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE activities SET title = \(bind: c.title), description = \(bind: c.description), starts_at = \(bind: c.startsAt),
            ends_at = \(bind: c.endsAt), signup_closes = \(bind: c.signUpCloses), cancel_deadline = \(bind: c.cancelDeadline),
            reminded_at = \(unsafeRaw: c.timeMoved ? "NULL" : "reminded_at"), updated_at = \(bind: now) WHERE id = \(bind: id)
            """).run()
        for role in c.roles {
            try await tx.sql.raw("""
                UPDATE activity_roles SET capacity = \(bind: role.capacity), starts_at = \(bind: role.startsAt), ends_at = \(bind: role.endsAt),
                default_minutes = \(bind: role.defaultMinutes) WHERE id = \(bind: role.id) AND activity_id = \(bind: id)
                """).run()
            try await tx.sql.raw("""
                UPDATE activity_signups SET starts_at = \(bind: role.startsAt), ends_at = \(bind: role.endsAt)
                WHERE role_id = \(bind: role.id) AND activity_id = \(bind: id)
                """).run()
        }
    }

    static func remindedAt(_ tx: Tx, id: Int64) async throws -> Int64? {
        try await tx.sql.raw("SELECT reminded_at FROM activities WHERE id = \(bind: id)").first()?.decode(column: "reminded_at", as: Int64?.self)
    }

    static func markReminded(_ tx: Tx, id: Int64, now: Int64) async throws {
        try await tx.sql.raw("UPDATE activities SET reminded_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    /// Activities in the actor's area, soonest first from `from` (or all when nil), by state.
    static func list(_ tx: Tx, within path: String, states: [ActivityState], from: Int64?, to: Int64?, limit: Int) async throws -> [Activity] {
        var filter: SQLQueryString = "\(tx.engine.pathWithin("a.region_path", path))"
        if !states.isEmpty { filter += " AND a.state IN (\(binds: states.map(\.rawValue)))" }
        if let from { filter += " AND a.ends_at > \(bind: from)" }
        if let to { filter += " AND a.starts_at < \(bind: to)" }
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM activities a WHERE \(filter) ORDER BY a.starts_at, a.id LIMIT \(bind: limit)").all()
        return try await activities(tx, rows: rows)
    }

    /// Published activities open to someone living at `homePath` or serving `areaPaths`.
    static func open(_ tx: Tx, homePath: String, areaPaths: [String], now: Int64, limit: Int) async throws -> [Activity] {
        let ancestors = Array(Set(([homePath] + areaPaths).flatMap(Scope.ancestorPaths)))
        var within: SQLQueryString = "a.target_path IN (\(binds: ancestors))"
        for area in areaPaths { within += " OR (\(tx.engine.pathWithin("a.target_path", area)))" }
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM activities a WHERE a.state = 'published' AND a.signup_closes > \(bind: now)
            AND (\(within)) ORDER BY a.starts_at, a.id LIMIT \(bind: limit)
            """).all()
        return try await activities(tx, rows: rows)
    }

    /// Activities starting between `from` and `to` not yet reminded of (the day-before notice).
    static func dueReminders(_ tx: Tx, from: Int64, to: Int64, limit: Int) async throws -> [Int64] {
        try await tx.sql.raw("""
            SELECT id FROM activities WHERE state IN ('published', 'closed') AND reminded_at IS NULL
            AND starts_at > \(bind: from) AND starts_at <= \(bind: to) ORDER BY starts_at LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
    }
}
