import Foundation
import GridWork
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Residents
import Testing

/// The shared fixture with 一网格's team (the grid worker full-time, the leader) and helpers
/// for registry people in care.
struct GridWorkFixture {
    let f: Fixture
    let clock: ManualClock
    var system: LinliSystem { f.system }
    var grid: GridWorkService { f.system.gridWork }
    var staff: Actor { f.actor(.communityStaff) }
    var worker: Actor { f.actor(.gridWorker) }

    static func build(_ system: LinliSystem, clock: ManualClock) async throws -> GridWorkFixture {
        let f = try await Fixture.build(system)
        _ = try await system.teams.assign(gridId: f.g1.id, username: f.username(.gridWorker), duty: .fullTime, actor: f.cli)
        _ = try await system.teams.assign(gridId: f.g1.id, username: f.username(.gridLeader), duty: .leader, actor: f.cli)
        return GridWorkFixture(f: f, clock: clock)
    }

    /// The household of a new building in `grid` (一网格's 101室 when nil).
    func household(in grid: RegionNode? = nil, _ name: String = "2号楼") async throws -> RegionNode {
        guard let grid else { return f.h1 }
        let cli = f.cli
        let b = try await system.regions.create(parentId: grid.id, name: name, segment: nil, actor: cli)
        let u = try await system.regions.create(parentId: b.id, name: "1单元", segment: nil, actor: cli)
        return try await system.regions.create(parentId: u.id, name: "101室", segment: nil, actor: cli)
    }

    /// A registry person born `age` years before the clock's today (on 1 January), with `tags`.
    @discardableResult
    func resident(_ name: String, age: Int, tags: [String], at node: RegionNode? = nil, number: Int) async throws -> Resident {
        let year = Calendar.shanghai.component(.year, from: clock.now()) - age - 1
        return try await system.residents.create(ResidentDraft(regionId: (node ?? f.h1).id, name: name, birthDate: "\(year)-01-01",
                                                               tags: tags), actor: f.cli)
    }

    func plan(_ residentId: Int64) async throws -> PlanEntry? { try await grid.planEntry(residentId: residentId, actor: f.cli) }

    func visitCount() async throws -> Int {
        try await system.database.read { tx in
            try await tx.sql.raw("SELECT COUNT(*) AS n FROM visits").first()!.decode(column: "n", as: Int.self)
        }
    }
}

extension Calendar {
    /// Gregorian in Asia/Shanghai, weeks from Monday, computed by Foundation: the tests' own
    /// arithmetic, apart from the kernel's `ChinaStandardTime`.
    static var mondayShanghai: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        c.firstWeekday = 2
        return c
    }

    /// The first moment after the week, month or quarter containing `date`.
    func endOfPeriod(_ cadence: Cadence, containing date: Date) -> Date {
        switch cadence {
        case .weekly:
            return self.date(byAdding: .day, value: 7, to: dateInterval(of: .weekOfYear, for: date)!.start)!
        case .monthly:
            return dateInterval(of: .month, for: date)!.end
        case .quarterly:
            var c = dateComponents([.year, .month], from: date)
            c.month = ((c.month! - 1) / 3) * 3 + 4
            c.day = 1
            return self.date(from: c)!
        }
    }
}
