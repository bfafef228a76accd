import Foundation
import LinliKit
import Testing

/// The arithmetic agrees with Foundation's Asia/Shanghai calendar and ISO 8601 formatter.
@Suite struct ChinaStandardTimeTests {
    @Test func everyReadingAgreesWithTheCalendarFrom1992To2100() {
        var seconds: Double = 694_224_000  // 1992-01-01
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        while seconds < 4_102_444_800 {  // 2100-01-01
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            let r = ChinaStandardTime.reading(date)
            let read: [Int] = [r.year, r.month, r.day, r.hour, r.minute, r.second]
            let expected: [Int] = [c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!]
            #expect(read == expected, "\(date)")
            #expect(r.isoWeekday == (c.weekday! == 1 ? 7 : c.weekday! - 1))
            #expect(ChinaStandardTime.startOfDay(year: r.year, month: r.month, day: r.day) == calendar.startOfDay(for: date))
            seconds += 86_400 * 3 + 3_607.25  // wanders through every hour, minute and weekday
        }
    }

    @Test func theAPIWritesTimesAsISO8601WithTheOffset() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.formatOptions = [.withInternetDateTime]
        for seconds in [0.0, 1_790_000_000, 1_798_732_799.9, 951_782_400, 4_102_444_799] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(date.iso8601CST == formatter.string(from: date))
        }
        #expect(Date(timeIntervalSince1970: 1_795_395_600).iso8601CST == "2026-11-23T09:00:00+08:00")
        #expect(Date(timeIntervalSince1970: 1_795_395_600).shanghaiText == "2026-11-23 09:00")
    }

    @Test func civilDatesAndDayCountsAreInverse() {
        for days in stride(from: Int64(-800_000), to: 800_000, by: 997) {
            let (y, m, d) = ChinaStandardTime.civil(fromDays: days)
            #expect(ChinaStandardTime.days(year: y, month: m, day: d) == days)
        }
        #expect(ChinaStandardTime.days(year: 1970, month: 1, day: 1) == 0)
        let day = ChinaStandardTime.civil(fromDays: 20_780)
        let read: [Int] = [day.year, day.month, day.day]
        #expect(read == [2026, 11, 23])
    }
}

@Suite("A typed wall-clock minute (datetime-local) in Shanghai time")
struct TypedMomentTests {
    @Test func aDatetimeLocalValueIsReadAsShanghaiTime() {
        let moment = ChinaStandardTime.moment("2026-11-23T17:30")
        #expect(moment == ChinaStandardTime.startOfDay(year: 2026, month: 11, day: 23).addingTimeInterval(17.5 * 3600))
        #expect(ChinaStandardTime.moment("2026-11-23 17:30") == moment)
        #expect(moment.map(ChinaStandardTime.localMinuteText) == "2026-11-23T17:30")
    }

    @Test(arguments: ["2026-02-30T10:00", "2026-11-23T24:00", "2026-11-23T10:60", "2026-11-23", "2026-11-23T1:00", "２０２６-11-23T10:00",
                      "2026-11-23T10:00:00", ""])
    func anythingElseIsNoMoment(text: String) {
        #expect(ChinaStandardTime.moment(text) == nil)
    }
}
