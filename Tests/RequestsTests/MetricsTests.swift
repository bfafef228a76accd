import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Requests
import Testing

@Suite("Request metrics on SQLite and PostgreSQL")
struct MetricsTests {
    /// A small deterministic generator (so a failure can be replayed).
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// Generates requests that stop at every stage, some late, some reworked, some rated
    /// unsatisfied and handled again, across three grids in two streets.
    static func generate(_ f: Fixture, clock: ManualClock, count: Int, seed: UInt64) async throws {
        var dice = Dice(state: seed)
        let admin = f.actor(.districtAdmin)       // registers, dispatches, verifies and calls back everywhere
        let handler = f.actor(.department)        // bound to the district: may handle anywhere in it
        let places = [f.h1, f.g2, f.g3]
        let items = try await ["WX01", "HW01", "MD01", "YL05"].asyncMap { try await f.system.catalog.item(code: $0) }
        for n in 0..<count {
            let item = items[dice.next(items.count)]
            let request = try await f.requests.submit(RequestDraft(itemId: item.id, description: "生成的诉求 \(n)", answers: item.questions.first?.required == true ? [item.questions[0].code: [item.questions[0].choices.first ?? "1"]] : [:],
                                                                   regionId: places[dice.next(places.count)].id, channel: .hotline), actor: admin).request
            let id = request.id
            func wait() { clock.advance(seconds: Double(dice.next(6 * 3600))) }
            let stop = dice.next(10)
            if stop == 0 { continue }
            if stop == 1 { _ = try await f.requests.act(id, .reject(reason: "不属于受理范围"), actor: admin); continue }
            if stop == 2 { _ = try await f.requests.act(id, .void(reason: "重复"), actor: admin); continue }
            wait()
            _ = try await f.requests.act(id, .register(note: nil), actor: admin)
            _ = try await f.requests.act(id, .dispatch(handler: handler.userId!, coHandlers: [], note: nil), actor: admin)
            if stop == 3 { continue }
            wait()
            _ = try await f.requests.act(id, .claim, actor: handler)
            if stop == 4 { continue }
            wait(); wait()
            _ = try await f.requests.act(id, .report(result: "已处理"), actor: handler)
            if stop == 5 { continue }
            wait()
            if dice.next(3) == 0 {
                _ = try await f.requests.act(id, .verifyFail(reason: "未处理到位"), actor: admin)
                wait()
                _ = try await f.requests.act(id, .report(result: "再次处理"), actor: handler)
            }
            _ = try await f.requests.act(id, .verifyPass(note: nil), actor: admin)
            if stop == 6 { continue }
            let score = 1 + dice.next(5)
            _ = try await f.requests.act(id, .rate(score: score, comment: nil), actor: admin)
            if score < 3 && stop > 7 {
                wait()
                _ = try await f.requests.act(id, .report(result: "重新处理"), actor: handler)
                _ = try await f.requests.act(id, .verifyPass(note: nil), actor: admin)
                _ = try await f.requests.act(id, .rate(score: 4, comment: nil), actor: admin)
            }
        }
    }

    /// The same counts, computed independently: one plain query per figure, ratings read from
    /// the trace's events rather than the ratings table.
    static func independentCounts(_ system: LinliSystem, path: String, from: Int64, to: Int64, now: Int64) async throws -> MetricCounts {
        try await system.database.read { tx in
            let scope = "region_path LIKE '\(path)%' AND submitted_at >= \(from) AND submitted_at < \(to)"
            func count(_ condition: String) async throws -> Int {
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM requests WHERE \(unsafeRaw: scope) AND (\(unsafeRaw: condition))").first()!
                    .decode(column: "n", as: Int.self)
            }
            func sum(_ column: String, _ condition: String) async throws -> Int {
                let rows = try await tx.sql.raw("SELECT \(unsafeRaw: column) AS v FROM requests WHERE \(unsafeRaw: scope) AND (\(unsafeRaw: condition))").all()
                return try rows.reduce(0) { $0 + Int(try $1.decode(column: "v", as: Int64?.self) ?? 0) }
            }
            var c = MetricCounts()
            c.submitted = try await count("1 = 1")
            c.accepted = try await count("state <> 'rejected' AND state <> 'voided' AND state <> 'withdrawn'")
            c.responded = try await count("responded_at IS NOT NULL")
            c.respondedInTime = try await count("responded_at IS NOT NULL AND responded_at <= respond_due")
            c.unrespondedOverdue = try await count("responded_at IS NULL AND state IN ('received', 'registered', 'dispatched') AND respond_due < \(now)")
            c.closed = try await count("closed_at IS NOT NULL")
            c.closedInTime = try await count("closed_at IS NOT NULL AND handle_late = 0")
            c.closedWithRework = try await count("closed_at IS NOT NULL AND rework_count >= 1")
            c.everRated = try await count("rated_at IS NOT NULL")
            c.reopened = try await count("reopen_count >= 1")
            c.respondMinutes = try await sum("respond_minutes", "respond_minutes IS NOT NULL")
            c.respondCount = try await count("respond_minutes IS NOT NULL")
            c.handleMinutes = try await sum("handle_minutes", "closed_at IS NOT NULL")
            c.handleCount = c.closed
            c.verifyMinutes = try await sum("verify_minutes", "closed_at IS NOT NULL")
            c.verifyCount = c.closed
            c.overdue = try await count("""
                respond_late = 1 OR handle_late = 1 OR verify_late = 1
                OR (current_due IS NOT NULL AND current_due < \(now) AND state IN ('received', 'registered', 'dispatched', 'in_progress', 'reported'))
                """)
            let events = try await tx.sql.raw("""
                SELECT e.data FROM request_events e WHERE e.kind = 'rate' AND e.request_id IN (SELECT id FROM requests WHERE \(unsafeRaw: scope))
                """).all()
            let scores = try events.compactMap { row in
                try JSONDecoder().decode([String: String].self, from: Data(try row.decode(column: "data", as: String.self).utf8))["score"].flatMap(Int.init)
            }
            c.ratings = scores.count
            c.satisfiedRatings = scores.filter { $0 >= 3 }.count
            return c
        }
    }

