import LinliKit
import SQLKit

/// SQL for the binding of accounts to registry residents (实名认证).
enum ResidentAccountStore {
    static func resident(_ tx: Tx, userId: Int64) async throws -> Int64? {
        try await tx.sql.raw("SELECT resident_id FROM resident_accounts WHERE user_id = \(bind: userId)").first()?
            .decode(column: "resident_id", as: Int64.self)
    }

    static func account(_ tx: Tx, residentId: Int64) async throws -> Int64? {
        try await tx.sql.raw("SELECT user_id FROM resident_accounts WHERE resident_id = \(bind: residentId)").first()?
            .decode(column: "user_id", as: Int64.self)
    }

    static func accounts(_ tx: Tx, residentIds: [Int64]) async throws -> [Int64: Int64] {
        guard !residentIds.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("SELECT user_id, resident_id FROM resident_accounts WHERE resident_id IN (\(binds: residentIds))").all()
        return Dictionary(try rows.map { (try $0.decode(column: "resident_id", as: Int64.self), try $0.decode(column: "user_id", as: Int64.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    static func link(_ tx: Tx, userId: Int64, residentId: Int64, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO resident_accounts (user_id, resident_id, linked_at) VALUES (\(bind: userId), \(bind: residentId), \(bind: now))
            """).run()
    }

    /// Residents by id, anywhere (for features that hold the ids already).
    static func residents(_ tx: Tx, ids: [Int64]) async throws -> [Resident] {
        guard !ids.isEmpty else { return [] }
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: ResidentStore.columns) FROM residents r WHERE r.id IN (\(binds: ids))").all()
        return try await ResidentStore.residents(tx, rows: rows)
    }

    /// The resident with this ID number's blind index at or below `path`.
    static func resident(_ tx: Tx, idIndex: String, within path: String) async throws -> Resident? {
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: ResidentStore.columns) FROM residents r WHERE r.id_index = \(bind: idIndex)
            AND \(tx.engine.pathWithin("r.region_path", path))
            """).all()
        return try await ResidentStore.residents(tx, rows: rows).first
    }
}
