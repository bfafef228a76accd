import Foundation
import Hummingbird
import LinliKit
import Regions

/// 走访覆盖 with drill-down, and the month's 走访台账 / 巡查台账 as XLSX.
extension GridWorkPages {
    struct FiguresView {
        let inCare: Int, visited: Int, rate: String, overdue: Int, visits: Int, lateVisits: Int, eventMissed: Int
        init(_ f: CoverageFigures) {
            (inCare, visited, overdue, visits, lateVisits, eventMissed) = (f.inCare, f.visited, f.overdue, f.visits, f.lateVisits, f.eventMissed)
            rate = f.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        }
    }
    struct CoverageRowView {
        let id: Int64, name: String, month: String, inCare: Int, visited: Int, rate: String, overdue: Int, visits: Int, lateVisits: Int
        let eventMissed: Int
    }
    struct CoverageModel {
        let regionId: Int64, regionName: String, month: String, monthLabel: String, crumbs: [CrumbLink], total: FiguresView
        let rows: [CoverageRowView], hasRows: Bool
    }
    struct CrumbLink { let id: Int64, name: String, month: String }

    /// `regionId` and `month` (`2026-12`, this month when absent), checked.
    func monthQuery(_ request: Request) throws -> (regionId: Int64?, year: Int, month: Int) {
        let query = try request.query(VisitsQuery.init)
        let r = ChinaStandardTime.reading(gridWork.clock.now())
        let (year, month) = query.month ?? (r.year, r.month)
        return (query.regionId, year, month)
    }

    /// The way down to `region`, each step a link to the same report and month.
    func crumbs(to region: RegionNode, month: String, actor: Actor) async throws -> [CrumbLink] {
        try await gridWork.regions.breadcrumb(for: region, actor: actor).map { CrumbLink(id: $0.id, name: $0.name, month: month) }
    }

    @Sendable func coverage(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridView)
        let (regionId, year, month) = try monthQuery(request)
        let report = try await gridWork.coverage(regionId: regionId, year: year, month: month, actor: actor)
        let monthText = String(format: "%04d-%02d", year, month)
        let model = CoverageModel(
            regionId: report.region.id, regionName: report.region.name, month: monthText, monthLabel: "\(year) 年 \(month) 月",
            crumbs: try await crumbs(to: report.region, month: monthText, actor: actor), total: FiguresView(report.total),
            rows: report.children.map { row in
                let f = FiguresView(row.figures)
                return CoverageRowView(id: row.region.id, name: row.region.name, month: monthText, inCare: f.inCare, visited: f.visited, rate: f.rate,
                                       overdue: f.overdue, visits: f.visits, lateVisits: f.lateVisits, eventMissed: f.eventMissed)
            }, hasRows: !report.children.isEmpty)
        return web.page("gridwork.coverage", title: "走访覆盖", model: model, request: request, context: context)
    }

    @Sendable func visitLedger(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridView)
        let (regionId, year, month) = try monthQuery(request)
        let ledger = try await gridWork.visitLedger(regionId: regionId, year: year, month: month, actor: actor)
        let data = try XLSXFormat.write(header: GridWorkService.visitLedgerHeader, rows: ledger.rows, sheetName: "走访台账")
        return Web.spreadsheet(data, name: String(format: "走访台账-%@-%04d-%02d.xlsx", ledger.region.name, year, month), fallback: "visits.xlsx")
    }

    @Sendable func patrolLedger(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.gridView)
        let (regionId, year, month) = try monthQuery(request)
        let ledger = try await gridWork.patrolLedger(regionId: regionId, year: year, month: month, actor: actor)
        let data = try XLSXFormat.write(header: GridWorkService.patrolLedgerHeader, rows: ledger.rows, sheetName: "巡查台账")
        return Web.spreadsheet(data, name: String(format: "巡查台账-%@-%04d-%02d.xlsx", ledger.region.name, year, month), fallback: "patrols.xlsx")
    }
}
