import Accounts
import Duty
import Foundation
import LinliKit
import Regions
import Requests
import Residents

/// `linli demo`: a small but realistic district to try Linli with — 1 district, 2 streets,
/// 4 communities, 20 grids with buildings, units and households, grid teams, two thematic
/// grids, and one account of every role. Everything goes through the services, so the demo
/// leaves the same audit trail real use would.
public enum DemoDistrict {
    public static let password = "linli2026"

    public struct Login: Sendable {
        public let username: String
        public let role: Role
        public let displayName: String
        public let scopeName: String
    }

    public enum DemoError: Error, CustomStringConvertible {
        case notEmpty
        case notEnoughResidents(Int)
        public var description: String {
            switch self {
            case .notEmpty: "数据库中已有区域数据，演示数据只能载入空数据库"
            case .notEnoughResidents(let n): "居民登记中 18–77 岁的居民不足 \(n) 人，无法生成这么多志愿者"
            }
        }
    }

    static let streets: [(name: String, communities: [String])] = [
        ("东关街道", ["建设社区", "和平社区"]),
        ("西华街道", ["光明社区", "幸福社区"]),
    ]
    static let gridNames = ["第一网格", "第二网格", "第三网格", "第四网格", "第五网格"]

    /// Loads the demo into an empty database and returns the logins it created.
    public static func load(into system: LinliSystem) async throws -> [Login] {
        guard try await system.regions.roots().isEmpty else { throw DemoError.notEmpty }
        let cli = system.commandLineActor
        let regions = system.regions
        let district = try await regions.createDistrict(code: "610199", name: "邻里示范区", actor: cli)
        var streetNodes: [RegionNode] = []
        var communityNodes: [RegionNode] = []
        var firstGrid: RegionNode?
        var firstHousehold: RegionNode?
        var households: [RegionNode] = []
        for street in streets {
            let streetNode = try await regions.create(parentId: district.id, name: street.name, segment: nil, actor: cli)
            streetNodes.append(streetNode)
            for community in street.communities {
                let communityNode = try await regions.create(parentId: streetNode.id, name: community, segment: nil, actor: cli)
                communityNodes.append(communityNode)
                for gridName in gridNames {
                    let grid = try await regions.create(parentId: communityNode.id, name: gridName, segment: nil, actor: cli)
                    firstGrid = firstGrid ?? grid
                    for building in 1...2 {
                        let buildingNode = try await regions.create(parentId: grid.id, name: "\(building)号楼", segment: nil, actor: cli)
                        for unit in 1...2 {
                            let unitNode = try await regions.create(parentId: buildingNode.id, name: "\(unit)单元", segment: nil, actor: cli)
                            for room in ["101", "102", "201", "202"] {
                                let household = try await regions.create(parentId: unitNode.id, name: "\(room)室", segment: nil, actor: cli)
                                firstHousehold = firstHousehold ?? household
                                households.append(household)
                            }
                        }
                    }
                }
            }
        }
        let community = communityNodes[0]
        let people: [(String, String, Role, RegionNode)] = [
            ("qu.admin", "区民政局 王建国", .districtAdmin, district),
            ("jd.admin", "东关街道 李红梅", .streetAdmin, streetNodes[0]),
            ("sq.staff", "建设社区 张丽", .communityStaff, community),
            ("wg.leader", "网格长 赵强", .gridLeader, firstGrid!),
            ("wg.worker", "网格员 刘芳", .gridWorker, firstGrid!),
            ("sg.worker", "社工 陈静", .socialWorker, community),
            ("zz.org", "东关社工服务中心", .socialOrganization, streetNodes[0]),
            ("zyz.volunteer", "志愿者 孙伟", .volunteer, community),
            ("bm.dept", "区住建局 周涛", .department, district),
            ("dy.member", "在职党员 吴磊", .partyMember, community),
            ("jm.resident", "居民 郑秀英", .resident, firstHousehold!),
            ("sq.staff2", "光明社区 何敏", .communityStaff, communityNodes[2]),
        ]
        var logins: [Login] = []
        for (username, name, role, node) in people {
            _ = try await system.accounts.create(.init(username: username, displayName: name, role: role, regionId: node.id,
                                                       password: password), actor: cli)
            logins.append(Login(username: username, role: role, displayName: name, scopeName: node.name))
        }
        _ = try await system.teams.assign(gridId: firstGrid!.id, username: "wg.leader", duty: .leader, actor: cli)
        _ = try await system.teams.assign(gridId: firstGrid!.id, username: "wg.worker", duty: .fullTime, actor: cli)
        _ = try await system.teams.assign(gridId: firstGrid!.id, username: "zyz.volunteer", duty: .partTime, actor: cli)
        let red = try await system.teams.createThematicGrid(regionId: community.id, name: "红色网格·党员服务", colour: "#d9363e",
                                                            tags: ["党员"], description: "在职党员双报到、党员志愿服务", actor: cli)
        try await system.teams.assignThematic(red.id, username: "dy.member", duty: .leader, actor: cli)
        let orange = try await system.teams.createThematicGrid(regionId: community.id, name: "橙色网格·关爱老人", colour: "#f08c00",
                                                               tags: ["独居老人", "空巢老人", "高龄老人"],
                                                               description: "独居老人每周走访", actor: cli)
        try await system.teams.assignThematic(orange.id, username: "sg.worker", duty: .leader, actor: cli)
        try await loadDuty(into: system, community: community)
        let taken = try await DemoLivedIn.registerPeople(into: system, home: firstHousehold!, households: households)
        try await loadResidents(into: system, households: households.filter { !taken.contains($0.id) })
        try await DemoLivedIn.loadHistory(into: system, grid: firstGrid!, households: households)
        try await DemoRequests.load(into: system, households: households)
        try await DemoVolunteers.load(into: system, district: district, street: streetNodes[0], community: community, organization: "东关社工服务中心")
        try await DemoPoints.load(into: system, community: community, staffUser: "sq.staff", residentUser: "jm.resident")
        try await DemoGridWork.load(into: system, grid: firstGrid!, workerUser: "wg.worker", staffUser: "sq.staff")
        try await DemoBoundaries.load(into: system, district: district)
        try await DemoResources.load(into: system, district: district, street: streetNodes[0], communities: communityNodes)
        return logins
    }

