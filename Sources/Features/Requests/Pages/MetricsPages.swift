import Foundation
import Hummingbird
import LinliKit
import Regions

/// 办理统计 — the metrics page, its XLSX export and its JSON.
struct MetricsPages {
    let requests: RequestService
    let regions: RegionService
    let web: Web
    let clock: any Clock

    struct Figure { let label: String, value: String }
    struct ChildRow { let id: Int64, name: String, submitted: Int, cells: [String], drill: Bool, from: String, to: String }
    struct Model {
        /// Nil on a form error, so the title and the export link are left out (an empty string
        /// would still open a Mustache section).
        let regionName: String?, regionCode: String, from: String, to: String, figures: [Figure], header: [String], children: [ChildRow]
        let hasChildren: Bool, trend: String, closureChart: String?, exportLink: String?, up: String?, error: String?
        /// The region's requests in the queue (all of them: the queue has no period), for those who may see it.
        var listLink: String? = nil
    }

    /// The columns of the table and of the export, one place.
    static let columns = ["受理量", "有效诉求", "响应率", "按期办结率", "结案率", "返工率", "重办率", "满意率", "超期", "平均签收（小时）", "平均处置（小时）", "平均核查（小时）"]

    /// The figures as the export writes them: counts as numbers, rates as percentages, hours
    /// with one decimal; a rate or average with nothing to count is left empty.
    static func sheetCells(_ m: RequestMetrics) -> [SheetCell] {
        func rate(_ value: Double?) -> SheetCell { value.map(SheetCell.percent) ?? .empty }
        func hours(_ minutes: Double?) -> SheetCell { minutes.map { .decimal(($0 / 6).rounded() / 10) } ?? .empty }
        return [.number(Double(m.counts.submitted)), .number(Double(m.counts.accepted)), rate(m.responseRate), rate(m.onTimeClosureRate),
                rate(m.closureRate), rate(m.reworkRate), rate(m.reopenRate), rate(m.satisfactionRate), .number(Double(m.counts.overdue)),
                hours(m.averageRespondMinutes), hours(m.averageHandleMinutes), hours(m.averageVerifyMinutes)]
    }

    static func cells(_ m: RequestMetrics) -> [String] {
        [String(m.counts.submitted), String(m.counts.accepted), RequestMetrics.percent(m.responseRate), RequestMetrics.percent(m.onTimeClosureRate),
         RequestMetrics.percent(m.closureRate), RequestMetrics.percent(m.reworkRate), RequestMetrics.percent(m.reopenRate),
         RequestMetrics.percent(m.satisfactionRate), String(m.counts.overdue), RequestMetrics.hours(m.averageRespondMinutes),
         RequestMetrics.hours(m.averageHandleMinutes), RequestMetrics.hours(m.averageVerifyMinutes)]
    }

    /// Region (by id or code) and period from the query; the last 30 days by default.
    func query(_ request: Request, actor: Actor) async throws -> (regionId: Int64?, period: MetricPeriod, code: String?) {
        var fields = Fields.query(request)
        let regionId = fields.integer("regionId", "区域")
        let code = fields.text("regionCode", "区域", maxLength: 60)
        let today = LocalDay(clock.now())
        func day(_ name: String, _ label: String, _ fallback: LocalDay) -> LocalDay {
            guard let text = fields.text(name, label, maxLength: 10) else { return fallback }
            guard let day = LocalDay(text) else { fields.fail(name, "「\(label)」应写作 2026-11-01"); return fallback }
            return day
        }
        let from = day("from", "开始日期", today.adding(days: -29))
        let to = day("to", "结束日期", today)
        try fields.finish()
        let resolved = try await code.asyncMap { try await regions.node(named: $0, field: "regionCode", actor: actor).id } ?? regionId
        return (resolved, try MetricPeriod(from: from, to: to), code)
    }

