import Foundation
import LinliKit
import Regions
import SQLKit

/// One grid's month: its figures, its score, and where it stands in its community and street.
public struct GridScore: Sendable {
    public let grid: RegionNode
    public let communityName: String
    public let figures: ScoreFigures
    public let card: ScoreCard
    public let rankInCommunity: Int
    public let rankInStreet: Int
}

/// One grid worker's month: their own visits, requests and problems found, with their grids'
/// coverage and patrol quota (the team shares those: 网格定人, the grid is the team's).
public struct WorkerScore: Sendable {
    public let userId: Int64
    public let name: String
    public let grids: [String]
    public let communityId: Int64
    public let figures: ScoreFigures
    public let card: ScoreCard
    public let rankInCommunity: Int
    public let rankInStreet: Int
}

public struct ScoreReport: Sendable {
    public let region: RegionNode
    public let year: Int, month: Int
    public let rules: GridRulesVersion<ScoreRules>
    public let grids: [GridScore]
    public let workers: [WorkerScore]
}

extension GridWorkService {
    static let defaultScoreRules = GridRulesVersion<ScoreRules>(id: nil, regionId: nil, regionPath: "/", version: 0, body: .defaults,
                                                                note: "", editedBy: "系统默认", editedAt: nil)

    public func scoreRules(regionId: Int64?, actor: Actor) async throws -> RulesView<ScoreRules> {
        try await rulesView(regionId: regionId, kind: .scores, defaults: Self.defaultScoreRules, actor: actor)
    }

    /// 考核细则 for a district: a new version; months already over keep the version of their time.
    public func editScoreRules(regionId: Int64, _ proposed: ScoreRules, note: String, actor: Actor) async throws
        -> GridRulesVersion<ScoreRules> {
        let problems = proposed.problems()
        guard problems.isEmpty else { throw DomainError.invalid(fields: problems) }
        return try await edit(regionId: regionId, kind: .scores, action: .scoreRulesEdit, note: note, actor: actor,
                              defaults: Self.defaultScoreRules) { _ in proposed }
    }

