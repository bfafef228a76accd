import Foundation
import LinliKit
import SQLKit

/// 对账 — anyone with the database can check the ledger: every balance recomputed from the
/// journal, Σ = 0, every resolution, reversal and award key, nobody below zero, and every
/// item's stock against its movements and redemptions.
public struct LedgerFinding: Sendable, Equatable {
    public let entries: Int
    public let accounts: Int
    public let items: Int
    /// The first mismatch, naming the row; nil when everything agrees.
    public let mismatch: String?

    public var message: String {
        if let mismatch { return "积分总账不一致：\(mismatch)" }
        return "积分总账一致：\(entries) 条流水、\(accounts) 个账户、\(items) 件兑换物品，各账户余额与流水相符，总和为零。"
    }
}

extension PointsService {
    /// The check, reading the journal in id order in batches (memory grows with the number of
    /// accounts and open holds, not with the journal).
    public func verify(batch: Int = 10_000) async throws -> LedgerFinding {
        try await Self.verify(database, batch: batch)
    }

    public static func verify(_ database: Database, batch: Int = 10_000) async throws -> LedgerFinding {
        // One snapshot throughout: a transfer committed mid-check would otherwise show as a mismatch.
        try await database.snapshot { tx in try await verify(tx, batch: batch) }
    }

    static func verify(_ tx: Tx, batch: Int) async throws -> LedgerFinding {
        let accounts = try await tx.sql.raw("SELECT \(unsafeRaw: AccountStore.columns) FROM point_accounts a ORDER BY a.id").all()
            .map(AccountStore.account)
        var replay = LedgerReplay(guarded: Set(accounts.filter { !$0.kind.mayGoNegative }.map(\.id)))
        var after: Int64 = 0
        while true {
            let rows = try await tx.sql.raw("""
                SELECT \(unsafeRaw: TransferStore.columns) FROM point_transfers t WHERE t.id > \(bind: after) ORDER BY t.id LIMIT \(bind: batch)
                """).all().map(TransferStore.transfer)
            for entry in rows {
                if let mismatch = replay.apply(entry) {
                    return LedgerFinding(entries: replay.entries, accounts: 0, items: 0, mismatch: mismatch)
                }
            }
            guard let last = rows.last, rows.count == batch else { break }
            after = last.id
        }
        if let mismatch = try await reversals(tx, batch: batch) {
            return LedgerFinding(entries: replay.entries, accounts: accounts.count, items: 0, mismatch: mismatch)
        }
        if let mismatch = replay.compare(accounts) {
            return LedgerFinding(entries: replay.entries, accounts: accounts.count, items: 0, mismatch: mismatch)
        }
        let items = try await tx.sql.raw("""
            SELECT i.id, i.name, i.stock, i.held, i.redeemed,
              (SELECT CAST(COALESCE(SUM(m.delta), 0) AS BIGINT) FROM shop_stock_moves m WHERE m.item_id = i.id) AS came,
              (SELECT COUNT(*) FROM shop_redemptions r WHERE r.item_id = i.id AND r.state = 'held') AS holds,
              (SELECT COUNT(*) FROM shop_redemptions r WHERE r.item_id = i.id AND r.state = 'picked_up') AS picked
            FROM shop_items i ORDER BY i.id
            """).all()
        for row in items {
            let id = try row.decode(column: "id", as: Int64.self), name = try row.decode(column: "name", as: String.self)
            let stock = try row.decode(column: "stock", as: Int64.self), held = try row.decode(column: "held", as: Int64.self)
            let redeemed = try row.decode(column: "redeemed", as: Int64.self), came = try row.decode(column: "came", as: Int64.self)
            let holds = try row.decode(column: "holds", as: Int64.self), picked = try row.decode(column: "picked", as: Int64.self)
            let problem: String? = if stock < 0 { "库存为负 \(stock)" }
                else if held != holds { "待领取 \(held) 件，兑换记录有 \(holds) 件" }
                else if redeemed != picked { "已领取 \(redeemed) 件，兑换记录有 \(picked) 件" }
                else if stock + held + redeemed != came { "架上 \(stock) + 待领取 \(held) + 已领取 \(redeemed) ≠ 入库合计 \(came)" }
                else { nil }
            if let problem { return LedgerFinding(entries: replay.entries, accounts: accounts.count, items: items.count,
                                                  mismatch: "shop_items#\(id)「\(name)」\(problem)") }
        }
        let holds = try await tx.sql.raw("SELECT id, transfer_id, state FROM shop_redemptions ORDER BY id").all()
        for row in holds {
            let id = try row.decode(column: "id", as: Int64.self), transfer = try row.decode(column: "transfer_id", as: Int64.self)
            let state = try row.decode(known: "state", as: RedemptionState.self, row: "shop_redemptions#\(id)")
            let ledger = replay.state(ofPending: transfer)
            if ledger != state.ledgerState {
                return LedgerFinding(entries: replay.entries, accounts: accounts.count, items: items.count,
                                     mismatch: "shop_redemptions#\(id) 为「\(state.label)」，其积分 point_transfers#\(transfer) 为「\(ledger?.label ?? "不存在")」")
            }
        }
        return LedgerFinding(entries: replay.entries, accounts: accounts.count, items: items.count, mismatch: nil)
    }
}

