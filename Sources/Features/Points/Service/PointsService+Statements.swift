import Foundation
import LinliKit

/// 对账单 — an account's entries with the counter-account, the reason and the running balance;
/// balances as of a past moment.
public struct StatementLine: Sendable, Equatable {
    public let transfer: PointTransfer
    /// The other side's name (发放账户, 爱心兑换账户, a person).
    public let counterparty: String
    /// + credited, − debited; zero for holds and their release (they move no posted balance).
    public let change: Points
    /// The posted balance after the entry.
    public let balance: Points
    /// A hold (pending) or its end.
    public var isHold: Bool { !transfer.kind.posts }
}

public struct Statement: Sendable {
    public let account: PointAccount
    public let lines: [StatementLine]
    /// Pass as `before` for the next (older) page; nil when this is the last.
    public let nextBefore: Int64?
}

extension PointsService {
    /// The person's own account (nil before their first points).
    public func myAccount(actor: Actor) async throws -> PointAccount? {
        try actor.require(.pointsUse)
        let resident = try await person(actor)
        return try await database.read { tx in try await AccountStore.find(tx, owner: PointAccount.owner(.person, resident.id)) }
    }

    /// A resident's account, for staff where the resident lives (nil before their first points).
    public func account(ofResident residentId: Int64, actor: Actor) async throws -> PointAccount? {
        guard actor.may(.pointsView) else { throw DomainError.forbidden }
        let resident = try await resident(residentId, inScopeOf: actor)
        return try await database.read { tx in try await AccountStore.find(tx, owner: PointAccount.owner(.person, resident.id)) }
    }

    /// An account the actor may read: their own, or (staff) one in their area.
    func readable(_ tx: Tx, accountId: Int64, actor: Actor) async throws -> PointAccount {
        guard let account = try await AccountStore.find(tx, id: accountId) else { throw DomainError.notFound("积分账户") }
        if actor.may(.pointsView) && actor.scope.contains(path: account.regionPath) { return account }
        if account.kind == .person, actor.may(.pointsUse), let userId = actor.userId,
           let me = try await residents.identity(ofUser: userId), account.ownerId == me.id { return account }
        throw DomainError.notFound("积分账户")
    }

    /// The account's entries, newest first, `limit` at a time.
    public func statement(accountId: Int64, before: Int64? = nil, limit: Int = 50, actor: Actor) async throws -> Statement {
        let limit = min(max(limit, 1), 500)
        return try await database.read { tx in
            let account = try await readable(tx, accountId: accountId, actor: actor)
            let entries = try await TransferStore.statement(tx, accountId: account.id, before: before, limit: limit + 1)
            let shown = Array(entries.prefix(limit))
            let others = try await AccountStore.find(tx, ids: shown.map { $0.debitAccountId == account.id ? $0.creditAccountId : $0.debitAccountId })
            let lines = shown.map { t -> StatementLine in
                let debit = t.debitAccountId == account.id
                let other = others[debit ? t.creditAccountId : t.debitAccountId]?.name ?? "—"
                let change = t.kind.posts ? (debit ? Points.zero - t.amount : t.amount) : .zero
                return StatementLine(transfer: t, counterparty: other, change: change, balance: debit ? t.debitAfter : t.creditAfter)
            }
            return Statement(account: account, lines: lines, nextBefore: entries.count > limit ? shown.last?.id : nil)
        }
    }

    /// The account's posted balance as it stood at `moment`.
    public func balance(accountId: Int64, asOf moment: Date, actor: Actor) async throws -> Points {
        try await database.read { tx in
            let account = try await readable(tx, accountId: accountId, actor: actor)
            return try await TransferStore.balance(tx, accountId: account.id, before: moment.millis + 1)
        }
    }

    /// The person's redemptions, newest first.
    public func myRedemptions(actor: Actor, limit: Int = 50) async throws -> [Redemption] {
        try actor.require(.pointsUse)
        let resident = try await person(actor)
        return try await database.read { tx in try await ShopStore.mine(tx, residentId: resident.id, limit: limit) }
    }
}
