import Foundation
import LinliKit
import Regions

/// A person to visit, with what the visitor needs at the door.
public struct DayVisit: Sendable {
    public let plan: PlanEntry
    public let bucket: DueWindow.Bucket
    /// The last visit, for its notes and concerns.
    public let last: VisitRecord?
    /// The allowed methods of their class.
    public let methods: [VisitMethod]
    /// Due because of a major event.
    public let event: MajorEvent?
}

/// 今日网格工作 — the grid worker's day: visits overdue, due today, due this week; the open
/// events; the requests waiting for them.
public struct GridDay: Sendable {
    public let grids: [GridMembership]
    /// A grid role on no team (or with no visit duty): nothing is planned for them.
    public let unassigned: Bool
    public let visits: [DayVisit]
    public let counts: DueList.Counts
    public let events: [MajorEvent]
    public let requests: [DueList]
    /// Each grid the actor patrols, against its quota today.
    public let patrols: [(grid: RegionNode, progress: PatrolProgress)]
    /// The patrol under way.
    public let openPatrol: PatrolRecord?
    public let window: DueWindow
}

extension GridWorkService {
    public func day(actor: Actor, limit: Int = 200) async throws -> GridDay {
        try actor.require(.gridWork)
        let window = DueWindow(now: clock.now())
        let (paths, grids) = try await workPaths(actor, task: .visits)
        let requests = try await self.requests.dueWork(actor: actor, window: window, limit: 10)
        let (visits, counts, events) = try await database.read { tx -> ([DayVisit], DueList.Counts, [MajorEvent]) in
            let rules = try await VisitPlanner.rulesInForce(tx)
            let open = try await EventStore.open(tx)
            let (entries, counts) = try await PlanStore.dueThisWeek(tx, within: paths, window: window, limit: limit)
            let last = try await VisitStore.latest(tx, of: entries)
            let visits = entries.map { entry in
                DayVisit(plan: entry, bucket: window.bucket(of: entry.due), last: last[entry.residentId],
                         methods: rules.at(entry.regionPath).body.visitClass(entry.classCode)?.methods ?? VisitMethod.allCases,
                         event: entry.eventId.flatMap { id in open.first { $0.id == id } })
            }
            let events = open.filter { event in paths.contains { $0.hasPrefix(event.regionPath) || event.regionPath.hasPrefix($0) } }
            return (visits, counts, events)
        }
        let patrolGrids = try await workPaths(actor, task: .patrols).grids.map(\.grid)
        var patrols: [(grid: RegionNode, progress: PatrolProgress)] = []
        for grid in patrolGrids { patrols.append((grid, try await patrolProgress(gridId: grid.id, actor: actor))) }
        return GridDay(grids: grids, unassigned: actor.role.map(Self.gridRoles.contains) ?? false && paths.isEmpty, visits: visits,
                       counts: counts, events: events, requests: requests, patrols: patrols, openPatrol: try await openPatrol(actor: actor),
                       window: window)
    }

    /// 今日待办 on the home page: the visits due, overdue first.
    func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        guard actor.may(.gridWork) else { return [] }
        let (paths, _) = try await workPaths(actor, task: .visits)
        guard !paths.isEmpty else { return [] }
        let (entries, counts) = try await database.read { tx in
            try await PlanStore.dueThisWeek(tx, within: paths, window: window, limit: limit)
        }
        guard counts.overdue + counts.today + counts.week > 0 else { return [] }
        let items = entries.prefix(limit).map { entry in
            DueItem(title: "走访 \(entry.name)", status: entry.className + "对象", detail: entry.address,
                    href: "/grid/visits/new?residentId=\(entry.residentId)", due: entry.due)
        }
        let weekCounts = DueList.Counts(overdue: counts.overdue, today: counts.today, week: counts.week,
                                        total: counts.overdue + counts.today + counts.week)
        return [DueList(id: "grid-visits", title: "走访", href: "/grid", counts: weekCounts, items: Array(items), order: 5)]
    }
}

extension PlanStore {
    /// The plan of several grids due by the end of the week, soonest first (at most `limit`),
    /// with the counts of all of it.
    static func dueThisWeek(_ tx: Tx, within paths: [String], window: DueWindow, limit: Int) async throws
        -> (entries: [PlanEntry], counts: DueList.Counts) {
        var entries: [PlanEntry] = []
        var counts = DueList.Counts()
        for path in paths {
            entries += try await PlanStore.entries(tx, within: path, dueBefore: window.endOfWeek, limit: limit)
            counts = counts + (try await PlanStore.counts(tx, within: path, window: window))
        }
        entries.sort { ($0.due, $0.residentId) < ($1.due, $1.residentId) }
        return (Array(entries.prefix(limit)), counts)
    }
}

extension VisitStore {
    /// The latest visit of each plan entry's person (the one the plan counts from).
    static func latest(_ tx: Tx, of entries: [PlanEntry]) async throws -> [Int64: VisitRecord] {
        let visited = entries.filter { $0.lastVisitAt != nil }.map(\.residentId)
        guard !visited.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM visits v JOIN visit_plans p ON p.resident_id = v.resident_id AND p.last_visit_at = v.visited_at
            WHERE v.resident_id IN (\(binds: visited))
            """).all()
        var latest: [Int64: VisitRecord] = [:]
        for visit in try await records(tx, rows) where latest[visit.residentId].map({ $0.id < visit.id }) ?? true {
            latest[visit.residentId] = visit
        }
        return latest
    }
}
