import Foundation
import LinliKit

/// 走访覆盖 of one region in one month: people in the plan, how many were visited in the month,
/// how many are overdue now, and how many high-risk people were not reached within the hours
/// after an event declared that month.
public struct CoverageFigures: Sendable, Equatable {
    public var inCare = 0
    public var visited = 0
    public var overdue = 0
    public var visits = 0
    public var lateVisits = 0
    /// (high-risk person, event) pairs of the month's events.
    public var eventDue = 0
    public var eventMissed = 0

    public init() {}

    /// The share of people in the plan visited in the month (the 100% target); nil with nobody in it.
    public var rate: Double? { inCare == 0 ? nil : Double(visited) / Double(inCare) }

    public static func + (a: CoverageFigures, b: CoverageFigures) -> CoverageFigures {
        var c = a
        c.inCare += b.inCare
        c.visited += b.visited
        c.overdue += b.overdue
        c.visits += b.visits
        c.lateVisits += b.lateVisits
        c.eventDue += b.eventDue
        c.eventMissed += b.eventMissed
        return c
    }
}

public enum CoverageRules {
    /// A calendar month in China Standard Time, as [start, end).
    public static func month(year: Int, month: Int) -> (from: Date, to: Date) {
        let p = Cadence.monthly.period(containing: ChinaStandardTime.startOfDay(year: year, month: month, day: 1))
        return (p.start, p.end)
    }
}
