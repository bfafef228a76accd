import LinliKit
import SQLKit

/// SQL for accounts and their four sums.
enum AccountStore {
    static let columns = """
        a.id, a.kind, a.owner, a.owner_id, a.name, a.region_id, a.region_path, a.community_id, a.debits_pending, a.debits_posted,
        a.credits_pending, a.credits_posted, a.created_at
        """

    static func account(_ row: any SQLRow) throws -> PointAccount {
        let id = try row.decode(column: "id", as: Int64.self)
        return PointAccount(
            id: id, kind: try row.decode(known: "kind", as: AccountKind.self, row: "point_accounts#\(id)"),
            owner: try row.decode(column: "owner", as: String.self), ownerId: try row.decode(column: "owner_id", as: Int64?.self),
            name: try row.decode(column: "name", as: String.self), regionId: try row.decode(column: "region_id", as: Int64.self),
            regionPath: try row.decode(column: "region_path", as: String.self), communityId: try row.decode(column: "community_id", as: Int64.self),
            balance: AccountBalance(debitsPending: try row.decode(column: "debits_pending", as: Int64.self),
                                    debitsPosted: try row.decode(column: "debits_posted", as: Int64.self),
                                    creditsPending: try row.decode(column: "credits_pending", as: Int64.self),
                                    creditsPosted: try row.decode(column: "credits_posted", as: Int64.self)),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    static func find(_ tx: Tx, id: Int64) async throws -> PointAccount? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM point_accounts a WHERE a.id = \(bind: id)").first().map(account)
    }

    static func find(_ tx: Tx, owner: String) async throws -> PointAccount? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM point_accounts a WHERE a.owner = \(bind: owner)").first().map(account)
    }

    static func find(_ tx: Tx, ids: [Int64]) async throws -> [Int64: PointAccount] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM point_accounts a WHERE a.id IN (\(binds: Array(Set(ids))))").all()
        return Dictionary(uniqueKeysWithValues: try rows.map(account).map { ($0.id, $0) })
    }

    /// The accounts locked until the transaction ends, in one order everywhere — a community's
    /// system accounts first, then people's, each by id — so that no two transactions wait on
    /// each other crosswise, even one that awards several people (it locks them all in one go).
    static func lock(_ tx: Tx, ids: [Int64]) async throws -> [Int64: PointAccount] {
        let sorted = Array(Set(ids)).sorted()
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM point_accounts a WHERE a.id IN (\(binds: sorted))
            ORDER BY CASE WHEN a.kind IN ('issuance', 'shop', 'expired', 'adjustment') THEN 0 ELSE 1 END, a.id\(unsafeRaw: tx.engine.rowLock)
            """).all()
        return Dictionary(uniqueKeysWithValues: try rows.map(account).map { ($0.id, $0) })
    }

    struct Opening: Sendable {
        let kind: AccountKind, owner: String, ownerId: Int64?, name: String, regionId: Int64, regionPath: String, communityId: Int64
    }

    /// Opens the account unless it exists (two first awards at once open one).
    static func open(_ tx: Tx, _ opening: Opening, now: Int64) async throws -> PointAccount {
        try await tx.sql.raw("""
            INSERT INTO point_accounts (kind, owner, owner_id, name, region_id, region_path, community_id, debits_pending, debits_posted,
              credits_pending, credits_posted, created_at)
            VALUES (\(bind: opening.kind.rawValue), \(bind: opening.owner), \(bind: opening.ownerId), \(bind: opening.name),
              \(bind: opening.regionId), \(bind: opening.regionPath), \(bind: opening.communityId), 0, 0, 0, 0, \(bind: now))
            ON CONFLICT (owner) DO NOTHING
            """).run()
        guard let account = try await find(tx, owner: opening.owner) else { throw DomainError.notFound("积分账户") }
        return account
    }

    static func setBalance(_ tx: Tx, id: Int64, _ balance: AccountBalance) async throws {
        try await tx.sql.raw("""
            UPDATE point_accounts SET debits_pending = \(bind: balance.debitsPending), debits_posted = \(bind: balance.debitsPosted),
              credits_pending = \(bind: balance.creditsPending), credits_posted = \(bind: balance.creditsPosted)
            WHERE id = \(bind: id)
            """).run()
    }

    /// Accounts in scope, largest balance first.
    static func list(_ tx: Tx, within path: String, kind: AccountKind?, limit: Int, offset: Int) async throws -> [PointAccount] {
        var filter: SQLQueryString = "\(tx.engine.pathWithin("a.region_path", path))"
        if let kind { filter += " AND a.kind = \(bind: kind.rawValue)" }
        return try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM point_accounts a WHERE \(filter)
            ORDER BY a.credits_posted - a.debits_posted DESC, a.id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(account)
    }
}
