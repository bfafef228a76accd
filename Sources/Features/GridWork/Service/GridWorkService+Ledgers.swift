import Foundation
import LinliKit
import Regions

/// 走访台账 and 巡查台账: a month of a region's visits and patrols as spreadsheet rows, in the
/// columns a paper ledger has.
extension GridWorkService {
    public static let visitLedgerHeader = ["走访时间", "网格", "走访对象", "类别", "方式", "见到", "身体状况", "居住条件", "服务需求", "安全隐患",
                                           "走访情况", "走访人", "应走访", "是否逾期"]
    public static let patrolLedgerHeader = ["开始时间", "结束时间", "网格", "巡查人", "经过楼栋", "楼栋数", "发现问题", "上报诉求", "巡查情况"]

    public func visitLedger(regionId: Int64?, year: Int, month: Int, actor: Actor) async throws -> (region: RegionNode, rows: [[SheetCell]]) {
        guard actor.may(.gridView) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        let (from, to) = CoverageRules.month(year: year, month: month)
        let visits = try await database.read { tx in try await VisitStore.visits(tx, within: region.path, from: from, to: to, limit: 200_000) }
        let names = try await gridNames(visits.map(\.regionPath))
        let rules = try await visitRules(regionId: region.id, actor: actor).effective.body
        let rows: [[SheetCell]] = visits.reversed().map { v in
            func finding(_ c: VisitCheck) -> SheetCell {
                guard let f = v.findings.first(where: { $0.check == c }) else { return .empty }
                return .text(f.concern ? "有问题：\(f.note ?? "")" : "正常")
            }
            return [.text(v.visitedAt.shanghaiText), .text(names(v.regionPath)), .text(v.residentName),
                    .text(v.visitClass.flatMap { rules.visitClass($0)?.name } ?? ""), .text(v.method.label), .text(v.contact.label),
                    finding(.health), finding(.living), finding(.needs), finding(.safety), .text(v.notes ?? ""), .text(v.visitorName),
                    .text(v.dueAt?.shanghaiText ?? ""), .text(v.late ? "是" : "否")]
        }
        return (region, rows)
    }

    public func patrolLedger(regionId: Int64?, year: Int, month: Int, actor: Actor) async throws -> (region: RegionNode, rows: [[SheetCell]]) {
        guard actor.may(.gridView) else { throw DomainError.forbidden }
        let region = try await regions.node(regionId ?? actor.scope.regionId, actor: actor)
        let (from, to) = CoverageRules.month(year: year, month: month)
        let patrols = try await database.read { tx in try await PatrolStore.patrols(tx, within: region.path, from: from, to: to, limit: 200_000) }
        let rows: [[SheetCell]] = patrols.reversed().map { p in
            [.text(p.startedAt.shanghaiText), .text(p.endedAt?.shanghaiText ?? "进行中"), .text(p.gridName), .text(p.patrollerName),
             .text(p.checkIns.map(\.buildingName).joined(separator: "、")), .number(Double(p.checkIns.count)), .number(Double(p.problems.count)),
             .number(Double(p.problems.filter { $0.requestId != nil }.count)), .text(p.notes ?? "")]
        }
        return (region, rows)
    }

    /// The name of the grid each path lies in.
    func gridNames(_ paths: [String]) async throws -> (String) -> String {
        var names: [Int64: String] = [:]
        for id in Set(paths.compactMap(Self.gridId(of:))) { names[id] = try await regions.lookup(id)?.name }
        let found = names
        return { path in Self.gridId(of: path).flatMap { found[$0] } ?? "" }
    }
}
