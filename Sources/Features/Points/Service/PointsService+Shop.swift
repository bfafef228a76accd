import Foundation
import LinliKit
import Notifications
import Regions
import Residents

/// 爱心兑换 — items and their stock, and redemption in two phases: a pending debit and a
/// stock hold, then pickup (posted), cancellation (voided) or timeout (expired). Every step
/// locks the item's row first and the accounts after, so stock is never oversold and no two
/// steps wait on each other crosswise.
extension PointsService {
    /// The acting person as the registry knows them.
    func person(_ actor: Actor) async throws -> Resident {
        guard let userId = actor.userId, let resident = try await residents.identity(ofUser: userId) else { throw ResidentService.identityRequired }
        return resident
    }

    /// A registry resident in the actor's area, for staff (404 elsewhere).
    func resident(_ id: Int64, inScopeOf actor: Actor) async throws -> Resident {
        guard let found = try await residents.residents(ids: [id])[id], actor.scope.contains(path: found.regionPath) else {
            throw DomainError.notFound("居民")
        }
        return found
    }

    /// Whom an action is for: the acting person themselves, or (staff, `points.manage`) a resident
    /// of their area named by `residentId`.
    func acting(for residentId: Int64?, actor: Actor) async throws -> Resident {
        guard let residentId else {
            try actor.require(.pointsUse)
            return try await person(actor)
        }
        try actor.require(.pointsManage)
        return try await resident(residentId, inScopeOf: actor)
    }

    // MARK: Items

    /// 上架 — a new item in a community's shop in the actor's area.
    public func createItem(communityId: Int64, _ input: ShopItemInput, actor: Actor) async throws -> ShopItem {
        try actor.require(.pointsManage)
        let checked = try Self.checked(input, defaultHoldHours: settings.holdHours)
        let community = try await shopCommunity(communityId, actor: actor)
        let eligible = try await eligibleNode(input.eligibleRegionId, within: community, actor: actor)
        let now = clock.now().millis
        return try await database.write { tx in
            let item = try await ShopStore.insert(tx, communityId: community.id, communityPath: community.path, eligiblePath: eligible.path,
                                                  checked, now: now)
            if checked.stock > 0 { try await ShopStore.insertMove(tx, itemId: item.id, delta: checked.stock, reason: "上架", actor: actor, now: now) }
            try await audit.append(tx, actor: actor, action: .shopItemCreate, entityId: String(item.id), regionPath: item.regionPath,
                                   after: Self.auditValues(item))
            return item
        }
    }

    /// 修改 — everything but the stock, which moves only by `restock`; `onSale` false takes it off the shelf.
    public func changeItem(_ itemId: Int64, _ input: ShopItemInput, onSale: Bool, actor: Actor) async throws -> ShopItem {
        try actor.require(.pointsManage)
        var input = input
        input.stock = nil
        let checked = try Self.checked(input, defaultHoldHours: settings.holdHours)
        let now = clock.now().millis
        let before = try await item(itemId, actor: actor)
        let community = try await shopCommunity(before.communityId, actor: actor)
        // Without a region named, who may redeem stays as it was.
        let eligiblePath = input.eligibleRegionId == nil ? before.eligiblePath
            : try await eligibleNode(input.eligibleRegionId, within: community, actor: actor).path
        return try await database.write { tx in
            guard let locked = try await ShopStore.find(tx, id: itemId, lock: true) else { throw DomainError.notFound("兑换物品") }
            try await ShopStore.update(tx, id: itemId, eligiblePath: eligiblePath, checked, onSale: onSale, now: now)
            let after = try await ShopStore.find(tx, id: itemId)!
            try await audit.append(tx, actor: actor, action: .shopItemChange, entityId: String(itemId), regionPath: after.regionPath,
                                   before: Self.auditValues(locked), after: Self.auditValues(after))
            return after
        }
    }

