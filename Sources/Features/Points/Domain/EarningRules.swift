/// 积分规则 — what earns points, as data a district or community admin edits. Each edit is a
/// new version; an award keeps the version it was computed with, so a change never rewrites
/// past entries.
public struct EarningRules: Sendable, Equatable, Codable {
    public var version: Int
    /// Points per certified service hour before the category's coefficient.
    public var perHour: Points
    /// 服务类别 × 系数 (cf. DB3205/T 1001-2020): a category's coefficient in hundredths
    /// (120 = 1.2); a category not listed counts 1.0.
    public var coefficients: [String: Int]
    /// Taking part in a resident activity (attended).
    public var perActivity: Points
    /// An approved good deed (好人好事), unless the reviewer grants another amount.
    public var perGoodDeed: Points
    /// A request the volunteer handled, closed with at least `minRating` stars.
    public var perRequestHandled: Points
    public var minRating: Int
    /// Most a person earns in a day and in a month (nil: no cap).
    public var dailyCap: Points?
    public var monthlyCap: Points?

    /// Ours: an hour of service is a point (the time-bank convention), taking part or a good
    /// deed one point, a well-rated request one point; no caps until a district sets them.
    public static let common = EarningRules(version: 1, perHour: Points(whole: 1), coefficients: [:], perActivity: Points(whole: 1),
                                            perGoodDeed: Points(whole: 1), perRequestHandled: Points(whole: 1), minRating: 4,
                                            dailyCap: nil, monthlyCap: nil)

    public init(version: Int, perHour: Points, coefficients: [String: Int], perActivity: Points, perGoodDeed: Points,
                perRequestHandled: Points, minRating: Int, dailyCap: Points?, monthlyCap: Points?) {
        self.version = version
        self.perHour = perHour
        self.coefficients = coefficients
        self.perActivity = perActivity
        self.perGoodDeed = perGoodDeed
        self.perRequestHandled = perRequestHandled
        self.minRating = minRating
        self.dailyCap = dailyCap
        self.monthlyCap = monthlyCap
    }

    /// The edit as the next version, or every field's mistake.
    public func edited(_ change: (inout EarningRules) -> Void) -> Result<EarningRules, EarningRuleErrors> {
        var next = self
        change(&next)
        next.version = version + 1
        var errors: [String: String] = [:]
        let most = Points(whole: 10_000)
        for (field, value) in [("perHour", next.perHour), ("perActivity", next.perActivity), ("perGoodDeed", next.perGoodDeed),
                               ("perRequestHandled", next.perRequestHandled)] where value < .zero || value > most {
            errors[field] = "积分应在 0 到 \(most) 之间"
        }
        if let odd = next.coefficients.first(where: { !(10...1000).contains($0.value) }) { errors["coefficients"] = "「\(odd.key)」的系数应在 0.1 到 10 之间" }
        if next.coefficients.keys.contains(where: { $0.isEmpty || $0.count > 20 }) { errors["coefficients"] = "服务类别应为 1–20 个字" }
        if !(1...5).contains(next.minRating) { errors["minRating"] = "满意度应为 1 到 5 星" }
        if let cap = next.dailyCap, cap <= .zero { errors["dailyCap"] = "每日上限应大于 0（不设上限请留空）" }
        if let cap = next.monthlyCap, cap <= .zero { errors["monthlyCap"] = "每月上限应大于 0（不设上限请留空）" }
        if let day = next.dailyCap, let month = next.monthlyCap, month < day { errors["monthlyCap"] = "每月上限不能小于每日上限" }
        return errors.isEmpty ? .success(next) : .failure(EarningRuleErrors(fields: errors))
    }
}

public struct EarningRuleErrors: Error, Sendable, Equatable {
    public let fields: [String: String]
}

/// Why points are earned.
public enum EarningReason: Sendable, Equatable {
    /// A certified service record: its minutes and service category.
    case service(minutes: Int64, category: String?)
    case activity
    /// An approved good deed; the reviewer may grant another amount.
    case goodDeed(granted: Points?)
    /// A request handled, closed with `rating` stars.
    case requestHandled(rating: Int)
}

/// What to award, with the version of the rules that gave it.
public struct AwardPlan: Sendable, Equatable {
    public let points: Points
    /// Less than the rule gives: a cap was reached.
    public let capped: Bool
    public let version: Int

    public init(points: Points, capped: Bool, version: Int) {
        self.points = points
        self.capped = capped
        self.version = version
    }
}

extension EarningRules {
    /// The award for `reason` to a person who already earned `today` and `thisMonth`; nil when
    /// nothing is due (a zero rule, a low rating, a cap reached).
    public func award(_ reason: EarningReason, today: Points, thisMonth: Points) -> AwardPlan? {
        let full: Points
        switch reason {
        case .service(let minutes, let category):
            let coefficient = Int64(category.flatMap { coefficients[$0] } ?? 100)
            // Half-up to the hundredth: minutes × per-hour × coefficient ÷ (60 × 100).
            full = Points(hundredths: (max(minutes, 0) * perHour.hundredths * coefficient + 3_000) / 6_000)
        case .activity: full = perActivity
        case .goodDeed(let granted): full = granted ?? perGoodDeed
        case .requestHandled(let rating): full = rating >= minRating ? perRequestHandled : .zero
        }
        var points = full
        if let cap = dailyCap { points = min(points, max(cap - today, .zero)) }
        if let cap = monthlyCap { points = min(points, max(cap - thisMonth, .zero)) }
        guard points > .zero else { return nil }
        return AwardPlan(points: points, capped: points < full, version: version)
    }
}
