import Foundation
import LinliKit

/// A day on the Asia/Shanghai calendar, e.g. 2026-10-01. Holidays and 调休 are decided per
/// day, so deadlines are computed on local days, never on UTC ones.
public struct LocalDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or for a date that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let candidate = LocalDay(year: y, month: m, day: d)
        guard let date = candidate.start, LocalDay(date) == candidate else { return nil }
        self = candidate
    }

    public init(_ date: Date) {
        let r = ChinaStandardTime.reading(date)
        self.init(year: r.year, month: r.month, day: r.day)
    }

    /// Midnight at the start of the day, Asia/Shanghai.
    public var start: Date? { ChinaStandardTime.startOfDay(year: year, month: month, day: day) }

    public var description: String {
        "\(ChinaStandardTime.padded(year, 4))-\(ChinaStandardTime.padded(month, 2))-\(ChinaStandardTime.padded(day, 2))"
    }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { ChinaStandardTime.reading(start!).isoWeekday }

    public func adding(days: Int) -> LocalDay {
        let (y, m, d) = ChinaStandardTime.civil(fromDays: ChinaStandardTime.days(year: year, month: month, day: self.day) + Int64(days))
        return LocalDay(year: y, month: m, day: d)
    }

    public static func < (a: LocalDay, b: LocalDay) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// How a day differs from the ordinary week: a public holiday (放假) or a make-up working
/// day (调休上班, usually a Saturday or Sunday).
public enum DayKind: String, Sendable, CaseIterable, Codable {
    case holiday
    case workday

    public var label: String { self == .holiday ? "放假" : "调休上班" }
}

/// 工作日历 — the working-time calendar deadlines are counted in: working hours on working
/// days (Monday–Friday by default, 08:30–17:30), minus public holidays, plus 调休 make-up
/// days. Pure value: the database holds the table, this does the sums.
public struct WorkCalendar: Sendable, Equatable {
    /// Minutes after midnight the working day starts and ends.
    public var startMinute: Int
    public var endMinute: Int
    /// ISO weekdays (1 = Monday) that are working days in an ordinary week.
    public var weekdays: Set<Int>
    public var exceptions: [LocalDay: DayKind]

    public init(startMinute: Int = 8 * 60 + 30, endMinute: Int = 17 * 60 + 30, weekdays: Set<Int> = [1, 2, 3, 4, 5],
                exceptions: [LocalDay: DayKind] = [:]) {
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.weekdays = weekdays
        self.exceptions = exceptions
    }

    /// Rejects settings under which no deadline could ever fall due.
    public static func validate(startMinute: Int, endMinute: Int, weekdays: Set<Int>) throws {
        var problems: [String: String] = [:]
        if !(0..<24 * 60).contains(startMinute) || !(1...24 * 60).contains(endMinute) || endMinute <= startMinute {
            problems["hours"] = "上班时间应早于下班时间，且在 00:00–24:00 之间"
        }
        if weekdays.isEmpty || !weekdays.isSubset(of: 1...7) { problems["weekdays"] = "至少选择一个工作日（周一至周日）" }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
    }

    public var minutesPerDay: Int { endMinute - startMinute }

    public func isWorkingDay(_ day: LocalDay) -> Bool {
        switch exceptions[day] {
        case .holiday?: false
        case .workday?: true
        case nil: weekdays.contains(day.isoWeekday)
        }
    }

    /// The working window of a day, or nil on a day off.
    func window(_ day: LocalDay) -> (start: Date, end: Date)? {
        guard isWorkingDay(day), let midnight = day.start else { return nil }
        return (midnight.addingTimeInterval(Double(startMinute) * 60), midnight.addingTimeInterval(Double(endMinute) * 60))
    }

    /// The moment `minutes` working minutes after `start`. A deadline counted from a
    /// moment outside working hours starts at the next working window.
    public func adding(workingMinutes minutes: Int, to start: Date) -> Date {
        var remaining = Double(max(minutes, 0)) * 60
        var day = LocalDay(start)
        // A calendar with no working day in ten years is a configuration error already refused
        // by `validate`; the bound only keeps a bad table from spinning forever.
        for _ in 0..<3660 {
            if let (open, close) = window(day) {
                let from = max(open, start)
                if from < close {
                    let available = close.timeIntervalSince(from)
                    if remaining <= available { return from.addingTimeInterval(remaining) }
                    remaining -= available
                }
            }
            day = day.adding(days: 1)
        }
        return start.addingTimeInterval(remaining)
    }

    /// Working minutes between two moments (negative when `to` is before `from`), rounded down.
    public func workingMinutes(from: Date, to: Date) -> Int {
        if to < from { return -workingMinutes(from: to, to: from) }
        var seconds = 0.0
        var day = LocalDay(from)
        let last = LocalDay(to)
        while day <= last {
            if let (open, close) = window(day) {
                let a = max(open, from), b = min(close, to)
                if b > a { seconds += b.timeIntervalSince(a) }
            }
            day = day.adding(days: 1)
        }
        return Int(seconds / 60)
    }
}
