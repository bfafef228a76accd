import Foundation
import LinliKit

/// The inputs of the points bank, shared by its pages and its API, with every limit.

extension Fields {
    /// An amount of points: a number or text with at most two decimals, within `range`.
    mutating func points(_ name: String, _ label: String, required: Bool = false, range: ClosedRange<Double> = 0.01...100_000) -> Points? {
        guard let value = decimal(name, label, required: required, range: range) else { return nil }
        let hundredths = (value * 100).rounded()
        guard abs(value * 100 - hundredths) < 1e-6 else {
            fail(name, "「\(label)」最多两位小数")
            return nil
        }
        return Points(hundredths: Int64(hundredths))
    }
}

/// 奖励: a resident, an amount, a reason.
struct GrantInput {
    let residentId: Int64, amount: Points, reason: String
    init(_ fields: inout Fields) throws {
        let residentId = fields.integer("residentId", "居民", required: true)
        let amount = fields.points("amount", "奖励积分", required: true, range: 0.01...10_000)
        let reason = fields.text("reason", "奖励理由", required: true, maxLength: 200)
        try fields.finish()
        (self.residentId, self.amount, self.reason) = (try fields.present(residentId), try fields.present(amount), try fields.present(reason))
    }
}

/// 冲正 — why, in at most 200 characters.
struct ReasonInput {
    let reason: String
    init(_ fields: inout Fields) throws {
        let reason = fields.text("reason", "理由", required: true, maxLength: 200)
        try fields.finish()
        self.reason = try fields.present(reason)
    }
}

/// 积分规则: every rule, the categories' coefficients as `医护=1.5`, and why it changes.
struct RulesInput {
    let rules: EarningRules, note: String
    init(_ fields: inout Fields) throws {
        var rules = EarningRules.common
        let perHour = fields.points("perHour", "每服务 1 小时", required: true, range: 0...10_000)
        let perActivity = fields.points("perActivity", "参加一次活动", required: true, range: 0...10_000)
        let perGoodDeed = fields.points("perGoodDeed", "一件好人好事", required: true, range: 0...10_000)
        let perRequest = fields.points("perRequestHandled", "协助办结一件诉求", required: true, range: 0...10_000)
        let minRating = fields.integer("minRating", "诉求评价至少", required: true, range: 1...5)
        let daily = fields.points("dailyCap", "每日上限", range: 0.01...100_000)
        let monthly = fields.points("monthlyCap", "每月上限", range: 0.01...1_000_000)
        let pairs = fields.list("coefficients", "服务类别系数", maxCount: 30, maxLength: 30)
        let note = fields.text("note", "修改依据", required: true, maxLength: 200)
        var coefficients: [String: Int] = [:]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite, abs(value) < 1000,
                  abs(value * 100 - (value * 100).rounded()) < 1e-6 else {
                fields.fail("coefficients", "服务类别系数应写成「类别=系数」，如「医护=1.5」")
                break
            }
            coefficients[parts[0]] = Int((value * 100).rounded())
        }
        try fields.finish()
        rules.perHour = try fields.present(perHour)
        rules.perActivity = try fields.present(perActivity)
        rules.perGoodDeed = try fields.present(perGoodDeed)
        rules.perRequestHandled = try fields.present(perRequest)
        rules.minRating = Int(try fields.present(minRating))
        rules.dailyCap = daily
        rules.monthlyCap = monthly
        rules.coefficients = coefficients
        self.rules = rules
        self.note = try fields.present(note)
    }
}

/// 上架 / 修改 a shop item (the checks of `ShopItemInput` follow in the service).
struct ShopItemFields {
    let input: ShopItemInput, communityId: Int64?, onSale: Bool
    init(_ fields: inout Fields) throws {
        let communityId = fields.integer("communityId", "所属社区")
        let name = fields.text("name", "名称", required: true, maxLength: ShopItemInput.nameLimit)
        let description = fields.text("description", "说明", maxLength: ShopItemInput.descriptionLimit)
        let kind = fields.choice("kind", "类别", parse: ShopItem.Kind.init(rawValue:))
        let source = fields.choice("source", "来源", parse: ShopItem.Source.init(rawValue:))
        let donor = fields.text("donor", "捐赠方", maxLength: ShopItemInput.donorLimit)
        let price = fields.points("price", "兑换积分", required: true)
        let stock = fields.integer("stock", "库存", range: 0...Int64(ShopItemInput.mostStock))
        let limit = fields.integer("perPersonLimit", "每人限兑", range: 1...1000)
        let period = fields.choice("limitPeriod", "限兑周期", parse: ShopItem.LimitPeriod.init(rawValue:))
        let eligible = fields.integer("eligibleRegionId", "可兑换范围")
        let tags = fields.list("eligibleTags", "限定标签", maxCount: 10, maxLength: 20)
        let place = fields.text("pickupPlace", "领取地点", required: true, maxLength: ShopItemInput.placeLimit)
        let hold = fields.integer("holdHours", "保留时长（小时）", range: 1...Int64(ShopItemInput.mostHoldHours))
        let offSale = fields.bool("offSale")
        try fields.finish()
        input = ShopItemInput(name: name, description: description, kind: kind?.rawValue, source: source?.rawValue, donor: donor,
                              price: price?.description, stock: stock.map(Int.init), perPersonLimit: limit.map(Int.init),
                              limitPeriod: period?.rawValue, eligibleRegionId: eligible, eligibleTags: tags, pickupPlace: place,
                              holdHours: hold.map(Int.init))
        self.communityId = communityId
        onSale = !offSale
    }
}

