import Duty
import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("Emergencies: urgent requests show the numbers at once and go to whoever is on duty out of hours, on SQLite and PostgreSQL")
struct EmergencyTests {
    /// 建设社区's night: its duty phone, and its community worker on duty from Monday 17:30 to Tuesday 08:30.
    static func nightDuty(_ f: Fixture) async throws {
        try await f.system.duty.setPhone(regionId: f.c1.id, phone: "029-88886666", actor: f.actor(.communityStaff))
        _ = try await f.system.duty.addShifts(ShiftDraft(regionId: f.c1.id, userId: f.accounts[.communityStaff]!.id,
                                                         startsAt: shanghai("2026-11-23", 17, 30), endsAt: shanghai("2026-11-24", 8, 30)),
                                              actor: f.actor(.communityStaff))
    }

    static func fall(_ f: Fixture) async throws -> Submission {
        let item = try await f.system.catalog.item(code: "YL06")  // 紧急呼叫响应: 签收 within 1 hour
        return try await f.requests.submit(RequestDraft(itemId: item.id, description: "我摔倒了起不来", answers: ["urgency": ["紧急"]]),
                                           actor: f.actor(.resident))
    }

    /// Issue 17: 紧急呼叫响应 "我摔倒了起不来" at 04:22 answered "社区受理中，预计时限 09:30", with no word of 120/110.
    @Test(arguments: TestEngine.all)
    func anUrgentRequestAt0422ReachesTheOnDutyPersonAtOnceAndShowsTheNumbers(engine: TestEngine) async throws {
        let clock = ManualClock(shanghai("2026-11-24", 4, 22))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            try await Self.nightDuty(f)
            let submission = try await Self.fall(f)
            let emergency = try #require(submission.emergency)
            #expect(emergency.numbers.map(\.number) == ["120", "110", "119"])
            #expect(emergency.dutyPhone == "029-88886666" && emergency.outOfHours && emergency.dutyNotified)
            #expect(submission.request.urgent)
            #expect(try await f.inbox(.communityStaff).contains { $0.hasSuffix("值班请立即处理") }, "told at once, not at the next sweep")
            #expect(try await f.inbox(.streetAdmin).allSatisfy { !$0.hasSuffix("值班请立即处理") }, "only whoever is on duty")
            // And they can open it: it is in their scope.
            #expect(try await f.requests.detail(submission.request.id, actor: f.actor(.communityStaff)).request.urgent)
            // Its clock runs in real time: an hour from 04:22, not 09:30 the next working morning.
            #expect(submission.request.progress.respondDue == shanghai("2026-11-24", 5, 22))
            // The resident's page says it too, for as long as it is open.
            let view = try await f.requests.track(submission.request.id, actor: f.actor(.resident))
            #expect(view.emergency?.dutyPhone == "029-88886666" && view.emergency?.dutyNotified == true)
            // And it is late at 05:23, in real time.
            clock.advance(seconds: shanghai("2026-11-24", 5, 23).timeIntervalSince(clock.now()))
            #expect(try await f.requests.sweep().escalated == 1)
        }
    }

    @Test(arguments: TestEngine.all)
    func theSameRequestAtTenGoesToTheNormalQueueAndStillShowsTheNumbers(engine: TestEngine) async throws {
        let clock = ManualClock(shanghai("2026-11-24", 10))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            try await Self.nightDuty(f)
            let submission = try await Self.fall(f)
            let emergency = try #require(submission.emergency)
            #expect(!emergency.outOfHours && !emergency.dutyNotified && emergency.dutyPhone == "029-88886666")
            for role in Role.allCases { #expect(try await f.inbox(role).allSatisfy { !$0.hasSuffix("值班请立即处理") }) }
            #expect(try await f.inbox(.gridLeader).contains { $0.hasSuffix("提交诉求") }, "the dispatcher is told as for any request")
            let queue = try await f.requests.queue(RequestQuery(queue: .dispatch), actor: f.actor(.communityStaff))
            #expect(queue.items.map(\.id) == [submission.request.id] && queue.items.first?.urgent == true)
        }
    }

    @Test(arguments: TestEngine.all)
    func anOrdinaryRequestAtNightWaitsForTheMorningAndNobodyOnDutyIsWoken(engine: TestEngine) async throws {
        let clock = ManualClock(shanghai("2026-11-24", 4, 22))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            try await Self.nightDuty(f)
            let water = try await system.catalog.item(code: "WX03")  // 供水问题 asks 紧急程度
            let ordinary = try await f.requests.submit(RequestDraft(itemId: water.id, description: "水压低", answers: ["urgency": ["一般"]]),
                                                       actor: f.actor(.resident))
            #expect(ordinary.emergency == nil && !ordinary.request.urgent)
            #expect(ordinary.request.progress.respondDue == shanghai("2026-11-24", 9, 30), "one working hour from 08:30")
            #expect(try await f.inbox(.communityStaff).allSatisfy { !$0.hasSuffix("值班请立即处理") })
            // The same item answered 紧急 is urgent.
            let burst = try await f.requests.submit(RequestDraft(itemId: water.id, description: "水管爆裂", answers: ["urgency": ["紧急"]]),
                                                    actor: f.actor(.resident))
            #expect(burst.request.urgent && burst.emergency?.dutyNotified == true)
        }
    }

    @Test(arguments: TestEngine.all)
    func withNobodyOnDutyTheResidentIsToldToCallAndTheRequestWaitsInTheQueue(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(shanghai("2026-11-24", 4, 22))) { system in
            let f = try await Fixture.build(system)
            let submission = try await Self.fall(f)
            let emergency = try #require(submission.emergency)
            #expect(emergency.outOfHours && !emergency.dutyNotified && emergency.dutyPhone == nil)
        }
    }
}
