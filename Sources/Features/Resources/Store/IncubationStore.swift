import Foundation
import LinliKit
import SQLKit

/// SQL for incubations and their record.
enum IncubationStore {
    static let columns = """
        i.id, i.organisation_id, o.name AS organisation_name, i.hub_name, i.region_path, i.stage, i.applied_at, i.check_due,
        i.agreement_from, i.agreement_to, i.space, i.support, i.exited_at, i.space_due
        """
    static let from = "FROM incubations i JOIN organisations o ON o.id = i.organisation_id"

    static func record(_ row: any SQLRow) throws -> IncubationRecord {
        let id = try row.decode(column: "id", as: Int64.self)
        return IncubationRecord(
            id: id, organisationId: try row.decode(column: "organisation_id", as: Int64.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self), hubName: try row.decode(column: "hub_name", as: String.self),
            regionPath: try row.decode(column: "region_path", as: String.self),
            stage: try row.decode(known: "stage", as: IncubationStage.self, row: "incubations#\(id)"),
            appliedAt: try row.decode(column: "applied_at", as: Int64.self), checkDue: try row.decode(column: "check_due", as: Int64.self),
            agreementFrom: try row.decode(column: "agreement_from", as: String?.self), agreementTo: try row.decode(column: "agreement_to", as: String?.self),
            space: try row.decode(column: "space", as: String.self), support: try row.decode(column: "support", as: String.self),
            exitedAt: try row.decode(column: "exited_at", as: Int64?.self), spaceDue: try row.decode(column: "space_due", as: Int64?.self))
    }

    static func insert(_ tx: Tx, organisationId: Int64, hubName: String, regionPath: String, checkDue: Int64, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO incubations (organisation_id, hub_name, region_path, stage, applied_at, check_due, space, support, updated_at)
            VALUES (\(bind: organisationId), \(bind: hubName), \(bind: regionPath), \(bind: IncubationStage.applied.rawValue), \(bind: now),
              \(bind: checkDue), '', '', \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func find(_ tx: Tx, id: Int64, lock: Bool = false) async throws -> IncubationRecord? {
        // Only the incubation's row is locked; the organisation's is only read.
        if lock { _ = try await tx.sql.raw("SELECT id FROM incubations WHERE id = \(bind: id)\(unsafeRaw: tx.engine.rowLock)").first() }
        return try await tx.sql.raw("SELECT \(unsafeRaw: columns) \(unsafeRaw: from) WHERE i.id = \(bind: id)").first().map(record)
    }

    /// The organisation's incubation still under way (not ended), if any.
    static func current(_ tx: Tx, organisationId: Int64) async throws -> IncubationRecord? {
        let ended = [IncubationStage.rejected, .graduated, .withdrawn].map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) \(unsafeRaw: from) WHERE i.organisation_id = \(bind: organisationId)
              AND i.stage NOT IN (\(unsafeRaw: ended)) ORDER BY i.id DESC LIMIT 1
            """).first().map(record)
    }

    static func latest(_ tx: Tx, organisationId: Int64) async throws -> IncubationRecord? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) \(unsafeRaw: from) WHERE i.organisation_id = \(bind: organisationId) ORDER BY i.id DESC LIMIT 1")
            .first().map(record)
    }

    static func within(_ tx: Tx, path: String, limit: Int) async throws -> [IncubationRecord] {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) \(unsafeRaw: from) WHERE " + tx.engine.pathWithin("i.region_path", path)
                             + " ORDER BY i.applied_at DESC, i.id DESC LIMIT \(bind: limit)").all().map(record)
    }

    static func update(_ tx: Tx, id: Int64, _ values: [ColumnValue], now: Int64) async throws {
        try await tx.sql.raw("UPDATE incubations SET " + .assignments(values + [("updated_at", now)]) + " WHERE id = \(bind: id)").run()
    }

    static func appendEvent(_ tx: Tx, incubationId: Int64, kind: String, stage: IncubationStage, text: String, by: String, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO incubation_events (incubation_id, kind, stage, text, by_name, at)
            VALUES (\(bind: incubationId), \(bind: kind), \(bind: stage.rawValue), \(bind: text), \(bind: by), \(bind: now))
            """).run()
    }

    static func events(_ tx: Tx, incubationId: Int64) async throws -> [IncubationEvent] {
        try await tx.sql.raw("SELECT kind, stage, text, by_name, at FROM incubation_events WHERE incubation_id = \(bind: incubationId) ORDER BY id")
            .all().map { row in
                IncubationEvent(kind: try row.decode(column: "kind", as: String.self),
                                stage: try row.decode(known: "stage", as: IncubationStage.self, row: "incubation_events"),
                                text: try row.decode(column: "text", as: String.self), by: try row.decode(column: "by_name", as: String.self),
                                at: try row.decode(column: "at", as: Int64.self))
            }
    }
}
