import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("今日待办: each actor's queues with overdue, today and this week counted, on SQLite and PostgreSQL")
struct DueWorkTests {
    /// Monday 23 November 2026, 09:00: 楼道照明's 签收 limit of 2 working hours falls at 11:00.
    static let monday = shanghai("2026-11-23", 9)

    func list(_ lists: [DueList], _ id: String) -> DueList? { lists.first { $0.id == id } }

    @Test(arguments: TestEngine.all)
    func staffSeeWhatWaitsForThemOverdueFirstAndCountedByWhenItFallsDue(engine: TestEngine) async throws {
        let clock = ManualClock(Self.monday)
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            let early = try await f.submitStreetlight().request
            clock.advance(seconds: 3600)
            let later = try await f.submitStreetlight().request
            #expect(later.progress.respondDue == shanghai("2026-11-23", 12))
            // 11:30: the first is overdue, the second due today.
            clock.advance(seconds: shanghai("2026-11-23", 11, 30).timeIntervalSince(clock.now()))
            let window = DueWindow(now: clock.now())
            let staff = try await f.requests.dueWork(actor: f.actor(.communityStaff), window: window, limit: 10)
            let dispatch = try #require(list(staff, "due-requests-dispatch"))
            #expect(dispatch.counts == DueList.Counts(overdue: 1, today: 1, week: 0, total: 2))
            #expect(dispatch.items.map(\.href) == ["/requests/\(early.id)", "/requests/\(later.id)"], "overdue first")
            #expect(dispatch.items.first?.status == "待受理")
            #expect(staff.map(\.id) == ["due-requests-dispatch", "due-requests-mine", "due-requests-verify", "due-requests-review"])
            #expect(list(staff, "due-requests-own")?.id == nil, "staff who take requests in do not get the resident's list")

            // Outside the street nobody is asked to dispatch it.
            let elsewhere = try await system.accounts.create(
                .init(username: "c3.staff", displayName: "三社区工作者", role: .communityStaff, regionId: f.c3.id, password: Fixture.password),
                actor: f.cli)
            let theirs = try await f.requests.dueWork(actor: f.actor(for: elsewhere), window: window, limit: 10)
            #expect(list(theirs, "due-requests-dispatch")?.counts.total == 0)

            // A limit of one still counts both.
            let one = try await f.requests.dueWork(actor: f.actor(.communityStaff), window: window, limit: 1)
            #expect(list(one, "due-requests-dispatch")?.items.count == 1 && list(one, "due-requests-dispatch")?.counts.total == 2)
        }
    }

    @Test(arguments: TestEngine.all)
    func aVolunteerSeesWhatIsDispatchedToThemAndAResidentTheirRequestsInPlainWords(engine: TestEngine) async throws {
        let clock = ManualClock(Self.monday)
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            let request = try await f.submitStreetlight().request
            _ = try await f.requests.act(request.id, .register(note: nil), actor: f.actor(.communityStaff))
            _ = try await f.requests.act(request.id, .dispatch(handler: f.accounts[.volunteer]!.id, coHandlers: [], note: nil),
                                         actor: f.actor(.communityStaff))
            let window = DueWindow(now: clock.now())
            let volunteer = try await f.requests.dueWork(actor: f.actor(.volunteer), window: window, limit: 10)
            #expect(volunteer.map(\.id) == ["due-requests-mine"])
            #expect(volunteer.first?.counts == DueList.Counts(overdue: 0, today: 1, week: 0, total: 1))
            #expect(volunteer.first?.items.first?.status == "待签收")
            #expect(volunteer.first?.href == "/requests?queue=mine")

            let resident = try await f.requests.dueWork(actor: f.actor(.resident), window: window, limit: 10)
            let own = try #require(list(resident, "due-requests-own"))
            #expect(own.items.map(\.status) == ["已送达处理人"])
            #expect(own.items.first?.due == nil, "a resident is not shown the desk's clock")
            #expect(own.items.first?.href == "/my/requests/\(request.id)")

            // Someone without an account's role in the loop gets nothing, not an error.
            #expect(try await f.requests.dueWork(actor: f.actor(.department), window: window, limit: 10).map(\.counts.total) == [0])
        }
    }
}
