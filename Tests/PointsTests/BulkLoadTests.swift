import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Testing

@Suite("积分载入: years of journal for the benchmarks, loaded in batches, verify agrees")
struct BulkLoadTests {
    @Test(arguments: TestEngine.all)
    func loadedEntriesMoveTheBalancesAndTheLedgerStillVerifies(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            var people: [Int64] = []
            for n in 0..<5 {
                let person = try await p.resident("居民\(n)", number: n)
                try await p.grant(1, to: person.id)
                people.append(person.id)
            }
            let audits = try await p.auditCount()
            let loaded = try await p.points.bulkLoad(entries: PointsService.bulkBatch + 7, seed: 19, actor: p.f.cli)
            #expect(loaded == PointsService.bulkBatch + 7)
            #expect(try await p.auditCount() == audits + 2, "one audit entry per batch")
            let finding = try await p.verify()
            #expect(finding.mismatch == nil && finding.entries == 5 + loaded, "\(finding.message)")
            var total = Points.zero
            for id in people { total = total + (try await p.balance(id).posted) }
            #expect(total > Points(whole: 5))
            #expect(await refused { _ = try await p.points.bulkLoad(entries: 10, seed: 1, actor: p.staff) }?.kind == .forbidden)
        }
    }
}