    /// 入库 / 出库 — stock onto the shelf (a donation arrived) or off it (damaged, returned),
    /// with a reason. What is held for pickup cannot be taken off.
    public func restock(_ itemId: Int64, delta: Int, reason: String, actor: Actor) async throws -> ShopItem {
        try actor.require(.pointsManage)
        let reason = reason.trimmingWhitespace
        guard delta != 0, abs(delta) <= ShopItemInput.mostStock else {
            throw DomainError.invalid("delta", "数量应为 1 到 \(ShopItemInput.mostStock) 件（出库填负数）")
        }
        guard !reason.isEmpty, reason.count <= 100 else { throw DomainError.invalid("reason", "请写明入库或出库的原因（100 字以内）") }
        _ = try await item(itemId, actor: actor)
        let now = clock.now().millis
        return try await database.write { tx in
            guard let item = try await ShopStore.find(tx, id: itemId, lock: true) else { throw DomainError.notFound("兑换物品") }
            guard item.stock + delta >= 0 else {
                throw DomainError.invalid("delta", "架上只有 \(item.stock) 件（另有 \(item.held) 件待领取），不能出库 \(-delta) 件")
            }
            guard item.stock + delta <= ShopItemInput.mostStock else { throw DomainError.invalid("delta", "库存不能超过 \(ShopItemInput.mostStock) 件") }
            try await ShopStore.move(tx, id: itemId, shelf: delta, held: 0, redeemed: 0, now: now)
            try await ShopStore.insertMove(tx, itemId: itemId, delta: delta, reason: reason, actor: actor, now: now)
            try await audit.append(tx, actor: actor, action: .shopStock, entityId: String(itemId), regionPath: item.regionPath,
                                   before: ["stock": String(item.stock)], after: ["stock": String(item.stock + delta), "reason": reason])
            return try await ShopStore.find(tx, id: itemId)!
        }
    }

    /// An item of a shop in the actor's area (staff).
    public func item(_ itemId: Int64, actor: Actor) async throws -> ShopItem {
        guard actor.may(.pointsManage) || actor.may(.pointsView) else { throw DomainError.forbidden }
        guard let item = try await database.read({ tx in try await ShopStore.find(tx, id: itemId) }),
              actor.scope.contains(path: item.regionPath) else { throw DomainError.notFound("兑换物品") }
        return item
    }

    /// The shops' items in the actor's area (staff), on sale first.
    public func items(actor: Actor, limit: Int = 200) async throws -> [ShopItem] {
        guard actor.may(.pointsManage) || actor.may(.pointsView) else { throw DomainError.forbidden }
        return try await database.read { tx in try await ShopStore.items(tx, within: actor.scope.path, onSaleOnly: false, limit: limit) }
    }

