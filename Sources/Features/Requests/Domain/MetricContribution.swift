import Foundation

/// What one request adds to the 办理统计 of its submission day and place — everything that
/// depends on the request alone. The two figures that change with the clock and not with the
/// request (overdue now, unsigned past the deadline) are not in it: they are counted live.
/// Kept per day and grid in a summary that every change to a request updates in its own
/// transaction, by the difference between the contributions before and after.
public enum MetricContribution {
    public static func of(_ p: RequestProgress) -> MetricCounts {
        var c = MetricCounts()
        let closed = p.state == .closed || p.state == .rated
        c.submitted = 1
        c.accepted = [.rejected, .voided, .withdrawn].contains(p.state) ? 0 : 1
        c.responded = p.respondedAt == nil ? 0 : 1
        c.respondedInTime = p.respondedAt != nil && !p.respondLate ? 1 : 0
        c.closed = closed ? 1 : 0
        c.closedInTime = closed && !p.handleLate ? 1 : 0
        c.closedWithRework = closed && p.reworkCount > 0 ? 1 : 0
        c.everRated = p.ratedAt == nil ? 0 : 1
        c.reopened = p.reopenCount > 0 ? 1 : 0
        // Every rating below 满意 sends the request back (重办) and every other one ends it, so
        // the ratings given are the reopenings plus the final one.
        c.ratings = p.reopenCount + (p.state == .rated ? 1 : 0)
        c.satisfiedRatings = p.state == .rated ? 1 : 0
        c.respondMinutes = p.respondMinutes ?? 0
        c.respondCount = p.respondMinutes == nil ? 0 : 1
        c.handleMinutes = closed ? p.handleMinutes : 0
        c.handleCount = c.closed
        c.verifyMinutes = closed ? p.verifyMinutes : 0
        c.verifyCount = c.closed
        c.overdue = p.respondLate || p.handleLate || p.verifyLate ? 1 : 0
        return c
    }
}

extension MetricCounts {
    /// Every count, by name, for sums and differences and the daily summary's columns.
    public static var fields: [(name: String, path: WritableKeyPath<MetricCounts, Int>)] {
        [("submitted", \.submitted), ("accepted", \.accepted), ("responded", \.responded), ("responded_in_time", \.respondedInTime),
         ("unresponded_overdue", \.unrespondedOverdue), ("closed", \.closed), ("closed_in_time", \.closedInTime),
         ("closed_with_rework", \.closedWithRework), ("ever_rated", \.everRated), ("reopened", \.reopened), ("ratings", \.ratings),
         ("satisfied_ratings", \.satisfiedRatings), ("respond_minutes", \.respondMinutes), ("respond_count", \.respondCount),
         ("handle_minutes", \.handleMinutes), ("handle_count", \.handleCount), ("verify_minutes", \.verifyMinutes),
         ("verify_count", \.verifyCount), ("overdue", \.overdue)]
    }

    public static func + (a: MetricCounts, b: MetricCounts) -> MetricCounts {
        var sum = a
        for field in fields { sum[keyPath: field.path] += b[keyPath: field.path] }
        return sum
    }

    public static func - (a: MetricCounts, b: MetricCounts) -> MetricCounts {
        var difference = a
        for field in fields { difference[keyPath: field.path] -= b[keyPath: field.path] }
        return difference
    }

    public static func += (a: inout MetricCounts, b: MetricCounts) { a = a + b }

    public static func -= (a: inout MetricCounts, b: MetricCounts) { a = a - b }

    public var isZero: Bool { self == MetricCounts() }
}
