import Foundation
import LinliKit
import Regions
import Requests
import Residents

/// What makes the small demo look lived in: every demo account's person in the registry
/// (郑秀英 at home in 101室, the staff in households of the district), and three months of
/// requests in the first grid driven through the real workflow like the district demo's
/// (`RequestHistoryDemo`), so 办理统计 has trends and averages rather than one bar.
enum DemoLivedIn {
    /// Name, sex and age of the person behind each demo account; 郑秀英 lives alone at 76.
    static let people: [(username: String, name: String, male: Bool, age: Int, tags: [String])] = [
        ("jm.resident", "郑秀英", false, 76, ["独居老人"]), ("qu.admin", "王建国", true, 52, []), ("jd.admin", "李红梅", false, 46, []),
        ("sq.staff", "张丽", false, 38, []), ("wg.leader", "赵强", true, 44, []), ("wg.worker", "刘芳", false, 35, []),
        ("sg.worker", "陈静", false, 31, []), ("zyz.volunteer", "孙伟", true, 27, []), ("bm.dept", "周涛", true, 41, []),
        ("dy.member", "吴磊", true, 36, ["党员"]), ("sq.staff2", "何敏", false, 40, []),
    ]

    /// Puts each person in a household of their own — 郑秀英 in `home`, the others in the
    /// last households of her community (so that the community's accounts can be bound to
    /// their registry person: 实名认证 looks within the account's area) — and returns the
    /// households used.
    static func registerPeople(into system: LinliSystem, home: RegionNode, households: [RegionNode]) async throws -> Set<Int64> {
        var generator = DemoPeople(seed: 20261202, districtPrefix: "610103")
        let thisYear = Calendar.shanghai.component(.year, from: system.clock.now())
        var used: Set<Int64> = []
        let community = Scope.ancestorPaths(of: home.path).dropLast(4).last ?? home.path
        var spare = households.filter { $0.id != home.id && $0.path.hasPrefix(community) }.reversed().makeIterator()
        for person in people {
            guard let household = person.username == "jm.resident" ? home : spare.next() else { break }
            var draft = generator.person(regionId: household.id, name: person.name, male: person.male, age: person.age, relation: .head,
                                         tags: person.tags, thisYear: thisYear)
            draft.politicalStatus = person.tags.contains("党员") ? .partyMember : draft.politicalStatus
            _ = try await system.residents.create(draft, actor: system.commandLineActor)
            used.insert(household.id)
        }
        return used
    }

    /// About three requests a day over the last 90 days in the first grid, handled by 刘芳 and
    /// dispatched, verified and called back by 张丽.
    static func loadHistory(into system: LinliSystem, grid: RegionNode, households: [RegionNode], count: Int = 270) async throws {
        let cli = system.commandLineActor
        let path = try await system.regions.breadcrumb(for: grid, actor: cli)
        guard let community = path.first(where: { $0.level == .community }), let street = path.first(where: { $0.level == .street }) else { return }
        func bulk(_ node: RegionNode) -> BulkRegion {
            BulkRegion(id: node.id, parentId: node.parentId, level: node.level, code: node.code, name: node.name, path: node.path)
        }
        let inGrid = households.filter { $0.path.hasPrefix(grid.path) }
        let lines = try await system.regions.addressLines(for: inGrid)
        let demoGrid = RequestHistoryDemo.Grid(node: bulk(grid), community: bulk(community), street: bulk(street),
                                               households: inGrid.map { (bulk($0), lines[$0.id] ?? $0.name) })
        func person(_ username: String) async throws -> RequestHistoryDemo.Person {
            let account = try await system.accounts.account(username: username, actor: cli)
            return .init(id: account.id, name: account.displayName)
        }
        var staff = RequestHistoryDemo.Staff()
        staff.community[community.id] = try await person("sq.staff")
        staff.grid[grid.id] = try await person("wg.worker")
        let items = try await system.catalog.catalog(actor: cli).items.filter { $0.active && $0.channels.contains(.hotline) }
        let calendar = try await system.calendar.calendar()
        var random = DemoPeople(seed: 20261203, districtPrefix: "610103")
        let now = system.clock.now()
        let history = try (0..<count).map { _ in
            try RequestHistoryDemo.request(at: demoGrid, items: items, staff: staff, calendar: calendar, now: now, days: 90, random: &random)
        }
        _ = try await system.requests.bulkLoad(history, actor: cli)
    }
}
