import Accounts
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Testing

@Suite("Region service on SQLite and PostgreSQL")
struct RegionServiceTests {
    @Test(arguments: TestEngine.all)
    func childrenGetHierarchicalCodesAndPaths(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            #expect(f.s1.code == "610101001")
            #expect(f.c1.code == "610101001001")
            #expect(f.g1.code == "610101001001001")
            #expect(f.g1.code.count == 15)
            #expect(f.h1.code == "610101001001001001010001")
            #expect(f.g1.path == "\(f.c1.path)\(f.g1.id)/")
            let chosen = try await system.regions.create(parentId: f.c1.id, name: "九网格", segment: "009", actor: f.actor(.communityStaff))
            #expect(chosen.code == "610101001001009")
            await #expect(throws: DomainError.self) {
                try await system.regions.create(parentId: f.c1.id, name: "重复", segment: "009", actor: f.actor(.communityStaff))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func aStreetAdminSeesOnlyTheirStreet(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let admin = f.actor(.streetAdmin)
            #expect(try await system.regions.node(f.c1.id, actor: admin).name == "一社区")
            for foreign in [f.s2.id, f.c3.id, f.district.id, f.foreignGrid.id] {
                await #expect(throws: DomainError.notFound("区域")) { try await system.regions.node(foreign, actor: admin) }
            }
            let found = try await system.regions.search(level: .community, term: nil, actor: admin)
            #expect(Set(found.map(\.id)) == [f.c1.id, f.c2.id])
        }
    }

    @Test(arguments: TestEngine.all)
    func aGridWorkerSeesOnlyTheirGridsSubtree(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let worker = f.actor(.gridWorker)
            #expect(try await system.regions.node(f.h1.id, actor: worker).name == "101室")
            await #expect(throws: DomainError.self) { try await system.regions.node(f.g2.id, actor: worker) }
            await #expect(throws: DomainError.self) { try await system.regions.node(f.c1.id, actor: worker) }
            await #expect(throws: DomainError.self) { try await system.regions.children(of: f.c1.id, actor: worker) }
            await #expect(throws: DomainError.forbidden) {
                try await system.regions.create(parentId: f.g1.id, name: "x", segment: nil, actor: worker)
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func movingAGridRecodesItsSubtreeAndCarriesAccountsAlong(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let admin = f.actor(.streetAdmin)
            let moved = try await system.regions.move(f.g1.id, toParent: f.c2.id, actor: admin)
            #expect(moved.code == "610101001002002")
            #expect(moved.path == "\(f.c2.path)\(f.g1.id)/")
            let household = try await system.regions.node(f.h1.id, actor: admin)
            #expect(household.code == "610101001002002001010001")
            #expect(household.path.hasPrefix(moved.path))
            // The grid worker bound to the grid moved with it and still sees it.
            let account = try await system.accounts.account(f.accounts[.gridWorker]!.id, actor: f.actor(.districtAdmin))
            #expect(account.regionPath == moved.path)
            // The community worker of the old community no longer does.
            await #expect(throws: DomainError.self) { try await system.regions.node(f.g1.id, actor: f.actor(.communityStaff)) }
            let entries = try await system.auditTrail.entries(.init(action: "region.move"), actor: f.actor(.districtAdmin))
            #expect(entries.count == 1)
            #expect(entries[0].before?.contains(f.g1.code) == true)
        }
    }

