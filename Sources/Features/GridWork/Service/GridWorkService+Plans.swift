import Foundation
import LinliKit
import Regions
import Notifications
import Residents

/// What the full run of the plan did.
public struct PlanRun: Sendable, Equatable {
    public var examined = 0
    public var planned = 0
    public var removed = 0
}

/// A region's plan, as staff see it: counts by where each stands, and the soonest due.
public struct PlanView: Sendable {
    public let region: RegionNode
    public let counts: DueList.Counts
    public let entries: [PlanEntry]
}

extension GridWorkService {
    /// Plans every resident again: those the rules take in, those they leave out, ages that
    /// passed a threshold since yesterday. Batches of 2,000 residents, each its own transaction,
    /// so the registry is never held up for long.
    @discardableResult
    public func regeneratePlans() async throws -> PlanRun {
        var run = PlanRun()
        let now = clock.now()
        let (rules, events) = try await database.read { tx in (try await VisitPlanner.rulesInForce(tx), try await EventStore.open(tx)) }
        let tags = rules.versions.reduce(rules.defaults.body.tags) { $0.union($1.body.tags) }
        var cursor: Int64 = 0
        while true {
            let after = cursor
            let (examined, planned, done, next) = try await database.write { tx -> (Int, Int, Bool, Int64) in
                let carrying = try await ResidentService.residentIds(tx, carrying: tags, after: after, limit: 2000)
                let upTo = carrying.count == 2000 ? carrying.last : nil
                let before = try await PlanStore.residentIds(tx, after: after, upTo: upTo)
                let ids = Array(Set(carrying).union(before)).sorted()
                let entries = try await VisitPlanner.replan(tx, ids, now: now, rules: rules, events: events)
                return (ids.count, entries.count, upTo == nil, upTo ?? after)
            }
            run.examined += examined
            run.planned += planned
            if done { break }
            cursor = next
        }
        run.removed = max(0, run.examined - run.planned)
        return run
    }

    /// Plans the residents a large change queued; returns how many it took.
    @discardableResult
    public func drainPlanQueue(limit: Int = 5000) async throws -> Int {
        let now = clock.now()
        return try await database.write { tx in
            let ids = try await PlanStore.dequeue(tx, limit: limit)
            try await VisitPlanner.replan(tx, ids, now: now)
            return ids.count
        }
    }

    /// The daily run, once a day across instances, and whatever is queued.
    public func planJob() async throws {
        while try await drainPlanQueue() > 0 {}
        let r = ChinaStandardTime.reading(clock.now())
        let day = ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day)
        let now = clock.now().millis
        if try await database.write({ tx in try await PlanStore.claimRun(tx, name: "plans", day: day, now: now) }) {
            do { try await regeneratePlans() } catch {
                // Not done: the next run (a minute later, on any instance) claims it again.
                try? await database.write { tx in try await PlanStore.resetRun(tx, name: "plans") }
                throw error
            }
        }
        // From 08:00 on, once a day across instances: who has visits falling due tomorrow.
        if r.hour >= 8, try await database.write({ tx in try await PlanStore.claimRun(tx, name: "visit_notices", day: day, now: now) }) {
            do { try await noticeVisitsDueTomorrow() } catch {
                try? await database.write { tx in try await PlanStore.resetRun(tx, name: "visit_notices") }
                throw error
            }
        }
    }

    /// 明日到期提醒: each member of a grid team whose post carries visits hears how many people of
    /// their grid fall due tomorrow (nothing when none do).
    @discardableResult
    public func noticeVisitsDueTomorrow() async throws -> Int {
        let window = DueWindow(now: clock.now())
        let (from, to) = (window.endOfToday, window.endOfToday.addingTimeInterval(86_400))
        let teams = try await self.teams.teams(covering: "/")
        let grids = try await regions.find(ids: Array(teams.keys))
        let r = ChinaStandardTime.reading(from)
        let day = "\(r.month) 月 \(r.day) 日"
        return try await database.write { tx in
            let duties = try await Self.duties(tx)
            var told = 0
            for grid in grids {
                let due = try await PlanStore.dueCount(tx, within: grid.path, from: from, to: to)
                let people = (teams[grid.id] ?? []).filter { duties.at(grid.path).body.carries($0.duty, .visits) }.map(\.userId)
                guard due > 0, !people.isEmpty else { continue }
                try await notifications.post(tx, to: people, Notice(
                    title: "明天有 \(due) 位对象到期走访", body: "\(grid.name)：\(day)前需走访 \(due) 位关爱对象，请安排好时间。",
                    link: "/grid", facts: ["event": "visits_due", "grid": String(grid.id), "count": String(due)]))
                told += people.count
            }
            return told
        }
    }

    /// The plan of a region in the actor's scope: everyone in it when `dueBefore` is nil.
    public func plan(regionId: Int64?, dueBefore: Date? = nil, limit: Int = 200, actor: Actor) async throws -> PlanView {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        let window = DueWindow(now: clock.now())
        return try await database.read { tx in
            let entries = try await PlanStore.entries(tx, within: region.path, dueBefore: dueBefore, limit: limit)
            let counts = try await PlanStore.counts(tx, within: region.path, window: window)
            return PlanView(region: region, counts: counts, entries: entries)
        }
    }

    /// One resident's line in the plan, if they are in it (in the actor's scope).
    public func planEntry(residentId: Int64, actor: Actor) async throws -> PlanEntry? {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        let resident = try await residents.resident(residentId, actor: actor)
        return try await database.read { tx in try await PlanStore.entries(tx, residentIds: [resident.id])[resident.id] }
    }
}

extension PlanStore {
    static func dueCount(_ tx: Tx, within path: String, from: Date, to: Date) async throws -> Int {
        try await tx.sql.raw("""
            SELECT COUNT(*) AS n FROM visit_plans WHERE \(tx.engine.pathWithin("region_path", path))
            AND due_at >= \(bind: from.millis) AND due_at < \(bind: to.millis)
            """).first()!.decode(column: "n", as: Int.self)
    }

    static func counts(_ tx: Tx, within path: String, window: DueWindow) async throws -> DueList.Counts {
        let row = try await tx.sql.raw("""
            SELECT COUNT(*) AS total,
              SUM(CASE WHEN due_at < \(bind: window.now.millis) THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN due_at >= \(bind: window.now.millis) AND due_at < \(bind: window.endOfToday.millis) THEN 1 ELSE 0 END) AS today,
              SUM(CASE WHEN due_at >= \(bind: window.endOfToday.millis) AND due_at < \(bind: window.endOfWeek.millis) THEN 1 ELSE 0 END) AS week
            FROM visit_plans WHERE \(tx.engine.pathWithin("region_path", path))
            """).first()!
        func n(_ c: String) throws -> Int { Int(try row.decode(column: c, as: Int64?.self) ?? 0) }
        return DueList.Counts(overdue: try n("overdue"), today: try n("today"), week: try n("week"), total: try n("total"))
    }
}