/// 入库 (positive) or 出库 (negative), with why.
struct RestockInput {
    let delta: Int, reason: String
    init(_ fields: inout Fields) throws {
        let delta = fields.integer("delta", "数量", required: true, range: -Int64(ShopItemInput.mostStock)...Int64(ShopItemInput.mostStock))
        let reason = fields.text("reason", "原因", required: true, maxLength: 100)
        try fields.finish()
        (self.delta, self.reason) = (Int(try fields.present(delta)), try fields.present(reason))
    }
}

/// 兑换: for oneself, or (staff) for a resident at the counter.
struct RedeemInput {
    let residentId: Int64?
    init(_ fields: inout Fields) throws {
        residentId = fields.integer("residentId", "居民")
        try fields.finish()
    }
}

/// 核销: the code as scanned or typed, and the item being handed out if staff chose one.
struct PickupInput {
    let code: String, itemId: Int64?
    init(_ fields: inout Fields) throws {
        let code = fields.text("code", "领取码", required: true, maxLength: 20)
        itemId = fields.integer("itemId", "物品")
        try fields.finish()
        self.code = try fields.present(code)
    }
}

/// 申报好人好事 (staff may name the resident).
struct GoodDeedFields {
    let input: GoodDeedInput, residentId: Int64?
    init(_ fields: inout Fields) throws {
        let title = fields.text("title", "事由", required: true, maxLength: GoodDeedInput.titleLimit)
        let description = fields.text("description", "经过", required: true, maxLength: GoodDeedInput.descriptionLimit)
        let day = fields.text("happenedOn", "日期", required: true, maxLength: 10)
        let evidence = fields.text("evidence", "证明", required: true, maxLength: GoodDeedInput.evidenceLimit)
        residentId = fields.integer("residentId", "居民")
        try fields.finish()
        input = GoodDeedInput(title: title, description: description, happenedOn: day, evidence: evidence)
    }
}

struct GoodDeedDecisionInput {
    let approve: Bool, granted: Points?, note: String?
    init(_ fields: inout Fields) throws {
        let decision = fields.choice("decision", "审核结果", required: true) { ["approve": true, "reject": false][$0] }
        granted = fields.points("granted", "奖励积分", range: 0.01...100)
        note = fields.text("note", "审核意见", maxLength: 200)
        try fields.finish()
        approve = try fields.present(decision)
    }
}

/// 对账单的一页: entries before `before`, `limit` of them.
struct StatementQuery {
    let before: Int64?, limit: Int
    init(_ fields: inout Fields) throws {
        before = fields.integer("before", "从第几条之前")
        limit = Int(fields.integer("limit", "每页条数", range: 1...500) ?? 50)
        try fields.finish()
    }
}

/// 余额查询: the end of a day, `2026-05-31`.
struct AsOfQuery {
    let moment: Date
    init(_ fields: inout Fields) throws {
        let text = fields.text("date", "日期", required: true, maxLength: 10) ?? ""
        let day = ChinaStandardTime.dayParts(text)
        if day == nil && !text.isEmpty { fields.fail("date", "请写成「2026-05-31」") }
        try fields.finish()
        let d = try fields.present(day)
        moment = ChinaStandardTime.startOfDay(year: d.year, month: d.month, day: d.day).addingTimeInterval(86_400 - 0.001)
    }
}

/// 月报: a month, `2026-05`.
struct MonthQuery {
    let year: Int, month: Int
    init(_ fields: inout Fields) throws {
        let text = fields.text("month", "月份", required: true, maxLength: 7) ?? ""
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let valid = parts.count == 2 && (2000...2100).contains(parts[0]) && (1...12).contains(parts[1])
        if !valid && !text.isEmpty { fields.fail("month", "请写成「2026-05」") }
        try fields.finish()
        _ = try fields.present(valid ? true : nil)
        (year, month) = (parts[0], parts[1])
    }
}