    @Test(arguments: TestEngine.all)
    func illegalMovesChangeNothing(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let before = try await f.auditCount()
            let admin = f.actor(.districtAdmin)
            await #expect(throws: DomainError.self) { try await system.regions.move(f.g1.id, toParent: f.s2.id, actor: admin) }
            await #expect(throws: DomainError.self) { try await system.regions.move(f.c1.id, toParent: f.foreignDistrict.id, actor: admin) }
            await #expect(throws: DomainError.self) { try await system.regions.move(f.s1.id, toParent: f.s1.id, actor: admin) }
            #expect(try await f.auditCount() == before)
            #expect(try await system.regions.node(f.g1.id, actor: admin) == f.g1.withChildCount(1))
        }
    }

    @Test(arguments: TestEngine.all)
    func retiringNeedsAnEmptyNodeAndKeepsItsCode(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            await #expect(throws: DomainError.self) { try await system.regions.retire(f.g1.id, actor: staff) }
            let spare = try await system.regions.create(parentId: f.c1.id, name: "临时网格", segment: nil, actor: staff)
            let retired = try await system.regions.retire(spare.id, actor: staff)
            #expect(retired.retired)
            #expect(try await system.regions.children(of: f.c1.id, actor: staff).map(\.id) == [f.g1.id])
            let next = try await system.regions.create(parentId: f.c1.id, name: "新网格", segment: nil, actor: staff)
            #expect(next.code != spare.code)
        }
    }

    @Test(arguments: TestEngine.all)
    func everyChangeIsAuditedWithBeforeAndAfter(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            _ = try await system.regions.rename(f.g1.id, to: "幸福网格", actor: staff)
            let entries = try await system.auditTrail.entries(.init(action: "region.rename"), actor: f.actor(.districtAdmin))
            #expect(entries.count == 1)
            #expect(entries[0].actorName == f.username(.communityStaff))
            #expect(entries[0].before == #"{"name":"一网格"}"#)
            #expect(entries[0].after == #"{"name":"幸福网格"}"#)
            #expect(entries[0].ip == "127.0.0.1")
        }
    }

    @Test(arguments: TestEngine.all)
    func gridTeamsAreOnePlusOnePlusX(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            _ = try await system.teams.assign(gridId: f.g1.id, username: f.username(.gridLeader), duty: .leader, actor: staff)
            _ = try await system.teams.assign(gridId: f.g1.id, username: f.username(.gridWorker), duty: .fullTime, actor: staff)
            let team = try await system.teams.assign(gridId: f.g1.id, username: f.username(.volunteer), duty: .partTime, actor: staff)
            #expect(team.map(\.duty) == [.leader, .fullTime, .partTime])
            await #expect(throws: DomainError.self) {
                try await system.teams.assign(gridId: f.g1.id, username: f.username(.socialWorker), duty: .leader, actor: staff)
            }
            // A worker bound to another grid cannot join: their account cannot see this grid.
            await #expect(throws: DomainError.self) {
                try await system.teams.assign(gridId: f.g2.id, username: f.username(.gridWorker), duty: .partTime, actor: f.actor(.streetAdmin))
            }
            let after = try await system.teams.remove(gridId: f.g1.id, userId: f.accounts[.volunteer]!.id, actor: staff)
            #expect(after.count == 2)
            // Only a grid has a grid team; a grid worker may look but not change it.
            #expect(try await system.teams.team(ofGrid: f.g1.id, actor: f.actor(.gridWorker)).count == 2)
            await #expect(throws: DomainError.forbidden) {
                try await system.teams.remove(gridId: f.g1.id, userId: f.accounts[.gridLeader]!.id, actor: f.actor(.gridWorker))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func thematicGridsAreScopedLikeTheTree(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            let grid = try await system.teams.createThematicGrid(regionId: f.c1.id, name: "橙色网格", colour: "#F08C00",
                                                                 tags: ["独居老人", "空巢老人"], description: nil, actor: staff)
            #expect(grid.colour == "#f08c00")
            #expect(grid.tags == ["独居老人", "空巢老人"])
            try await system.teams.assignThematic(grid.id, username: f.username(.socialWorker), duty: .leader, actor: staff)
            #expect(try await system.teams.thematicGrid(grid.id, actor: staff).team.count == 1)
            #expect(try await system.teams.thematicGrids(actor: f.actor(.streetAdmin)).map(\.id) == [grid.id])
            await #expect(throws: DomainError.self) { try await system.teams.thematicGrid(grid.id, actor: f.actor(.gridWorker)) }
            await #expect(throws: DomainError.self) {
                try await system.teams.createThematicGrid(regionId: f.g1.id, name: "x", colour: "#000000", tags: ["a"], description: nil, actor: staff)
            }
            await #expect(throws: DomainError.self) {
                try await system.teams.createThematicGrid(regionId: f.c3.id, name: "x", colour: "#000000", tags: ["a"], description: nil, actor: staff)
            }
        }
    }
}

extension RegionNode {
    func withChildCount(_ count: Int) -> RegionNode {
        RegionNode(id: id, parentId: parentId, level: level, code: code, name: name, path: path, retired: retired, childCount: count)
    }
}
