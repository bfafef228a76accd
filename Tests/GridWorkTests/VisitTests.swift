import Foundation
import GridWork
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Residents
import Testing

@Suite("走访记录: who, when, how, what was found — checked, once per form, late when late")
struct VisitTests {
    static let start = ChinaStandardTime.moment("2026-12-02T09:00")!

    @Test(arguments: TestEngine.all)
    func aVisitMovesThePlanToTheNextPeriodAndIsAudited(engine: TestEngine) async throws {
        let clock = ManualClock(Self.start)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let person = try await g.resident("孙伯", age: 66, tags: ["残疾人"], number: 1)
            clock.advance(seconds: 3600)
            let audits = try await g.f.auditCount()
            let photo = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 64))
            let made = try await g.grid.recordVisit(VisitDraft(
                residentId: person.id, visitedAt: clock.now().addingTimeInterval(-600), method: .home, contact: .resident,
                findings: [VisitFinding(check: .health, concern: false, note: nil),
                           VisitFinding(check: .needs, concern: true, note: "想申请助餐")],
                notes: "精神不错", photos: [photo], idempotencyKey: "visit-form-0001"), actor: g.worker)
            #expect(!made.repeated && !made.visit.late && made.visit.visitClass == "key" && made.visit.photoIds.count == 1)
            #expect(made.visit.concerns.map(\.check) == [.needs])
            // Monthly: visited in December, next due by the end of January.
            #expect(made.plan?.due == ChinaStandardTime.moment("2027-02-01T00:00"))
            #expect(try await g.f.auditCount() == audits + 1)
            // The same form sent again makes nothing new.
            let again = try await g.grid.recordVisit(VisitDraft(residentId: person.id, visitedAt: clock.now(), method: .home, contact: .resident,
                                                                idempotencyKey: "visit-form-0001"), actor: g.worker)
            #expect(again.repeated && again.visit.id == made.visit.id)
            #expect(try await g.visitCount() == 1)
            let history = try await g.grid.visits(residentId: person.id, actor: g.staff)
            #expect(history.map(\.id) == [made.visit.id])
            #expect(try await g.grid.visitPhoto(made.visit.photoIds[0], actor: g.staff).contentType == "image/jpeg")
        }
    }

    @Test(arguments: TestEngine.all)
    func aVisitFoundLateIsRecordedAndCountedLate(engine: TestEngine) async throws {
        let clock = ManualClock(Self.start)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let person = try await g.resident("王奶奶", age: 85, tags: ["独居老人"], number: 1)
            let due = try #require(try await g.plan(person.id)).due
            clock.advance(seconds: due.timeIntervalSince(clock.now()) + 2 * 86_400)
            let made = try await g.grid.recordVisit(VisitDraft(residentId: person.id, visitedAt: clock.now(), method: .home, contact: .family),
                                                    actor: g.worker)
            #expect(made.visit.late && made.visit.dueAt == due)
        }
    }

    @Test(arguments: TestEngine.all)
    func visitsThatCannotBeAreRefusedInChineseAndWriteNothing(engine: TestEngine) async throws {
        let clock = ManualClock(Self.start)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let here = try await g.resident("王奶奶", age: 85, tags: ["独居老人"], number: 1)
            let elsewhere = try await g.resident("李爷爷", age: 85, tags: ["独居老人"], at: try await g.household(in: g.f.g2), number: 2)
            let audits = try await g.f.auditCount()
            func refused(_ draft: VisitDraft, _ field: String, actor: Actor? = nil) async {
                do {
                    _ = try await g.grid.recordVisit(draft, actor: actor ?? g.worker)
                    Issue.record("accepted: \(field)")
                } catch let error as DomainError {
                    #expect(error.fields[field] != nil, "\(field): \(error.fields)")
                    #expect(error.message.unicodeScalars.contains { $0.value >= 0x4E00 }, "zh-CN: \(error.message)")
                } catch { Issue.record("\(error)") }
            }
            // Outside the worker's grid — though in the community staff's scope.
            await refused(VisitDraft(residentId: elsewhere.id, visitedAt: clock.now(), method: .home, contact: .resident), "residentId")
            await refused(VisitDraft(residentId: here.id, visitedAt: clock.now().addingTimeInterval(3600), method: .home, contact: .resident),
                          "visitedAt")
            await refused(VisitDraft(residentId: here.id, visitedAt: clock.now(), method: .phone, contact: .resident), "method")
            await refused(VisitDraft(residentId: here.id, visitedAt: clock.now(), method: .home, contact: .resident,
                                     photos: [Data("not a photo".utf8)]), "photos")
            #expect(try await g.visitCount() == 0)
            #expect(try await g.f.auditCount() == audits)
            // Someone in another district is simply not found for a grid worker here.
            let foreign = try await system.residents.create(ResidentDraft(regionId: g.f.foreignHousehold.id, name: "外区老人",
                                                                          birthDate: "1940-01-01", tags: ["独居老人"]), actor: g.f.cli)
            await refused(VisitDraft(residentId: foreign.id, visitedAt: clock.now(), method: .home, contact: .resident), "residentId",
                          actor: g.staff)
            // A grid worker not on the team has no one to visit.
            _ = try await system.teams.remove(gridId: g.f.g1.id, userId: g.worker.userId!, actor: g.f.cli)
            await refused(VisitDraft(residentId: here.id, visitedAt: clock.now(), method: .home, contact: .resident), "residentId")
            #expect(try await g.grid.day(actor: g.worker).unassigned)
        }
    }

    @Test(arguments: TestEngine.all)
    func aRequestRaisedDuringAVisitLinksTheVisit(engine: TestEngine) async throws {
        let clock = ManualClock(Self.start)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let person = try await g.resident("孙伯", age: 66, tags: ["残疾人"], number: 1)
            let visit = try await g.grid.recordVisit(VisitDraft(residentId: person.id, visitedAt: clock.now(), method: .home, contact: .resident),
                                                     actor: g.worker).visit
            let item = try #require(try await system.catalog.catalog(actor: g.worker).offered(on: .hotline).items.first { $0.questions.isEmpty })
            let submitted = try await system.requests.submit(RequestDraft(
                itemId: item.id, description: "家中扶手松动，需要维修", regionId: person.regionId, contactName: person.name,
                channel: .gridWorker, origin: GridWorkService.origin(visit: visit.id)), actor: g.worker)
            let detail = try await g.grid.visit(visit.id, actor: g.staff)
            #expect(detail.requests.map(\.id) == [submitted.request.id])
            await #expect(throws: DomainError.self) {
                try await system.requests.submit(RequestDraft(itemId: item.id, description: "来源不对", regionId: person.regionId,
                                                              channel: .gridWorker, origin: "visit:abc"), actor: g.worker)
            }
        }
    }
}
