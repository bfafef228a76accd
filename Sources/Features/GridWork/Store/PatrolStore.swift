import Foundation
import LinliKit
import SQLKit

enum PatrolStore {
    static let columns = """
        p.id, p.grid_id, p.grid_name, p.region_path, p.patroller_id, p.patroller_name, p.started_at, p.ended_at, p.notes
        """

    static func records(_ tx: Tx, _ rows: [any SQLRow]) async throws -> [PatrolRecord] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        var checkIns: [Int64: [PatrolCheckIn]] = [:], problems: [Int64: [PatrolProblem]] = [:]
        do {
            for row in try await chunked(ids, { chunk in try await tx.sql.raw("""
                SELECT patrol_id, building_id, building_name, at, way FROM patrol_check_ins WHERE patrol_id IN (\(binds: chunk)) ORDER BY at, building_id
                """).all() }) {
                let id = try row.decode(column: "patrol_id", as: Int64.self)
                checkIns[id, default: []].append(PatrolCheckIn(
                    buildingId: try row.decode(column: "building_id", as: Int64.self), buildingName: try row.decode(column: "building_name", as: String.self),
                    at: Date(millis: try row.decode(column: "at", as: Int64.self)),
                    way: try row.decode(known: "way", as: CheckInWay.self, row: "patrol_check_ins of \(id)")))
            }
            for row in try await chunked(ids, { chunk in try await tx.sql.raw("""
                SELECT id, patrol_id, description, building_id, outcome, handled_note, request_id, at FROM patrol_problems
                WHERE patrol_id IN (\(binds: chunk)) ORDER BY id
                """).all() }) {
                let id = try row.decode(column: "id", as: Int64.self)
                problems[try row.decode(column: "patrol_id", as: Int64.self), default: []].append(PatrolProblem(
                    id: id, description: try row.decode(column: "description", as: String.self),
                    buildingId: try row.decode(column: "building_id", as: Int64?.self),
                    outcome: try row.decode(known: "outcome", as: ProblemOutcome.self, row: "patrol_problems#\(id)"),
                    handledNote: try row.decode(column: "handled_note", as: String?.self),
                    requestId: try row.decode(column: "request_id", as: Int64?.self), at: Date(millis: try row.decode(column: "at", as: Int64.self))))
            }
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return PatrolRecord(
                id: id, gridId: try row.decode(column: "grid_id", as: Int64.self), gridName: try row.decode(column: "grid_name", as: String.self),
                regionPath: try row.decode(column: "region_path", as: String.self), patrollerId: try row.decode(column: "patroller_id", as: Int64?.self),
                patrollerName: try row.decode(column: "patroller_name", as: String.self),
                startedAt: Date(millis: try row.decode(column: "started_at", as: Int64.self)),
                endedAt: try row.decode(column: "ended_at", as: Int64?.self).map(Date.init(millis:)), notes: try row.decode(column: "notes", as: String?.self),
                checkIns: checkIns[id] ?? [], problems: problems[id] ?? [])
        }
    }

    static func find(_ tx: Tx, id: Int64, within path: String) async throws -> PatrolRecord? {
        try await records(tx, try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM patrols p WHERE p.id = \(bind: id) AND \(tx.engine.pathWithin("p.region_path", path))
            """).all()).first
    }

    static func find(_ tx: Tx, idempotencyKey key: String) async throws -> PatrolRecord? {
        try await records(tx, try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM patrols p WHERE p.idempotency_key = \(bind: key)").all()).first
    }

    /// The patroller's patrol still open, if any.
    static func open(_ tx: Tx, patrollerId: Int64) async throws -> PatrolRecord? {
        try await records(tx, try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM patrols p WHERE p.patroller_id = \(bind: patrollerId) AND p.ended_at IS NULL ORDER BY p.id DESC LIMIT 1
            """).all()).first
    }

    static func patrols(_ tx: Tx, within path: String, from: Date, to: Date, limit: Int) async throws -> [PatrolRecord] {
        try await records(tx, try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM patrols p WHERE \(tx.engine.pathWithin("p.region_path", path))
            AND p.started_at >= \(bind: from.millis) AND p.started_at < \(bind: to.millis) ORDER BY p.started_at DESC, p.id DESC LIMIT \(bind: limit)
            """).all())
    }

    /// A patrol begun at `now`; one recorded afterwards (补录) comes ended, so it never counts as open.
    static func insert(_ tx: Tx, key: String?, grid: (id: Int64, name: String, path: String), actor: Actor, now: Int64,
                       endedAt: Int64? = nil, notes: String? = nil) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO patrols (idempotency_key, grid_id, grid_name, region_path, patroller_id, patroller_name, started_at, ended_at, notes,
              created_at)
            VALUES (\(bind: key), \(bind: grid.id), \(bind: grid.name), \(bind: grid.path), \(bind: actor.userId), \(bind: actor.displayName),
              \(bind: now), \(bind: endedAt), \(bind: notes), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func checkIn(_ tx: Tx, patrolId: Int64, building: (id: Int64, name: String), way: CheckInWay, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO patrol_check_ins (patrol_id, building_id, building_name, at, way)
            VALUES (\(bind: patrolId), \(bind: building.id), \(bind: building.name), \(bind: now), \(bind: way.rawValue))
            ON CONFLICT (patrol_id, building_id) DO NOTHING
            """).run()
    }

    static func insertProblem(_ tx: Tx, key: String?, patrolId: Int64, description: String, buildingId: Int64?, outcome: ProblemOutcome,
                              handledNote: String?, requestId: Int64?, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO patrol_problems (idempotency_key, patrol_id, description, building_id, outcome, handled_note, request_id, at)
            VALUES (\(bind: key), \(bind: patrolId), \(bind: description), \(bind: buildingId), \(bind: outcome.rawValue), \(bind: handledNote),
              \(bind: requestId), \(bind: now))
            """).run()
    }

    static func problemExists(_ tx: Tx, key: String) async throws -> Bool {
        try await tx.sql.raw("SELECT 1 AS x FROM patrol_problems WHERE idempotency_key = \(bind: key)").first() != nil
    }

    static func end(_ tx: Tx, id: Int64, at: Int64, notes: String?) async throws {
        try await tx.sql.raw("UPDATE patrols SET ended_at = \(bind: at), notes = \(bind: notes) WHERE id = \(bind: id) AND ended_at IS NULL").run()
    }

    /// Patrols of the grid ended in [from, to).
    static func endedCount(_ tx: Tx, gridPath: String, from: Date, to: Date) async throws -> Int {
        try await tx.sql.raw("""
            SELECT COUNT(*) AS n FROM patrols WHERE region_path = \(bind: gridPath) AND ended_at >= \(bind: from.millis) AND ended_at < \(bind: to.millis)
            """).first()!.decode(column: "n", as: Int.self)
    }

    /// Each building's last pass by any patrol.
    static func lastPassed(_ tx: Tx, buildingIds: [Int64]) async throws -> [Int64: Date] {
        guard !buildingIds.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("""
            SELECT building_id, MAX(at) AS last FROM patrol_check_ins WHERE building_id IN (\(binds: buildingIds)) GROUP BY building_id
            """).all()
        return Dictionary(try rows.map { (try $0.decode(column: "building_id", as: Int64.self), Date(millis: try $0.decode(column: "last", as: Int64.self))) }) { a, _ in a }
    }

    static func plates(_ tx: Tx, buildingIds: [Int64]) async throws -> [Int64: String] {
        guard !buildingIds.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("SELECT building_id, code FROM patrol_plates WHERE building_id IN (\(binds: buildingIds))").all()
        return Dictionary(try rows.map { (try $0.decode(column: "building_id", as: Int64.self), try $0.decode(column: "code", as: String.self)) }) { a, _ in a }
    }

    static func insertPlate(_ tx: Tx, buildingId: Int64, code: String, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO patrol_plates (building_id, code, created_at) VALUES (\(bind: buildingId), \(bind: code), \(bind: now))
            ON CONFLICT (building_id) DO NOTHING
            """).run()
    }

    static func building(plate code: String, _ tx: Tx) async throws -> Int64? {
        try await tx.sql.raw("SELECT building_id FROM patrol_plates WHERE code = \(bind: code)").first()?.decode(column: "building_id", as: Int64.self)
    }
}
