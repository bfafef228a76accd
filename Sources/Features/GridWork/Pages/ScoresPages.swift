import Foundation
import Hummingbird
import LinliKit
import Regions

/// 考核定分: the month's scores of the grids and their teams, each point's reason beside it,
/// and the same as an XLSX 考核得分表.
extension GridWorkPages {
    struct ScoreCellView { let label: String, points: String, detail: String, counted: Bool }
    struct ScoreRowView {
        let name: String, place: String, total: String, rankInCommunity: Int, rankInStreet: Int, cells: [ScoreCellView]
    }
    struct MeasureView { let label: String, maximum: String }
    struct ScoresModel {
        let regionId: Int64, regionName: String, month: String, monthLabel: String, crumbs: [CrumbLink], rulesVersion: String
        let measures: [MeasureView], grids: [ScoreRowView], workers: [ScoreRowView], hasGrids: Bool, hasWorkers: Bool
    }

    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }

    /// A line's reason in words: 完成/应完成, 件数, or 不计 when there was nothing to count.
    static func detail(_ line: ScoreCard.Line) -> String {
        switch line.whole {
        case nil: "\(line.part) 件"
        case 0?: "不计"
        case let whole?: "\(line.part)/\(whole)"
        }
    }

    static func cells(_ card: ScoreCard) -> [ScoreCellView] {
        card.lines.map { ScoreCellView(label: $0.measure.label, points: $0.counted ? number($0.points) : "—", detail: detail($0), counted: $0.counted) }
    }

    @Sendable func scores(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridView)
        let (regionId, year, month) = try monthQuery(request)
        let report = try await gridWork.scores(regionId: regionId, year: year, month: month, actor: actor)
        let monthText = String(format: "%04d-%02d", year, month)
        let model = ScoresModel(
            regionId: report.region.id, regionName: report.region.name, month: monthText, monthLabel: "\(year) 年 \(month) 月",
            crumbs: try await crumbs(to: report.region, month: monthText, actor: actor),
            rulesVersion: report.rules.version == 0 ? "系统默认细则" : "第 \(report.rules.version) 版细则",
            measures: report.rules.body.items.map { MeasureView(label: $0.measure.label, maximum: Self.number($0.points)) },
            grids: report.grids.map { g in
                ScoreRowView(name: g.grid.name, place: g.communityName, total: Self.number(g.card.total), rankInCommunity: g.rankInCommunity,
                             rankInStreet: g.rankInStreet, cells: Self.cells(g.card))
            },
            workers: report.workers.map { w in
                ScoreRowView(name: w.name, place: w.grids.joined(separator: "、"), total: Self.number(w.card.total),
                             rankInCommunity: w.rankInCommunity, rankInStreet: w.rankInStreet, cells: Self.cells(w.card))
            },
            hasGrids: !report.grids.isEmpty, hasWorkers: !report.workers.isEmpty)
        return web.page("gridwork.scores", title: "考核定分", model: model, request: request, context: context)
    }

    @Sendable func scoreSheet(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridView)
        let (regionId, year, month) = try monthQuery(request)
        let report = try await gridWork.scores(regionId: regionId, year: year, month: month, actor: actor)
        let measures = report.rules.body.items.map(\.measure)
        let header = ["类型", "名称", "所属", "总分", "社区内排名", "街道内排名"] + measures.flatMap { ["\($0.label)得分", "\($0.label)依据"] }
        func row(_ kind: String, _ name: String, _ place: String, _ card: ScoreCard, _ ranks: (Int, Int)) -> [SheetCell] {
            [.text(kind), .text(name), .text(place), .decimal(card.total), .number(Double(ranks.0)), .number(Double(ranks.1))]
                + card.lines.flatMap { [$0.counted ? SheetCell.decimal($0.points) : .text("不计"), .text(Self.detail($0))] }
        }
        let rows = report.grids.map { row("网格", $0.grid.name, $0.communityName, $0.card, ($0.rankInCommunity, $0.rankInStreet)) }
            + report.workers.map { row("网格员", $0.name, $0.grids.joined(separator: "、"), $0.card, ($0.rankInCommunity, $0.rankInStreet)) }
        let data = try XLSXFormat.write(header: header, rows: rows, sheetName: "考核得分")
        return Web.spreadsheet(data, name: String(format: "考核得分-%@-%04d-%02d.xlsx", report.region.name, year, month), fallback: "scores.xlsx")
    }
}