extension PointsService {
    /// Every reversal against what it reverses: posted before it, not itself a reversal, the
    /// same accounts the other way, no more than its amount (the database keeps one each).
    static func reversals(_ tx: Tx, batch: Int) async throws -> String? {
        var after: Int64 = 0
        while true {
            let rows = try await tx.sql.raw("""
                SELECT r.id, r.reverses_id, r.debit_account_id AS rd, r.credit_account_id AS rc, r.amount AS ra, o.id AS oid, o.kind AS ok,
                  o.purpose AS op, o.debit_account_id AS od, o.credit_account_id AS oc, o.amount AS oa
                FROM point_transfers r LEFT JOIN point_transfers o ON o.id = r.reverses_id
                WHERE r.reverses_id IS NOT NULL AND r.id > \(bind: after) ORDER BY r.id LIMIT \(bind: batch)
                """).all()
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self), target = try row.decode(column: "reverses_id", as: Int64.self)
                let name = "point_transfers#\(id)"
                guard try row.decode(column: "oid", as: Int64?.self) != nil, target < id,
                      let kind = EntryKind(rawValue: try row.decode(column: "ok", as: String.self)), kind.posts else {
                    return "\(name) 冲正的 point_transfers#\(target) 不是在它之前已入账的积分"
                }
                guard try row.decode(column: "op", as: String.self) != Purpose.reversal.rawValue else {
                    return "\(name) 冲正了一条冲正记录 point_transfers#\(target)"
                }
                guard try row.decode(column: "rd", as: Int64.self) == row.decode(column: "oc", as: Int64.self),
                      try row.decode(column: "rc", as: Int64.self) == row.decode(column: "od", as: Int64.self),
                      try row.decode(column: "ra", as: Int64.self) <= row.decode(column: "oa", as: Int64.self) else {
                    return "\(name) 与它冲正的 point_transfers#\(target) 方向或金额不符"
                }
            }
            guard let last = rows.last, rows.count == batch else { return nil }
            after = try last.decode(column: "id", as: Int64.self)
        }
    }
}

extension RedemptionState {
    var ledgerState: TransferState {
        switch self {
        case .held: .pending
        case .pickedUp: .posted
        case .cancelled: .voided
        case .expired: .expired
        }
    }
}

/// The journal replayed: each account's four sums and posted balance as the entries give them.
struct LedgerReplay {
    private struct Open { let debit: Int64, credit: Int64, amount: Int64 }

    private(set) var entries = 0
    private var sums: [Int64: AccountBalance] = [:]
    /// Pending transfers: open until resolved, then their state.
    private var pending: [Int64: Open] = [:]
    private var resolved: [Int64: TransferState] = [:]
    /// Accounts that may not go negative: checked after every entry.
    let guarded: Set<Int64>

    init(guarded: Set<Int64>) { self.guarded = guarded }

    func state(ofPending id: Int64) -> TransferState? { pending[id] != nil ? .pending : resolved[id] }

