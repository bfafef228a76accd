import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Resources
import Testing

@Suite("孵化: an application checked within working days, each step in order or refused in words, the space given back, on both engines")
struct IncubationTests {
    /// 阳光社工服务中心 of 一社区, applying to 一街道's hub on Monday 2026-11-23 at 10:00.
    static func applied(_ f: Fixture) async throws -> (Organisation, IncubationRecord) {
        let organisation = try await f.system.resources.registerOrganisation(
            OrganisationDraft(name: "阳光社工服务中心", kind: .communityFiled, filingNumber: "碑备字 2026-031", fields: ["儿童"]),
            regionId: f.c1.id, actor: f.actor(.communityStaff))
        let record = try await f.system.resources.applyForIncubation(organisationId: organisation.id, hubRegionId: f.s1.id, hubName: "一街道孵化基地",
                                                                     note: "四点半课堂", actor: f.actor(.communityStaff))
        return (organisation, record)
    }

    @Test(arguments: TestEngine.all)
    func theWholeWayThroughTheHubWithTheSpaceGivenBack(engine: TestEngine) async throws {
        let clock = ManualClock(shanghai("2026-11-23", 10))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            let (organisation, applied) = try await Self.applied(f)
            // Five working days from Monday 10:00: the next Monday 10:00.
            #expect(Date(millis: applied.checkDue) == shanghai("2026-11-30", 10))
            let hub = f.actor(.streetAdmin), resources = system.resources
            _ = try await resources.takeIncubationStep(applied.id, .pass, actor: hub)
            let signed = try await resources.takeIncubationStep(applied.id, .sign, agreement: .init(
                from: "2026-12-01", to: "2027-11-30", space: "孵化基地 203 室", support: "场地、督导、每年 2 万元种子资金"), actor: hub)
            #expect(signed.stage == .sprouting && signed.holdsSpace)
            try await resources.noteIncubation(applied.id, mentor: true, text: "建议建立财务制度", actor: hub)
            try await resources.noteIncubation(applied.id, mentor: false, text: "完成民政备案", actor: f.actor(.communityStaff))
            for _ in 0..<2 { _ = try await resources.takeIncubationStep(applied.id, .advance, actor: hub) }
            let exited = try await resources.takeIncubationStep(applied.id, .exit, note: "出壳评估通过", actor: hub)
            #expect(exited.stage == .exited && Date(millis: exited.spaceDue!) == clock.now().addingTimeInterval(30 * 86_400))
            // Late with the space: the hub's home lists it as overdue.
            clock.advance(seconds: 31 * 86_400)
            let due = try await resources.incubationDueWork(actor: hub, window: DueWindow(now: clock.now()), limit: 10).first
            #expect(due?.counts.overdue == 1 && due?.items.first?.status == "出壳待交还场地")
            let done = try await resources.takeIncubationStep(applied.id, .returnSpace, actor: hub)
            #expect(done.stage == .graduated)
            let record = try await resources.incubation(applied.id, actor: hub)
            #expect(record.events.map(\.kind) == ["apply", "pass", "sign", "mentor", "milestone", "advance", "advance", "exit", "return_space"])
            // Ended, the organisation may apply again.
            _ = try await resources.applyForIncubation(organisationId: organisation.id, hubRegionId: f.district.id, hubName: "区社工总站",
                                                       note: "", actor: f.actor(.communityStaff))
        }
    }

    @Test(arguments: TestEngine.all)
    func aStepOutOfOrderIsRefusedInWordsAndNothingIsWritten(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(shanghai("2026-11-23", 10))) { system in
            let f = try await Fixture.build(system)
            let (organisation, applied) = try await Self.applied(f)
            let hub = f.actor(.streetAdmin), resources = system.resources
            let audits = try await f.auditCount()
            await #expect(throws: DomainError(kind: .conflict, code: "step_out_of_order",
                                              message: "现为「待初审」，不能签订孵化协议：初审通过后才能签订孵化协议")) {
                _ = try await resources.takeIncubationStep(applied.id, .sign, agreement: .init(from: "2026-12-01", to: "2027-11-30", support: "督导"),
                                                           actor: hub)
            }
            await #expect(throws: DomainError.self) { _ = try await resources.takeIncubationStep(applied.id, .exit, actor: hub) }
            await #expect(throws: DomainError.invalid("note", "初审不通过请写明原因")) {
                _ = try await resources.takeIncubationStep(applied.id, .fail, actor: hub)
            }
            _ = try await resources.takeIncubationStep(applied.id, .pass, actor: hub)
            let audited = try await f.auditCount()
            await #expect(throws: DomainError.invalid(fields: ["agreementTo": "结束日期应晚于开始日期", "support": "请写明扶持内容（500 字以内）"])) {
                _ = try await resources.takeIncubationStep(applied.id, .sign, agreement: .init(from: "2026-12-01", to: "2026-11-30", support: ""),
                                                           actor: hub)
            }
            // One incubation at a time; community staff may apply but only the hub takes its steps.
            await #expect(throws: DomainError.self) {
                _ = try await resources.applyForIncubation(organisationId: organisation.id, hubRegionId: f.district.id, hubName: "区社工总站",
                                                           note: "", actor: hub)
            }
            await #expect(throws: DomainError.forbidden) { _ = try await resources.takeIncubationStep(applied.id, .advance, actor: f.actor(.communityStaff)) }
            #expect(try await f.auditCount() == audited && audited == audits + 1)
            #expect(try await resources.incubation(applied.id, actor: hub).incubation.stage == .accepted)
        }
    }

    @Test(arguments: [5, 2])
    func anApplicationNotCheckedInTimeIsOverdueOnTheHubsHome(days: Int) async throws {
        let clock = ManualClock(shanghai("2026-11-23", 10))
        try await TestSystem.with(.sqlite, clock: clock, configure: { $0.environment["LINLI_INCUBATION_CHECK_DAYS"] = String(days) }) { system in
            let f = try await Fixture.build(system)
            let (_, applied) = try await Self.applied(f)
            #expect(Date(millis: applied.checkDue) == shanghai(days == 5 ? "2026-11-30" : "2026-11-25", 10))
            clock.advance(seconds: Double(days == 5 ? 7 : 2) * 86_400 + 60)
            let window = DueWindow(now: clock.now())
            let due = try await system.resources.incubationDueWork(actor: f.actor(.streetAdmin), window: window, limit: 10).first
            #expect(due?.counts.overdue == 1 && due?.items.first?.status == "待初审")
            #expect(try await system.resources.incubationDueWork(actor: f.actor(.gridLeader), window: window, limit: 10).isEmpty,
                    "only who keeps the hub")
        }
    }
}
