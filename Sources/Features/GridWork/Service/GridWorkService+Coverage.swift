import Foundation
import LinliKit
import Regions
import SQLKit

/// One row of the coverage report: a region (the one asked for, or one of its children).
public struct CoverageRow: Sendable {
    public let region: RegionNode
    public let figures: CoverageFigures
}

public struct CoverageReport: Sendable {
    public let region: RegionNode
    public let from: Date
    public let to: Date
    public let total: CoverageFigures
    public let children: [CoverageRow]
}

extension GridWorkService {
    /// 覆盖情况 of a region for a month, with a row per child (street, community or grid) to drill
    /// into. "In the plan" and "overdue" are the plan as it stands now; visits and events are the
    /// month's.
    public func coverage(regionId: Int64?, year: Int, month: Int, actor: Actor) async throws -> CoverageReport {
        guard actor.may(.gridView) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        let children = region.level < .grid ? try await regions.children(of: region.id, actor: actor) : []
        let (from, to) = CoverageRules.month(year: year, month: month)
        let now = clock.now()
        let figures = try await database.snapshot { tx in
            try await Self.coverage(tx, path: region.path, from: from, to: to, now: now, groups: children.map(\.path))
        }
        return CoverageReport(region: region, from: from, to: to, total: figures.total,
                              children: children.map { CoverageRow(region: $0, figures: figures.groups[$0.path] ?? CoverageFigures()) })
    }

    /// The figures under `path`, and under each of `groups` (paths under it).
    static func coverage(_ tx: Tx, path: String, from: Date, to: Date, now: Date, groups: [String]) async throws
        -> (total: CoverageFigures, groups: [String: CoverageFigures]) {
        func group(_ p: String) -> String? { groups.first { p.hasPrefix($0) } }
        var total = CoverageFigures()
        var byGroup: [String: CoverageFigures] = [:]
        func add(_ p: String, _ change: (inout CoverageFigures) -> Void) {
            change(&total)
            if let g = group(p) { change(&byGroup[g, default: CoverageFigures()]) }
        }
        let plan = try await tx.sql.raw("""
            SELECT resident_id, region_path, class_code, due_at FROM visit_plans WHERE \(tx.engine.pathWithin("region_path", path))
            """).all().map { (id: try $0.decode(column: "resident_id", as: Int64.self), path: try $0.decode(column: "region_path", as: String.self),
                              cls: try $0.decode(column: "class_code", as: String.self), due: try $0.decode(column: "due_at", as: Int64.self)) }
        let visits = try await tx.sql.raw("""
            SELECT resident_id, region_path, visited_at, late FROM visits WHERE \(tx.engine.pathWithin("region_path", path))
            AND visited_at >= \(bind: from.millis) AND visited_at < \(bind: to.millis)
            """).all().map { (id: try $0.decode(column: "resident_id", as: Int64.self), path: try $0.decode(column: "region_path", as: String.self),
                              at: try $0.decode(column: "visited_at", as: Int64.self), late: try $0.decode(column: "late", as: Int64.self) != 0) }
        var visitsOf: [Int64: [Int64]] = [:]
        for v in visits {
            visitsOf[v.id, default: []].append(v.at)
            add(v.path) { $0.visits += 1; if v.late { $0.lateVisits += 1 } }
        }
        for p in plan {
            add(p.path) { f in
                f.inCare += 1
                if visitsOf[p.id] != nil { f.visited += 1 }
                if p.due < now.millis { f.overdue += 1 }
            }
        }
        // The month's events over (or under) this region: each high-risk person under the event
        // and here, reached or not within the hours after it.
        let rules = try await VisitPlanner.rulesInForce(tx)
        let events = try await EventStore.touching(tx, path: path, limit: 10_000)
            .filter { $0.declaredAt >= from && $0.declaredAt < to }
        for event in events {
            let r = rules.at(event.regionPath).body
            let answering = Set(r.classes.filter(\.onMajorEvents).map(\.code))
            let end = event.declaredAt.addingTimeInterval(Double(r.eventHours) * 3600).millis
            let start = event.declaredAt.millis
            let reachedIds = try await tx.sql.raw("""
                SELECT DISTINCT resident_id FROM visits WHERE \(tx.engine.pathWithin("region_path", event.regionPath.count > path.count ? event.regionPath : path))
                AND visited_at >= \(bind: start) AND visited_at <= \(bind: end)
                """).all().map { try $0.decode(column: "resident_id", as: Int64.self) }
            let reached = Set(reachedIds)
            for p in plan where answering.contains(p.cls) && p.path.hasPrefix(event.regionPath) {
                add(p.path) { f in
                    f.eventDue += 1
                    if !reached.contains(p.id) { f.eventMissed += 1 }
                }
            }
        }
        return (total, byGroup)
    }
}
