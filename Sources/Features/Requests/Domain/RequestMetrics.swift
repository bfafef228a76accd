import Foundation
import LinliKit

/// The counts the metrics are computed from, for one region and period (requests submitted in
/// the period, in the region's subtree). Every figure is a sum over request rows, so it can be
/// recomputed from the records at any time (formulas in docs/requests.md).
public struct MetricCounts: Sendable, Equatable {
    /// 受理量 — every request submitted.
    public var submitted = 0
    /// 有效诉求 — not rejected, voided or withdrawn.
    public var accepted = 0
    /// Signed for at least once.
    public var responded = 0
    /// Signed for within the 签收 limit.
    public var respondedInTime = 0
    /// Not signed for yet and past the 签收 deadline.
    public var unrespondedOverdue = 0
    /// 结案 — verified (closed or rated).
    public var closed = 0
    /// Closed with no missed 处置 deadline.
    public var closedInTime = 0
    /// Closed after at least one failed verification (返工).
    public var closedWithRework = 0
    /// Rated at least once.
    public var everRated = 0
    /// Rated unsatisfied at least once (重办).
    public var reopened = 0
    /// Ratings given (every 回访评价, including those that sent it back).
    public var ratings = 0
    /// Ratings of 3 stars or more.
    public var satisfiedRatings = 0
    /// Sums of working minutes per stage and how many requests they cover.
    public var respondMinutes = 0, respondCount = 0
    public var handleMinutes = 0, handleCount = 0
    public var verifyMinutes = 0, verifyCount = 0
    /// Missed a deadline in any stage, or overdue now.
    public var overdue = 0

    public init() {}
}

/// The figures people read, from the counts. A rate with nothing to count is nil ("—"), not 0.
public struct RequestMetrics: Sendable, Equatable {
    public let counts: MetricCounts

    public init(_ counts: MetricCounts) { self.counts = counts }

    static func ratio(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
    static func average(_ sum: Int, _ count: Int) -> Double? { count == 0 ? nil : Double(sum) / Double(count) }

    /// 响应率 = signed for in time ÷ (signed for + unsigned past the deadline)
    public var responseRate: Double? { Self.ratio(counts.respondedInTime, counts.responded + counts.unrespondedOverdue) }
    /// 按期办结率 = closed without a missed 处置 deadline ÷ closed
    public var onTimeClosureRate: Double? { Self.ratio(counts.closedInTime, counts.closed) }
    /// 结案率 = closed ÷ accepted
    public var closureRate: Double? { Self.ratio(counts.closed, counts.accepted) }
    /// 返工率 = closed after rework ÷ closed
    public var reworkRate: Double? { Self.ratio(counts.closedWithRework, counts.closed) }
    /// 重办率 = rated unsatisfied at least once ÷ rated at least once
    public var reopenRate: Double? { Self.ratio(counts.reopened, counts.everRated) }
    /// 满意率 = ratings of 3 stars or more ÷ all ratings
    public var satisfactionRate: Double? { Self.ratio(counts.satisfiedRatings, counts.ratings) }
    /// Average working minutes per stage.
    public var averageRespondMinutes: Double? { Self.average(counts.respondMinutes, counts.respondCount) }
    public var averageHandleMinutes: Double? { Self.average(counts.handleMinutes, counts.handleCount) }
    public var averageVerifyMinutes: Double? { Self.average(counts.verifyMinutes, counts.verifyCount) }

    public static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    public static func hours(_ minutes: Double?) -> String {
        minutes.map { String(format: "%.1f", $0 / 60) } ?? "—"
    }
}

/// A period of whole days (Asia/Shanghai), `from` inclusive, `to` inclusive.
public struct MetricPeriod: Sendable, Equatable {
    public let from: LocalDay
    public let to: LocalDay

    public init(from: LocalDay, to: LocalDay) throws {
        guard from <= to else { throw DomainError.invalid("to", "结束日期不能早于开始日期") }
        self.from = from
        self.to = to
    }

    public var startMillis: Int64 { from.start!.millis }
    public var endMillis: Int64 { to.adding(days: 1).start!.millis }
}