    /// 建设社区's duty phone, and its nights and weekends for the next four weeks: 张丽 on
    /// weekday nights (17:30 to 08:30), 李红梅 of the street from Friday evening to Monday morning.
    static func loadDuty(into system: LinliSystem, community: RegionNode) async throws {
        let cli = system.commandLineActor
        try await system.duty.setPhone(regionId: community.id, phone: "029-87654321", actor: cli)
        let staff = try await system.accounts.account(username: "sq.staff", actor: cli)
        let leader = try await system.accounts.account(username: "jd.admin", actor: cli)
        let today = LocalDay(system.clock.now())
        for offset in 0..<28 {
            let day = today.adding(days: offset)
            guard let midnight = day.start else { continue }
            switch day.isoWeekday {
            case 1...4:
                _ = try await system.duty.addShifts(ShiftDraft(regionId: community.id, userId: staff.id, startsAt: midnight.addingTimeInterval(17.5 * 3600),
                                                               endsAt: midnight.addingTimeInterval((24 + 8.5) * 3600), note: "夜间值班"), actor: cli)
            case 5:
                _ = try await system.duty.addShifts(ShiftDraft(regionId: community.id, userId: leader.id, startsAt: midnight.addingTimeInterval(17.5 * 3600),
                                                               endsAt: midnight.addingTimeInterval((72 + 8.5) * 3600), note: "周末值班"), actor: cli)
            default: break
            }
        }
    }

    /// Two or three people in most households, generated from a fixed seed.
    static func loadResidents(into system: LinliSystem, households: [RegionNode]) async throws {
        var people = DemoPeople(seed: 20261123, districtPrefix: "610103")
        let thisYear = Calendar.shanghai.component(.year, from: system.clock.now())
        for household in households where people.chance(0.9) {
            for draft in people.household(regionId: household.id, thisYear: thisYear) {
                _ = try await system.residents.create(draft, actor: system.commandLineActor)
            }
        }
    }
}
