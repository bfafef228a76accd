import Foundation
import LinliKit
import Residents

/// The journal's three movements — open, resolve, reverse — each inside a caller's transaction,
/// under the row locks of both accounts (taken in id order).
extension PointsService {
    /// The resident's account, opened on first use in the community they live in.
    func personAccount(_ tx: Tx, residentId: Int64) async throws -> PointAccount {
        if let found = try await AccountStore.find(tx, owner: PointAccount.owner(.person, residentId)) { return found }
        guard let resident = try await residents.residents(ids: [residentId])[residentId] else { throw DomainError.notFound("居民") }
        return try await personAccount(tx, resident)
    }

    func personAccount(_ tx: Tx, _ resident: Resident) async throws -> PointAccount {
        let owner = PointAccount.owner(.person, resident.id)
        if let found = try await AccountStore.find(tx, owner: owner) { return found }
        guard let community = Self.communityPath(of: resident.regionPath).flatMap(Self.lastId) else {
            throw DomainError.conflict("「\(resident.name)」的登记地址不在某个社区内，无法开立积分账户")
        }
        return try await AccountStore.open(tx, .init(kind: .person, owner: owner, ownerId: resident.id, name: resident.name,
                                                     regionId: resident.regionId, regionPath: resident.regionPath, communityId: community),
                                           now: clock.now().millis)
    }

    /// A community's 发放 / 爱心兑换 / 过期 / 调整 account, opened on first use.
    func systemAccount(_ tx: Tx, _ kind: AccountKind, communityId: Int64) async throws -> PointAccount {
        precondition(kind.mayGoNegative, "only system accounts belong to a community")
        let owner = PointAccount.owner(kind, communityId)
        if let found = try await AccountStore.find(tx, owner: owner) { return found }
        guard let community = try await regions.lookup(communityId), community.level == .community else { throw DomainError.notFound("社区") }
        return try await AccountStore.open(tx, .init(kind: kind, owner: owner, ownerId: nil, name: "\(community.name)\(Self.systemName(kind))",
                                                     regionId: community.id, regionPath: community.path, communityId: community.id),
                                           now: clock.now().millis)
    }

    static func systemName(_ kind: AccountKind) -> String {
        switch kind {
        case .issuance: "积分发放账户"
        case .shop: "爱心兑换账户"
        case .expired: "过期积分账户"
        case .adjustment: "积分调整账户"
        case .person, .team, .organization: ""
        }
    }

    /// Opens a transfer (posted, or pending as a hold). With `locked`, the caller holds both
    /// accounts' locks in this transaction already, and their sums are read afresh (an earlier
    /// transfer of the same transaction may have moved them); otherwise they are locked here.
    func open(_ tx: Tx, _ entry: TransferStore.Entry, locked: Bool = false, actor: Actor, now: Int64) async throws -> PointTransfer {
        guard entry.debit != entry.credit else { throw LedgerRefusal.sameAccount.domainError }
        let ids = [entry.debit, entry.credit]
        let accounts = locked ? try await AccountStore.find(tx, ids: ids) : try await AccountStore.lock(tx, ids: ids)
        guard let debit = accounts[entry.debit], let credit = accounts[entry.credit] else { throw DomainError.notFound("积分账户") }
        let moved = try Self.ledger { () throws(LedgerRefusal) in
            try LedgerRules.open(entry.amount, debit: .init(kind: debit.kind, balance: debit.balance),
                                 credit: .init(kind: credit.kind, balance: credit.balance), pending: entry.kind == .pending)
        }
        try await AccountStore.setBalance(tx, id: debit.id, moved.debit)
        try await AccountStore.setBalance(tx, id: credit.id, moved.credit)
        var written = entry
        written.debitAfter = moved.debit.posted
        written.creditAfter = moved.credit.posted
        return try await TransferStore.insert(tx, written, actor: actor, now: now)
    }

    /// Resolves a pending transfer — posted, voided or expired — exactly once: the resolving
    /// entry names it (`pending_id` is unique), and a second try is refused.
    func resolve(_ tx: Tx, pendingId: Int64, _ resolution: Resolution, memo: String, actor: Actor, now: Int64) async throws -> PointTransfer {
        guard let pending = try await TransferStore.find(tx, id: pendingId), pending.kind == .pending else { throw DomainError.notFound("待确认的积分") }
        let accounts = try await AccountStore.lock(tx, ids: [pending.debitAccountId, pending.creditAccountId])
        guard let debit = accounts[pending.debitAccountId], let credit = accounts[pending.creditAccountId] else { throw DomainError.notFound("积分账户") }
        let state = try await TransferStore.resolution(tx, of: pendingId)?.kind.resolvedState ?? .pending
        let resolved = try Self.ledger { () throws(LedgerRefusal) in
            try LedgerRules.resolve(state, resolution, amount: pending.amount, debit: debit.balance, credit: credit.balance)
        }
        try await AccountStore.setBalance(tx, id: debit.id, resolved.debit)
        try await AccountStore.setBalance(tx, id: credit.id, resolved.credit)
        return try await TransferStore.insert(tx, .init(
            kind: .resolving(resolution), purpose: pending.purpose, debit: debit.id, credit: credit.id, amount: pending.amount,
            debitAfter: resolved.debit.posted, creditAfter: resolved.credit.posted, pendingId: pending.id, memo: memo,
            source: pending.source), actor: actor, now: now)
    }

    /// 冲正 — the posted transfer's amount (or, for a superseded award whose points were partly
    /// spent, `upTo` what is left) the other way, linked to it. Only a posted transfer, only
    /// once, never a reversal.
    func reverse(_ tx: Tx, transferId: Int64, reason: String, upTo: Bool = false, actor: Actor, now: Int64) async throws -> PointTransfer? {
        guard var original = try await TransferStore.find(tx, id: transferId) else { throw DomainError.notFound("积分流水") }
        // The accounts first: a hold and the entries resolving it share them, so what is read
        // next cannot change before the commit.
        _ = try await AccountStore.lock(tx, ids: [original.debitAccountId, original.creditAccountId])
        // A hold that was picked up is reversed through the entry that posted it; a hold itself never.
        let state: TransferState
        switch original.kind {
        case .posted, .postPending: state = .posted
        case .pending:
            let resolution = try await TransferStore.resolution(tx, of: original.id)
            if let resolution, resolution.kind == .postPending {
                original = resolution
                state = .posted
            } else {
                state = resolution?.kind.resolvedState ?? .pending
            }
        case .voidPending: state = .voided
        case .expirePending: state = .expired
        }
        let accounts = try await AccountStore.find(tx, ids: [original.debitAccountId, original.creditAccountId])
        let reversedBefore = try await TransferStore.reversal(tx, of: original.id) != nil
        try Self.ledger { () throws(LedgerRefusal) in
            try LedgerRules.mayReverse(state: state, isReversal: original.purpose == .reversal, reversedBefore: reversedBefore)
        }
        var amount = original.amount
        if upTo, let payer = accounts[original.creditAccountId], !payer.kind.mayGoNegative {
            amount = min(amount, max(payer.balance.available, .zero))
            guard amount > .zero else { return nil }
        }
        let memo = amount < original.amount ? "冲正：\(reason)（已用 \(original.amount - amount) 分无法收回）" : "冲正：\(reason)"
        return try await open(tx, .init(kind: .posted, purpose: .reversal, debit: original.creditAccountId, credit: original.debitAccountId,
                                        amount: amount, reversesId: original.id, memo: memo, source: original.source),
                              locked: true, actor: actor, now: now)
    }
}
