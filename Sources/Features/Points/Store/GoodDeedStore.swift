import LinliKit
import SQLKit

/// SQL for good deeds and their review.
enum GoodDeedStore {
    static let columns = """
        g.id, g.resident_id, g.name, g.region_path, g.title, g.description, g.happened_on, g.evidence, g.state, g.asked_at,
        g.decided_by_name, g.decided_at, g.note, g.granted
        """

    static func deed(_ row: any SQLRow) throws -> GoodDeed {
        let id = try row.decode(column: "id", as: Int64.self)
        return GoodDeed(
            id: id, residentId: try row.decode(column: "resident_id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            regionPath: try row.decode(column: "region_path", as: String.self), title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self), happenedOn: try row.decode(column: "happened_on", as: String.self),
            evidence: try row.decode(column: "evidence", as: String.self),
            state: try row.decode(known: "state", as: GoodDeed.State.self, row: "good_deeds#\(id)"),
            askedAt: try row.decode(column: "asked_at", as: Int64.self), decidedBy: try row.decode(column: "decided_by_name", as: String?.self),
            decidedAt: try row.decode(column: "decided_at", as: Int64?.self), note: try row.decode(column: "note", as: String?.self),
            granted: try row.decode(column: "granted", as: Int64?.self).map(Points.init(hundredths:)))
    }

    static func insert(_ tx: Tx, residentId: Int64, name: String, regionPath: String, title: String, description: String, day: String,
                       evidence: String, askedBy: Int64?, now: Int64) async throws -> GoodDeed {
        try deed(try await tx.sql.raw("""
            INSERT INTO good_deeds (resident_id, name, region_path, title, description, happened_on, evidence, state, asked_by, asked_at)
            VALUES (\(bind: residentId), \(bind: name), \(bind: regionPath), \(bind: title), \(bind: description), \(bind: day), \(bind: evidence),
              'submitted', \(bind: askedBy), \(bind: now))
            RETURNING \(unsafeRaw: columns.replacingOccurrences(of: "g.", with: ""))
            """).first()!)
    }

    static func find(_ tx: Tx, id: Int64, lock: Bool = false) async throws -> GoodDeed? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM good_deeds g WHERE g.id = \(bind: id)\(unsafeRaw: lock ? tx.engine.rowLock : "")")
            .first().map(deed)
    }

    static func decide(_ tx: Tx, id: Int64, state: GoodDeed.State, note: String?, granted: Points?, transferId: Int64?, actor: Actor,
                       now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE good_deeds SET state = \(bind: state.rawValue), note = \(bind: note), granted = \(bind: granted?.hundredths),
              transfer_id = \(bind: transferId), decided_by = \(bind: actor.userId), decided_by_name = \(bind: actor.displayName),
              decided_at = \(bind: now)
            WHERE id = \(bind: id) AND state = 'submitted'
            """).run()
    }

    /// Deeds waiting for review in the area, oldest first.
    static func submitted(_ tx: Tx, within path: String, limit: Int) async throws -> [GoodDeed] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM good_deeds g WHERE \(tx.engine.pathWithin("g.region_path", path)) AND g.state = 'submitted'
            ORDER BY g.asked_at LIMIT \(bind: limit)
            """).all().map(deed)
    }

    static func mine(_ tx: Tx, residentId: Int64, limit: Int) async throws -> [GoodDeed] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM good_deeds g WHERE g.resident_id = \(bind: residentId) ORDER BY g.id DESC LIMIT \(bind: limit)
            """).all().map(deed)
    }
}
