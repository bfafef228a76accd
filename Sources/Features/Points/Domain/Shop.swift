/// 爱心兑换 — goods and services donated by units, shops, 双报到 units or bought by the
/// community, redeemed for points. Stock counts what is still on the shelf: a redemption holds
/// one until pickup, so the shelf, the held and the redeemed add up to what came in.
public struct ShopItem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case goods, service
        public var label: String { self == .goods ? "物品" : "服务" }
    }

    /// Who gave it.
    public enum Source: String, Sendable, CaseIterable, Codable {
        case unit, shop, paired, community
        public var label: String {
            switch self {
            case .unit: "单位捐赠"
            case .shop: "商户捐赠"
            case .paired: "双报到单位"
            case .community: "社区购置"
            }
        }
    }

    /// How long the per-person limit counts.
    public enum LimitPeriod: String, Sendable, CaseIterable, Codable {
        case month, ever
        public var label: String { self == .month ? "每月" : "累计" }
    }

    public let id: Int64
    /// The community whose shop it is.
    public let communityId: Int64
    public let regionPath: String
    public let name: String
    public let description: String
    public let kind: Kind
    public let source: Source
    public let donor: String
    public let price: Points
    public let stock: Int
    public let held: Int
    public let redeemed: Int
    /// Most one person may redeem per period; nil: no limit but the stock.
    public let perPersonLimit: Int?
    public let limitPeriod: LimitPeriod
    /// Who may redeem: people living under this path, with at least one of these tags (none: anyone).
    public let eligiblePath: String
    public let eligibleTags: [String]
    public let pickupPlace: String
    public let holdHours: Int
    public let onSale: Bool
    public let updatedAt: Int64

    public init(id: Int64, communityId: Int64, regionPath: String, name: String, description: String, kind: Kind, source: Source,
                donor: String, price: Points, stock: Int, held: Int, redeemed: Int, perPersonLimit: Int?, limitPeriod: LimitPeriod,
                eligiblePath: String, eligibleTags: [String], pickupPlace: String, holdHours: Int, onSale: Bool, updatedAt: Int64) {
        self.id = id
        self.communityId = communityId
        self.regionPath = regionPath
        self.name = name
        self.description = description
        self.kind = kind
        self.source = source
        self.donor = donor
        self.price = price
        self.stock = stock
        self.held = held
        self.redeemed = redeemed
        self.perPersonLimit = perPersonLimit
        self.limitPeriod = limitPeriod
        self.eligiblePath = eligiblePath
        self.eligibleTags = eligibleTags
        self.pickupPlace = pickupPlace
        self.holdHours = holdHours
        self.onSale = onSale
        self.updatedAt = updatedAt
    }
}

/// A redemption's life: held until pickup, then picked up, cancelled or timed out. Only a held
/// one changes, and only once.
public enum RedemptionState: String, Sendable, CaseIterable, Codable {
    case held
    case pickedUp = "picked_up"
    case cancelled, expired

    public var label: String {
        switch self {
        case .held: "待领取"
        case .pickedUp: "已领取"
        case .cancelled: "已取消"
        case .expired: "已过期"
        }
    }

    /// Counts toward the per-person limit.
    public var counts: Bool { self == .held || self == .pickedUp }
}

public struct Redemption: Sendable, Equatable, Codable {
    public let id: Int64
    public let itemId: Int64
    public let itemName: String
    public let residentId: Int64
    public let accountId: Int64
    public let name: String
    public let points: Points
    public let state: RedemptionState
    /// 领取码 — shown as a QR code, scanned by staff at the pickup place.
    public let code: String
    public let pickupPlace: String
    public let holdUntil: Int64
    /// The pending debit that holds the points.
    public let transferId: Int64
    public let createdAt: Int64
    public let resolvedAt: Int64?
    public let resolvedBy: String?

    public init(id: Int64, itemId: Int64, itemName: String, residentId: Int64, accountId: Int64, name: String, points: Points,
                state: RedemptionState, code: String, pickupPlace: String, holdUntil: Int64, transferId: Int64, createdAt: Int64,
                resolvedAt: Int64?, resolvedBy: String?) {
        self.id = id
        self.itemId = itemId
        self.itemName = itemName
        self.residentId = residentId
        self.accountId = accountId
        self.name = name
        self.points = points
        self.state = state
        self.code = code
        self.pickupPlace = pickupPlace
        self.holdUntil = holdUntil
        self.transferId = transferId
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
    }
}

/// Why a redemption is refused, in words for the resident.
public enum ShopRefusal: Error, Sendable, Equatable {
    case offSale
    case outOfStock
    case notForArea
    case notForTags([String])
    case overLimit(limit: Int, period: ShopItem.LimitPeriod)
    case done(RedemptionState)

    public var message: String {
        switch self {
        case .offSale: "这件物品已下架"
        case .outOfStock: "已兑完，请等补货"
        case .notForArea: "这件物品只供本社区居民兑换"
        case .notForTags(let tags): "这件物品只供\(tags.joined(separator: "、"))居民兑换"
        case .overLimit(let limit, let period): "每人\(period == .month ? "每月" : "")限兑 \(limit) 件，您已兑满"
        case .done(let state): "这次兑换\(state.label)，不能再处理"
        }
    }
}

/// The shop's rules, without I/O: checked under the item's lock, then the account's.
public enum ShopRules {
    /// May a person living at `path` with `tags`, who already has `taken` of this item in the
    /// limit's period, hold one?
    public static func mayHold(_ item: ShopItem, path: String, tags: [String], taken: Int) throws(ShopRefusal) {
        guard item.onSale else { throw .offSale }
        guard path.hasPrefix(item.eligiblePath) else { throw .notForArea }
        if !item.eligibleTags.isEmpty && Set(item.eligibleTags).isDisjoint(with: tags) { throw .notForTags(item.eligibleTags) }
        if let limit = item.perPersonLimit, taken >= limit { throw .overLimit(limit: limit, period: item.limitPeriod) }
        guard item.stock > 0 else { throw .outOfStock }
    }

    /// The state a held redemption goes to, or why it cannot.
    public static func resolve(_ state: RedemptionState, to next: RedemptionState) throws(ShopRefusal) -> Resolution {
        guard state == .held else { throw .done(state) }
        switch next {
        case .pickedUp: return .post
        case .cancelled: return .void
        case .expired: return .expire
        case .held: throw .done(.held)
        }
    }
}
