import LinliKit
import SQLKit

/// SQL for sign-ups, the waiting list and attendance.
enum SignUpStore {
    static let columns = """
        s.id, s.activity_id, s.role_id, s.resident_id, s.volunteer_id, s.user_id, s.name, s.status, s.queued_at, s.hold_until,
        s.checked_in_at, s.checked_out_at, s.check_in_method, s.attendance, s.created_at
        """
    static let active = SignUpStatus.activeValues

    static func signUp(_ row: any SQLRow) throws -> SignUp {
        let id = try row.decode(column: "id", as: Int64.self)
        let name = "activity_signups#\(id)"
        return SignUp(id: id, activityId: try row.decode(column: "activity_id", as: Int64.self), roleId: try row.decode(column: "role_id", as: Int64.self),
                      residentId: try row.decode(column: "resident_id", as: Int64.self), volunteerId: try row.decode(column: "volunteer_id", as: Int64?.self),
                      name: try row.decode(column: "name", as: String.self), status: try row.decode(known: "status", as: SignUpStatus.self, row: name),
                      queuedAt: try row.decode(column: "queued_at", as: Int64.self), holdUntil: try row.decode(column: "hold_until", as: Int64?.self),
                      checkedInAt: try row.decode(column: "checked_in_at", as: Int64?.self),
                      checkedOutAt: try row.decode(column: "checked_out_at", as: Int64?.self),
                      checkInMethod: try row.decode(knownIfPresent: "check_in_method", as: CheckInMethod.self, row: name),
                      attendance: try row.decode(knownIfPresent: "attendance", as: Attendance.self, row: name),
                      createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    static func userId(_ tx: Tx, signUpId: Int64) async throws -> Int64? {
        try await tx.sql.raw("SELECT user_id FROM activity_signups WHERE id = \(bind: signUpId)").first()?.decode(column: "user_id", as: Int64?.self)
    }

    static func find(_ tx: Tx, id: Int64) async throws -> SignUp? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM activity_signups s WHERE s.id = \(bind: id)").first().map(signUp)
    }

    /// The person's active sign-up for the activity.
    static func active(_ tx: Tx, activityId: Int64, residentId: Int64) async throws -> SignUp? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM activity_signups s WHERE s.activity_id = \(bind: activityId) AND s.resident_id = \(bind: residentId)
            AND s.status IN (\(binds: active))
            """).first().map(signUp)
    }

    /// The person's latest sign-up for the activity, whatever its status.
    static func latest(_ tx: Tx, activityId: Int64, residentId: Int64) async throws -> SignUp? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM activity_signups s WHERE s.activity_id = \(bind: activityId) AND s.resident_id = \(bind: residentId)
            ORDER BY s.id DESC LIMIT 1
            """).first().map(signUp)
    }

    /// Places taken (confirmed or held) and people waiting in a role: read after the activity's lock.
    static func counts(_ tx: Tx, roleId: Int64) async throws -> (taken: Int, waiting: Int) {
        let row = try await tx.sql.raw("""
            SELECT SUM(CASE WHEN status IN ('confirmed', 'held') THEN 1 ELSE 0 END) AS taken,
                   SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END) AS waiting
            FROM activity_signups WHERE role_id = \(bind: roleId)
            """).first()
        return (try row?.decode(column: "taken", as: Int?.self) ?? 0, try row?.decode(column: "waiting", as: Int?.self) ?? 0)
    }

    /// The person's other active sign-ups overlapping `from`–`to`, with the activity titles.
    static func overlapping(_ tx: Tx, residentId: Int64, exceptActivity: Int64, from: Int64, to: Int64) async throws -> [(title: String, kind: String)] {
        try await tx.sql.raw("""
            SELECT a.title, a.kind FROM activity_signups s JOIN activities a ON a.id = s.activity_id
            WHERE s.resident_id = \(bind: residentId) AND s.activity_id <> \(bind: exceptActivity) AND s.status IN (\(binds: active))
            AND s.starts_at < \(bind: to) AND s.ends_at > \(bind: from) AND a.state NOT IN ('cancelled')
            ORDER BY s.starts_at LIMIT 3
            """).all().map { (try $0.decode(column: "title", as: String.self), try $0.decode(column: "kind", as: String.self)) }
    }

    static func noShows(_ tx: Tx, residentId: Int64, since: Int64) async throws -> Int {
        try await tx.sql.raw("""
            SELECT COUNT(*) AS n FROM activity_signups WHERE resident_id = \(bind: residentId) AND attendance = 'no_show'
            AND ends_at > \(bind: since)
            """).first()!.decode(column: "n", as: Int.self)
    }

    struct Written: Sendable {
        let activityId: Int64, roleId: Int64, residentId: Int64, volunteerId: Int64?, userId: Int64?, name: String
        let status: SignUpStatus, startsAt: Int64, endsAt: Int64, createdBy: Int64?
    }

    static func insert(_ tx: Tx, _ w: Written, now: Int64) async throws -> SignUp {
        try signUp(try await tx.sql.raw("""
            INSERT INTO activity_signups (activity_id, role_id, resident_id, volunteer_id, user_id, name, status, queued_at, starts_at,
              ends_at, created_by, created_at, updated_at)
            VALUES (\(bind: w.activityId), \(bind: w.roleId), \(bind: w.residentId), \(bind: w.volunteerId), \(bind: w.userId), \(bind: w.name),
              \(bind: w.status.rawValue), \(bind: now), \(bind: w.startsAt), \(bind: w.endsAt), \(bind: w.createdBy), \(bind: now), \(bind: now))
            RETURNING \(unsafeRaw: columns.replacingOccurrences(of: "s.", with: ""))
            """).first()!)
    }

    static func setStatus(_ tx: Tx, id: Int64, status: SignUpStatus, holdUntil: Int64? = nil, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE activity_signups SET status = \(bind: status.rawValue), hold_until = \(bind: holdUntil), updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """).run()
    }

    /// The first person waiting for a role. The queue is in id order: sign-ups of one activity
    /// are inserted one at a time under its lock, so ids follow the lock, whereas a clock read
    /// before the lock (on another instance, too) need not.
    static func firstWaiting(_ tx: Tx, roleId: Int64) async throws -> SignUp? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM activity_signups s WHERE s.role_id = \(bind: roleId) AND s.status = 'waiting'
            ORDER BY s.id LIMIT 1
            """).first().map(signUp)
    }

    /// A waiting sign-up's position (1 = next).
    static func position(_ tx: Tx, of s: SignUp) async throws -> Int {
        try await tx.sql.raw("""
            SELECT COUNT(*) AS n FROM activity_signups WHERE role_id = \(bind: s.roleId) AND status = 'waiting' AND id <= \(bind: s.id)
            """).first()!.decode(column: "n", as: Int.self)
    }

    /// Activities with a hold that ran out by `now`.
    static func lapsedHolds(_ tx: Tx, now: Int64, limit: Int) async throws -> [Int64] {
        try await tx.sql.raw("""
            SELECT DISTINCT activity_id FROM activity_signups WHERE status = 'held' AND hold_until <= \(bind: now) LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "activity_id", as: Int64.self) }
    }

    static func holdsRunOut(_ tx: Tx, activityId: Int64, now: Int64) async throws -> [SignUp] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM activity_signups s WHERE s.activity_id = \(bind: activityId) AND s.status = 'held'
            AND s.hold_until <= \(bind: now) ORDER BY s.id
            """).all().map(signUp)
    }

    static func list(_ tx: Tx, activityId: Int64) async throws -> [SignUp] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM activity_signups s WHERE s.activity_id = \(bind: activityId)
            ORDER BY s.role_id, CASE s.status WHEN 'confirmed' THEN 0 WHEN 'held' THEN 1 WHEN 'awaiting_approval' THEN 2 WHEN 'waiting' THEN 3 ELSE 4 END,
            s.id
            """).all().map(signUp)
    }

    /// Account ids of everyone with an active sign-up (to tell them of a change).
    static func activeUsers(_ tx: Tx, activityId: Int64) async throws -> [Int64] {
        try await tx.sql.raw("""
            SELECT DISTINCT user_id FROM activity_signups WHERE activity_id = \(bind: activityId) AND status IN (\(binds: active))
            AND user_id IS NOT NULL
            """).all().map { try $0.decode(column: "user_id", as: Int64.self) }
    }

    /// The person's own sign-ups that have not ended, soonest first.
    static func upcoming(_ tx: Tx, residentId: Int64, now: Int64, limit: Int) async throws -> [SignUp] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM activity_signups s WHERE s.resident_id = \(bind: residentId) AND s.status IN (\(binds: active))
            AND s.ends_at > \(bind: now) ORDER BY s.starts_at, s.id LIMIT \(bind: limit)
            """).all().map(signUp)
    }

    static func checkIn(_ tx: Tx, id: Int64, at: Int64, method: CheckInMethod) async throws {
        try await tx.sql.raw("""
            UPDATE activity_signups SET checked_in_at = \(bind: at), check_in_method = \(bind: method.rawValue), updated_at = \(bind: at)
            WHERE id = \(bind: id) AND checked_in_at IS NULL
            """).run()
    }

    static func checkOut(_ tx: Tx, id: Int64, at: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE activity_signups SET checked_out_at = \(bind: at), updated_at = \(bind: at) WHERE id = \(bind: id) AND checked_out_at IS NULL
            """).run()
    }

    /// At the end: who had a place and came is attended, who had one and did not is a no-show;
    /// the waiting list and held places that were never accepted lapse.
    static func settle(_ tx: Tx, activityId: Int64, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE activity_signups SET attendance = CASE WHEN checked_in_at IS NULL THEN 'no_show' ELSE 'attended' END, updated_at = \(bind: now)
            WHERE activity_id = \(bind: activityId) AND status = 'confirmed'
            """).run()
        try await tx.sql.raw("""
            UPDATE activity_signups SET status = 'lapsed', hold_until = NULL, updated_at = \(bind: now)
            WHERE activity_id = \(bind: activityId) AND status IN ('waiting', 'held', 'awaiting_approval')
            """).run()
    }

    static func cancelAll(_ tx: Tx, activityId: Int64, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE activity_signups SET status = 'cancelled', hold_until = NULL, updated_at = \(bind: now)
            WHERE activity_id = \(bind: activityId) AND status IN (\(binds: active))
            """).run()
    }
}
