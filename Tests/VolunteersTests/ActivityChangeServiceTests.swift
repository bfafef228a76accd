import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing
import Volunteers

@Suite("活动变更: the organiser changes an activity before it begins; those signed up are told")
struct ActivityChangeServiceTests {
    @Test(arguments: TestEngine.all)
    func aMovedActivityMovesItsSignUpsTellsEveryoneSignedUpAndIsAudited(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            let (me, _) = try await v.person(.resident, name: "孙阿姨", number: 900)
            let activity = try await v.activity("剪纸课", kind: .resident, capacity: 1)
            let first = try await v.resident("甲", number: 1, at: v.f.h1)
            let a = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: first.id, actor: v.staff)
            let mine = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, actor: me)
            #expect(mine.waitingPosition == 1)
            let audits = try await v.auditCount()
            let later = Date(millis: activity.startsAt).addingTimeInterval(86_400)
            let changed = try await v.volunteers.change(activityId: activity.id, ActivityChange(startsAt: later, reason: "活动室检修"), actor: v.staff)
            #expect(changed.startsAt == later.millis && changed.endsAt == activity.endsAt + 86_400_000)
            #expect(changed.signUpCloses == activity.signUpCloses + 86_400_000, "a close left at the start follows it")
            let list = try await v.volunteers.signUps(activityId: activity.id, actor: v.staff).signUps
            let slots = try await system.database.read { tx in
                try await tx.sql.raw("SELECT starts_at FROM activity_signups WHERE activity_id = \(bind: activity.id)").all()
                    .map { try $0.decode(column: "starts_at", as: Int64.self) }
            }
            #expect(slots == [later.millis, later.millis], "sign-ups keep the role's new slot (for overlap checks)")
            #expect(list.first { $0.id == a.signUp.id }?.status == .confirmed)
            #expect(try await v.auditCount() == audits + 1)
            let notices = try await system.database.read { tx in
                try await tx.sql.raw("SELECT title, body FROM notifications WHERE user_id = \(bind: v.f.accounts[.resident]!.id) ORDER BY id").all()
                    .map { (try $0.decode(column: "title", as: String.self), try $0.decode(column: "body", as: String.self)) }
            }
            #expect(notices.last?.0 == "活动变更：剪纸课", "the waiting person is told too")
            #expect(notices.last?.1.contains("原因：活动室检修") == true)
        }
    }

    @Test(arguments: TestEngine.all)
    func morePlacesOfferTheWaitingListHoldsAndFewerThanTakenAreRefused(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock()) { system in
            let v = try await VolunteerFixture.build(system)
            let activity = try await v.activity("包饺子", kind: .resident, capacity: 1)
            let people = [try await v.resident("甲", number: 1, at: v.f.h1), try await v.resident("乙", number: 2, at: v.f.h1),
                          try await v.resident("丙", number: 3, at: v.f.h1)]
            var ids: [Int64] = []
            for p in people { ids.append(try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: p.id, actor: v.staff).signUp.id) }
            let role = try #require(activity.roles.first)
            let message = await refusal("roles.\(role.id).capacity") {
                _ = try await v.volunteers.change(activityId: activity.id, ActivityChange(capacities: [role.id: 0], reason: "场地小"), actor: v.staff)
            }
            #expect(message == "名额应在 1 到 10000 之间")
            let wider = try await v.volunteers.change(activityId: activity.id, ActivityChange(capacities: [role.id: 2], reason: "加桌"), actor: v.staff)
            #expect(wider.roles.first?.capacity == 2)
            #expect(try await v.statuses(activity.id) == [.confirmed: 1, .held: 1, .waiting: 1], "the first waiting person is offered the place")
            let narrower = await refusal("roles.\(role.id).capacity") {
                _ = try await v.volunteers.change(activityId: activity.id, ActivityChange(capacities: [role.id: 1], reason: "场地小"), actor: v.staff)
            }
            #expect(narrower == "岗位「参加」已有 2 人报名（含递补保留），名额不能少于 2")
        }
    }

    @Test(arguments: TestEngine.all)
    func onlyItsOrganiserMayChangeItAndNotOnceItHasBegun(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            let activity = try await v.activity("读书会", kind: .resident, capacity: 5, startsIn: 3600)
            let otherStaff = try await system.accounts.create(.init(username: "c2.staff", displayName: "二社区工作者", role: .communityStaff,
                                                                    regionId: v.f.c2.id, password: Fixture.password), actor: v.f.cli)
            let change = ActivityChange(title: "读书会（改）", reason: "改名")
            let audits = try await v.auditCount()
            await #expect(throws: DomainError.notFound("活动")) {
                _ = try await v.volunteers.change(activityId: activity.id, change, actor: v.f.actor(for: otherStaff))
            }
            await #expect(throws: DomainError.forbidden) { _ = try await v.volunteers.change(activityId: activity.id, change, actor: v.f.actor(.resident)) }
            await refusal("reason") {
                _ = try await v.volunteers.change(activityId: activity.id, ActivityChange(title: "读书会（改）"), actor: v.staff)
            }
            // A whole form sent back unchanged names no field: nothing in it is wrong.
            let same = ActivityChange(title: activity.title, startsAt: Date(millis: activity.startsAt), reason: "核对")
            await #expect(throws: DomainError(kind: .invalid, code: "nothing_changed", message: "没有要修改的内容")) {
                _ = try await v.volunteers.change(activityId: activity.id, same, wholeForm: true, actor: v.staff)
            }
            #expect(try await v.auditCount() == audits)
            clock.advance(seconds: 2 * 3600)
            _ = try await v.volunteers.transition(activityId: activity.id, .start, actor: v.staff)
            do {
                _ = try await v.volunteers.change(activityId: activity.id, change, actor: v.staff)
                Issue.record("an activity in progress was changed")
            } catch let error as DomainError {
                #expect(error.kind == .conflict && error.message == "活动「进行中」，不能再修改；如需调整请联系报名的人")
            }
        }
    }
}
