import LinliKit

/// 上架 / 修改兑换物品 — the one input of the page's form and the API, with every limit.
public struct ShopItemInput: Sendable, Codable, Equatable {
    public var name: String?
    public var description: String?
    public var kind: String?
    public var source: String?
    public var donor: String?
    /// 兑换积分, e.g. `20` or `12.5`.
    public var price: String?
    /// On creation: what is on the shelf. (Later changes go through stock movements.)
    public var stock: Int?
    public var perPersonLimit: Int?
    public var limitPeriod: String?
    /// Who may redeem: people living in this region (default: the whole community).
    public var eligibleRegionId: Int64?
    public var eligibleTags: [String]?
    public var pickupPlace: String?
    public var holdHours: Int?

    public init(name: String? = nil, description: String? = nil, kind: String? = nil, source: String? = nil, donor: String? = nil,
                price: String? = nil, stock: Int? = nil, perPersonLimit: Int? = nil, limitPeriod: String? = nil,
                eligibleRegionId: Int64? = nil, eligibleTags: [String]? = nil, pickupPlace: String? = nil, holdHours: Int? = nil) {
        self.name = name
        self.description = description
        self.kind = kind
        self.source = source
        self.donor = donor
        self.price = price
        self.stock = stock
        self.perPersonLimit = perPersonLimit
        self.limitPeriod = limitPeriod
        self.eligibleRegionId = eligibleRegionId
        self.eligibleTags = eligibleTags
        self.pickupPlace = pickupPlace
        self.holdHours = holdHours
    }

    public static let nameLimit = 40, descriptionLimit = 500, donorLimit = 60, placeLimit = 60
    public static let mostStock = 100_000, mostPrice = Points(whole: 100_000), mostHoldHours = 720

    /// The checked values, or every field's mistake (zh-CN).
    public struct Checked: Sendable, Equatable {
        public let name: String, description: String, kind: ShopItem.Kind, source: ShopItem.Source, donor: String
        public let price: Points, stock: Int, perPersonLimit: Int?, limitPeriod: ShopItem.LimitPeriod
        public let eligibleTags: [String], pickupPlace: String, holdHours: Int
    }

    public func checked(defaultHoldHours: Int) -> Result<Checked, PointsInputErrors> {
        var errors: [String: String] = [:]
        let name = (self.name ?? "").trimmingWhitespace
        if name.isEmpty || name.count > Self.nameLimit { errors["name"] = "请填写名称（\(Self.nameLimit) 字以内）" }
        let description = (self.description ?? "").trimmingWhitespace
        if description.count > Self.descriptionLimit { errors["description"] = "说明请在 \(Self.descriptionLimit) 字以内" }
        let kind = ShopItem.Kind(rawValue: self.kind ?? "goods")
        if kind == nil { errors["kind"] = "请选择物品或服务" }
        let source = ShopItem.Source(rawValue: self.source ?? "community")
        if source == nil { errors["source"] = "请选择来源" }
        let donor = (self.donor ?? "").trimmingWhitespace
        if donor.count > Self.donorLimit { errors["donor"] = "捐赠方请在 \(Self.donorLimit) 字以内" }
        if source != nil && source != .community && donor.isEmpty { errors["donor"] = "请填写捐赠的单位或商户" }
        let price = Points(text: self.price ?? "")
        if price == nil || price! <= .zero || price! > Self.mostPrice { errors["price"] = "兑换积分应在 0.01 到 \(Self.mostPrice) 之间，最多两位小数" }
        let stock = self.stock ?? 0
        if !(0...Self.mostStock).contains(stock) { errors["stock"] = "库存应在 0 到 \(Self.mostStock) 之间" }
        if let limit = perPersonLimit, !(1...1000).contains(limit) { errors["perPersonLimit"] = "每人限兑应在 1 到 1000 件之间（不限请留空）" }
        let period = ShopItem.LimitPeriod(rawValue: limitPeriod ?? "month")
        if period == nil { errors["limitPeriod"] = "请选择每月或累计" }
        let tags = (eligibleTags ?? []).map(\.trimmingWhitespace).filter { !$0.isEmpty }
        if tags.count > 10 || tags.contains(where: { $0.count > 20 }) { errors["eligibleTags"] = "限定标签最多 10 个，每个 20 字以内" }
        let place = (pickupPlace ?? "").trimmingWhitespace
        if place.isEmpty || place.count > Self.placeLimit { errors["pickupPlace"] = "请填写领取地点（\(Self.placeLimit) 字以内）" }
        let hold = holdHours ?? defaultHoldHours
        if !(1...Self.mostHoldHours).contains(hold) { errors["holdHours"] = "保留时长应在 1 到 \(Self.mostHoldHours) 小时之间" }
        guard errors.isEmpty, let kind, let source, let price, let period else { return .failure(PointsInputErrors(fields: errors)) }
        return .success(Checked(name: name, description: description, kind: kind, source: source, donor: donor, price: price, stock: stock,
                                perPersonLimit: perPersonLimit, limitPeriod: period, eligibleTags: Array(Set(tags)).sorted(),
                                pickupPlace: place, holdHours: hold))
    }
}

public struct PointsInputErrors: Error, Sendable, Equatable {
    public let fields: [String: String]
}

extension Points {
    /// `12`, `12.5`, `0.05` as typed; nil for anything else (more than two decimals, a sign,
    /// letters, more than a billion).
    public init?(text: String) {
        let parts = text.trimmingWhitespace.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 9,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(whole) else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? f * 10 : f
        }
        self.init(hundredths: value * 100 + cents)
    }
}
