import Foundation
import GridWork
import LinliKit
import LinliServer
import LinliTestSupport
import Residents
import Testing

@Suite("走访定时: the plan follows the registry's tags, ages and addresses, and major events")
struct VisitPlanTests {
    /// What the rule table says for a person, worked out here without the code under test:
    /// the class by the default rules' order, and the first due time of someone new.
    static func expected(tags: Set<String>, age: Int, since: Date) -> (code: String, due: Date)? {
        let cal = Calendar.mondayShanghai
        let code: String
        if age >= 80 && !tags.isDisjoint(with: ["独居老人", "空巢老人"]) || tags.contains("重病患者") { code = "high" }
        else if age >= 60 && tags.contains("残疾人") || tags.contains("特困人员") { code = "key" }
        else if !tags.isDisjoint(with: ["独居老人", "空巢老人", "高龄老人", "残疾人", "低保户", "留守儿童", "困境儿童", "孤儿", "重点关爱"]) {
            code = "ordinary"
        } else { return nil }
        let cadence: Cadence = code == "high" ? .weekly : code == "key" ? .monthly : .quarterly
        return (code, max(cal.endOfPeriod(cadence, containing: since), since.addingTimeInterval(7 * 86_400)))
    }

    static let people: [(name: String, age: Int, tags: [String])] = [
        ("独居的王奶奶", 85, ["独居老人"]), ("空巢的李爷爷", 81, ["空巢老人", "党员"]), ("重病的赵叔", 52, ["重病患者"]),
        ("残疾的孙伯", 66, ["残疾人"]), ("残疾的小周", 30, ["残疾人"]), ("特困的吴姨", 58, ["特困人员"]), ("低保的郑家", 45, ["低保户"]),
        ("留守的小冯", 9, ["留守儿童"]), ("独居的陈阿姨", 72, ["独居老人"]), ("党员老褚", 70, ["党员"]), ("没有标签的卫先生", 35, []),
    ]