    /// 考核定分 of every grid under a region, and of every member of their teams, for a month.
    public func scores(regionId: Int64?, year: Int, month: Int, actor: Actor) async throws -> ScoreReport {
        guard actor.may(.gridView) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        let (from, to) = CoverageRules.month(year: year, month: month)
        let now = clock.now()
        // Ranks in the street need the whole street: below a street the figures are made for it
        // and only the region's rows are shown.
        let ranked = try await rankedRegion(region)
        let grids = try await gridsUnder(ranked)
        let teams = try await self.teams.teams(covering: ranked.path)
        let closed = try await requests.closed(under: ranked.path, from: from, to: to)
        let ratings = try await requests.ratings(under: ranked.path, from: from, to: to)
        let days = Self.daysCounted(from: from, to: to, now: now)
        let gridById = Dictionary(grids.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func gridOf(_ path: String) -> RegionNode? { Self.gridId(of: path).flatMap { gridById[$0] } }

        let (rules, coverage, visits, patrols, problems, quotas) = try await database.snapshot { tx in
            let rules = RulesInForce(versions: try await GridRulesStore.all(tx, kind: .scores, as: ScoreRules.self, before: to),
                                     defaults: Self.defaultScoreRules).at(ranked.path)
            let coverage = try await Self.coverage(tx, path: ranked.path, from: from, to: to, now: now, groups: grids.map(\.path)).groups
            let visits = try await tx.sql.raw("""
                SELECT region_path, visitor_id, late FROM visits WHERE \(tx.engine.pathWithin("region_path", ranked.path))
                AND visited_at >= \(bind: from.millis) AND visited_at < \(bind: to.millis)
                """).all().map { (path: try $0.decode(column: "region_path", as: String.self),
                                  by: try $0.decode(column: "visitor_id", as: Int64?.self), late: try $0.decode(column: "late", as: Int64.self) != 0) }
            let patrols = try await tx.sql.raw("""
                SELECT id, region_path, patroller_id FROM patrols WHERE \(tx.engine.pathWithin("region_path", ranked.path))
                AND ended_at >= \(bind: from.millis) AND ended_at < \(bind: to.millis)
                """).all().map { (id: try $0.decode(column: "id", as: Int64.self), path: try $0.decode(column: "region_path", as: String.self),
                                  by: try $0.decode(column: "patroller_id", as: Int64?.self)) }
            let problems = try await tx.sql.raw("""
                SELECT p.region_path, p.patroller_id FROM patrol_problems q JOIN patrols p ON p.id = q.patrol_id
                WHERE \(tx.engine.pathWithin("p.region_path", ranked.path)) AND q.at >= \(bind: from.millis) AND q.at < \(bind: to.millis)
                """).all().map { (path: try $0.decode(column: "region_path", as: String.self), by: try $0.decode(column: "patroller_id", as: Int64?.self)) }
            let quota = RulesInForce(versions: try await GridRulesStore.all(tx, kind: .patrols, as: PatrolQuota.self, before: to),
                                     defaults: Self.defaultQuota)
            let quotas = Dictionary(grids.map { ($0.id, quota.at($0.path).body.perDay * days) }, uniquingKeysWith: { a, _ in a })
            return (rules, coverage, visits, patrols, problems, quotas)
        }

        // Each grid's figures, from what happened under it.
        var gridFigures: [Int64: ScoreFigures] = [:]
        for grid in grids {
            var f = ScoreFigures()
            let c = coverage[grid.path] ?? CoverageFigures()
            (f.inCare, f.visited) = (c.inCare, c.visited)
            f.patrolQuota = quotas[grid.id] ?? 0
            gridFigures[grid.id] = f
        }
        var workerFigures: [Int64: ScoreFigures] = [:]
        for v in visits {
            if let g = gridOf(v.path) { gridFigures[g.id]?.visits += 1; if v.late { gridFigures[g.id]?.lateVisits += 1 } }
            if let by = v.by { workerFigures[by, default: ScoreFigures()].visits += 1; if v.late { workerFigures[by]?.lateVisits += 1 } }
        }
        for p in patrols { if let g = gridOf(p.path) { gridFigures[g.id]?.patrols += 1 } }
        for p in problems {
            if let g = gridOf(p.path) { gridFigures[g.id]?.problems += 1 }
            if let by = p.by { workerFigures[by, default: ScoreFigures()].problems += 1 }
        }
        for r in closed {
            func add(_ f: inout ScoreFigures) { f.closed += 1; if r.inTime { f.closedInTime += 1 } }
            if let g = gridOf(r.regionPath) { add(&gridFigures[g.id, default: ScoreFigures()]) }
            if let by = r.handlerId { add(&workerFigures[by, default: ScoreFigures()]) }
        }
        for r in ratings {
            func add(_ f: inout ScoreFigures) { f.rated += 1; if r.satisfied { f.satisfied += 1 } }
            if let g = gridOf(r.regionPath) { add(&gridFigures[g.id, default: ScoreFigures()]) }
            if let by = r.handlerId { add(&workerFigures[by, default: ScoreFigures()]) }
        }

        let parents = try await regions.find(ids: Array(Set(grids.compactMap(\.parentId))))
        let communityOf = Dictionary(parents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func street(of grid: RegionNode) -> Int64 { communityOf[grid.parentId ?? 0]?.parentId ?? 0 }
        let gridCards = grids.map { ($0, ScoreCard(gridFigures[$0.id] ?? ScoreFigures(), rules: rules.body)) }
        let gridInCommunity = ScoreRanking.ranks(gridCards.map { (key: $0.0.id, group: $0.0.parentId ?? 0, total: $0.1.total) })
        let gridInStreet = ScoreRanking.ranks(gridCards.map { (key: $0.0.id, group: street(of: $0.0), total: $0.1.total) })
        let gridScores = gridCards.map { grid, card in
            GridScore(grid: grid, communityName: communityOf[grid.parentId ?? 0]?.name ?? "", figures: gridFigures[grid.id] ?? ScoreFigures(),
                      card: card, rankInCommunity: gridInCommunity[grid.id] ?? 1, rankInStreet: gridInStreet[grid.id] ?? 1)
        }

        // Each team member: their own records, and the coverage and quota of the grids they are on.
        var members: [Int64: (name: String, grids: [RegionNode])] = [:]
        for grid in grids {
            for m in teams[grid.id] ?? [] { members[m.userId, default: (m.displayName, [])].grids.append(grid) }
        }
        let workerCards = members.map { userId, member -> (Int64, String, [RegionNode], ScoreFigures, ScoreCard) in
            var f = workerFigures[userId] ?? ScoreFigures()
            for grid in member.grids {
                let g = gridFigures[grid.id] ?? ScoreFigures()
                f.inCare += g.inCare
                f.visited += g.visited
                f.patrols += g.patrols
                f.patrolQuota += g.patrolQuota
            }
            return (userId, member.name, member.grids, f, ScoreCard(f, rules: rules.body))
        }
        let home: [Int64: RegionNode] = workerCards.reduce(into: [:]) { $0[$1.0] = $1.2.min { $0.id < $1.id } }
        let workerInCommunity = ScoreRanking.ranks(workerCards.map { (key: $0.0, group: home[$0.0]?.parentId ?? 0, total: $0.4.total) })
        let workerInStreet = ScoreRanking.ranks(workerCards.map { (key: $0.0, group: home[$0.0].map(street) ?? 0, total: $0.4.total) })
        let workerScores = workerCards.filter { card in card.2.contains { $0.path.hasPrefix(region.path) } }.map { userId, name, grids, figures, card in
            WorkerScore(userId: userId, name: name, grids: grids.map(\.name), communityId: home[userId]?.parentId ?? 0, figures: figures,
                        card: card, rankInCommunity: workerInCommunity[userId] ?? 1, rankInStreet: workerInStreet[userId] ?? 1)
        }.sorted { ($0.card.total, $1.name) > ($1.card.total, $0.name) }
        return ScoreReport(region: region, year: year, month: month, rules: rules,
                           grids: gridScores.filter { $0.grid.path.hasPrefix(region.path) }.sorted { ($0.card.total, $1.grid.code) > ($1.card.total, $0.grid.code) }, workers: workerScores)
    }

    /// The region whose grids are ranked together: the street of a community or a grid, else
    /// the region itself.
    func rankedRegion(_ region: RegionNode) async throws -> RegionNode {
        guard region.level > .street else { return region }
        let ids = region.path.split(separator: "/")
        guard ids.count >= 2, let id = Int64(ids[1]) else { return region }
        return try await regions.lookup(id) ?? region
    }

    /// The grids at or under `region`, in use (the caller has checked the reader's scope).
    func gridsUnder(_ region: RegionNode) async throws -> [RegionNode] {
        if region.level == .grid { return [region] }
        guard region.level < .grid else { throw DomainError.invalid("regionId", "考核按网格及以上的区域查看") }
        return try await regions.descendants(of: region, level: .grid)
    }

    /// Days of the month that count for the patrol quota: all of a past month, those so far
    /// (today included) of the current one, none of a month to come.
    static func daysCounted(from: Date, to: Date, now: Date) -> Int {
        guard now >= from else { return 0 }
        let end = min(to, DueWindow(now: now).endOfToday)
        return max(0, Int(((end.timeIntervalSince(from)) / 86_400).rounded(.up)))
    }
}
