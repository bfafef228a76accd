import Foundation
import GridWork
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Requests
import Residents
import SQLKit
import Testing

@Suite("考核定分: a generated month's scores are made of counts equal to the tables' own")
struct ScoresTests {
    /// A grid's (or, with `worker`, one person's own part of) December 2026, counted by plain SQL.
    static func counted(_ system: LinliSystem, path: String, worker: Int64? = nil) async throws -> ScoreFigures {
        let (from, to) = (ChinaStandardTime.moment("2026-12-01T00:00")!.millis, ChinaStandardTime.moment("2027-01-01T00:00")!.millis)
        return try await system.database.read { tx in
            func n(_ sql: SQLQueryString) async throws -> Int { Int(try await tx.sql.raw(sql).first()!.decode(column: "n", as: Int64?.self) ?? 0) }
            let like = path + "%"
            let visitor: SQLQueryString = worker.map { "AND visitor_id = \(bind: $0)" } ?? ""
            let handler: SQLQueryString = worker.map { "AND handler_id = \(bind: $0)" } ?? ""
            let patroller: SQLQueryString = worker.map { "AND p.patroller_id = \(bind: $0)" } ?? ""
            var f = ScoreFigures()
            f.visits = try await n("SELECT COUNT(*) AS n FROM visits WHERE region_path LIKE \(bind: like) AND visited_at >= \(bind: from) AND visited_at < \(bind: to) \(visitor)")
            f.lateVisits = try await n("SELECT COUNT(*) AS n FROM visits WHERE region_path LIKE \(bind: like) AND visited_at >= \(bind: from) AND visited_at < \(bind: to) AND late = 1 \(visitor)")
            let closed: SQLQueryString = "FROM requests WHERE region_path LIKE \(bind: like) AND closed_at >= \(bind: from) AND closed_at < \(bind: to) \(handler)"
            f.closed = try await n("SELECT COUNT(*) AS n \(closed)")
            f.closedInTime = try await n("SELECT COUNT(*) AS n \(closed) AND handle_late = 0")
            let ratedBy: SQLQueryString = worker.map { "AND r.handler_id = \(bind: $0)" } ?? ""
            let ratings: SQLQueryString = """
                FROM request_ratings g JOIN requests r ON r.id = g.request_id WHERE r.region_path LIKE \(bind: like)
                AND g.at >= \(bind: from) AND g.at < \(bind: to) \(ratedBy)
                """
            f.rated = try await n("SELECT COUNT(*) AS n \(ratings)")
            f.satisfied = try await n("SELECT COUNT(*) AS n \(ratings) AND g.score >= 3")
            f.problems = try await n("""
                SELECT COUNT(*) AS n FROM patrol_problems q JOIN patrols p ON p.id = q.patrol_id
                WHERE p.region_path LIKE \(bind: like) AND q.at >= \(bind: from) AND q.at < \(bind: to) \(patroller)
                """)
            // The team's share: the grid's coverage and patrols, whoever did them.
            f.patrols = try await n("SELECT COUNT(*) AS n FROM patrols WHERE region_path LIKE \(bind: like) AND ended_at >= \(bind: from) AND ended_at < \(bind: to)")
            f.inCare = try await n("SELECT COUNT(*) AS n FROM visit_plans WHERE region_path LIKE \(bind: like)")
            f.visited = try await n("""
                SELECT COUNT(DISTINCT p.resident_id) AS n FROM visit_plans p JOIN visits v ON v.resident_id = p.resident_id
                WHERE p.region_path LIKE \(bind: like) AND v.visited_at >= \(bind: from) AND v.visited_at < \(bind: to)
                """)
            return f
        }
    }

