import Foundation
import LinliKit
import Regions

/// Metrics of one region and period, with the same figures for each region below it.
public struct MetricsReport: Sendable {
    public struct Row: Sendable {
        public let region: RegionNode
        public let metrics: RequestMetrics
    }
    public let region: RegionNode
    public let period: MetricPeriod
    public let metrics: RequestMetrics
    public let children: [Row]
    /// Requests submitted per day of the period, every day listed.
    public let perDay: [(day: LocalDay, count: Int)]
}

extension RequestService {
    /// Drill-down stops at grids: 区 → 街道 → 社区 → 网格.
    static let deepestDrillDown = RegionLevel.grid

    public func metrics(regionId: Int64?, period: MetricPeriod, actor: Actor) async throws -> MetricsReport {
        try actor.require(.requestMetrics)
        guard period.to.start!.timeIntervalSince(period.from.start!) <= 400 * 86_400 else {
            throw DomainError.invalid("from", "统计区间最长 400 天")
        }
        let node = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        guard node.level.depth <= Self.deepestDrillDown.depth else {
            throw DomainError.invalid("regionId", "办理统计汇总到网格为止，请选择网格或以上的区域")
        }
        let children = node.level.depth < Self.deepestDrillDown.depth ? try await regions.children(of: node.id, actor: actor) : []
        let now = clock.now().millis
        let (from, to) = (period.startMillis, period.endMillis)
        let (firstDay, lastDay) = (DailyCounts.day(from), DailyCounts.day(to) - 1)
        let (sums, overdue, unsigned, days) = try await database.read { tx in
            (try await DailyCounts.sums(tx, path: node.path, children: children.map(\.path), firstDay: firstDay, lastDay: lastDay),
             try await MetricsQueries.overdueNow(tx, pathPrefix: node.path, children: children.map(\.path), from: from, to: to, now: now),
             try await MetricsQueries.unsignedOverdue(tx, pathPrefix: node.path, children: children.map(\.path), from: from, to: to, now: now),
             try await DailyCounts.submittedPerDay(tx, path: node.path, firstDay: firstDay, lastDay: lastDay))
        }
        /// The summary's figures plus the two counted live.
        func adding(_ counts: MetricCounts, overdue: Int, unsigned: Int) -> MetricCounts {
            var counts = counts
            counts.overdue += overdue
            counts.unrespondedOverdue = unsigned
            return counts
        }
        var perDay: [(day: LocalDay, count: Int)] = []
        var day = period.from
        while day <= period.to {
            perDay.append((day, days[DailyCounts.day(day.start!.millis)] ?? 0))
            day = day.adding(days: 1)
        }
        let counts = adding(sums.total, overdue: overdue.total, unsigned: unsigned.total)
        let childCounts = sums.children.indices.map { adding(sums.children[$0], overdue: overdue.children[$0], unsigned: unsigned.children[$0]) }
        return MetricsReport(region: node, period: period, metrics: RequestMetrics(counts),
                             children: zip(children, childCounts).map { MetricsReport.Row(region: $0, metrics: RequestMetrics($1)) },
                             perDay: perDay)
    }
}

extension RequestService {
    /// Sums the dashboard's daily summary again from the requests — after rows were changed
    /// by hand in the database, or a partial restore. The command line only.
    public func recountMetrics(actor: Actor) async throws {
        guard actor.scope.path == "/" else { throw DomainError.forbidden }
        try await database.write { tx in
            try await DailyCounts.rebuild(tx)
            try await audit.append(tx, actor: actor, action: .requestRecountMetrics, entityId: "-", regionPath: nil)
        }
    }
}