    @Test(arguments: TestEngine.all)
    func everyoneInCareGetsTheDueDateTheRuleTableGives(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.moment("2026-12-02T09:00")!)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            for (n, p) in Self.people.enumerated() {
                let resident = try await g.resident(p.name, age: p.age, tags: p.tags, number: n + 1)
                let expected = Self.expected(tags: Set(p.tags), age: p.age, since: clock.now())
                let plan = try await g.plan(resident.id)
                #expect(plan?.classCode == expected?.code, "\(p.name)")
                #expect(plan?.due == expected?.due, "\(p.name)")
            }
            // The daily run agrees with what the registry's changes planned.
            let before = try await g.grid.plan(regionId: g.f.district.id, actor: g.f.actor(.districtAdmin)).entries
            let run = try await g.grid.regeneratePlans()
            let after = try await g.grid.plan(regionId: g.f.district.id, actor: g.f.actor(.districtAdmin)).entries
            #expect(run.planned == 9 && after.count == 9)
            #expect(before == after)
        }
    }

    @Test(arguments: TestEngine.all)
    func changingATagOrMovingAHouseholdMovesThePlan(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.moment("2026-12-02T09:00")!)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let person = try await g.resident("独居的王奶奶", age: 85, tags: ["独居老人"], number: 1)
            clock.advance(seconds: 2 * 86_400)  // due within the week now
            #expect(try await g.grid.day(actor: g.worker).visits.map(\.plan.residentId) == [person.id])
            // 独居老人 → 高龄老人: from weekly to quarterly.
            let birth = try #require(person.birthDate)
            _ = try await system.residents.update(person.id, ResidentDraft(regionId: person.regionId, name: person.name, birthDate: birth,
                                                                           tags: ["高龄老人"]), actor: g.f.cli)
            #expect(try await g.plan(person.id)?.classCode == "ordinary")
            // Moved to 二网格: out of 一网格's worker's day, into the plan under 二网格.
            let elsewhere = try await g.household(in: g.f.g2)
            _ = try await system.residents.update(person.id, ResidentDraft(regionId: elsewhere.id, name: person.name, birthDate: birth,
                                                                           tags: ["独居老人"]), actor: g.f.cli)
            #expect(try await g.grid.day(actor: g.worker).visits.isEmpty)
            let moved = try #require(try await g.plan(person.id))
            #expect(moved.regionPath == elsewhere.path && moved.classCode == "high")
            // No care tag left: out of the plan.
            _ = try await system.residents.update(person.id, ResidentDraft(regionId: elsewhere.id, name: person.name, birthDate: birth,
                                                                           tags: ["党员"]), actor: g.f.cli)
            #expect(try await g.plan(person.id) == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func aDeclaredEventMakesExactlyTheHighRiskOfItsRegionDueWithin24Hours(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.moment("2026-12-02T09:00")!)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let inC1 = try await g.resident("王奶奶", age: 85, tags: ["独居老人"], number: 1)
            let keyInC1 = try await g.resident("孙伯", age: 66, tags: ["残疾人"], number: 2)
            let inC2 = try await g.resident("李爷爷", age: 88, tags: ["空巢老人"], at: try await g.household(in: g.f.g2), number: 3)
            clock.advance(seconds: 3600)
            let declared = try await g.grid.declareEvent(kind: .coldWave, title: nil, note: "今夜降温 10℃", regionId: g.f.c1.id, actor: g.staff)
            #expect(declared.madeDue == 1)
            #expect(try await g.plan(inC1.id)?.eventId == declared.event.id)
            #expect(try await g.plan(inC1.id)?.due == clock.now().addingTimeInterval(24 * 3600))
            #expect(try await g.plan(keyInC1.id)?.eventId == nil)
            #expect(try await g.plan(inC2.id)?.eventId == nil)
            // The team of 一网格 is told.
            let inbox = try await system.notifications.inbox(actor: g.worker)
            #expect(inbox.page.items.contains { $0.title.contains("寒潮") })
            // A visit after the event answers it; ending the event leaves nobody due by it.
            _ = try await g.grid.recordVisit(VisitDraft(residentId: inC1.id, visitedAt: clock.now(), method: .home, contact: .resident),
                                             actor: g.worker)
            #expect(try await g.plan(inC1.id)?.eventId == nil)
            _ = try await g.grid.endEvent(declared.event.id, actor: g.staff)
            #expect(try await g.grid.events(actor: g.staff).first?.isOpen == false)
        }
    }

    @Test(arguments: TestEngine.all)
    func theTeamWhosePostCarriesVisitsIsToldTheDayBeforeVisitsFallDue(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.moment("2026-12-02T09:00")!)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let person = try await g.resident("王奶奶", age: 85, tags: ["独居老人"], number: 1)
            let due = try #require(try await g.plan(person.id)).due  // 12-09 09:00
            #expect(try await g.grid.noticeVisitsDueTomorrow() == 0, "nothing due tomorrow yet")
            clock.advance(seconds: due.timeIntervalSince(clock.now()) - 86_400)
            #expect(try await g.grid.noticeVisitsDueTomorrow() == 1)
            #expect(try await system.notifications.inbox(actor: g.worker).page.items.contains { $0.title == "明天有 1 位对象到期走访" })
            #expect(try await system.notifications.inbox(actor: g.f.actor(.gridLeader)).page.items.isEmpty, "网格长's post carries no visits")
        }
    }

    @Test(arguments: TestEngine.all)
    func changedRulesReplanEveryoneAtTheNextRun(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.moment("2026-12-02T09:00")!)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let person = try await g.resident("陈阿姨", age: 72, tags: ["独居老人"], number: 1)
            #expect(try await g.plan(person.id)?.classCode == "ordinary")
            var rules = VisitRules.defaults
            rules.rules[0].minAge = 70  // a district that visits those living alone weekly from 70
            let admin = g.f.actor(.districtAdmin)
            let stored = try await g.grid.editVisitRules(regionId: g.f.district.id, rules, note: "区民政局 2026 年探访关爱实施方案", actor: admin)
            #expect(stored.version == 1 && stored.body.version == 1)
            await #expect(throws: DomainError.self) {
                try await g.grid.editVisitRules(regionId: g.f.c1.id, rules, note: "社区不能定", actor: g.staff)
            }
            try await g.grid.planJob()
            let plan = try #require(try await g.plan(person.id))
            #expect(plan.classCode == "high" && plan.rulesVersion == 1)
            // The other district keeps the defaults.
            let foreign = try await system.residents.create(ResidentDraft(regionId: g.f.foreignHousehold.id, name: "外区老人",
                                                                          birthDate: "1954-01-01", tags: ["独居老人"]), actor: g.f.cli)
            #expect(try await g.grid.planEntry(residentId: foreign.id, actor: g.f.cli)?.classCode == "ordinary")
        }
    }

    @Test(arguments: TestEngine.all)
    func aLargeImportIsQueuedAndPlannedByTheJob(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.moment("2026-12-02T09:00")!)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let drafts = (0..<600).map { n in
                ResidentDraft(regionId: g.f.h1.id, name: "居民\(n)", birthDate: "1940-01-01", tags: n % 3 == 0 ? ["独居老人"] : [])
            }
            let places = [g.f.h1.id: BulkPlace(path: g.f.h1.path, address: "一网格1号楼1单元101室")]
            try await system.residents.bulkLoad(drafts, places: places, actor: g.f.cli)
            #expect(try await g.grid.plan(regionId: g.f.c1.id, actor: g.staff).counts.total == 0, "queued, not planned inline")
            #expect(try await g.grid.drainPlanQueue() == 200)
            #expect(try await g.grid.plan(regionId: g.f.c1.id, actor: g.staff).counts.total == 200)
        }
    }
}