    func shopCommunity(_ id: Int64, actor: Actor) async throws -> RegionNode {
        let node: RegionNode
        do { node = try await regions.node(id, actor: actor) } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("communityId", "社区不存在或不在您的管辖范围内")
        }
        guard node.level == .community, !node.retired else { throw DomainError.invalid("communityId", "兑换物品属于某个社区，请选择社区") }
        return node
    }

    func eligibleNode(_ id: Int64?, within community: RegionNode, actor: Actor) async throws -> RegionNode {
        guard let id, id != community.id else { return community }
        guard let node = try await regions.lookup(id), node.path.hasPrefix(community.path), !node.retired else {
            throw DomainError.invalid("eligibleRegionId", "可兑换范围应在「\(community.name)」之内")
        }
        return node
    }

    static func checked(_ input: ShopItemInput, defaultHoldHours: Int) throws -> ShopItemInput.Checked {
        switch input.checked(defaultHoldHours: defaultHoldHours) {
        case .success(let checked): return checked
        case .failure(let errors): throw DomainError.invalid(fields: errors.fields)
        }
    }

    static func auditValues(_ item: ShopItem) -> AuditValues {
        ["name": item.name, "price": item.price.description, "stock": String(item.stock), "limit": item.perPersonLimit.map(String.init) ?? "",
         "onSale": item.onSale ? "1" : "0", "pickup": item.pickupPlace]
    }

    // MARK: Redemption

    /// 兑换 — the person holds one of the item: its price is a pending debit of their account
    /// and one is taken off the shelf, until pickup or `holdHours`.
    /// With `residentId`, staff redeem for a person in their area at the counter (代兑换: an
    /// elderly resident without a phone); the code is then handed over on paper.
    public func redeem(itemId: Int64, for residentId: Int64? = nil, actor: Actor) async throws -> Redemption {
        let resident = try await acting(for: residentId, actor: actor)
        // Told when the hold runs out: the person's own account, also when staff redeemed for them.
        let userId = residentId == nil ? actor.userId : try await residents.accounts(ofResidents: [resident.id])[resident.id]
        let now = clock.now()
        let monthStart = Self.periods(containing: now).month.lowerBound
        return try await database.write { tx in
            guard let item = try await ShopStore.find(tx, id: itemId, lock: true),
                  Self.communityPath(of: resident.regionPath) == item.regionPath else { throw DomainError.notFound("兑换物品") }
            let taken = try await ShopStore.taken(tx, itemId: item.id, residentId: resident.id, since: item.limitPeriod == .month ? monthStart : 0)
            try Self.shop { () throws(ShopRefusal) in try ShopRules.mayHold(item, path: resident.regionPath, tags: resident.tags, taken: taken) }
            let account = try await personAccount(tx, resident)
            let shop = try await systemAccount(tx, .shop, communityId: item.communityId)
            let holdUntil = now.millis + Int64(item.holdHours) * 3_600_000
            let hold = try await open(tx, .init(kind: .pending, purpose: .redemption, debit: account.id, credit: shop.id, amount: item.price,
                                                memo: "兑换「\(item.name)」", source: "shop_item:\(item.id)", timeoutAt: holdUntil),
                                      actor: actor, now: now.millis)
            try await ShopStore.move(tx, id: item.id, shelf: -1, held: 1, redeemed: 0, now: now.millis)
            let redemption = try await ShopStore.insert(tx, .init(
                item: item, residentId: resident.id, accountId: account.id, userId: userId, name: resident.name,
                regionPath: item.regionPath, code: PickupCode.make(), holdUntil: holdUntil, transferId: hold.id), now: now.millis)
            try await audit.append(tx, actor: actor, action: .redemptionHold, entityId: String(redemption.id), regionPath: item.regionPath,
                                   after: ["item": item.name, "points": item.price.description, "holdUntil": Date(millis: holdUntil).shanghaiText])
            return redemption
        }
    }

    /// 核销 — staff scan the person's code at the pickup place: the points are posted and the
    /// item leaves the stock. `itemId`, when staff hand out one item, refuses a code for another.
    public func pickUp(code: String, itemId: Int64? = nil, actor: Actor) async throws -> Redemption {
        try actor.require(.pointsManage)
        guard let normalized = PickupCode.normalized(code) else { throw DomainError.invalid("code", "领取码应为 10 位字母和数字") }
        let now = clock.now().millis
        return try await database.write { tx in
            guard let found = try await ShopStore.find(tx, code: normalized), let item = try await ShopStore.find(tx, id: found.itemId, lock: true),
                  actor.scope.contains(path: item.regionPath) else { throw DomainError.invalid("code", "没有这个领取码，请核对") }
            if let itemId, itemId != item.id { throw DomainError.invalid("code", "这是「\(item.name)」的领取码，不是本物品的") }
            let redemption = try await ShopStore.find(tx, redemptionId: found.id)!
            if redemption.state == .held && redemption.holdUntil <= now {
                throw DomainError.invalid("code", "领取码已过期（保留至 \(Date(millis: redemption.holdUntil).shanghaiText)），积分将退回")
            }
            return try await resolve(tx, redemption, item: item, to: .pickedUp, actor: actor, now: now)
        }
    }

    /// 取消 — the person (or staff where the shop is) gives a held redemption back: the points
    /// and the item return.
    public func cancel(redemptionId: Int64, actor: Actor) async throws -> Redemption {
        let mine = actor.may(.pointsUse) ? try? await person(actor) : nil
        let now = clock.now().millis
        return try await database.write { tx in
            guard let found = try await ShopStore.find(tx, redemptionId: redemptionId),
                  let item = try await ShopStore.find(tx, id: found.itemId, lock: true),
                  found.residentId == mine?.id || (actor.may(.pointsManage) && actor.scope.contains(path: item.regionPath)) else {
                throw DomainError.notFound("兑换记录")
            }
            let resolved = try await resolve(tx, try await ShopStore.find(tx, redemptionId: redemptionId)!, item: item, to: .cancelled,
                                             actor: actor, now: now)
            if found.residentId != mine?.id, let user = try await ShopStore.userId(tx, redemptionId: redemptionId) {
                try await notifications.post(tx, to: [user], Notice(
                    title: "兑换已取消：\(item.name)", body: "社区已取消这次兑换，\(resolved.points) 积分已退回。", link: "/points",
                    facts: ["event": "redemption.cancelled"]))
            }
            return resolved
        }
    }

    /// Held redemptions whose time ran out go back: points and stock return. Each under its
    /// item's lock, so a pickup at the same moment either wins or is refused.
    public func sweepHolds(limit: Int = 500) async throws -> Int {
        let now = clock.now().millis
        let due = try await database.read { tx in try await ShopStore.overdue(tx, now: now, limit: limit) }
        var expired = 0
        for id in due {
            let done = try await database.write { tx -> Bool in
                guard let found = try await ShopStore.find(tx, redemptionId: id), let item = try await ShopStore.find(tx, id: found.itemId, lock: true),
                      let redemption = try await ShopStore.find(tx, redemptionId: id), redemption.state == .held, redemption.holdUntil <= now else {
                    return false
                }
                let resolved = try await resolve(tx, redemption, item: item, to: .expired, actor: Self.system, now: now)
                if let user = try await ShopStore.userId(tx, redemptionId: id) {
                    try await notifications.post(tx, to: [user], Notice(
                        title: "兑换已过期：\(item.name)", body: "未在保留期内领取，\(resolved.points) 积分已退回。", link: "/points",
                        facts: ["event": "redemption.expired"]))
                }
                return true
            }
            if done { expired += 1 }
        }
        return expired
    }

    /// One held redemption to its end, under the item's lock (taken by the caller).
    func resolve(_ tx: Tx, _ redemption: Redemption, item: ShopItem, to state: RedemptionState, actor: Actor, now: Int64) async throws -> Redemption {
        let resolution = try Self.shop { () throws(ShopRefusal) in try ShopRules.resolve(redemption.state, to: state) }
        _ = try await resolve(tx, pendingId: redemption.transferId, resolution, memo: "\(state.label)「\(item.name)」", actor: actor, now: now)
        if state == .pickedUp {
            try await ShopStore.move(tx, id: item.id, shelf: 0, held: -1, redeemed: 1, now: now)
        } else {
            try await ShopStore.move(tx, id: item.id, shelf: 1, held: -1, redeemed: 0, now: now)
        }
        try await ShopStore.resolve(tx, id: redemption.id, state: state, by: actor.displayName, now: now)
        try await audit.append(tx, actor: actor, action: .redemptionResolve, entityId: String(redemption.id), regionPath: item.regionPath,
                               before: ["state": redemption.state.rawValue], after: ["state": state.rawValue, "item": item.name])
        return try await ShopStore.find(tx, redemptionId: redemption.id)!
    }
}

