import LinliKit
import SQLKit

/// SQL for the journal: inserts and reads only (the database refuses anything else).
enum TransferStore {
    static let columns = """
        t.id, t.kind, t.purpose, t.debit_account_id, t.credit_account_id, t.amount, t.debit_after, t.credit_after, t.pending_id,
        t.reverses_id, t.idempotency_key, t.rules_id, t.memo, t.source, t.timeout_at, t.actor_name, t.created_at
        """

    static func transfer(_ row: any SQLRow) throws -> PointTransfer {
        let id = try row.decode(column: "id", as: Int64.self)
        let name = "point_transfers#\(id)"
        return PointTransfer(
            id: id, kind: try row.decode(known: "kind", as: EntryKind.self, row: name),
            purpose: try row.decode(known: "purpose", as: Purpose.self, row: name),
            debitAccountId: try row.decode(column: "debit_account_id", as: Int64.self),
            creditAccountId: try row.decode(column: "credit_account_id", as: Int64.self),
            amount: Points(hundredths: try row.decode(column: "amount", as: Int64.self)),
            debitAfter: Points(hundredths: try row.decode(column: "debit_after", as: Int64.self)),
            creditAfter: Points(hundredths: try row.decode(column: "credit_after", as: Int64.self)),
            pendingId: try row.decode(column: "pending_id", as: Int64?.self), reversesId: try row.decode(column: "reverses_id", as: Int64?.self),
            idempotencyKey: try row.decode(column: "idempotency_key", as: String?.self), rulesId: try row.decode(column: "rules_id", as: Int64?.self),
            memo: try row.decode(column: "memo", as: String.self), source: try row.decode(column: "source", as: String?.self),
            timeoutAt: try row.decode(column: "timeout_at", as: Int64?.self), actorName: try row.decode(column: "actor_name", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    struct Entry: Sendable {
        var kind: EntryKind
        var purpose: Purpose
        var debit: Int64
        var credit: Int64
        var amount: Points
        var debitAfter: Points = .zero
        var creditAfter: Points = .zero
        var pendingId: Int64? = nil
        var reversesId: Int64? = nil
        var key: String? = nil
        var rulesId: Int64? = nil
        var memo: String
        var source: String? = nil
        var timeoutAt: Int64? = nil
    }

    static func insert(_ tx: Tx, _ e: Entry, actor: Actor, now: Int64) async throws -> PointTransfer {
        try transfer(try await tx.sql.raw("""
            INSERT INTO point_transfers (kind, purpose, debit_account_id, credit_account_id, amount, debit_after, credit_after, pending_id,
              reverses_id, idempotency_key, rules_id, memo, source, timeout_at, actor_id, actor_name, created_at)
            VALUES (\(bind: e.kind.rawValue), \(bind: e.purpose.rawValue), \(bind: e.debit), \(bind: e.credit), \(bind: e.amount.hundredths),
              \(bind: e.debitAfter.hundredths), \(bind: e.creditAfter.hundredths), \(bind: e.pendingId), \(bind: e.reversesId), \(bind: e.key),
              \(bind: e.rulesId), \(bind: e.memo), \(bind: e.source), \(bind: e.timeoutAt), \(bind: actor.userId), \(bind: actor.displayName),
              \(bind: now))
            RETURNING \(unsafeRaw: columns.replacingOccurrences(of: "t.", with: ""))
            """).first()!)
    }

    static func find(_ tx: Tx, id: Int64) async throws -> PointTransfer? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM point_transfers t WHERE t.id = \(bind: id)").first().map(transfer)
    }

    static func find(_ tx: Tx, key: String) async throws -> PointTransfer? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM point_transfers t WHERE t.idempotency_key = \(bind: key)").first().map(transfer)
    }

    /// The entry that resolved a pending transfer, if any.
    static func resolution(_ tx: Tx, of pendingId: Int64) async throws -> PointTransfer? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM point_transfers t WHERE t.pending_id = \(bind: pendingId)").first().map(transfer)
    }

    /// The reversal of a posted transfer, if any.
    static func reversal(_ tx: Tx, of id: Int64) async throws -> PointTransfer? {
        try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM point_transfers t WHERE t.reverses_id = \(bind: id)").first().map(transfer)
    }

    /// Awards credited to the account in `from ..< to`, less those reversed since.
    static func awarded(_ tx: Tx, accountId: Int64, from: Int64, to: Int64) async throws -> Points {
        let awards = Purpose.allCases.filter(\.isAward).map(\.rawValue)
        let row = try await tx.sql.raw("""
            SELECT CAST(COALESCE(SUM(t.amount - COALESCE(r.amount, 0)), 0) AS BIGINT) AS n FROM point_transfers t
            LEFT JOIN point_transfers r ON r.reverses_id = t.id
            WHERE t.credit_account_id = \(bind: accountId) AND t.purpose IN (\(binds: awards))
            AND t.created_at >= \(bind: from) AND t.created_at < \(bind: to)
            """).first()
        return Points(hundredths: try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// The account's entries, newest first, before entry `before` (paging).
    static func statement(_ tx: Tx, accountId: Int64, before: Int64?, limit: Int) async throws -> [PointTransfer] {
        let below = before ?? Int64.max
        return try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM (
              SELECT * FROM (SELECT * FROM point_transfers WHERE debit_account_id = \(bind: accountId) AND id < \(bind: below)
                             ORDER BY id DESC LIMIT \(bind: limit)) d
              UNION ALL
              SELECT * FROM (SELECT * FROM point_transfers WHERE credit_account_id = \(bind: accountId) AND id < \(bind: below)
                             ORDER BY id DESC LIMIT \(bind: limit)) c) t
            ORDER BY t.id DESC LIMIT \(bind: limit)
            """).all().map(transfer)
    }

    /// The account's posted balance after its last entry before `at` (its balance as of then).
    static func balance(_ tx: Tx, accountId: Int64, before at: Int64) async throws -> Points {
        let row = try await tx.sql.raw("""
            SELECT id, debit_account_id, debit_after, credit_after FROM (
              SELECT * FROM (SELECT id, debit_account_id, debit_after, credit_after FROM point_transfers
                             WHERE debit_account_id = \(bind: accountId) AND created_at < \(bind: at) ORDER BY id DESC LIMIT 1) d
              UNION ALL
              SELECT * FROM (SELECT id, debit_account_id, debit_after, credit_after FROM point_transfers
                             WHERE credit_account_id = \(bind: accountId) AND created_at < \(bind: at) ORDER BY id DESC LIMIT 1) c) t
            ORDER BY id DESC LIMIT 1
            """).first()
        guard let row else { return .zero }
        let debit = try row.decode(column: "debit_account_id", as: Int64.self) == accountId
        return Points(hundredths: try row.decode(column: debit ? "debit_after" : "credit_after", as: Int64.self))
    }
}