    /// Every (area, day) of the daily summary that holds a count, its shards summed, as text, in key order.
    static func summaryRows(_ system: LinliSystem) async throws -> [String] {
        let sums = MetricCounts.fields.filter { $0.name != "unresponded_overdue" }
            .map { "CAST(SUM(\($0.name)) AS BIGINT) AS \($0.name)" }.joined(separator: ", ")
        return try await system.database.read { tx in
            try await tx.sql.raw("""
                SELECT area_path, day, \(unsafeRaw: sums) FROM request_daily_counts GROUP BY area_path, day ORDER BY area_path, day
                """).all().compactMap { row in
                let counts = try row.allColumns.filter { $0 != "area_path" && $0 != "day" }.map { try row.decode(column: $0, as: Int64.self) }
                guard counts.contains(where: { $0 != 0 }) else { return nil }
                return "\(try row.decode(column: "area_path", as: String.self)) \(try row.decode(column: "day", as: Int64.self)) \(counts)"
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func theMetricsEqualTheSameFiguresComputedIndependentlyFromTheRecords(engine: TestEngine) async throws {
        let clock = ManualClock(shanghai("2026-10-26", 9))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            // Five requests before the period, which the figures must leave out.
            try await Self.generate(f, clock: clock, count: 5, seed: 7)
            clock.advance(seconds: shanghai("2026-11-02", 9).timeIntervalSince(clock.now()))
            try await Self.generate(f, clock: clock, count: engine == .sqlite ? 80 : 40, seed: 20261123)
            let period = try MetricPeriod(from: LocalDay("2026-11-02")!, to: LocalDay(clock.now()))
            let admin = f.actor(.districtAdmin)
            let report = try await f.requests.metrics(regionId: f.district.id, period: period, actor: admin)
            let now = clock.now().millis
            let expected = try await Self.independentCounts(system, path: f.district.path, from: period.startMillis, to: period.endMillis, now: now)
            #expect(report.metrics.counts == expected)
            #expect(expected.submitted == (engine == .sqlite ? 80 : 40))
            // The generator really reached every stage the figures count.
            #expect(expected.closed > 0 && expected.closedWithRework > 0 && expected.reopened > 0 && expected.ratings > expected.satisfiedRatings)
            #expect(expected.responded > expected.respondedInTime && expected.accepted < expected.submitted)
            // Drill-down: each street's figures, and they add up to the district's.
            #expect(report.children.map(\.region.id) == [f.s1.id, f.s2.id])
            for row in report.children {
                #expect(row.metrics.counts == (try await Self.independentCounts(system, path: row.region.path, from: period.startMillis,
                                                                                 to: period.endMillis, now: now)), "\(row.region.name)")
            }
            #expect(report.children.map(\.metrics.counts.submitted).reduce(0, +) == expected.submitted)
            #expect(report.perDay.map(\.count).reduce(0, +) == expected.submitted)
            // On PostgreSQL the changes were spread over the summary's shards (a shard per
            // transaction), and the figures above summed them all; SQLite keeps one row.
            let shards = try await system.database.read { tx in
                try await tx.sql.raw("SELECT DISTINCT shard FROM request_daily_counts").all().count
            }
            #expect(engine == .postgres ? shards > 1 : shards == 1)
            // The daily sums kept step by step equal the sums made again from the rows, at every level.
            let kept = try await Self.summaryRows(system)
            try await f.requests.recountMetrics(actor: f.cli)
            #expect(try await Self.summaryRows(system) == kept)
            let areas: Set<String> = Set(kept.map { String($0.split(separator: " ")[0]) })
            #expect(areas.count == 9)  // the district, 2 streets, 3 communities, 3 grids
            let recounted = try await f.requests.metrics(regionId: f.district.id, period: period, actor: admin)
            #expect(recounted.metrics.counts == report.metrics.counts)
            #expect(recounted.children.map(\.metrics.counts) == report.children.map(\.metrics.counts))
            await #expect(throws: DomainError.self) { try await f.requests.recountMetrics(actor: admin) }
            // The summary goes down to grids; below them there is nothing to sum.
            let grid = try await f.requests.metrics(regionId: f.g1.id, period: period, actor: admin)
            #expect(grid.metrics.counts == (try await Self.independentCounts(system, path: f.g1.path, from: period.startMillis,
                                                                             to: period.endMillis, now: now)))
            await #expect(throws: DomainError.self) { try await f.requests.metrics(regionId: f.h1.id, period: period, actor: admin) }
            // Rates follow the written formulas.
            #expect(report.metrics.closureRate == Double(expected.closed) / Double(expected.accepted))
            #expect(report.metrics.satisfactionRate == Double(expected.satisfiedRatings) / Double(expected.ratings))
            #expect(report.metrics.responseRate == Double(expected.respondedInTime) / Double(expected.responded + expected.unrespondedOverdue))
        }
    }

    @Test(arguments: TestEngine.all)
    func metricsStayInsideTheActorsScope(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let period = try MetricPeriod(from: LocalDay("2026-01-01")!, to: LocalDay("2026-12-31")!)
            await #expect(throws: DomainError.self) { _ = try await f.requests.metrics(regionId: f.s2.id, period: period, actor: f.actor(.communityStaff)) }
            await #expect(throws: DomainError.forbidden) { _ = try await f.requests.metrics(regionId: nil, period: period, actor: f.actor(.gridWorker)) }
            let own = try await f.requests.metrics(regionId: nil, period: period, actor: f.actor(.communityStaff))
            #expect(own.region.id == f.c1.id && own.children.map(\.region.id) == [f.g1.id])
            #expect(throws: DomainError.self) { try MetricPeriod(from: LocalDay("2026-02-01")!, to: LocalDay("2026-01-01")!) }
        }
    }

    @Test(arguments: TestEngine.all)
    func movingABuildingOrAGridTakesItsRequestsAndTheirCountsAlong(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(shanghai("2026-11-23", 9))) { system in
            let f = try await Fixture.build(system)
            let request = try await f.dispatchedStreetlight()
            let period = try MetricPeriod(from: LocalDay("2026-11-23")!, to: LocalDay("2026-11-23")!)
            let admin = f.actor(.districtAdmin)
            func submitted(_ node: RegionNode) async throws -> Int {
                try await f.requests.metrics(regionId: node.id, period: period, actor: admin).metrics.counts.submitted
            }
            var counted = [try await submitted(f.g1), try await submitted(f.g2)]
            #expect(counted == [1, 0])
            // 1号楼 moves from 一网格 (一社区) to 二网格 (二社区).
            let unit = try await system.regions.lookup(f.h1.parentId!)!
            let building = try await system.regions.lookup(unit.parentId!)!
            _ = try await system.regions.move(building.id, toParent: f.g2.id, actor: f.cli)
            counted = [try await submitted(f.g1), try await submitted(f.g2), try await submitted(f.c1), try await submitted(f.c2)]
            #expect(counted == [0, 1, 0, 1])
            let moved = try await f.requests.detail(request.id, actor: admin).request
            #expect(moved.regionPath.hasPrefix(f.g2.path + "\(building.id)/"))
            // 二网格 (with the building) moves to 三社区 in the other street.
            _ = try await system.regions.move(f.g2.id, toParent: f.c3.id, actor: f.cli)
            counted = [try await submitted(f.s1), try await submitted(f.s2), try await submitted(f.c3)]
            #expect(counted == [0, 1, 1])
            // And the running sums still equal the sums made from the rows, at every level.
            let kept = try await Self.summaryRows(system)
            try await f.requests.recountMetrics(actor: f.cli)
            #expect(try await Self.summaryRows(system) == kept)
            #expect(kept.count == 4)  // district, 二街道, 三社区, 二网格: one day each
        }
    }
}
