import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Residents
import Testing

@Suite("Bulk loads on SQLite and PostgreSQL")
struct BulkLoadTests {
    @Test(arguments: TestEngine.all)
    func aBulkLoadedTreeAndItsResidentsBehaveLikeRegisteredOnes(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let cli = system.commandLineActor
            let nodes = [
                BulkRegion(id: 1, parentId: nil, level: .district, code: "610199", name: "区", path: "/1/"),
                BulkRegion(id: 2, parentId: 1, level: .street, code: "610199001", name: "街道", path: "/1/2/"),
                BulkRegion(id: 3, parentId: 2, level: .community, code: "610199001001", name: "社区", path: "/1/2/3/"),
                BulkRegion(id: 4, parentId: 3, level: .grid, code: "610199001001001", name: "网格", path: "/1/2/3/4/"),
            ]
            try await system.regions.bulkLoad(nodes, actor: cli)
            await #expect(throws: DomainError.self) { try await system.regions.bulkLoad(nodes, actor: cli) }
            // The identity sequence moved on: an ordinary create does not collide.
            let next = try await system.regions.create(parentId: 4, name: "1号楼", segment: nil, actor: cli)
            #expect(next.id == 5)
            #expect(next.code == "610199001001001001")
            var drafts: [ResidentDraft] = []
            for i in 0..<700 {
                let digits: String = String(format: "1950%02d%02d%03d", 1 + i % 12, 1 + i / 12 % 28, i)
                let name: String = i == 0 ? "欧阳娜娜" : "居民\(i)"
                let tags: [String] = i % 7 == 0 ? ["独居老人"] : []
                drafts.append(ResidentDraft(regionId: 4, name: name, idNumber: IDNumber.completing("610103" + digits), tags: tags))
            }
            let count = try await system.residents.bulkLoad(drafts, places: [4: BulkPlace(path: "/1/2/3/4/", address: "街道 社区 网格")], actor: cli)
            #expect(count == 700)
            var query = ResidentQuery()
            query.name = "阳娜"
            #expect(try await system.residents.search(query, actor: cli).items.map(\.name) == ["欧阳娜娜"])
            query = ResidentQuery()
            query.tags = ["独居老人"]
            #expect(try await system.residents.search(query, actor: cli).total == 100)
            query = ResidentQuery()
            query.idNumber = drafts[5].idNumber
            #expect(try await system.residents.search(query, actor: cli).items.map(\.name) == ["居民5"])
            let created = try await system.residents.create(ResidentDraft(regionId: 4, name: "新登记"), actor: cli)
            #expect(created.id == 701)
            await #expect(throws: DomainError.forbidden) {
                try await system.residents.bulkLoad(drafts, places: [:], actor: Actor(userId: 1, username: "x", displayName: "x", role: .districtAdmin,
                    scope: Scope(regionId: 1, path: "/1/"), permissions: try LinliPermissions.all, ip: nil))
            }
            try await system.sequencer.drain()
            guard case .intact = try await AuditLog.verify(system.database) else { Issue.record("audit chain broken"); return }
        }
    }
}
