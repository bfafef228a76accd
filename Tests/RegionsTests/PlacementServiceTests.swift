import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Testing

/// Boundaries imported for the fixture's district: 一街道 as the square 0–10, 一社区 as 0–10 × 0–5,
/// 一网格 as 0–5 × 0–5 and 二网格 as 5–10 × 0–5 (sharing the edge x = 5).
@Suite("Placement on SQLite and PostgreSQL: boundaries imported, points and addresses placed")
struct PlacementServiceTests {
    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
        #"{"type":"Polygon","coordinates":[[[\#(x0),\#(y0)],[\#(x1),\#(y0)],[\#(x1),\#(y1)],[\#(x0),\#(y1)],[\#(x0),\#(y0)]]]}"#
    }
    static func file(_ features: [(code: String, geometry: String)]) -> Data {
        let items = features.map { #"{"type":"Feature","properties":{"code":"\#($0.code)"},"geometry":\#($0.geometry)}"# }
        return Data((#"{"type":"FeatureCollection","features":["# + items.joined(separator: ",") + "]}").utf8)
    }

    /// 二网格 is put under 一社区 so that the two grids share a community and an edge.
    static func imported(_ f: Fixture) async throws -> RegionNode {
        let second = try await f.system.regions.create(parentId: f.c1.id, name: "四网格", segment: nil, actor: f.cli)
        _ = try await f.system.regions.importBoundaries(file([
            (f.s1.code, square(0, 0, 10, 10)), (f.c1.code, square(0, 0, 10, 5)),
            (f.g1.code, square(0, 0, 5, 5)), (second.code, square(5, 0, 10, 5)),
        ]), actor: f.actor(.districtAdmin))
        return second
    }

    static func boundaryAudits(_ system: LinliSystem) async throws -> Int {
        try await system.database.read { tx in
            try await tx.sql.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'region.boundary'").first()!.decode(column: "n", as: Int.self)
        }
    }

    @Test(arguments: TestEngine.all)
    func anImportedFileIsKeptAndAuditedAndPointsFallInTheDeepestNode(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let second = try await Self.imported(f)
            #expect(try await Self.boundaryAudits(system) == 4)
            let admin = f.actor(.districtAdmin)
            let kept = try await system.regions.boundaries(of: [f.s1.id, f.c1.id, f.g1.id, second.id, f.c2.id], actor: admin)
            #expect(Set(kept.keys) == [f.s1.id, f.c1.id, f.g1.id, second.id])
            let cases: [(GeoPoint, Int64?)] = [
                (GeoPoint(lon: 2, lat: 2), f.g1.id), (GeoPoint(lon: 7, lat: 1), second.id),
                (GeoPoint(lon: 5, lat: 2), min(f.g1.id, second.id)),  // on the shared edge: the lower id, every time
                (GeoPoint(lon: 0, lat: 0), f.g1.id),                  // a corner counts as inside
                (GeoPoint(lon: 3, lat: 8), f.s1.id),                  // in the street but in no community drawn
                (GeoPoint(lon: 11, lat: 2), nil), (GeoPoint(lon: -0.001, lat: 2), nil),
            ]
            for (point, expected) in cases {
                #expect(try await system.regions.locate(point: point, within: admin.scope)?.id == expected, "\(point)")
            }
            // Outside the actor's scope nothing is found, though a boundary holds the point.
            let ownStreet = f.actor(.streetAdmin)
            #expect(try await system.regions.locate(point: GeoPoint(lon: 2, lat: 2), within: ownStreet.scope)?.id == f.g1.id)
            let otherStreet = try await system.accounts.create(.init(username: "s2.admin", displayName: "二街道管理员", role: .streetAdmin,
                                                                    regionId: f.s2.id, password: Fixture.password), actor: f.cli)
            #expect(try await system.regions.locate(point: GeoPoint(lon: 2, lat: 2), within: f.actor(for: otherStreet).scope) == nil)
            // A retired grid no longer holds points: the index follows the change.
            _ = try await system.regions.retire(second.id, actor: f.cli)
            #expect(try await system.regions.locate(point: GeoPoint(lon: 7, lat: 1), within: admin.scope)?.id == f.c1.id)
        }
    }

    @Test(arguments: TestEngine.all)
    func aBadFileWritesNothing(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let admin = f.actor(.districtAdmin)
            let bowtie = #"{"type":"Polygon","coordinates":[[[0,0],[4,4],[4,0],[0,4],[0,0]]]}"#
            let bad: [(Data, String)] = [
                (Data("not json".utf8), "GeoJSON"),
                (Data(#"{"type":"Feature","features":[]}"#.utf8), "FeatureCollection"),
                (Self.file([(f.g1.code, Self.square(0, 0, 5, 5)), (f.g2.code, bowtie)]), "自相交"),
                (Self.file([(f.g1.code, Self.square(0, 0, 5, 5)), (f.foreignGrid.code, Self.square(0, 0, 1, 1))]), "不在您的管辖范围内"),
                (Self.file([(f.g1.code, Self.square(0, 0, 5, 5)), (f.g1.code, Self.square(0, 0, 1, 1))]), "出现了两次"),
                (Self.file([(f.g1.code, #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#)]), "没有闭合"),
                (Self.file([(f.g1.code, #"{"type":"Point","coordinates":[1,1]}"#)]), "Polygon"),
                (Self.file([("12ab", Self.square(0, 0, 1, 1))]), "应为数字"),
            ]
            for (data, words) in bad {
                do {
                    _ = try await system.regions.importBoundaries(data, actor: admin)
                    Issue.record("accepted a bad file (\(words))")
                } catch let error as DomainError {
                    #expect(error.kind == .invalid)
                    #expect((error.fields["file"] ?? error.message).contains(words), "\(error.fields) for \(words)")
                }
            }
            // From a community's page, a file naming a node of another community is refused too.
            await #expect(throws: DomainError.self) {
                try await system.regions.importBoundaries(Self.file([(f.g2.code, Self.square(0, 0, 1, 1))]), under: f.c1.id, actor: admin)
            }
            // A manager does not draw their own node: the community's staff may not redraw 一社区.
            do {
                _ = try await system.regions.importBoundaries(Self.file([(f.c1.code, Self.square(0, 0, 50, 50))]), actor: f.actor(.communityStaff))
                Issue.record("a community redrew its own boundary")
            } catch let error as DomainError {
                #expect((error.fields["file"] ?? "").contains("不能修改您自己管辖区域"), "\(error.fields)")
            }
            // A grid worker may not import at all.
            await #expect(throws: DomainError.forbidden) {
                try await system.regions.importBoundaries(Self.file([(f.g1.code, Self.square(0, 0, 1, 1))]), actor: f.actor(.gridWorker))
            }
            #expect(try await system.regions.boundaries(of: [f.g1.id, f.g2.id], actor: admin).isEmpty)
            #expect(try await Self.boundaryAudits(system) == 0)
        }
    }

    /// Addresses as people write them, read from the district's scope.
    static func addresses(_ f: Fixture, building: RegionNode) -> [(String, Int64?)] {
        [
            ("一街道一社区一网格1号楼1单元101室", f.h1.id),
            ("测试区一街道一社区1号楼1单元101", f.h1.id),        // the grid skipped, as addresses do
            ("一街道一社区一栋一单元101号", f.h1.id),
            ("一街道 一社区 1 幢", building.id),
            ("一街道（一社区）门口路灯坏了", f.c1.id),
            ("二街道三社区", f.c3.id),
            ("二街道", f.s2.id),
            ("人民路与解放路交叉口", nil),
        ]
    }

    @Test(arguments: TestEngine.all)
    func aNeighboursGridOnTheSharedEdgeDoesNotHideOnesOwn(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            // 一网格 (一社区) and 二网格 (二社区) share the edge x = 5; 一网格 has the lower id.
            _ = try await system.regions.importBoundaries(Self.file([(f.g1.code, Self.square(0, 0, 5, 5)), (f.g2.code, Self.square(5, 0, 10, 5))]),
                                                          actor: f.actor(.districtAdmin))
            let edge = GeoPoint(lon: 5, lat: 2)
            #expect(try await system.regions.locate(point: edge, within: f.actor(.districtAdmin).scope)?.id == f.g1.id)
            let secondStaff = try await system.accounts.create(.init(username: "c2.staff", displayName: "二社区 干部", role: .communityStaff,
                                                                    regionId: f.c2.id, password: Fixture.password), actor: f.cli)
            #expect(try await system.regions.locate(point: edge, within: f.actor(for: secondStaff).scope)?.id == f.g2.id)
        }
    }

    @Test(arguments: TestEngine.all)
    func anAddressIsPlacedAsFarDownAsItsWordsGo(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let admin = f.actor(.districtAdmin)
            let building = try await system.regions.lookup(try await system.regions.lookup(f.h1.parentId!)!.parentId!)!
            for (text, expected) in Self.addresses(f, building: building) {
                let found = try await system.regions.locate(address: text, within: admin.scope)
                #expect(found?.id == expected, "\(text) → \(found?.name ?? "nil")")
            }
            // From the community the address starts below it.
            let staff = f.actor(.communityStaff)
            #expect(try await system.regions.locate(address: "1号楼一单元101室", within: staff.scope)?.id == f.h1.id)
            #expect(try await system.regions.locate(address: "三社区", within: staff.scope) == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func aPointAndAnAddressTogetherGiveTheDeeperWhenOneHoldsTheOther(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let second = try await Self.imported(f)
            let admin = f.actor(.districtAdmin)
            let inGrid = GeoPoint(lon: 2, lat: 2)
            var found = try await system.regions.locate(point: inGrid, address: "一街道一社区1号楼1单元101室", within: admin.scope)
            #expect(found?.node.id == f.h1.id && found?.by == .address)
            // The words name a place the point is not in: the point is believed.
            found = try await system.regions.locate(point: GeoPoint(lon: 7, lat: 1), address: "一街道一社区1号楼", within: admin.scope)
            #expect(found?.node.id == second.id && found?.by == .point)
            found = try await system.regions.locate(point: nil, address: "无名路", within: admin.scope)
            #expect(found == nil)
        }
    }
}
