import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Residents
import Testing

@Suite("The small demo looks lived in, on SQLite and PostgreSQL")
struct DemoLivedInTests {
    /// Issue 17: every demo request was made today, so the chart was one bar and every average
    /// 0.0 hours; the demo resident 郑秀英 was not in the registry.
    @Test(arguments: TestEngine.all)
    func threeMonthsOfRequestsAndEveryDemoPersonInTheRegistry(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.startOfDay(year: 2026, month: 11, day: 23).addingTimeInterval(10 * 3600))
        try await TestSystem.with(engine, clock: clock) { system in
            _ = try await DemoDistrict.load(into: system)
            let days = try await system.database.read { tx in
                try await tx.sql.raw("SELECT submitted_at FROM requests").all().map { try $0.decode(column: "submitted_at", as: Int64.self) }
            }.map { LocalDay(Date(millis: $0)) }
            #expect(Set(days).count >= 60, "requests on \(Set(days).count) days")
            #expect(days.min().map { $0 <= LocalDay("2026-09-01")! } == true)

            let staff = system.auth.actor(for: try await system.accounts.account(username: "sq.staff", actor: system.commandLineActor), ip: nil)
            let report = try await system.requests.metrics(regionId: nil, period: MetricPeriod(from: LocalDay("2026-08-25")!, to: LocalDay("2026-11-23")!),
                                                           actor: staff)
            #expect(report.metrics.counts.submitted >= 250)
            #expect((report.metrics.averageHandleMinutes ?? 0) > 0 && report.metrics.satisfactionRate != nil)

            var query = ResidentQuery()
            query.name = "郑秀英"
            let found = try await system.residents.search(query, actor: staff).items
            let resident = try await system.accounts.account(username: "jm.resident", actor: system.commandLineActor)
            #expect(found.map(\.regionId) == [resident.regionId], "at home, in 101室")
            for name in ["张丽", "刘芳", "赵强"] {
                query.name = name
                #expect(try await system.residents.search(query, actor: system.commandLineActor).items.contains { $0.name == name }, "\(name)")
            }
        }
    }
}