    @Test(arguments: TestEngine.all)
    func aGeneratedMonthsScoresEqualTheTablesCounts(engine: TestEngine) async throws {
        let clock = ManualClock(ChinaStandardTime.moment("2026-12-01T08:00")!)
        try await TestSystem.with(engine, clock: clock) { system in
            let g = try await GridWorkFixture.build(system, clock: clock)
            let cli = g.f.cli
            // 一社区 gets a second grid with a worker of its own.
            let g4 = try await system.regions.create(parentId: g.f.c1.id, name: "四网格", segment: nil, actor: cli)
            let second = try await system.accounts.create(.init(username: "wg.four", displayName: "网格员 四", role: .gridWorker, regionId: g4.id,
                                                                password: Fixture.password), actor: cli)
            _ = try await system.teams.assign(gridId: g4.id, username: second.username, duty: .fullTime, actor: cli)
            let worker = g.worker, worker4 = g.f.actor(for: second)
            let home4 = try await g.household(in: g4)
            let kinds: [(Int, [String])] = [(85, ["独居老人"]), (66, ["残疾人"]), (90, ["空巢老人"]), (50, ["特困人员"])]
            var people: [(Resident, Actor)] = []
            for n in 0..<14 {
                let (age, tags) = kinds[n % kinds.count]
                let inFour = n % 2 == 1
                let person = try await g.resident("对象\(n)", age: age, tags: tags, at: inFour ? home4 : nil, number: n + 1)
                people.append((person, inFour ? worker4 : worker))
            }
            let item = try await system.catalog.item(code: "WX01")
            let admin = g.f.actor(.districtAdmin)
            var random = SeededRandom(seed: 1203)
            var open: [(id: Int64, handler: Actor, reportOn: Int)] = []
            for day in 0..<20 {
                for (person, visitor) in people where random.next() % 5 == 0 {
                    _ = try await g.grid.recordVisit(VisitDraft(residentId: person.id, visitedAt: clock.now(), method: .home, contact: .resident),
                                                     actor: visitor)
                }
                // 一网格 twice on even days, once on odd ones; 四网格 every third day; a problem now and then.
                for (patroller, grid, rounds) in [(worker, g.f.g1, day % 2 == 0 ? 2 : 1), (worker4, g4, day % 3 == 0 ? 1 : 0)] {
                    for _ in 0..<rounds {
                        let patrol = try await g.grid.startPatrol(gridId: grid.id, idempotencyKey: nil, actor: patroller)
                        if random.next() % 3 == 0 {
                            _ = try await g.grid.reportProblem(patrolId: patrol.id, ProblemInput(description: "楼道堆放杂物", outcome: .handled,
                                                                                                 handledNote: "已清理"), actor: patroller)
                        }
                        clock.advance(seconds: 3600)
                        _ = try await g.grid.endPatrol(patrol.id, notes: nil, actor: patroller)
                    }
                }
                // A request a day for twelve days; handled the same day, or eight days on (late) on days 1, 5 and 9.
                if day < 12 {
                    let (place, handler) = day % 3 == 0 ? (home4, worker4) : (g.f.h1, worker)
                    let request = try await system.requests.submit(RequestDraft(itemId: item.id, description: "楼道灯不亮", regionId: place.id,
                                                                                channel: .hotline), actor: admin).request
                    _ = try await system.requests.act(request.id, .register(note: nil), actor: admin)
                    _ = try await system.requests.act(request.id, .dispatch(handler: handler.userId!, coHandlers: [], note: nil), actor: admin)
                    _ = try await system.requests.act(request.id, .claim, actor: handler)
                    open.append((request.id, handler, day + (day % 4 == 1 ? 8 : 0)))
                }
                for due in open where due.reportOn == day {
                    _ = try await system.requests.act(due.id, .report(result: "已更换灯泡"), actor: due.handler)
                    _ = try await system.requests.act(due.id, .verifyPass(note: nil), actor: admin)
                    // The late ones are rated well (so they stay closed); the others at random, some not at all.
                    let late = due.reportOn >= 8 && (due.reportOn - 8) % 4 == 1
                    if late || random.next() % 4 != 0 {
                        _ = try await system.requests.act(due.id, .rate(score: late ? 4 : 1 + Int(random.next() % 5), comment: nil), actor: admin)
                    }
                }
                clock.advance(seconds: 86_400 - 3600 * Double(day % 2 == 0 ? 2 : 1) - (day % 3 == 0 ? 3600 : 0))
            }
            let report = try await g.grid.scores(regionId: g.f.c1.id, year: 2026, month: 12, actor: g.staff)
            // Today is the 21st: the quota so far is 21 days of 2 patrols.
            let day = Calendar.mondayShanghai.component(.day, from: clock.now())
            for (grid, id) in [(g.f.g1, g.f.g1.id), (g4, g4.id)] {
                var expected = try await Self.counted(system, path: grid.path)
                expected.patrolQuota = 2 * day
                let found = try #require(report.grids.first { $0.grid.id == id })
                #expect(found.figures == expected, "\(grid.name)")
                #expect(found.card == ScoreCard(expected, rules: .defaults))
            }
            for (actor, grid) in [(worker, g.f.g1), (worker4, g4)] {
                var expected = try await Self.counted(system, path: grid.path, worker: actor.userId)
                expected.patrolQuota = 2 * day
                let found = try #require(report.workers.first { $0.userId == actor.userId })
                #expect(found.figures == expected, "\(actor.displayName)")
            }
            // The generated month has something on every line.
            let one = report.grids.first { $0.grid.id == g.f.g1.id }!.figures
            #expect(one.visits > 0 && one.closed > 0 && one.closedInTime < one.closed && one.rated > 0 && one.problems > 0 && one.patrols > 0, "\(one)")
            // Two grids, ranked 1 and 2 in the community (or both 1 on a tie), and 2 grids in 一街道 with 二网格.
            #expect(Set(report.grids.map(\.rankInCommunity)).isSubset(of: [1, 2]))
            #expect(report.grids.count == 2 && report.workers.count == 3)  // the leader is on 一网格's team too
            // A district's own table: the month is scored by it, November keeps the default.
            let table = ScoreRules(items: [ScoreItem(.coverage, points: 60), ScoreItem(.problemsFound, points: 40, perUnit: 10)])
            let edited = try await g.grid.editScoreRules(regionId: g.f.district.id, table, note: "区考核办法 2026 版", actor: g.f.actor(.districtAdmin))
            #expect(edited.version == 1)
            let again = try await g.grid.scores(regionId: g.f.c1.id, year: 2026, month: 12, actor: g.staff)
            let first = again.grids.first { $0.grid.id == g.f.g1.id }!
            #expect(again.rules.version == 1 && first.card == ScoreCard(first.figures, rules: table))
            #expect(try await g.grid.scores(regionId: g.f.c1.id, year: 2026, month: 11, actor: g.staff).rules.version == 0)
            // A table that cannot score is refused and writes nothing; a community cannot set the district's table.
            await #expect(throws: DomainError.self) {
                try await g.grid.editScoreRules(regionId: g.f.district.id, ScoreRules(items: []), note: "空表", actor: g.f.actor(.districtAdmin))
            }
            await #expect(throws: DomainError.self) { try await g.grid.editScoreRules(regionId: g.f.district.id, table, note: "越权", actor: g.staff) }
            #expect(try await g.grid.scoreRules(regionId: nil, actor: g.f.actor(.districtAdmin)).effective.version == 1)
            // Another community's staff cannot read these scores.
            let other = try await system.accounts.create(.init(username: "c2.staff", displayName: "二社区 干部", role: .communityStaff, regionId: g.f.c2.id,
                                                               password: Fixture.password), actor: cli)
            await #expect(throws: DomainError.self) { try await g.grid.scores(regionId: g.f.c1.id, year: 2026, month: 12, actor: g.f.actor(for: other)) }
        }
    }
}
