import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing
import Volunteers

@Suite("报名拒绝: each refusal is a clear zh-CN error and writes nothing")
struct SignUpRefusalTests {
    /// Runs `body`, expecting a refusal naming `field` with words containing `words`, and no
    /// audit entry or sign-up written.
    static func refused(_ v: VolunteerFixture, _ field: String, containing words: String, _ body: () async throws -> Void,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let audits = try await v.auditCount()
        let signUps = try await v.system.database.read { tx in
            try await tx.sql.raw("SELECT COUNT(*) AS n FROM activity_signups").first()!.decode(column: "n", as: Int.self)
        }
        let message = await refusal(field, body, sourceLocation: sourceLocation)
        #expect(message?.contains(words) == true, "\(message ?? "nil")", sourceLocation: sourceLocation)
        #expect(try await v.auditCount() == audits, "nothing audited", sourceLocation: sourceLocation)
        let after = try await v.system.database.read { tx in
            try await tx.sql.raw("SELECT COUNT(*) AS n FROM activity_signups").first()!.decode(column: "n", as: Int.self)
        }
        #expect(after == signUps, "nothing written", sourceLocation: sourceLocation)
    }

    @Test(arguments: TestEngine.all)
    func outsideTheWindowPastCapacityOverlappingUnqualifiedAndForeignAreRefused(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            let (me, _) = try await v.person(.volunteer, name: "志愿者小李", number: 500, volunteer: true)
            let (_, neighbour) = try await v.volunteer("志愿者老周", number: 501, at: v.f.h1)

            // Sign-up not open yet.
            let start = clock.now().addingTimeInterval(5 * 86_400)
            let later = try await v.volunteers.create(ActivityDraft(
                title: "植树", kind: .service, regionId: v.f.c1.id, startsAt: start, endsAt: start.addingTimeInterval(3600),
                signUpOpens: clock.now().addingTimeInterval(86_400), roles: [.init(name: "种树", capacity: 5)]), actor: v.staff)
            _ = try await v.volunteers.transition(activityId: later.id, .publish, actor: v.staff)
            try await Self.refused(v, "activityId", containing: "报名还没开始") {
                _ = try await v.volunteers.signUp(activityId: later.id, roleId: nil, actor: me)
            }

            // Full, and no waiting list.
            let small = try await v.activity("小活动", capacity: 1, waitingList: .off)
            _ = try await v.volunteers.signUp(activityId: small.id, roleId: nil, residentId: neighbour.residentId, actor: v.staff)
            try await Self.refused(v, "roleId", containing: "名额已满") {
                _ = try await v.volunteers.signUp(activityId: small.id, roleId: nil, actor: me)
            }

            // An overlapping volunteer shift of their own.
            let morning = try await v.activity("上午执勤", startsIn: 2 * 86_400, hours: 3)
            let overlap = try await v.activity("同时段服务", startsIn: 2 * 86_400 + 3600, hours: 1)
            _ = try await v.volunteers.signUp(activityId: morning.id, roleId: nil, actor: me)
            try await Self.refused(v, "roleId", containing: "同一时段") {
                _ = try await v.volunteers.signUp(activityId: overlap.id, roleId: nil, actor: me)
            }

            // A role needing a qualification the volunteer lacks.
            let clinic = try await v.activity("义诊", roles: [.init(name: "测血压", capacity: 2, qualification: "医护"), .init(name: "引导", capacity: 2)])
            let nurseRole = try #require(clinic.roles.first { $0.name == "测血压" })
            try await Self.refused(v, "roleId", containing: "医护") {
                _ = try await v.volunteers.signUp(activityId: clinic.id, roleId: nurseRole.id, actor: me)
            }
            // Closing the window after the fact.
            _ = try await v.volunteers.transition(activityId: clinic.id, .close, actor: v.staff)
            try await Self.refused(v, "activityId", containing: "截止") {
                _ = try await v.volunteers.signUp(activityId: clinic.id, roleId: nil, actor: me)
            }

            // A volunteer who lives and serves in another community.
            let street = v.f.actor(.streetAdmin)
            let outsider = try await v.resident("外社区志愿者", number: 600, at: v.f.g2)
            let registered = try await v.volunteers.register(forResident: VolunteerDraft(residentId: outsider.id), actor: street)
            #expect(registered.status == .active && registered.number?.hasPrefix("610101") == true)
            let local = try await v.activity("本社区服务", by: street)
            try await Self.refused(v, "activityId", containing: "只招募") {
                _ = try await v.volunteers.signUp(activityId: local.id, roleId: nil, residentId: outsider.id, actor: street)
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func staffOfAnotherCommunityCannotRunThisOnesActivity(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let v = try await VolunteerFixture.build(system)
            let activity = try await v.activity(publish: false)
            let otherStaff = try await system.accounts.create(.init(username: "c2.staff", displayName: "二社区工作者", role: .communityStaff,
                                                                    regionId: v.f.c2.id, password: Fixture.password), actor: v.f.cli)
            let other = v.f.actor(for: otherStaff)
            let audits = try await v.auditCount()
            await #expect(throws: DomainError.notFound("活动")) { _ = try await v.volunteers.transition(activityId: activity.id, .publish, actor: other) }
            await #expect(throws: DomainError.notFound("活动")) { _ = try await v.volunteers.checkInCode(activityId: activity.id, actor: other) }
            await #expect(throws: DomainError.self) { _ = try await v.volunteers.signUps(activityId: activity.id, actor: other) }
            // A place outside one's area.
            await refusal("regionId") { _ = try await v.activity(place: v.f.c1, by: other) }
            #expect(try await v.auditCount() == audits)
            // The resident sees no draft.
            await #expect(throws: DomainError.notFound("活动")) { _ = try await v.volunteers.activity(activity.id, actor: v.f.actor(.resident)) }
        }
    }

    @Test(arguments: TestEngine.all)
    func afterThreeNoShowsInNinetyDaysSignUpsWaitForApproval(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            let (me, _) = try await v.person(.resident, name: "孙阿姨", number: 900)
            for n in 0..<3 {
                let activity = try await v.activity("讲座\(n)", kind: .resident, startsIn: 3600)
                _ = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, actor: me)
                clock.advance(seconds: 5 * 3600)
                _ = try await v.volunteers.transition(activityId: activity.id, .finish, actor: v.staff)
            }
            let next = try await v.activity("讲座3", kind: .resident)
            let result = try await v.volunteers.signUp(activityId: next.id, roleId: nil, actor: me)
            #expect(result.signUp.status == .awaitingApproval)
            #expect(try await v.volunteers.decide(signUpId: result.signUp.id, .approve, actor: v.staff).status == .confirmed)
        }
    }
}
