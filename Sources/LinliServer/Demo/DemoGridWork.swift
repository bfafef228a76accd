import Foundation
import GridWork
import LinliKit
import Regions
import Residents

/// 第一网格's week: 刘芳 visited most of the people in the plan over the last seven days (a few
/// with concerns noted), one high-risk person was last seen a fortnight ago and is overdue,
/// and 建设社区 has declared a cold wave for the grid today.
enum DemoGridWork {
    /// The grid's older people, as a grid worker's 台账 would have them: living alone, empty-nest,
    /// of great age, disabled, seriously ill (the registry's random shares leave too few for a week).
    static func markCare(_ system: LinliSystem, grid: RegionNode) async throws {
        let cli = system.commandLineActor
        var query = ResidentQuery()
        query.regionId = grid.id
        query.minAge = 60
        query.sort = .birthDate
        query.limit = 40
        let older = try await system.residents.search(query, actor: cli).items
        let care = [["独居老人"], ["空巢老人"], ["重病患者"], ["残疾人"], ["高龄老人"], ["特困人员"], ["空巢老人", "残疾人"], ["低保户"]]
        for (n, r) in older.prefix(16).enumerated() where r.tags.allSatisfy({ !VisitRules.defaults.tags.contains($0) }) {
            _ = try await system.residents.update(r.id, ResidentDraft(
                regionId: r.regionId, name: r.name, gender: r.gender, birthDate: r.birthDate, ethnicity: r.ethnicity,
                politicalStatus: r.politicalStatus, relation: r.relation, status: r.status, notes: r.notes,
                tags: r.tags + care[n % care.count]), actor: cli)
        }
    }

    /// A week of rounds, twice a day (one missed on Thursday), and this morning's with a problem
    /// handled on the spot.
    static func loadPatrols(_ gridWork: GridWorkService, grid: RegionNode, worker: Actor, now: Date) async throws {
        let buildings = try await gridWork.plates(gridId: grid.id, actor: worker).map(\.building.id)
        for day in 1...6 {
            for round in 0..<(day == 3 ? 1 : 2) {
                let start = now.addingTimeInterval(-Double(day) * 86_400 + Double(round) * 6 * 3600 - 10 * 3600)
                _ = try await gridWork.recordPastPatrol(gridId: grid.id, startedAt: start, endedAt: start.addingTimeInterval(50 * 60),
                                                        buildingIds: round == 0 ? buildings : Array(buildings.prefix(1)),
                                                        notes: round == 0 ? "楼道、消防通道、电动车停放检查" : "重点看独居老人门口", actor: worker)
            }
        }
        let patrol = try await gridWork.startPatrol(gridId: grid.id, idempotencyKey: nil, actor: worker)
        if let first = buildings.first {
            _ = try await gridWork.checkIn(patrolId: patrol.id, buildingId: first, plate: nil, actor: worker)
        }
        _ = try await gridWork.reportProblem(patrolId: patrol.id, ProblemInput(
            description: "1号楼楼道堆放纸箱", buildingId: buildings.first, outcome: .handled, handledNote: "已联系住户当场清理"), actor: worker)
        _ = try await gridWork.endPatrol(patrol.id, notes: "早班巡查", actor: worker)
    }

    static func load(into system: LinliSystem, grid: RegionNode, workerUser: String, staffUser: String) async throws {
        let cli = system.commandLineActor
        let worker = system.auth.actor(for: try await system.accounts.account(username: workerUser, actor: cli), ip: nil)
        let staff = system.auth.actor(for: try await system.accounts.account(username: staffUser, actor: cli), ip: nil)
        let gridWork = system.gridWork
        let now = system.clock.now()
        try await markCare(system, grid: grid)
        let plan = try await gridWork.plan(regionId: grid.id, limit: 1000, actor: cli).entries
        let notes = ["身体不错，按时吃药", "屋里有点冷，已提醒开暖气", "女儿周末会来", "想报名社区助餐", "腿脚不便，需要代买药品"]
        let overdue = plan.first { $0.classCode == "high" }
        for (n, entry) in plan.enumerated() where n % 5 != 4 && entry.residentId != overdue?.residentId {
            let concern = n % 7 == 3
            let methods = try await gridWork.visitRules(regionId: grid.id, actor: cli).effective.body.visitClass(entry.classCode)?.methods
            _ = try await gridWork.recordVisit(VisitDraft(
                residentId: entry.residentId, visitedAt: now.addingTimeInterval(-Double(n % 7) * 86_400 - 3 * 3600),
                method: methods?.first ?? .home, contact: n % 3 == 0 ? .family : .resident,
                findings: [VisitFinding(check: .health, concern: false, note: nil),
                           VisitFinding(check: .living, concern: concern, note: concern ? "楼道灯坏了，晚上看不清" : nil),
                           VisitFinding(check: .needs, concern: n % 4 == 1, note: n % 4 == 1 ? "希望有人帮忙代买药" : nil),
                           VisitFinding(check: .safety, concern: false, note: nil)],
                notes: notes[n % notes.count]), actor: worker)
        }
        if let overdue {
            _ = try await gridWork.recordVisit(VisitDraft(residentId: overdue.residentId, visitedAt: now.addingTimeInterval(-15 * 86_400),
                                                          method: .home, contact: .resident, notes: "独自在家，精神尚可"), actor: worker)
        }
        try await loadPatrols(gridWork, grid: grid, worker: worker, now: now)
        _ = try await gridWork.declareEvent(kind: .coldWave, title: "寒潮蓝色预警", note: "今晚起气温下降 8–10℃，请逐户提醒防寒保暖、检查取暖设施。",
                                            regionId: grid.id, actor: staff)
    }
}
