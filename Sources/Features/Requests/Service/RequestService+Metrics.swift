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
        let children = node.level.depth < Self.deepestDrillDown.depth ? try await regions.children(of: node.id, actor: actor) : []
        let now = clock.now().millis
        let (counts, childCounts, days) = try await database.read { tx in
            let counts = try await MetricsQueries.counts(tx, pathPrefix: node.path, from: period.startMillis, to: period.endMillis, now: now)
            var childCounts: [MetricCounts] = []
            for child in children {
                childCounts.append(try await MetricsQueries.counts(tx, pathPrefix: child.path, from: period.startMillis, to: period.endMillis, now: now))
            }
            let days = try await MetricsQueries.perDay(tx, pathPrefix: node.path, from: period.startMillis, to: period.endMillis)
            return (counts, childCounts, days)
        }
        var perDay: [(day: LocalDay, count: Int)] = []
        var day = period.from
        while day <= period.to {
            let number = (day.start!.millis + MetricsQueries.shanghaiOffset) / MetricsQueries.dayMillis
            perDay.append((day, days[number] ?? 0))
            day = day.adding(days: 1)
        }
        return MetricsReport(region: node, period: period, metrics: RequestMetrics(counts),
                             children: zip(children, childCounts).map { MetricsReport.Row(region: $0, metrics: RequestMetrics($1)) },
                             perDay: perDay)
    }
}
