import Foundation
import GridWork
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Requests
import Testing

@Suite("巡查定量: patrols of one grid, buildings by tap or plate, problems handled or raised, the quota")
struct PatrolTests {
    static let start = ChinaStandardTime.moment("2026-12-02T09:00")!

    @Test(arguments: TestEngine.all)
    func aPatrolPassesBuildingsRaisesARequestAndCountsAgainstTheQuota(engine: TestEngine) async throws {
        let clock = ManualClock(Self.start)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let cli = g.f.cli
            let b2 = try await system.regions.create(parentId: g.f.g1.id, name: "2号楼", segment: nil, actor: cli)
            let before = try await g.grid.patrolProgress(gridId: g.f.g1.id, actor: g.worker)
            #expect(before.patrolsLeft == 2 && before.buildingsDue.count == 2)
            let patrol = try await g.grid.startPatrol(gridId: nil, idempotencyKey: "patrol-form-01", actor: g.worker)
            // Starting again (a double tap, another form) returns the same patrol.
            #expect(try await g.grid.startPatrol(gridId: nil, idempotencyKey: "patrol-form-02", actor: g.worker).id == patrol.id)
            let plates = try await g.grid.plates(gridId: g.f.g1.id, actor: g.staff)
            let plateOf1 = try #require(plates.first { $0.building.name == "1号楼" }?.code)
            _ = try await g.grid.checkIn(patrolId: patrol.id, buildingId: nil, plate: plateOf1, actor: g.worker)
            _ = try await g.grid.checkIn(patrolId: patrol.id, buildingId: b2.id, plate: nil, actor: g.worker)
            _ = try await g.grid.checkIn(patrolId: patrol.id, buildingId: b2.id, plate: nil, actor: g.worker)  // once per building
            let item = try #require(try await system.catalog.catalog(actor: g.worker).offered(on: .gridWorker).items.first { $0.questions.isEmpty })
            let problem = ProblemInput(description: "2号楼楼道堆放纸箱，堵住消防通道", buildingId: b2.id, outcome: .reported, itemId: item.id,
                                       idempotencyKey: "problem-form-01")
            var after = try await g.grid.reportProblem(patrolId: patrol.id, problem, actor: g.worker)
            after = try await g.grid.reportProblem(patrolId: patrol.id, problem, actor: g.worker)  // sent twice: one problem, one request
            _ = try await g.grid.reportProblem(patrolId: patrol.id, ProblemInput(description: "路灯不亮", outcome: .handled,
                                                                                 handledNote: "已报物业更换"), actor: g.worker)
            clock.advance(seconds: 3600)
            let ended = try await g.grid.endPatrol(patrol.id, notes: "整体良好", actor: g.worker)
            #expect(ended.checkIns.map(\.way) == [.plate, .picked])
            #expect(ended.problems.map(\.outcome) == [.reported, .handled])
            let requestId = try #require(after.problems.first?.requestId)
            let raised = try await system.requests.raised(from: GridWorkService.origin(patrol: patrol.id), actor: g.staff)
            #expect(raised.map(\.id) == [requestId])
            let progress = try await g.grid.patrolProgress(gridId: g.f.g1.id, actor: g.worker)
            #expect(progress.doneToday == 1 && progress.patrolsLeft == 1 && progress.buildingsDue.isEmpty)
            // A week later both buildings are due again.
            clock.advance(seconds: 7 * 86_400)
            #expect(try await g.grid.patrolProgress(gridId: g.f.g1.id, actor: g.worker).buildingsDue.count == 2)
            // A changed quota: three a day for this grid.
            _ = try await g.grid.editPatrolQuota(regionId: g.f.g1.id, PatrolQuota(perDay: 3, buildingEveryDays: 14), note: "重点网格加密巡查",
                                                 actor: g.staff)
            let changed = try await g.grid.patrolProgress(gridId: g.f.g1.id, actor: g.worker)
            #expect(changed.quota.perDay == 3 && changed.buildingsDue.isEmpty)
        }
    }

    @Test(arguments: TestEngine.all)
    func twoStartsAtOnceMakeOneOpenPatrolAndOneLeftOpenEndsAtTwelveHours(engine: TestEngine) async throws {
        let clock = ManualClock(Self.start)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let worker = g.worker, grid = g.grid
            async let a = grid.startPatrol(gridId: nil, idempotencyKey: "phone-one-0001", actor: worker)
            async let b = grid.startPatrol(gridId: nil, idempotencyKey: "phone-two-0002", actor: worker)
            let (first, second) = try await (a, b)
            #expect(first.id == second.id, "two open patrols for one person")
            clock.advance(seconds: 20 * 3600)
            let ended = try await grid.endPatrol(first.id, notes: "忘了点结束", actor: worker)
            #expect(ended.endedAt == first.startedAt.addingTimeInterval(12 * 3600))
            // A retried end answers with the ended patrol.
            #expect(try await grid.endPatrol(first.id, notes: nil, actor: worker).endedAt == ended.endedAt)
        }
    }

    @Test(arguments: TestEngine.all)
    func aPlateOfAnotherGridIsRefusedAndNothingIsWritten(engine: TestEngine) async throws {
        let clock = ManualClock(Self.start)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            _ = try await system.regions.create(parentId: g.f.g2.id, name: "8号楼", segment: nil, actor: g.f.cli)
            let otherPlate = try #require(try await g.grid.plates(gridId: g.f.g2.id, actor: g.f.cli).first?.code)
            let patrol = try await g.grid.startPatrol(gridId: nil, idempotencyKey: nil, actor: g.worker)
            do {
                _ = try await g.grid.checkIn(patrolId: patrol.id, buildingId: nil, plate: otherPlate, actor: g.worker)
                Issue.record("another grid's plate was accepted")
            } catch let error as DomainError {
                #expect(error.fields["plate"] != nil, "\(error)")
            }
            await #expect(throws: DomainError.self) {
                try await g.grid.checkIn(patrolId: patrol.id, buildingId: nil, plate: "NOSUCHCODE", actor: g.worker)
            }
            #expect(try await g.grid.patrol(patrol.id, actor: g.staff).checkIns.isEmpty)
            // Someone else's patrol is not theirs to check in on.
            await #expect(throws: DomainError.self) {
                try await g.grid.checkIn(patrolId: patrol.id, buildingId: nil, plate: otherPlate, actor: g.staff)
            }
            // A handled problem needs what was done.
            await #expect(throws: DomainError.self) {
                try await g.grid.reportProblem(patrolId: patrol.id, ProblemInput(description: "井盖松动", outcome: .handled), actor: g.worker)
            }
            #expect(try await g.grid.patrol(patrol.id, actor: g.staff).problems.isEmpty)
        }
    }
}
