import LinliKit
import SQLKit

/// SQL for duty phones and shifts.
enum DutyStore {
    static let migrations: [Migration] = [
        Migration("duty.001") { engine in [
            "CREATE TABLE duty_phones (region_id BIGINT PRIMARY KEY, region_path TEXT NOT NULL, phone TEXT NOT NULL, updated_at BIGINT NOT NULL)",
            """
            CREATE TABLE duty_shifts (
              id \(engine.autoIncrementPrimaryKey), region_id BIGINT NOT NULL, region_path TEXT NOT NULL, user_id BIGINT NOT NULL,
              starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL, note TEXT NOT NULL, created_by BIGINT, created_at BIGINT NOT NULL,
              cancelled_at BIGINT)
            """,
            "CREATE INDEX duty_shifts_region ON duty_shifts (region_path, ends_at)",
            "CREATE INDEX duty_shifts_user ON duty_shifts (user_id, ends_at)",
        ] },
    ]

    static let columns = "id, region_id, region_path, user_id, starts_at, ends_at, note, cancelled_at"

    static func shift(_ row: any SQLRow) throws -> DutyShift {
        DutyShift(id: try row.decode(column: "id", as: Int64.self), regionId: try row.decode(column: "region_id", as: Int64.self),
                  regionPath: try row.decode(column: "region_path", as: String.self), userId: try row.decode(column: "user_id", as: Int64.self),
                  startsAt: try row.decode(column: "starts_at", as: Int64.self), endsAt: try row.decode(column: "ends_at", as: Int64.self),
                  note: try row.decode(column: "note", as: String.self),
                  cancelled: try row.decode(column: "cancelled_at", as: Int64?.self) != nil)
    }

    static func insert(_ tx: Tx, regionId: Int64, regionPath: String, userId: Int64, startsAt: Int64, endsAt: Int64, note: String,
                       by: Int64?, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO duty_shifts (region_id, region_path, user_id, starts_at, ends_at, note, created_by, created_at)
            VALUES (\(bind: regionId), \(bind: regionPath), \(bind: userId), \(bind: startsAt), \(bind: endsAt), \(bind: note), \(bind: by),
                    \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func find(_ tx: Tx, id: Int64) async throws -> DutyShift? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM duty_shifts WHERE id = \(bind: id)").first().map(shift)
    }

    static func cancel(_ tx: Tx, id: Int64, now: Int64) async throws {
        try await tx.sql.raw("UPDATE duty_shifts SET cancelled_at = \(bind: now) WHERE id = \(bind: id) AND cancelled_at IS NULL").run()
    }

    /// Shifts of places in the subtree at `path` that end after `from` and start before `to`.
    static func shifts(_ tx: Tx, within path: String, from: Int64, to: Int64, limit: Int) async throws -> [DutyShift] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM duty_shifts WHERE \(tx.engine.pathWithin("region_path", path))
            AND ends_at > \(bind: from) AND starts_at < \(bind: to) AND cancelled_at IS NULL ORDER BY starts_at, id LIMIT \(bind: limit)
            """).all().map(shift)
    }

    /// Shifts covering `moment` at any of `paths` (a place and the places above it).
    static func covering(_ tx: Tx, paths: [String], moment: Int64) async throws -> [DutyShift] {
        guard !paths.isEmpty else { return [] }
        return try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM duty_shifts WHERE region_path IN (\(binds: paths))
            AND starts_at <= \(bind: moment) AND ends_at > \(bind: moment) AND cancelled_at IS NULL ORDER BY starts_at, id
            """).all().map(shift)
    }

    /// One person's shifts that end after `from` and start before `to`.
    static func shifts(_ tx: Tx, userId: Int64, from: Int64, to: Int64) async throws -> [DutyShift] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM duty_shifts WHERE user_id = \(bind: userId)
            AND ends_at > \(bind: from) AND starts_at < \(bind: to) AND cancelled_at IS NULL ORDER BY starts_at, id LIMIT 20
            """).all().map(shift)
    }

    static func phone(_ tx: Tx, regionId: Int64) async throws -> String? {
        try await tx.sql.raw("SELECT phone FROM duty_phones WHERE region_id = \(bind: regionId)").first()?.decode(column: "phone", as: String.self)
    }

    /// The phones of `paths`, by path.
    static func phones(_ tx: Tx, paths: [String]) async throws -> [String: String] {
        guard !paths.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("SELECT region_path, phone FROM duty_phones WHERE region_path IN (\(binds: paths))").all()
        return Dictionary(try rows.map { (try $0.decode(column: "region_path", as: String.self), try $0.decode(column: "phone", as: String.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    static func setPhone(_ tx: Tx, regionId: Int64, regionPath: String, phone: String?, now: Int64) async throws {
        try await tx.sql.raw("DELETE FROM duty_phones WHERE region_id = \(bind: regionId)").run()
        if let phone {
            try await tx.sql.raw("""
                INSERT INTO duty_phones (region_id, region_path, phone, updated_at) VALUES (\(bind: regionId), \(bind: regionPath), \(bind: phone), \(bind: now))
                """).run()
        }
    }
}

/// Region moves re-root the paths copied onto duty phones and shifts.
struct DutyPathsListener: SubtreeMoveListener {
    func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        try await tx.rebasePaths(table: "duty_phones", column: "region_path", from: oldPath, to: newPath)
        try await tx.rebasePaths(table: "duty_shifts", column: "region_path", from: oldPath, to: newPath)
    }
}
