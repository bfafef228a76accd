import Foundation
import GridWork
import LinliKit
import LinliServer
import LinliTestSupport
import Residents
import SQLKit
import Testing

@Suite("走访覆盖: a generated month's figures equal counts taken straight from the tables")
struct CoverageTests {
    /// The figures for `path` in December 2026, counted by plain SQL written here.
    static func counted(_ system: LinliSystem, path: String, now: Date) async throws -> CoverageFigures {
        let (from, to) = CoverageRules.month(year: 2026, month: 12)
        return try await system.database.read { tx in
            func n(_ sql: SQLQueryString) async throws -> Int { Int(try await tx.sql.raw(sql).first()!.decode(column: "n", as: Int64?.self) ?? 0) }
            let like = path + "%"
            var f = CoverageFigures()
            f.inCare = try await n("SELECT COUNT(*) AS n FROM visit_plans WHERE region_path LIKE \(bind: like)")
            f.visited = try await n("""
                SELECT COUNT(DISTINCT p.resident_id) AS n FROM visit_plans p JOIN visits v ON v.resident_id = p.resident_id
                WHERE p.region_path LIKE \(bind: like) AND v.visited_at >= \(bind: from.millis) AND v.visited_at < \(bind: to.millis)
                """)
            f.overdue = try await n("SELECT COUNT(*) AS n FROM visit_plans WHERE region_path LIKE \(bind: like) AND due_at < \(bind: now.millis)")
            f.visits = try await n("""
                SELECT COUNT(*) AS n FROM visits WHERE region_path LIKE \(bind: like) AND visited_at >= \(bind: from.millis) AND visited_at < \(bind: to.millis)
                """)
            f.lateVisits = try await n("""
                SELECT CAST(SUM(late) AS BIGINT) AS n FROM visits WHERE region_path LIKE \(bind: like) AND visited_at >= \(bind: from.millis) AND visited_at < \(bind: to.millis)
                """)
            f.eventDue = try await n("""
                SELECT COUNT(*) AS n FROM visit_plans p JOIN major_events e ON p.region_path LIKE e.region_path || '%'
                WHERE p.region_path LIKE \(bind: like) AND p.class_code = 'high' AND e.declared_at >= \(bind: from.millis) AND e.declared_at < \(bind: to.millis)
                """)
            f.eventMissed = try await n("""
                SELECT COUNT(*) AS n FROM visit_plans p JOIN major_events e ON p.region_path LIKE e.region_path || '%'
                WHERE p.region_path LIKE \(bind: like) AND p.class_code = 'high' AND e.declared_at >= \(bind: from.millis) AND e.declared_at < \(bind: to.millis)
                AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.resident_id = p.resident_id AND v.visited_at >= e.declared_at
                                AND v.visited_at <= e.declared_at + 86400000)
                """)
            return f
        }
    }

    @Test(arguments: TestEngine.all)
    func aGeneratedMonthsCoverageEqualsTheTablesCounts(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.moment("2026-12-01T08:00")!)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let cli = g.f.cli
            let inG2 = try await g.household(in: g.f.g2)
            let kinds: [(Int, [String])] = [(85, ["独居老人"]), (66, ["残疾人"]), (45, ["低保户"]), (90, ["空巢老人"]), (30, ["重病患者"]), (50, ["特困人员"])]
            var people: [Resident] = []
            for n in 0..<24 {
                let (age, tags) = kinds[n % kinds.count]
                people.append(try await g.resident("对象\(n)", age: age, tags: tags, at: n % 3 == 0 ? inG2 : nil, number: n + 1))
            }
            var random = SeededRandom(seed: 2026)
            // Twenty days of visits, some people several times, some never; one event on the 10th.
            for day in 0..<20 {
                if day == 9 {
                    _ = try await g.grid.declareEvent(kind: .coldWave, title: nil, note: nil, regionId: g.f.c1.id, actor: g.staff)
                }
                for person in people where random.next() % 4 == 0 {
                    let method: VisitMethod = person.tags.contains("残疾人") || person.tags.contains("低保户") ? .phone : .home
                    _ = try await g.grid.recordVisit(VisitDraft(residentId: person.id, visitedAt: clock.now(), method: method, contact: .resident),
                                                     actor: cli)
                }
                clock.advance(seconds: 86_400)
            }
            let now = clock.now()
            for (regionId, path) in [(g.f.district.id, g.f.district.path), (g.f.c1.id, g.f.c1.path), (g.f.g2.id, g.f.g2.path)] {
                let report = try await g.grid.coverage(regionId: regionId, year: 2026, month: 12, actor: cli)
                let expected = try await Self.counted(system, path: path, now: now)
                #expect(report.total == expected, "\(path)")
                // The children add up to the whole.
                if !report.children.isEmpty {
                    #expect(report.children.map(\.figures).reduce(CoverageFigures(), +) == report.total, "\(path) children")
                }
            }
            let total = try await g.grid.coverage(regionId: g.f.district.id, year: 2026, month: 12, actor: cli).total
            #expect(total.inCare == 24 && total.visits > 0 && total.lateVisits > 0 && total.eventDue > 0)
            let ledger = try await g.grid.visitLedger(regionId: g.f.district.id, year: 2026, month: 12, actor: cli)
            #expect(ledger.rows.count == total.visits)
            // A community's staff cannot read another community's figures.
            await #expect(throws: DomainError.self) { try await g.grid.coverage(regionId: g.f.c2.id, year: 2026, month: 12, actor: g.staff) }
        }
    }
}
