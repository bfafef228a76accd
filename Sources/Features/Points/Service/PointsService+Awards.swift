import Foundation
import LinliKit

/// Points earned: awards from other features (inside their transactions), staff grants, and the
/// earning rules that price them.
extension PointsService: PointAwarding {
    public func award(_ tx: Tx, _ earnings: [PointEarning], actor: Actor) async throws {
        // Who earns, and their accounts opened — before any lock, so that all of them can be
        // locked in one go.
        var planned: [(earning: PointEarning, residentId: Int64, person: PointAccount, issuance: PointAccount)] = []
        for earning in earnings {
            if try await TransferStore.find(tx, key: earning.key) != nil { continue }
            // A record that earned nothing is corrected into one that earns nothing.
            if let old = earning.supersedes, try await TransferStore.find(tx, key: old) == nil { continue }
            let residentId: Int64
            switch earning.person {
            case .resident(let id): residentId = id
            case .account(let userId):
                guard let resident = try await residents.identity(ofUser: userId) else { continue }
                residentId = resident.id
            }
            let person: PointAccount
            do { person = try await personAccount(tx, residentId: residentId) } catch let error as DomainError where error.kind != .forbidden {
                // Nobody to credit (no community in the address, gone from the registry): the deed
                // itself is not held up by the points bank.
                continue
            }
            planned.append((earning, residentId, person, try await systemAccount(tx, .issuance, communityId: person.communityId)))
        }
        guard !planned.isEmpty else { return }
        _ = try await AccountStore.lock(tx, ids: planned.flatMap { [$0.person.id, $0.issuance.id] })
        for plan in planned {
            let reason: EarningReason, purpose: Purpose
            switch plan.earning.deed {
            case .service(let minutes, let category): (reason, purpose) = (.service(minutes: minutes, category: category), .serviceAward)
            case .activity: (reason, purpose) = (.activity, .activityAward)
            case .requestHandled(let rating): (reason, purpose) = (.requestHandled(rating: rating), .requestAward)
            }
            var replaced: PointTransfer?
            if let old = plan.earning.supersedes {
                guard let found = try await TransferStore.find(tx, key: old) else { continue }
                replaced = try await TransferStore.reversal(tx, of: found.id) == nil ? found : nil
            }
            _ = try await credit(tx, person: plan.person, issuance: plan.issuance, reason, purpose: purpose, key: plan.earning.key,
                                 memo: plan.earning.memo, replacing: replaced, actor: actor)
            if let replaced {
                _ = try await reverse(tx, transferId: replaced.id, reason: "已更正为新的记录", upTo: true, actor: actor, now: clock.now().millis)
            }
        }
    }

    /// Credits what the rules give for `reason` from the community's 发放 account, once per
    /// `key`, both accounts locked by the caller. The caps count what the person was awarded
    /// today and this month, less `replacing` (the award this one takes the place of); nil when
    /// nothing is due.
    func credit(_ tx: Tx, person: PointAccount, issuance: PointAccount, _ reason: EarningReason, purpose: Purpose, key: String?,
                memo: String, replacing: PointTransfer? = nil, actor: Actor) async throws -> PointTransfer? {
        // Another award with the key may have committed while this one waited for the lock.
        if let key, let done = try await TransferStore.find(tx, key: key) { return done }
        let now = clock.now()
        let periods = Self.periods(containing: now)
        func without(_ earned: Points, in range: Range<Int64>) -> Points {
            guard let replacing, range.contains(replacing.createdAt) else { return earned }
            return max(earned - replacing.amount, .zero)
        }
        let today = without(try await TransferStore.awarded(tx, accountId: person.id, from: periods.day.lowerBound, to: periods.day.upperBound),
                            in: periods.day)
        let month = without(try await TransferStore.awarded(tx, accountId: person.id, from: periods.month.lowerBound,
                                                            to: periods.month.upperBound), in: periods.month)
        let rules = try await effectiveRules(tx, path: person.regionPath)
        guard let plan = rules.rules.award(reason, today: today, thisMonth: month) else { return nil }
        return try await open(tx, .init(kind: .posted, purpose: purpose, debit: issuance.id, credit: person.id, amount: plan.points, key: key,
                                        rulesId: rules.id, memo: plan.capped ? memo + "（已达积分上限）" : memo, source: key),
                              locked: true, actor: actor, now: now.millis)
    }

    /// Staff are residents too: they do not grant or approve points for themselves.
    func refuseSelf(_ residentId: Int64, actor: Actor, _ message: String) async throws {
        guard let userId = actor.userId, try await residents.identity(ofUser: userId)?.id == residentId else { return }
        throw DomainError(kind: .forbidden, code: "own_points", message: message)
    }

