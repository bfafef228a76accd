import Foundation
import LinliKit
import Testing

@Suite("今日待办's window: overdue, today and the next seven days in China Standard Time")
struct DueWindowTests {
    /// 2026-11-23 (Monday) at a Shanghai wall time.
    func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        ChinaStandardTime.startOfDay(year: 2026, month: 11, day: day).addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

    @Test(arguments: [
        (23, 9, 0, DueWindow.Bucket.overdue),   // a minute ago
        (23, 23, 59, .today),                    // before midnight, Shanghai time (15:59 UTC)
        (24, 0, 0, .week),                       // midnight starts tomorrow
        (29, 23, 59, .week),                     // Sunday evening, six days on
        (30, 0, 0, .later),                      // the seventh day after
    ])
    func aDueTimeFallsInItsBucket(day: Int, hour: Int, minute: Int, expected: DueWindow.Bucket) {
        let window = DueWindow(now: at(23, 9, 1))
        #expect(window.bucket(of: at(day, hour, minute)) == expected)
    }

    @Test func workWithoutATimeLimitComesLast() {
        let window = DueWindow(now: at(23, 9))
        #expect(window.bucket(of: nil) == .later)
        #expect(DueWindow.Bucket.allCases.sorted() == [.overdue, .today, .week, .later])
    }

    @Test func lateAtNightTodayEndsAtTheShanghaiMidnightNotTheUTCOne() {
        // 23:30 in Shanghai is 15:30 UTC: "today" ends 30 minutes later, not 8.5 hours later.
        let window = DueWindow(now: at(23, 23, 30))
        #expect(window.endOfToday == at(24, 0))
        #expect(window.endOfWeek == at(30, 0))
    }
}
