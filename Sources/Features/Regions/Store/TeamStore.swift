import LinliKit
import SQLKit

/// Grid teams (1+1+X) and thematic grids with their teams.
enum TeamStore {
    static func members(_ tx: Tx, gridId: Int64) async throws -> [(userId: Int64, duty: GridDuty)] {
        try await tx.sql.raw("SELECT user_id, duty FROM grid_team_members WHERE region_id = \(bind: gridId) ORDER BY \(unsafeRaw: dutyOrder), assigned_at, user_id").all().map {
            (try $0.decode(column: "user_id", as: Int64.self), try $0.decode(known: "duty", as: GridDuty.self, row: "team of \(gridId)"))
        }
    }

    /// Leader first, then the full-time worker, then part-timers.
    static let dutyOrder = "CASE duty WHEN 'leader' THEN 0 WHEN 'full_time' THEN 1 ELSE 2 END"

    static func upsertMember(_ tx: Tx, gridId: Int64, userId: Int64, duty: GridDuty, now: Int64) async throws {
        try await tx.sql.raw("DELETE FROM grid_team_members WHERE region_id = \(bind: gridId) AND user_id = \(bind: userId)").run()
        try await tx.sql.raw("""
            INSERT INTO grid_team_members (region_id, user_id, duty, assigned_at) VALUES (\(bind: gridId), \(bind: userId), \(bind: duty.rawValue), \(bind: now))
            """).run()
    }

    static func removeMember(_ tx: Tx, gridId: Int64, userId: Int64) async throws {
        try await tx.sql.raw("DELETE FROM grid_team_members WHERE region_id = \(bind: gridId) AND user_id = \(bind: userId)").run()
    }

    static let thematicColumns = "t.id, t.region_id, r.name AS region_name, t.name, t.colour, t.tags, t.description, t.retired_at"

    static func thematic(_ row: any SQLRow) throws -> ThematicGrid {
        let tags = try row.decode(column: "tags", as: String.self)
        return ThematicGrid(id: try row.decode(column: "id", as: Int64.self),
                            regionId: try row.decode(column: "region_id", as: Int64.self),
                            regionName: try row.decode(column: "region_name", as: String.self),
                            name: try row.decode(column: "name", as: String.self),
                            colour: try row.decode(column: "colour", as: String.self),
                            tags: tags.split(separator: "、").map(String.init),
                            description: try row.decode(column: "description", as: String?.self),
                            retired: try row.decode(column: "retired_at", as: Int64?.self) != nil)
    }

    static func thematicGrids(_ tx: Tx, within scope: Scope) async throws -> [ThematicGrid] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: thematicColumns) FROM thematic_grids t JOIN regions r ON r.id = t.region_id
            WHERE \(tx.engine.pathWithin("r.path", scope.path)) AND t.retired_at IS NULL ORDER BY r.code, t.id
            """).all().map(thematic)
    }

    static func thematicGrid(_ tx: Tx, id: Int64, within scope: Scope) async throws -> ThematicGrid? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: thematicColumns) FROM thematic_grids t JOIN regions r ON r.id = t.region_id
            WHERE t.id = \(bind: id) AND \(tx.engine.pathWithin("r.path", scope.path))
            """).first().map(thematic)
    }

    static func insertThematic(_ tx: Tx, regionId: Int64, name: String, colour: String, tags: [String], description: String?, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO thematic_grids (region_id, name, colour, tags, description, created_at)
            VALUES (\(bind: regionId), \(bind: name), \(bind: colour), \(bind: tags.joined(separator: "、")), \(bind: description), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func retireThematic(_ tx: Tx, id: Int64, now: Int64) async throws {
        try await tx.sql.raw("UPDATE thematic_grids SET retired_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    /// Serialises team changes of one thematic grid on PostgreSQL (SQLite has one writer).
    static func lockThematic(_ tx: Tx, id: Int64) async throws {
        guard tx.engine == .postgres else { return }
        try await tx.sql.raw("SELECT id FROM thematic_grids WHERE id = \(bind: id) FOR UPDATE").run()
    }

    static func thematicMembers(_ tx: Tx, id: Int64) async throws -> [(userId: Int64, duty: GridDuty)] {
        try await tx.sql.raw("SELECT user_id, duty FROM thematic_grid_members WHERE thematic_grid_id = \(bind: id) ORDER BY \(unsafeRaw: dutyOrder), assigned_at, user_id").all().map {
            (try $0.decode(column: "user_id", as: Int64.self), try $0.decode(known: "duty", as: GridDuty.self, row: "thematic team of \(id)"))
        }
    }

    static func upsertThematicMember(_ tx: Tx, id: Int64, userId: Int64, duty: GridDuty, now: Int64) async throws {
        try await tx.sql.raw("DELETE FROM thematic_grid_members WHERE thematic_grid_id = \(bind: id) AND user_id = \(bind: userId)").run()
        try await tx.sql.raw("""
            INSERT INTO thematic_grid_members (thematic_grid_id, user_id, duty, assigned_at) VALUES (\(bind: id), \(bind: userId), \(bind: duty.rawValue), \(bind: now))
            """).run()
    }

    static func removeThematicMember(_ tx: Tx, id: Int64, userId: Int64) async throws {
        try await tx.sql.raw("DELETE FROM thematic_grid_members WHERE thematic_grid_id = \(bind: id) AND user_id = \(bind: userId)").run()
    }
}