    /// Applies one entry; the mismatch it shows, if any.
    mutating func apply(_ e: PointTransfer) -> String? {
        entries += 1
        let row = "point_transfers#\(e.id)"
        guard e.amount > .zero, e.debitAccountId != e.creditAccountId else { return "\(row) 的金额或账户不合规则" }
        var debit = sums[e.debitAccountId, default: AccountBalance()], credit = sums[e.creditAccountId, default: AccountBalance()]
        let amount = e.amount.hundredths
        switch e.kind {
        case .posted:
            debit.debitsPosted += amount
            credit.creditsPosted += amount
        case .pending:
            debit.debitsPending += amount
            credit.creditsPending += amount
            pending[e.id] = Open(debit: e.debitAccountId, credit: e.creditAccountId, amount: amount)
        case .postPending, .voidPending, .expirePending:
            guard let id = e.pendingId else { return "\(row) 未指明它了结的待确认积分" }
            guard let open = pending.removeValue(forKey: id) else {
                return resolved[id] != nil ? "\(row) 再次了结已了结的 point_transfers#\(id)" : "\(row) 了结的 point_transfers#\(id) 不是在它之前的待确认积分"
            }
            guard open.debit == e.debitAccountId, open.credit == e.creditAccountId, open.amount == amount else {
                return "\(row) 的账户或金额与它了结的 point_transfers#\(id) 不同"
            }
            resolved[id] = e.kind.resolvedState
            debit.debitsPending -= amount
            credit.creditsPending -= amount
            if e.kind == .postPending {
                debit.debitsPosted += amount
                credit.creditsPosted += amount
            }
        }
        if e.kind != .postPending && e.kind != .voidPending && e.kind != .expirePending && e.pendingId != nil {
            return "\(row) 不是了结记录，却指向 point_transfers#\(e.pendingId!)"
        }
        guard (e.reversesId != nil) == (e.purpose == .reversal), e.reversesId == nil || e.kind == .posted else {
            return e.reversesId != nil ? "\(row) 指向被冲正的记录，但本身不是冲正" : "\(row) 是冲正，却没有指明冲正哪一条"
        }
        if e.purpose.isAward && e.idempotencyKey == nil {
            return "\(row) 是\(e.purpose.label)积分，却没有幂等键"
        }
        sums[e.debitAccountId] = debit
        sums[e.creditAccountId] = credit
        if guarded.contains(e.debitAccountId) && debit.available < .zero {
            return "\(row) 之后 point_accounts#\(e.debitAccountId) 的可用积分为负 \(debit.available)"
        }
        guard debit.posted == e.debitAfter, credit.posted == e.creditAfter else {
            return "\(row) 记下的余额（转出方 \(e.debitAfter)、转入方 \(e.creditAfter)）与流水累计（\(debit.posted)、\(credit.posted)）不符"
        }
        return nil
    }

    /// The stored accounts against the replay: the same four sums, nobody who may not go
    /// negative below zero, Σ posted = 0, Σ pending debits = Σ pending credits.
    func compare(_ accounts: [PointAccount]) -> String? {
        let known = Set(accounts.map(\.id))
        if let stray = sums.keys.sorted().first(where: { !known.contains($0) }) { return "流水中的账户 point_accounts#\(stray) 不存在" }
        var total: Int64 = 0, pendingDebits: Int64 = 0, pendingCredits: Int64 = 0
        for account in accounts {
            let replayed = sums[account.id] ?? AccountBalance()
            guard replayed == account.balance else {
                return "point_accounts#\(account.id)「\(account.name)」记下的余额 \(account.balance.posted)（待确认 \(Points(hundredths: account.balance.debitsPending))）"
                    + "与流水累计 \(replayed.posted)（待确认 \(Points(hundredths: replayed.debitsPending))）不符"
            }
            if !account.kind.mayGoNegative && account.balance.available < .zero {
                return "point_accounts#\(account.id)「\(account.name)」可用积分为负 \(account.balance.available)"
            }
            total += account.balance.creditsPosted - account.balance.debitsPosted
            pendingDebits += account.balance.debitsPending
            pendingCredits += account.balance.creditsPending
        }
        guard total == 0 else { return "全部账户的余额之和为 \(Points(hundredths: total))，应为 0" }
        guard pendingDebits == pendingCredits else { return "待确认的转出合计 \(pendingDebits) 与转入合计 \(pendingCredits) 不等" }
        return nil
    }
}
