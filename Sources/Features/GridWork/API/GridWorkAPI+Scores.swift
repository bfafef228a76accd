import Foundation
import Hummingbird
import LinliKit

/// 考核定分 in the API: the month's scores with every point's reason, and the rules in force.
extension GridWorkAPI {
    struct ScoreLineView: Encodable {
        let measure: ScoreMeasure, label: String, part: Int, whole: Int?, points: Double, maximum: Double, counted: Bool
        init(_ line: ScoreCard.Line) {
            (measure, label, part, whole) = (line.measure, line.measure.label, line.part, line.whole)
            (points, maximum, counted) = (line.points, line.maximum, line.counted)
        }
    }
    struct GridScoreView: Encodable {
        let gridId: Int64, gridName: String, communityName: String, total: Double, rankInCommunity: Int, rankInStreet: Int
        let lines: [ScoreLineView]
    }
    struct WorkerScoreView: Encodable {
        let userId: Int64, name: String, grids: [String], total: Double, rankInCommunity: Int, rankInStreet: Int, lines: [ScoreLineView]
    }
    struct ScoresView: Encodable {
        let regionId: Int64, regionName: String, month: String, rulesVersion: Int, grids: [GridScoreView], workers: [WorkerScoreView]
    }

    @Sendable func scores(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridView)
        let (regionId, year, month) = try regionMonth(request)
        let report = try await gridWork.scores(regionId: regionId, year: year, month: month, actor: actor)
        return try Web.json(ScoresView(
            regionId: report.region.id, regionName: report.region.name, month: String(format: "%04d-%02d", year, month),
            rulesVersion: report.rules.version,
            grids: report.grids.map { g in
                GridScoreView(gridId: g.grid.id, gridName: g.grid.name, communityName: g.communityName, total: g.card.total,
                              rankInCommunity: g.rankInCommunity, rankInStreet: g.rankInStreet, lines: g.card.lines.map(ScoreLineView.init))
            },
            workers: report.workers.map { w in
                WorkerScoreView(userId: w.userId, name: w.name, grids: w.grids, total: w.card.total, rankInCommunity: w.rankInCommunity,
                                rankInStreet: w.rankInStreet, lines: w.card.lines.map(ScoreLineView.init))
            }))
    }

    /// 修改巡查定量: answers with the rules now in force there.
    @Sendable func editQuota(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridManage)
        let input = try await request.input(context, PatrolQuotaInput.init)
        _ = try await gridWork.editPatrolQuota(regionId: input.regionId, input.quota, note: input.note, actor: actor)
        return try Web.json(Self.rulesBody(try await gridWork.patrolQuota(regionId: input.regionId, actor: actor)))
    }

    /// 修改考核细则 (a district's).
    @Sendable func editScoreRules(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridManage)
        let input = try await request.input(context, ScoreRulesInput.init)
        _ = try await gridWork.editScoreRules(regionId: input.regionId, input.rules, note: input.note, actor: actor)
        return try Web.json(Self.rulesBody(try await gridWork.scoreRules(regionId: input.regionId, actor: actor)))
    }

    @Sendable func scoreRules(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let regionId = try request.query { $0.integer("regionId", "区域") }
        return try Web.json(Self.rulesBody(try await gridWork.scoreRules(regionId: regionId, actor: actor)))
    }
}

extension GridWorkAPI {
    static var scoreSchemas: [String: Any] {
        let line = object(["measure": choice(ScoreMeasure.self), "label": string, "part": integer, "whole": integer, "points": number,
                           "maximum": number, "counted": boolean], required: ["measure", "label", "part", "points", "maximum", "counted"])
        let common: [String: Any] = ["total": number, "rankInCommunity": integer, "rankInStreet": integer, "lines": array(line)]
        let grid = object(common.merging(["gridId": integer, "gridName": string, "communityName": string]) { a, _ in a },
                          required: ["gridId", "gridName", "communityName", "total", "rankInCommunity", "rankInStreet", "lines"])
        let worker = object(common.merging(["userId": integer, "name": string, "grids": array(string)]) { a, _ in a },
                            required: ["userId", "name", "grids", "total", "rankInCommunity", "rankInStreet", "lines"])
        let item = object(["measure": choice(ScoreMeasure.self), "points": number, "perUnit": number], required: ["measure", "points"])
        return [
            "Scores": object(["regionId": integer, "regionName": string, "month": string, "rulesVersion": integer, "grids": array(grid),
                              "workers": array(worker)], required: ["regionId", "regionName", "month", "rulesVersion", "grids", "workers"]),
            "ScoreRulesInForce": object(["regionId": integer, "regionName": string, "version": integer,
                                         "rules": object(["items": array(item)], required: ["items"]), "note": string, "editedBy": string,
                                         "editedAt": integer], required: ["regionId", "regionName", "version", "rules", "note", "editedBy"]),
        ]
    }
}