/// An item as a resident sees it: whether they may redeem it now, and if not, why.
public struct ShopOffer: Sendable, Equatable {
    public let item: ShopItem
    /// nil: they may.
    public let refusal: String?
}

extension PointsService {
    /// 爱心兑换 for the person: their community's items on sale, with why one is out of reach.
    public func myShop(actor: Actor) async throws -> [ShopOffer] {
        try actor.require(.pointsUse)
        let resident = try await person(actor)
        guard let community = Self.communityPath(of: resident.regionPath) else { return [] }
        let now = clock.now()
        let monthStart = Self.periods(containing: now).month.lowerBound
        return try await database.read { tx in
            let account = try await AccountStore.find(tx, owner: PointAccount.owner(.person, resident.id))
            let available = account?.balance.available ?? .zero
            var offers: [ShopOffer] = []
            for item in try await ShopStore.items(tx, communityPath: community, onSaleOnly: true, limit: 200) {
                let taken = try await ShopStore.taken(tx, itemId: item.id, residentId: resident.id, since: item.limitPeriod == .month ? monthStart : 0)
                var refusal: String?
                do throws(ShopRefusal) {
                    try ShopRules.mayHold(item, path: resident.regionPath, tags: resident.tags, taken: taken)
                } catch { refusal = error.message }
                if refusal == nil && available < item.price { refusal = "还差 \(item.price - available) 积分" }
                offers.append(ShopOffer(item: item, refusal: refusal))
            }
            return offers
        }
    }

    /// Redemptions waiting for pickup where the actor hands them out, the soonest to run out first.
    public func heldRedemptions(actor: Actor, limit: Int = 200) async throws -> [Redemption] {
        try actor.require(.pointsManage)
        return try await database.read { tx in try await ShopStore.held(tx, within: actor.scope.path, limit: limit) }
    }

    /// A redemption by its code, for the pickup page before staff confirm.
    public func redemption(code: String, actor: Actor) async throws -> Redemption {
        try actor.require(.pointsManage)
        guard let normalized = PickupCode.normalized(code) else { throw DomainError.invalid("code", "领取码应为 10 位字母和数字") }
        return try await database.read { tx in
            guard let found = try await ShopStore.find(tx, code: normalized), let item = try await ShopStore.find(tx, id: found.itemId),
                  actor.scope.contains(path: item.regionPath) else { throw DomainError.invalid("code", "没有这个领取码，请核对") }
            return found
        }
    }

    /// The check, for those who may run it from a page.
    public func verify(actor: Actor) async throws -> LedgerFinding {
        try actor.require(.pointsVerify)
        return try await verify()
    }

    /// Staff's accounts list: people in the area, largest balance first.
    public func accounts(actor: Actor, limit: Int = 100, offset: Int = 0) async throws -> [PointAccount] {
        guard actor.may(.pointsView) else { throw DomainError.forbidden }
        return try await database.read { tx in
            try await AccountStore.list(tx, within: actor.scope.path, kind: .person, limit: min(max(limit, 1), 500), offset: max(offset, 0))
        }
    }
}

extension PointsService {
    /// An item's stock movements, newest first.
    public func stockMoves(_ itemId: Int64, actor: Actor, limit: Int = 100) async throws -> [StockMove] {
        let item = try await item(itemId, actor: actor)
        return try await database.read { tx in try await ShopStore.moves(tx, itemId: item.id, limit: limit) }
    }

    /// The communities in the actor's area, where a shop may be.
    public func communities(actor: Actor) async throws -> [RegionNode] {
        try await regions.search(level: .community, term: nil, actor: actor, limit: 200).filter { !$0.retired }
    }
}