    /// Opens (if need be) and locks a resident's account and their community's 发放 account.
    func lockedForCredit(_ tx: Tx, residentId: Int64) async throws -> (person: PointAccount, issuance: PointAccount) {
        let person = try await personAccount(tx, residentId: residentId)
        let issuance = try await systemAccount(tx, .issuance, communityId: person.communityId)
        _ = try await AccountStore.lock(tx, ids: [person.id, issuance.id])
        return (person, issuance)
    }

    /// The Shanghai day and month around `date`, as millisecond ranges.
    static func periods(containing date: Date) -> (day: Range<Int64>, month: Range<Int64>) {
        let r = ChinaStandardTime.reading(date)
        let day = ChinaStandardTime.startOfDay(year: r.year, month: r.month, day: r.day).millis
        let month = ChinaStandardTime.startOfDay(year: r.year, month: r.month, day: 1).millis
        let next = r.month == 12 ? ChinaStandardTime.startOfDay(year: r.year + 1, month: 1, day: 1)
                                 : ChinaStandardTime.startOfDay(year: r.year, month: r.month + 1, day: 1)
        return (day..<(day + 86_400_000), month..<next.millis)
    }

    /// The rules in force where `path` lies: the newest version set there or above, else ours.
    func effectiveRules(_ tx: Tx, path: String) async throws -> RulesVersion {
        try await RulesStore.effective(tx, path: path)
            ?? RulesVersion(id: nil, regionId: nil, regionPath: "/", rules: .common, note: "默认规则", editedBy: "系统", editedAt: nil)
    }

    /// 奖励 — staff grant points to a resident in their area by hand, with a reason.
    public func grant(residentId: Int64, amount: Points, reason: String, actor: Actor) async throws -> PointTransfer {
        try actor.require(.pointsManage)
        let reason = reason.trimmingWhitespace
        guard !reason.isEmpty, reason.count <= 200 else { throw DomainError.invalid("reason", "请写明奖励理由（200 字以内）") }
        guard amount > .zero, amount <= Points(whole: 10_000) else { throw DomainError.invalid("amount", "奖励积分应在 0.01 到 10000 之间") }
        let resident = try await resident(residentId, inScopeOf: actor)
        try await refuseSelf(resident.id, actor: actor, "不能给自己奖励积分，请由其他工作人员办理")
        let now = clock.now().millis
        return try await database.write { tx in
            let person = try await personAccount(tx, resident)
            let issuance = try await systemAccount(tx, .issuance, communityId: person.communityId)
            let transfer = try await open(tx, .init(kind: .posted, purpose: .grant, debit: issuance.id, credit: person.id, amount: amount,
                                                    memo: reason), actor: actor, now: now)
            try await audit.append(tx, actor: actor, action: .pointsGrant, entityId: String(transfer.id), regionPath: person.regionPath,
                                   after: ["account": String(person.id), "amount": amount.description, "reason": reason])
            return transfer
        }
    }

    /// 冲正 — staff reverse a mistaken posted transfer in their area, with a reason. The whole
    /// amount comes back, so it must still be there: points already spent are put right by an
    /// adjustment instead.
    public func reverse(transferId: Int64, reason: String, actor: Actor) async throws -> PointTransfer {
        try actor.require(.pointsManage)
        let reason = reason.trimmingWhitespace
        guard !reason.isEmpty, reason.count <= 200 else { throw DomainError.invalid("reason", "请写明冲正理由（200 字以内）") }
        let now = clock.now().millis
        return try await database.write { tx in
            guard let original = try await TransferStore.find(tx, id: transferId) else { throw DomainError.notFound("积分流水") }
            let accounts = try await AccountStore.find(tx, ids: [original.debitAccountId, original.creditAccountId])
            guard accounts.values.contains(where: { actor.scope.contains(path: $0.regionPath) }) else { throw DomainError.notFound("积分流水") }
            guard let reversal = try await reverse(tx, transferId: transferId, reason: reason, actor: actor, now: now) else {
                throw DomainError.conflict("没有可冲正的积分")
            }
            try await audit.append(tx, actor: actor, action: .pointsReverse, entityId: String(original.id),
                                   regionPath: accounts.values.map(\.regionPath).max() ?? actor.scope.path,
                                   before: ["amount": original.amount.description, "memo": original.memo],
                                   after: ["reversal": String(reversal.id), "reason": reason])
            return reversal
        }
    }
}
