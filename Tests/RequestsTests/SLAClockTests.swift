import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("SLA clock and 督办 on SQLite and PostgreSQL")
struct SLAClockTests {
    @Test(arguments: TestEngine.all)
    func aRequestOverTheNationalDayHolidayIsWarnedThenEscalatedLevelByLevelOnce(engine: TestEngine) async throws {
        // Wednesday 30 September 2026, 16:00. The 签收 limit of 楼道照明 is 2 working hours:
        // 1.5 h that day, 1–7 October off, so due Thursday 8 October 09:00.
        let clock = ManualClock(shanghai("2026-09-30", 16))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            let request = try await f.submitStreetlight().request
            #expect(request.progress.respondDue == shanghai("2026-10-08", 9))
            #expect(try await f.requests.sweep() == SweepReport())

            // A quarter of the 2-hour stage left: 08:30 on the first working day after the holiday.
            clock.advance(seconds: shanghai("2026-10-08", 8, 20).timeIntervalSince(clock.now()))
            var report = try await f.requests.sweep()
            #expect(report == SweepReport(warned: 1, escalated: 0))
            #expect(try await f.requests.sweep() == SweepReport())  // warned once

            clock.advance(seconds: shanghai("2026-10-08", 9, 1).timeIntervalSince(clock.now()))
            report = try await f.requests.sweep()
            #expect(report == SweepReport(warned: 0, escalated: 1))
            #expect(try await f.inbox(.communityStaff).contains { $0.hasSuffix("督办") })
            #expect(try await f.requests.queue(RequestQuery(queue: .overdue), actor: f.actor(.communityStaff)).total == 1)

            // One working day late (Friday 9 October 09:01): the street.
            clock.advance(seconds: shanghai("2026-10-09", 9, 1).timeIntervalSince(clock.now()))
            #expect(try await f.requests.sweep() == SweepReport(warned: 0, escalated: 1))
            #expect(try await f.inbox(.streetAdmin).contains { $0.hasSuffix("督办") })
            // Saturday 10 October is a 调休 working day, so three working days late is Monday
            // 12 October 09:00 (without it, Tuesday).
            clock.advance(seconds: shanghai("2026-10-12", 8, 59).timeIntervalSince(clock.now()))
            #expect(try await f.requests.sweep() == SweepReport())
            clock.advance(seconds: shanghai("2026-10-12", 9, 1).timeIntervalSince(clock.now()))
            #expect(try await f.requests.sweep() == SweepReport(warned: 0, escalated: 1))
            #expect(try await f.inbox(.districtAdmin).contains { $0.hasSuffix("督办") })
            #expect(try await f.requests.sweep() == SweepReport())

            let detail = try await f.requests.detail(request.id, actor: f.actor(.communityStaff))
            #expect(detail.request.progress.escalationLevel == 3)
            #expect(detail.events.filter { $0.kind == .escalate }.map { $0.data["level"] } == ["1", "2", "3"])
            // Signing for it now records a late response.
            _ = try await f.requests.act(request.id, .register(note: nil), actor: f.actor(.communityStaff))
            _ = try await f.requests.act(request.id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: nil),
                                         actor: f.actor(.communityStaff))
            let claimed = try await f.requests.act(request.id, .claim, actor: f.actor(.gridWorker))
            #expect(claimed.request.progress.respondLate && claimed.request.progress.escalationLevel == 0)
        }
    }

    @Test(arguments: TestEngine.all)
    func sweepsOnTwoInstancesAtOnceEscalateOnce(engine: TestEngine) async throws {
        let clock = ManualClock(shanghai("2026-11-23", 9))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            for _ in 0..<5 { _ = try await f.submitStreetlight() }
            clock.advance(seconds: 4 * 3600)
            let reports = try await withThrowingTaskGroup(of: SweepReport.self) { group in
                for _ in 0..<3 { group.addTask { try await f.requests.sweep() } }
                return try await group.reduce(into: [SweepReport]()) { $0.append($1) }
            }
            #expect(reports.map(\.escalated).reduce(0, +) == 5)
            let escalations = try await system.database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM request_events WHERE kind = 'escalate'").first()!.decode(column: "n", as: Int.self)
            }
            #expect(escalations == 5)
        }
    }

    @Test(arguments: TestEngine.all)
    func aRequestWithAStoredValueThisVersionDoesNotKnowIsNamedAndSkippedNotDefaulted(engine: TestEngine) async throws {
        let clock = ManualClock(shanghai("2026-09-30", 16))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            let damaged = try await f.submitStreetlight().request
            _ = try await f.submitStreetlight()
            try await system.database.write { tx in
                try await tx.sql.raw("UPDATE requests SET channel = 'carrier_pigeon' WHERE id = \(bind: damaged.id)").run()
            }
            clock.advance(seconds: shanghai("2026-10-08", 8, 20).timeIntervalSince(clock.now()))
            var expected = SweepReport(warned: 1)
            expected.unreadable = 1
            #expect(try await f.requests.sweep() == expected, "the other request is still warned")
            await #expect(throws: UnknownStoredValue.self, "never read as some default channel") {
                try await f.requests.detail(damaged.id, actor: f.actor(.communityStaff))
            }
            do {
                _ = try await f.requests.detail(damaged.id, actor: f.actor(.communityStaff))
            } catch let error as UnknownStoredValue {
                #expect(error.description.contains("requests#\(damaged.id)") && error.description.contains("carrier_pigeon"))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func adminsKeepTheHolidayTableAndWorkingHours(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let admin = f.actor(.districtAdmin)
            #expect(try await system.calendar.view(year: 2026, actor: admin).years == [2026])
            #expect(try await system.calendar.view(year: 2026, actor: admin).days.count == 39)
            await #expect(throws: DomainError.forbidden, "reading the calendar needs catalog.manage too") {
                try await system.calendar.view(year: 2026, actor: f.actor(.communityStaff))
            }
            #expect(try await system.calendar.calendar().isWorkingDay(LocalDay("2027-01-01")!), "a Friday, before it is made a holiday")
            try await system.calendar.put(CalendarDay(day: LocalDay("2027-01-01")!, kind: .holiday, name: "元旦"), actor: admin)
            #expect(try await system.calendar.calendar().isWorkingDay(LocalDay("2027-01-01")!) == false)
            try await system.calendar.remove(LocalDay("2026-10-10")!, actor: admin)
            #expect(try await system.calendar.calendar().isWorkingDay(LocalDay("2026-10-10")!) == false)
            try await system.calendar.saveSettings(.init(startMinute: 540, endMinute: 1080, weekdays: [1, 2, 3, 4, 5, 6], warnMinutes: 60), actor: admin)
            #expect(try await system.calendar.calendar().isWorkingDay(LocalDay("2026-11-28")!))
            await #expect(throws: DomainError.forbidden) {
                try await system.calendar.remove(LocalDay("2026-10-01")!, actor: f.actor(.communityStaff))
            }
            await #expect(throws: DomainError.self) {
                try await system.calendar.saveSettings(.init(startMinute: 1080, endMinute: 540, weekdays: [1], warnMinutes: 60), actor: admin)
            }
        }
    }
}