    func page(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestMetrics)
        let report: MetricsReport
        do {
            let (regionId, period, _) = try await query(request, actor: actor)
            report = try await requests.metrics(regionId: regionId, period: period, actor: actor)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .notFound {
            let today = LocalDay(clock.now())
            let model = Model(regionName: nil, regionCode: "", from: today.adding(days: -29).description, to: today.description, figures: [],
                              header: Self.columns, children: [], hasChildren: false, trend: "", closureChart: nil, exportLink: nil, up: nil,
                              error: error.message)
            return web.page("requests.metrics", title: "办理统计", model: model, request: request, context: context, status: .unprocessableContent)
        }
        let m = report.metrics
        let from = report.period.from.description, to = report.period.to.description
        let figures = zip(Self.columns, Self.cells(m)).map { Figure(label: $0, value: $1) }
        let children = report.children.map { row in
            ChildRow(id: row.region.id, name: row.region.name, submitted: row.metrics.counts.submitted, cells: Self.cells(row.metrics),
                     drill: row.region.level.depth <= RequestService.deepestDrillDown.depth, from: from, to: to)
        }
        let labelEvery = max(report.perDay.count / 10, 1)
        let trend = SVGChart.columns(report.perDay.map { (String(format: "%02d-%02d", $0.day.month, $0.day.day), $0.count) },
                                     title: "每日受理量", labelEvery: labelEvery)
        let closure = report.children.isEmpty ? nil
            : SVGChart.rates(report.children.map { ($0.region.name, $0.metrics.closureRate) }, title: "结案率（按下级区域）")
        var up: String?
        if let parent = report.region.parentId, let node = try await regions.lookup(parent), actor.scope.contains(path: node.path) {
            up = "/stats?regionId=\(node.id)&from=\(from)&to=\(to)"
        }
        let model = Model(regionName: report.region.name, regionCode: report.region.code, from: from, to: to, figures: figures,
                          header: Self.columns, children: children, hasChildren: !children.isEmpty, trend: trend, closureChart: closure,
                          exportLink: "/stats/export.xlsx?regionId=\(report.region.id)&from=\(from)&to=\(to)", up: up, error: nil,
                          listLink: actor.may(.requestView) ? "/requests?queue=all&regionCode=\(report.region.code)" : nil)
        return web.page("requests.metrics", title: "办理统计", model: model, request: request, context: context)
    }

    func export(_ request: Request, _ context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.requestMetrics)
        let (regionId, period, _) = try await query(request, actor: actor)
        let report = try await requests.metrics(regionId: regionId, period: period, actor: actor)
        var rows = [[SheetCell.text(report.region.name), .text(report.region.code)] + Self.sheetCells(report.metrics)]
        rows += report.children.map { [.text($0.region.name), .text($0.region.code)] + Self.sheetCells($0.metrics) }
        let data = try XLSXFormat.write(header: ["区域", "编码"] + Self.columns, rows: rows, sheetName: "办理统计")
        let name = "办理统计-\(report.region.name)-\(period.from)至\(period.to).xlsx"
        return Web.spreadsheet(data, name: name, fallback: "metrics.xlsx")
    }

    struct MetricsDTO: Encodable {
        struct Figures: Encodable {
            let regionId: Int64, regionName: String, counts: [String: Int]
            let responseRate: Double?, onTimeClosureRate: Double?, closureRate: Double?, reworkRate: Double?, reopenRate: Double?
            let satisfactionRate: Double?, averageRespondMinutes: Double?, averageHandleMinutes: Double?, averageVerifyMinutes: Double?
            init(_ region: RegionNode, _ m: RequestMetrics) {
                regionId = region.id
                regionName = region.name
                let c = m.counts
                counts = ["submitted": c.submitted, "accepted": c.accepted, "responded": c.responded, "respondedInTime": c.respondedInTime,
                          "unrespondedOverdue": c.unrespondedOverdue, "closed": c.closed, "closedInTime": c.closedInTime,
                          "closedWithRework": c.closedWithRework, "everRated": c.everRated, "reopened": c.reopened, "ratings": c.ratings,
                          "satisfiedRatings": c.satisfiedRatings, "overdue": c.overdue]
                responseRate = m.responseRate
                onTimeClosureRate = m.onTimeClosureRate
                closureRate = m.closureRate
                reworkRate = m.reworkRate
                reopenRate = m.reopenRate
                satisfactionRate = m.satisfactionRate
                averageRespondMinutes = m.averageRespondMinutes
                averageHandleMinutes = m.averageHandleMinutes
                averageVerifyMinutes = m.averageVerifyMinutes
            }
        }
        let from: String, to: String, total: Figures, children: [Figures]
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("stats") { request, context in try await page(request, context) }
        router.get("stats/formulas") { request, context in
            _ = try context.requireActor(.requestMetrics)
            return web.page("requests.formulas", title: "计算口径", model: [String: String](), request: request, context: context)
        }
        router.get("stats/export.xlsx") { request, context in try await export(request, context) }
        router.get("api/v1/metrics") { request, context in
            let actor = try context.requireActor(.requestMetrics)
            let (regionId, period, _) = try await query(request, actor: actor)
            let report = try await requests.metrics(regionId: regionId, period: period, actor: actor)
            return try Web.json(MetricsDTO(from: period.from.description, to: period.to.description,
                                           total: .init(report.region, report.metrics),
                                           children: report.children.map { .init($0.region, $0.metrics) }))
        }
    }
}
