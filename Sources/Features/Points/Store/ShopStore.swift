import LinliKit
import SQLKit

/// SQL for the shop's items, stock movements and redemptions.
enum ShopStore {
    static let itemColumns = """
        i.id, i.community_id, i.region_path, i.name, i.description, i.kind, i.source, i.donor, i.price, i.stock, i.held, i.redeemed,
        i.per_person_limit, i.limit_period, i.eligible_path, i.eligible_tags, i.pickup_place, i.hold_hours, i.on_sale, i.updated_at
        """

    static func item(_ row: any SQLRow) throws -> ShopItem {
        let id = try row.decode(column: "id", as: Int64.self)
        let name = "shop_items#\(id)"
        let tags = try row.decode(column: "eligible_tags", as: String.self)
        return ShopItem(
            id: id, communityId: try row.decode(column: "community_id", as: Int64.self), regionPath: try row.decode(column: "region_path", as: String.self),
            name: try row.decode(column: "name", as: String.self), description: try row.decode(column: "description", as: String.self),
            kind: try row.decode(known: "kind", as: ShopItem.Kind.self, row: name), source: try row.decode(known: "source", as: ShopItem.Source.self, row: name),
            donor: try row.decode(column: "donor", as: String.self), price: Points(hundredths: try row.decode(column: "price", as: Int64.self)),
            stock: try row.decode(column: "stock", as: Int.self), held: try row.decode(column: "held", as: Int.self),
            redeemed: try row.decode(column: "redeemed", as: Int.self), perPersonLimit: try row.decode(column: "per_person_limit", as: Int?.self),
            limitPeriod: try row.decode(known: "limit_period", as: ShopItem.LimitPeriod.self, row: name),
            eligiblePath: try row.decode(column: "eligible_path", as: String.self),
            eligibleTags: tags.isEmpty ? [] : tags.split(separator: ",").map(String.init),
            pickupPlace: try row.decode(column: "pickup_place", as: String.self), holdHours: try row.decode(column: "hold_hours", as: Int.self),
            onSale: try row.decode(column: "on_sale", as: Int.self) != 0, updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    static func find(_ tx: Tx, id: Int64, lock: Bool = false) async throws -> ShopItem? {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: itemColumns) FROM shop_items i WHERE i.id = \(bind: id)\(unsafeRaw: lock ? tx.engine.rowLock : "")
            """).first().map(item)
    }

    /// Items of the shops whose community lies within `path` or above it (a resident's own
    /// community's shop), on sale or all.
    static func items(_ tx: Tx, within path: String, onSaleOnly: Bool, limit: Int) async throws -> [ShopItem] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: itemColumns) FROM shop_items i WHERE \(tx.engine.pathWithin("i.region_path", path))
            \(unsafeRaw: onSaleOnly ? "AND i.on_sale = 1" : "") ORDER BY i.on_sale DESC, i.id DESC LIMIT \(bind: limit)
            """).all().map(item)
    }

