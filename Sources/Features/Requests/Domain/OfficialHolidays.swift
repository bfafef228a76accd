/// 全国年节放假安排 — the State Council's published schedule of public holidays and 调休
/// make-up working days, loaded into the calendar table at install. Admins add later years
/// in the console when the State Council publishes them (usually in November).
public enum OfficialHolidays {
    public struct Entry: Sendable {
        public let day: String
        public let kind: DayKind
        public let name: String
    }

    /// 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）.
    public static let year2026: [Entry] =
        days("2026-01-01", "2026-01-03", "元旦") + [Entry(day: "2026-01-04", kind: .workday, name: "元旦调休")]
        + days("2026-02-15", "2026-02-23", "春节")
        + [Entry(day: "2026-02-14", kind: .workday, name: "春节调休"), Entry(day: "2026-02-28", kind: .workday, name: "春节调休")]
        + days("2026-04-04", "2026-04-06", "清明节")
        + days("2026-05-01", "2026-05-05", "劳动节") + [Entry(day: "2026-05-09", kind: .workday, name: "劳动节调休")]
        + days("2026-06-19", "2026-06-21", "端午节")
        + days("2026-09-25", "2026-09-27", "中秋节")
        + days("2026-10-01", "2026-10-07", "国庆节")
        + [Entry(day: "2026-09-20", kind: .workday, name: "国庆节调休"), Entry(day: "2026-10-10", kind: .workday, name: "国庆节调休")]

    static func days(_ first: String, _ last: String, _ name: String) -> [Entry] {
        var result: [Entry] = []
        var day = LocalDay(first)!
        while day <= LocalDay(last)! {
            result.append(Entry(day: day.description, kind: .holiday, name: name))
            day = day.adding(days: 1)
        }
        return result
    }
}

extension WorkCalendar {
    /// The calendar's exceptions from a list of schedule entries.
    public static func exceptions(_ entries: [OfficialHolidays.Entry]) -> [LocalDay: DayKind] {
        Dictionary(entries.compactMap { entry in LocalDay(entry.day).map { ($0, entry.kind) } }, uniquingKeysWith: { _, last in last })
    }
}
