import Foundation
import LinliKit

/// 考核定分 — what a grid's or a grid worker's monthly score is made of.
public enum ScoreMeasure: String, Sendable, Codable, CaseIterable {
    /// 走访按时率: visits made by their due date ÷ visits made.
    case visitsOnTime = "visits_on_time"
    /// 月度走访覆盖率: people in the plan visited in the month ÷ people in the plan.
    case coverage
    /// 巡查定量完成率: patrols ended ÷ the quota of the month's days so far (at most 100%).
    case patrolQuota = "patrol_quota"
    /// 诉求按期办结率: requests closed without a missed 处置 deadline ÷ requests closed.
    case requestsOnTime = "requests_on_time"
    /// 诉求满意率: ratings of `Workflow.satisfiedFrom` stars or more ÷ ratings given in the month.
    case requestsSatisfied = "requests_satisfied"
    /// 发现上报问题: problems found on patrol, so many points each up to the item's points.
    case problemsFound = "problems_found"

    public var label: String {
        switch self {
        case .visitsOnTime: "走访按时率"
        case .coverage: "月度走访覆盖率"
        case .patrolQuota: "巡查定量完成率"
        case .requestsOnTime: "诉求按期办结率"
        case .requestsSatisfied: "诉求满意率"
        case .problemsFound: "发现上报问题"
        }
    }

    /// Counted per problem rather than as a share.
    public var isCount: Bool { self == .problemsFound }
}

/// One line of the rule table: a measure and the points it is worth (a count measure: the
/// points each one earns, up to `points`).
public struct ScoreItem: Sendable, Codable, Equatable {
    public var measure: ScoreMeasure
    public var points: Double
    public var perUnit: Double?

    public init(_ measure: ScoreMeasure, points: Double, perUnit: Double? = nil) {
        self.measure = measure
        self.points = points
        self.perUnit = perUnit
    }
}

/// 考核细则 — a district's setting, versioned like the other grid rules.
public struct ScoreRules: Sendable, Codable, Equatable {
    public var items: [ScoreItem]

    public init(items: [ScoreItem]) { self.items = items }

    /// Linli's default (no national table exists; districts set their own): 100 points in all,
    /// the visit rhythm weighing most, as the 五定 work puts 走访定时 before 巡查定量.
    public static let defaults = ScoreRules(items: [
        ScoreItem(.visitsOnTime, points: 25), ScoreItem(.coverage, points: 30), ScoreItem(.patrolQuota, points: 20),
        ScoreItem(.requestsOnTime, points: 10), ScoreItem(.requestsSatisfied, points: 10),
        ScoreItem(.problemsFound, points: 5, perUnit: 1),
    ])

    public func problems() -> [String: String] {
        var problems: [String: String] = [:]
        if items.isEmpty { problems["items"] = "至少要有一个考核项" }
        if Set(items.map(\.measure)).count != items.count { problems["items"] = "每个考核项只能出现一次" }
        for item in items {
            if !(item.points > 0 && item.points <= 100) { problems["items"] = "「\(item.measure.label)」的分值应大于 0、不超过 100" }
            if item.measure.isCount, !((item.perUnit ?? 0) > 0 && (item.perUnit ?? 0) <= item.points) {
                problems["items"] = "「\(item.measure.label)」应写明每件的分值（不超过该项分值）"
            }
        }
        return problems
    }
}

/// The counts a score is made from, for one grid or one worker in one month.
public struct ScoreFigures: Sendable, Equatable {
    public var visits = 0, lateVisits = 0
    public var inCare = 0, visited = 0
    public var patrols = 0, patrolQuota = 0
    public var closed = 0, closedInTime = 0
    public var rated = 0, satisfied = 0
    public var problems = 0

    public init() {}

    /// (part, whole) of a share measure; the count of a count measure as (count, nil).
    func parts(_ measure: ScoreMeasure) -> (Int, Int?) {
        switch measure {
        case .visitsOnTime: (visits - lateVisits, visits)
        case .coverage: (visited, inCare)
        case .patrolQuota: (min(patrols, patrolQuota), patrolQuota)
        case .requestsOnTime: (closedInTime, closed)
        case .requestsSatisfied: (satisfied, rated)
        case .problemsFound: (problems, nil)
        }
    }
}

/// A score with the breakdown of every point.
public struct ScoreCard: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let measure: ScoreMeasure
        public let part: Int
        /// Nil for a count measure; 0 when there was nothing to count (the line is left out).
        public let whole: Int?
        public let points: Double
        public let maximum: Double
        public var counted: Bool { whole != 0 }
    }

    public let lines: [Line]
    /// Points earned ÷ points possible on the lines that had something to count, out of 100.
    public let total: Double

    /// A share measure with nothing to count (no visits due, no request closed) is left out and
    /// the rest scaled to 100, so a grid is neither rewarded nor punished for an empty month.
    public init(_ figures: ScoreFigures, rules: ScoreRules) {
        lines = rules.items.map { item in
            let (part, whole) = figures.parts(item.measure)
            let points: Double = switch whole {
            case nil: min(item.points, Double(part) * (item.perUnit ?? 0))
            case 0?: 0
            case let whole?: item.points * Double(part) / Double(whole)
            }
            return Line(measure: item.measure, part: part, whole: whole, points: Self.tenth(points), maximum: item.points)
        }
        let possible = lines.filter(\.counted).map(\.maximum).reduce(0, +)
        let earned = lines.filter(\.counted).map(\.points).reduce(0, +)
        total = possible == 0 ? 0 : Self.tenth(earned / possible * 100)
    }

    static func tenth(_ v: Double) -> Double { (v * 10).rounded() / 10 }
}

public enum ScoreRanking {
    /// Competition ranks (1, 2, 2, 4) by total, highest first, within each group.
    public static func ranks<Key: Hashable>(_ entries: [(key: Key, group: Int64, total: Double)]) -> [Key: Int] {
        var out: [Key: Int] = [:]
        for (_, members) in Dictionary(grouping: entries, by: \.group) {
            for entry in members {
                out[entry.key] = 1 + members.filter { $0.total > entry.total }.count
            }
        }
        return out
    }
}