    static func items(_ tx: Tx, communityPath: String, onSaleOnly: Bool, limit: Int) async throws -> [ShopItem] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: itemColumns) FROM shop_items i WHERE i.region_path = \(bind: communityPath)
            \(unsafeRaw: onSaleOnly ? "AND i.on_sale = 1" : "") ORDER BY i.id DESC LIMIT \(bind: limit)
            """).all().map(item)
    }

    static func insert(_ tx: Tx, communityId: Int64, communityPath: String, eligiblePath: String, _ c: ShopItemInput.Checked,
                       now: Int64) async throws -> ShopItem {
        try item(try await tx.sql.raw("""
            INSERT INTO shop_items (community_id, region_path, name, description, kind, source, donor, price, stock, held, redeemed,
              per_person_limit, limit_period, eligible_path, eligible_tags, pickup_place, hold_hours, on_sale, created_at, updated_at)
            VALUES (\(bind: communityId), \(bind: communityPath), \(bind: c.name), \(bind: c.description), \(bind: c.kind.rawValue),
              \(bind: c.source.rawValue), \(bind: c.donor), \(bind: c.price.hundredths), \(bind: c.stock), 0, 0, \(bind: c.perPersonLimit),
              \(bind: c.limitPeriod.rawValue), \(bind: eligiblePath), \(bind: c.eligibleTags.joined(separator: ",")), \(bind: c.pickupPlace),
              \(bind: c.holdHours), 1, \(bind: now), \(bind: now))
            RETURNING \(unsafeRaw: itemColumns.replacingOccurrences(of: "i.", with: ""))
            """).first()!)
    }

    static func update(_ tx: Tx, id: Int64, eligiblePath: String, _ c: ShopItemInput.Checked, onSale: Bool, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE shop_items SET name = \(bind: c.name), description = \(bind: c.description), kind = \(bind: c.kind.rawValue),
              source = \(bind: c.source.rawValue), donor = \(bind: c.donor), price = \(bind: c.price.hundredths),
              per_person_limit = \(bind: c.perPersonLimit), limit_period = \(bind: c.limitPeriod.rawValue), eligible_path = \(bind: eligiblePath),
              eligible_tags = \(bind: c.eligibleTags.joined(separator: ",")), pickup_place = \(bind: c.pickupPlace), hold_hours = \(bind: c.holdHours),
              on_sale = \(bind: onSale ? 1 : 0), updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """).run()
    }

    /// Moves the counts: `shelf` onto (or off) the shelf, `held` into holds, `redeemed` out.
    static func move(_ tx: Tx, id: Int64, shelf: Int, held: Int, redeemed: Int, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE shop_items SET stock = stock + \(bind: shelf), held = held + \(bind: held), redeemed = redeemed + \(bind: redeemed),
              updated_at = \(bind: now) WHERE id = \(bind: id)
            """).run()
    }

    static func insertMove(_ tx: Tx, itemId: Int64, delta: Int, reason: String, actor: Actor, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO shop_stock_moves (item_id, delta, reason, actor_id, actor_name, created_at)
            VALUES (\(bind: itemId), \(bind: delta), \(bind: reason), \(bind: actor.userId), \(bind: actor.displayName), \(bind: now))
            """).run()
    }

    static func moves(_ tx: Tx, itemId: Int64, limit: Int) async throws -> [StockMove] {
        try await tx.sql.raw("""
            SELECT delta, reason, actor_name, created_at FROM shop_stock_moves WHERE item_id = \(bind: itemId) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map {
            StockMove(delta: try $0.decode(column: "delta", as: Int.self), reason: try $0.decode(column: "reason", as: String.self),
                      actor: try $0.decode(column: "actor_name", as: String.self), at: try $0.decode(column: "created_at", as: Int64.self))
        }
    }

    // MARK: Redemptions

    static let redemptionColumns = """
        r.id, r.item_id, r.item_name, r.resident_id, r.account_id, r.name, r.points, r.state, r.code, r.pickup_place, r.hold_until,
        r.transfer_id, r.created_at, r.resolved_at, r.resolved_by
        """

    static func redemption(_ row: any SQLRow) throws -> Redemption {
        let id = try row.decode(column: "id", as: Int64.self)
        return Redemption(
            id: id, itemId: try row.decode(column: "item_id", as: Int64.self), itemName: try row.decode(column: "item_name", as: String.self),
            residentId: try row.decode(column: "resident_id", as: Int64.self), accountId: try row.decode(column: "account_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self), points: Points(hundredths: try row.decode(column: "points", as: Int64.self)),
            state: try row.decode(known: "state", as: RedemptionState.self, row: "shop_redemptions#\(id)"),
            code: try row.decode(column: "code", as: String.self), pickupPlace: try row.decode(column: "pickup_place", as: String.self),
            holdUntil: try row.decode(column: "hold_until", as: Int64.self), transferId: try row.decode(column: "transfer_id", as: Int64.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self), resolvedAt: try row.decode(column: "resolved_at", as: Int64?.self),
            resolvedBy: try row.decode(column: "resolved_by", as: String?.self))
    }

    struct NewRedemption: Sendable {
        let item: ShopItem, residentId: Int64, accountId: Int64, userId: Int64?, name: String, regionPath: String
        let code: String, holdUntil: Int64, transferId: Int64
    }

    static func insert(_ tx: Tx, _ r: NewRedemption, now: Int64) async throws -> Redemption {
        try redemption(try await tx.sql.raw("""
            INSERT INTO shop_redemptions (item_id, item_name, resident_id, account_id, user_id, name, region_path, points, state, code,
              pickup_place, hold_until, transfer_id, created_at)
            VALUES (\(bind: r.item.id), \(bind: r.item.name), \(bind: r.residentId), \(bind: r.accountId), \(bind: r.userId), \(bind: r.name),
              \(bind: r.regionPath), \(bind: r.item.price.hundredths), 'held', \(bind: r.code), \(bind: r.item.pickupPlace), \(bind: r.holdUntil),
              \(bind: r.transferId), \(bind: now))
            RETURNING \(unsafeRaw: redemptionColumns.replacingOccurrences(of: "r.", with: ""))
            """).first()!)
    }

    static func find(_ tx: Tx, redemptionId: Int64) async throws -> Redemption? {
        try await tx.sql.raw("SELECT \(unsafeRaw: redemptionColumns) FROM shop_redemptions r WHERE r.id = \(bind: redemptionId)").first().map(redemption)
    }

    static func find(_ tx: Tx, code: String) async throws -> Redemption? {
        try await tx.sql.raw("SELECT \(unsafeRaw: redemptionColumns) FROM shop_redemptions r WHERE r.code = \(bind: code)").first().map(redemption)
    }

    static func resolve(_ tx: Tx, id: Int64, state: RedemptionState, by: String, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE shop_redemptions SET state = \(bind: state.rawValue), resolved_at = \(bind: now), resolved_by = \(bind: by)
            WHERE id = \(bind: id) AND state = 'held'
            """).run()
    }

    /// How many of the item the person holds or has picked up since `since`.
    static func taken(_ tx: Tx, itemId: Int64, residentId: Int64, since: Int64) async throws -> Int {
        try await tx.sql.raw("""
            SELECT COUNT(*) AS n FROM shop_redemptions WHERE resident_id = \(bind: residentId) AND item_id = \(bind: itemId)
            AND state IN ('held', 'picked_up') AND created_at >= \(bind: since)
            """).first()!.decode(column: "n", as: Int.self)
    }

    static func mine(_ tx: Tx, residentId: Int64, limit: Int) async throws -> [Redemption] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: redemptionColumns) FROM shop_redemptions r WHERE r.resident_id = \(bind: residentId)
            ORDER BY r.id DESC LIMIT \(bind: limit)
            """).all().map(redemption)
    }

    /// Held redemptions in the area, the soonest to run out first.
    static func held(_ tx: Tx, within path: String, limit: Int) async throws -> [Redemption] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: redemptionColumns) FROM shop_redemptions r WHERE \(tx.engine.pathWithin("r.region_path", path))
            AND r.state = 'held' ORDER BY r.hold_until LIMIT \(bind: limit)
            """).all().map(redemption)
    }

    /// Held redemptions whose time ran out.
    static func overdue(_ tx: Tx, now: Int64, limit: Int) async throws -> [Int64] {
        try await tx.sql.raw("""
            SELECT id FROM shop_redemptions WHERE state = 'held' AND hold_until <= \(bind: now) ORDER BY hold_until LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
    }
}

extension ShopStore {
    static func userId(_ tx: Tx, redemptionId: Int64) async throws -> Int64? {
        try await tx.sql.raw("SELECT user_id FROM shop_redemptions WHERE id = \(bind: redemptionId)").first()?.decode(column: "user_id", as: Int64?.self)
    }
}

/// 入库 / 出库 of an item, with why and by whom.
public struct StockMove: Sendable, Equatable {
    public let delta: Int, reason: String, actor: String, at: Int64
}
