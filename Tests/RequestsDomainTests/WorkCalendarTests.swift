import Foundation
import LinliKit
import Requests
import Testing

/// Deadlines in working time: weekends, the State Council's 2026 holidays and 调休 days.
@Suite struct WorkCalendarTests {
    static let calendar2026 = WorkCalendar(exceptions: WorkCalendar.exceptions(OfficialHolidays.year2026))
    static func at(_ day: String, _ hour: Int, _ minute: Int) -> Date { WorkflowTests.at(day, hour, minute) }

    @Test func theOfficial2026ScheduleHas33HolidaysAndSixMakeUpDays() {
        let entries = OfficialHolidays.year2026
        #expect(entries.filter { $0.kind == .holiday }.count == 3 + 9 + 3 + 5 + 3 + 3 + 7)
        #expect(Set(entries.filter { $0.kind == .workday }.map(\.day))
                == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])
        for day in ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"] {
            #expect(LocalDay(day)!.isoWeekday >= 6, "\(day) is a weekend day made a working day")
        }
    }

    @Test func aDeadlineSpansAHolidayAWeekendAndAMakeUpSaturday() {
        // Wednesday 30 September 16:30, 40 working hours: 1 h that day; 1–7 October off (国庆);
        // Thu 8 and Fri 9 October; Saturday 10 October is a 调休 working day; Sunday 11 is not.
        let start = Self.at("2026-09-30", 16, 30)
        let due = Self.calendar2026.adding(workingMinutes: 40 * 60, to: start)
        #expect(due == Self.at("2026-10-13", 11, 30))
        #expect(Self.calendar2026.workingMinutes(from: start, to: due) == 40 * 60)
        #expect(Self.calendar2026.isWorkingDay(LocalDay("2026-10-10")!))
        #expect(!Self.calendar2026.isWorkingDay(LocalDay("2026-10-11")!))
        #expect(!Self.calendar2026.isWorkingDay(LocalDay("2026-10-05")!))
        // Without the holiday table the same deadline would fall in the holiday.
        #expect(WorkCalendar().adding(workingMinutes: 40 * 60, to: start) == Self.at("2026-10-07", 11, 30))
    }

    @Test func theSpringFestivalMakeUpSaturdayCountsAndTheHolidayDoesNot() {
        // Friday 13 Feb 17:00 + 2 h: 30 min Friday, Saturday 14 Feb is worked (调休): 10:00.
        #expect(Self.calendar2026.adding(workingMinutes: 120, to: Self.at("2026-02-13", 17, 0)) == Self.at("2026-02-14", 10, 0))
        // Saturday 14 Feb 17:00 + 1 h: 30 min that day, the holiday runs 15–23 Feb, so Tuesday 24 Feb 09:00.
        #expect(Self.calendar2026.adding(workingMinutes: 60, to: Self.at("2026-02-14", 17, 0)) == Self.at("2026-02-24", 9, 0))
        // From Friday 20 Feb (holiday) to Saturday 28 Feb 12:00 (调休): Tue–Fri 24–27 plus 3.5 h.
        #expect(Self.calendar2026.workingMinutes(from: Self.at("2026-02-20", 12, 0), to: Self.at("2026-02-28", 12, 0)) == 4 * 540 + 210)
    }

    @Test func aRequestFromOutsideWorkingHoursStartsCountingAtTheNextWindow() {
        let calendar = WorkCalendar()
        // Friday 20:00 → counts from Monday 08:30.
        #expect(calendar.adding(workingMinutes: 60, to: Self.at("2026-11-27", 20, 0)) == Self.at("2026-11-30", 9, 30))
        // Early Monday.
        #expect(calendar.adding(workingMinutes: 0, to: Self.at("2026-11-30", 6, 0)) == Self.at("2026-11-30", 8, 30))
        #expect(calendar.workingMinutes(from: Self.at("2026-11-28", 0, 0), to: Self.at("2026-11-29", 23, 0)) == 0)
        #expect(calendar.workingMinutes(from: Self.at("2026-11-24", 12, 0), to: Self.at("2026-11-23", 12, 0)) == -540)
    }

    @Test func workingHoursAndWeekdaysAreConfigurable() throws {
        let sixDays = WorkCalendar(startMinute: 9 * 60, endMinute: 12 * 60, weekdays: [1, 2, 3, 4, 5, 6])
        // Friday 11:00 + 5 h: 1 h Friday, 3 h Saturday, 1 h Monday.
        #expect(sixDays.adding(workingMinutes: 300, to: Self.at("2026-11-27", 11, 0)) == Self.at("2026-11-30", 10, 0))
        #expect(throws: DomainError.self) { try WorkCalendar.validate(startMinute: 600, endMinute: 540, weekdays: [1]) }
        #expect(throws: DomainError.self) { try WorkCalendar.validate(startMinute: 510, endMinute: 1050, weekdays: []) }
        #expect(throws: DomainError.self) { try WorkCalendar.validate(startMinute: 510, endMinute: 1050, weekdays: [0, 8]) }
        try WorkCalendar.validate(startMinute: 510, endMinute: 1050, weekdays: [1, 2, 3, 4, 5])
    }

    @Test func localDaysParseOnlyRealDates() {
        #expect(LocalDay("2026-02-29") == nil)
        #expect(LocalDay("2026-2-3") == nil)
        #expect(LocalDay("2024-02-29")?.description == "2024-02-29")
        #expect(LocalDay("2026-11-23")?.isoWeekday == 1)
    }
}
