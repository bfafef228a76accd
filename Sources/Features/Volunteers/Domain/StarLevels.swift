import LinliKit

/// 星级 — a volunteer's stars, a pure function of their certified hours and the district's
/// thresholds (recomputable at any time from the records).
public struct StarThresholds: Sendable, Equatable {
    /// Certified hours for 1★ … 5★, strictly increasing.
    public let hours: [Int]

    /// 100 / 300 / 600 / 1000 / 1500 hours: the long-standing national practice (docs/volunteers.md).
    public static let national = StarThresholds(checked: [100, 300, 600, 1000, 1500])

    init(checked hours: [Int]) { self.hours = hours }

    /// Five positive, strictly increasing whole hours, or nil.
    public init?(_ hours: [Int]) {
        guard hours.count == 5, hours.allSatisfy({ $0 > 0 }), zip(hours, hours.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.hours = hours
    }

    /// `30,60,100,200,300` (a district's own rule), or nil when it is not five increasing hours.
    public init?(text: String) {
        let parts = text.split(separator: ",").map { String($0).trimmingWhitespace }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        self.init(numbers)
    }
}

/// Where a volunteer stands: stars, and how far they are from the next.
public struct StarStanding: Sendable, Equatable {
    /// 0 … 5.
    public let stars: Int
    /// Certified hours, rounded down.
    public let hours: Int
    /// Hours the next star needs; nil at 5★.
    public let nextAt: Int?
    /// 0…1 of the way from this star's threshold to the next one's.
    public let progress: Double

    public static func of(certifiedMinutes: Int, thresholds: StarThresholds) -> StarStanding {
        let minutes = max(certifiedMinutes, 0)
        let stars = thresholds.hours.filter { minutes >= $0 * 60 }.count
        let hours = minutes / 60
        guard stars < thresholds.hours.count else { return StarStanding(stars: stars, hours: hours, nextAt: nil, progress: 1) }
        let from = stars == 0 ? 0 : thresholds.hours[stars - 1] * 60
        let to = thresholds.hours[stars] * 60
        return StarStanding(stars: stars, hours: hours, nextAt: thresholds.hours[stars],
                            progress: Double(minutes - from) / Double(to - from))
    }
}
