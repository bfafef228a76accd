import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing
import Volunteers

@Suite("候补: holds, their expiry and the promotion cutoff, with the injectable clock")
struct WaitingListTests {
    @Test(arguments: TestEngine.all)
    func aCancellationGivesTheFirstWaitingPersonAHoldAndWhenItLapsesTheNextGetsIt(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            let (me, _) = try await v.person(.resident, name: "孙阿姨", number: 900)
            let activity = try await v.activity("剪纸课", kind: .resident, capacity: 1)
            let first = try await v.resident("甲", number: 1, at: v.f.h1), second = try await v.resident("乙", number: 2, at: v.f.h1)
            let a = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: first.id, actor: v.staff)
            let b = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: second.id, actor: v.staff)
            let c = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, actor: me)
            #expect(a.signUp.status == .confirmed && b.waitingPosition == 1 && c.waitingPosition == 2)

            _ = try await v.volunteers.cancel(signUpId: a.signUp.id, actor: v.staff)
            var list = try await v.volunteers.signUps(activityId: activity.id, actor: v.staff).signUps
            let held = try #require(list.first { $0.id == b.signUp.id })
            #expect(held.status == .held)
            #expect(held.holdUntil == clock.now().addingTimeInterval(12 * 3600).millis, "the default hold: 12 hours")
            #expect(list.first { $0.id == c.signUp.id }?.status == .waiting)

            clock.advance(seconds: 11 * 3600)
            #expect(try await v.volunteers.sweepHolds() == 0, "the hold has an hour left")
            clock.advance(seconds: 2 * 3600)
            #expect(try await v.volunteers.sweepHolds() == 1)
            list = try await v.volunteers.signUps(activityId: activity.id, actor: v.staff).signUps
            #expect(list.first { $0.id == b.signUp.id }?.status == .lapsed)
            #expect(list.first { $0.id == c.signUp.id }?.status == .held, "the next in line")
            #expect(try await v.volunteers.sweepHolds() == 0, "a lapsed hold is handled once")

            let accepted = try await v.volunteers.acceptHold(signUpId: c.signUp.id, actor: me)
            #expect(accepted.status == .confirmed)
            #expect(try await v.statuses(activity.id) == [.cancelled: 1, .lapsed: 1, .confirmed: 1])
            let notices = try await system.database.read { tx in
                try await tx.sql.raw("SELECT title FROM notifications WHERE user_id = \(bind: v.f.accounts[.resident]!.id) ORDER BY id").all()
                    .map { try $0.decode(column: "title", as: String.self) }
            }
            #expect(notices == ["候补中：剪纸课", "候补递补：剪纸课"], "told of the waiting list and of the hold with its deadline")
        }
    }

    @Test(arguments: TestEngine.all)
    func nobodyIsMovedUpInsideTheCutoffAndAHoldNeverRunsPastIt(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            // Starts in 6 hours: a hold given now ends at the cutoff (2 h before), not in 12 h.
            let activity = try await v.activity("包饺子", kind: .resident, capacity: 1, startsIn: 6 * 3600)
            let people = [try await v.resident("甲", number: 1, at: v.f.h1), try await v.resident("乙", number: 2, at: v.f.h1),
                          try await v.resident("丙", number: 3, at: v.f.h1)]
            var ids: [Int64] = []
            for p in people { ids.append(try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: p.id, actor: v.staff).signUp.id) }
            _ = try await v.volunteers.cancel(signUpId: ids[0], actor: v.staff)
            let held = try #require(try await v.volunteers.signUps(activityId: activity.id, actor: v.staff).signUps.first { $0.id == ids[1] })
            #expect(held.holdUntil == activity.startsAt - 2 * 3600 * 1000)
            clock.advance(seconds: 4.5 * 3600)   // 1.5 h before the start: inside the cutoff
            #expect(try await v.volunteers.sweepHolds() == 1)
            let list = try await v.volunteers.signUps(activityId: activity.id, actor: v.staff).signUps
            #expect(list.first { $0.id == ids[1] }?.status == .lapsed)
            #expect(list.first { $0.id == ids[2] }?.status == .waiting, "inside the cutoff the place stays free")
        }
    }

    @Test(arguments: TestEngine.all)
    func aDistrictsOwnHoldHoursApplyToNewActivities(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(), configure: { $0[VolunteersSettings.self].holdHours = 2 }) { system in
            let v = try await VolunteerFixture.build(system)
            let activity = try await v.activity("读书会", kind: .resident, capacity: 1)
            #expect(activity.holdMinutes == 120)
            let a = try await v.resident("甲", number: 1, at: v.f.h1), b = try await v.resident("乙", number: 2, at: v.f.h1)
            let first = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: a.id, actor: v.staff)
            let second = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: b.id, actor: v.staff)
            _ = try await v.volunteers.cancel(signUpId: first.signUp.id, actor: v.staff)
            let held = try #require(try await v.volunteers.signUps(activityId: activity.id, actor: v.staff).signUps.first { $0.id == second.signUp.id })
            #expect(held.holdUntil == system.clock.now().addingTimeInterval(2 * 3600).millis)
        }
    }

    @Test(arguments: TestEngine.all)
    func aManualListWaitsForTheOrganiser(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let v = try await VolunteerFixture.build(system)
            let activity = try await v.activity("书法班", kind: .resident, capacity: 1, waitingList: .manual)
            let a = try await v.resident("甲", number: 1, at: v.f.h1), b = try await v.resident("乙", number: 2, at: v.f.h1)
            let first = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: a.id, actor: v.staff)
            let second = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: b.id, actor: v.staff)
            await refusal("signUpId") { _ = try await v.volunteers.decide(signUpId: second.signUp.id, .promote, actor: v.staff) }
            _ = try await v.volunteers.cancel(signUpId: first.signUp.id, actor: v.staff)
            #expect(try await v.statuses(activity.id)[.waiting] == 1, "no automatic hold")
            #expect(try await v.volunteers.decide(signUpId: second.signUp.id, .promote, actor: v.staff).status == .confirmed)
        }
    }
}
