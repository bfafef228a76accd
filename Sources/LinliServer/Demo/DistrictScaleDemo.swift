import Foundation
import LinliKit
import Regions
import Residents

/// `linli demo --scale district`: a district the size of a real one — 12 streets, 85
/// communities, 700 grids, 302,400 households and about 770,000 residents — deterministic for
/// a seed. Loaded through the services' bulk paths, one transaction per street.
public enum DistrictScaleDemo {
    public struct Summary: Sendable {
        public var regions = 0
        public var households = 0
        public var residents = 0
        public var requests = 0
        public var volunteers = 0
        public var serviceRecords = 0
        public var logins: [DemoDistrict.Login] = []
        public var seconds = 0.0
    }

    static let streetNames = ["东关", "西华", "南院门", "北大街", "长乐坊", "文艺路", "张家村", "柏树林", "太乙路", "长安路", "兴庆", "含光"]
    static let communityWords = ["建设", "和平", "光明", "幸福", "友谊", "文化", "安居", "朝阳", "新华", "民主", "团结", "胜利",
                                 "康乐", "永宁", "振兴", "育才", "丰收", "春晖", "书院", "东风"]
    static let gridNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// `requests` > 0 or `volunteers` > 0 also makes staff accounts; then a year of requests
    /// (`RequestHistoryDemo`) and volunteers with `serviceRecords` records (`VolunteerHistoryDemo`).
    public static func load(into system: LinliSystem, seed: UInt64, requests: Int = 0, volunteers: Int = 0, serviceRecords: Int = 0,
                            progress: @Sendable (String) -> Void) async throws -> Summary {
        guard try await system.regions.roots().isEmpty else { throw DemoDistrict.DemoError.notEmpty }
        let started = Date()
        var summary = Summary()
        var nodes: [BulkRegion] = []
        var nextId: Int64 = 1
        func add(_ parent: BulkRegion?, _ level: RegionLevel, _ segment: String, _ name: String) -> BulkRegion {
            let id = nextId
            nextId += 1
            let node = BulkRegion(id: id, parentId: parent?.id, level: level, code: (parent?.code ?? "") + segment, name: name,
                                  path: (parent?.path ?? "/") + "\(id)/")
            nodes.append(node)
            return node
        }
        func pad(_ n: Int, _ width: Int) -> String { String(format: "%0\(width)d", n) }
        let district = add(nil, .district, "610199", "邻里示范区")
        // Households per street, with the address each resident will carry.
        var streets: [(node: BulkRegion, households: [(BulkRegion, String)])] = []
        var gridList: [RequestHistoryDemo.Grid] = []
        var communityIndex = 0
        for (s, streetName) in streetNames.enumerated() {
            let street = add(district, .street, pad(s + 1, 3), streetName + "街道")
            var households: [(BulkRegion, String)] = []
            for c in 0..<(s == 0 ? 8 : 7) {
                let communityName = communityWords[(communityIndex + c * 3) % communityWords.count] + "社区"
                let community = add(street, .community, pad(c + 1, 3), communityName)
                let grids = communityIndex < 20 ? 9 : 8
                communityIndex += 1
                for g in 0..<grids {
                    let grid = add(community, .grid, pad(g + 1, 3), "第\(gridNumbers[g])网格")
                    let firstHousehold = households.count
                    for b in 1...8 {
                        let building = add(grid, .building, pad(b, 3), "\(b)号楼")
                        for u in 1...3 {
                            let unit = add(building, .unit, pad(u, 2), "\(u)单元")
                            var room = 0
                            for floor in 1...6 {
                                for door in 1...3 {
                                    room += 1
                                    let name = "\(floor)0\(door)室"
                                    let household = add(unit, .household, pad(room, 4), name)
                                    households.append((household, "\(street.name) \(community.name) \(grid.name) \(building.name) \(unit.name) \(name)"))
                                }
                            }
                        }
                    }
                    gridList.append(.init(node: grid, community: community, street: street, households: Array(households[firstHousehold...])))
                }
            }
            streets.append((street, households))
        }
        progress("区域树：\(nodes.count) 个节点，写入中……")
        try await system.regions.bulkLoad(nodes, actor: system.commandLineActor)
        summary.regions = nodes.count
        nodes = []
        var people = DemoPeople(seed: seed, districtPrefix: "610103")
        let thisYear = Calendar.shanghai.component(.year, from: system.clock.now())
        for (index, street) in streets.enumerated() {
            var drafts: [ResidentDraft] = []
            var places: [Int64: BulkPlace] = [:]
            for (household, address) in street.households {
                places[household.id] = BulkPlace(path: household.path, address: address)
                if people.chance(0.96) { drafts += people.household(regionId: household.id, thisYear: thisYear, children: 3) }
            }
            summary.households += street.households.count
            summary.residents += try await system.residents.bulkLoad(drafts, places: places, actor: system.commandLineActor)
            progress("[\(index + 1)/\(streets.count)] \(street.node.name)：\(drafts.count) 人（累计 \(summary.residents) 人，\(Int(Date().timeIntervalSince(started))) 秒）")
        }
        if requests > 0 || volunteers > 0 {
            let staff: RequestHistoryDemo.Staff
            (staff, summary.logins) = try await RequestHistoryDemo.accounts(system, grids: gridList, district: district)
            progress("账号：区、各街道、各社区、各网格各一个")
            (summary.volunteers, summary.serviceRecords) = try await VolunteerHistoryDemo.load(
                into: system, residents: summary.residents, volunteers: volunteers, records: serviceRecords, seed: seed, progress: progress)
            if requests > 0 {
                summary.requests = try await RequestHistoryDemo.load(into: system, grids: gridList, staff: staff, count: requests, seed: seed,
                                                                     progress: progress)
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
