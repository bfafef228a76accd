import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Testing

@Suite("A place named as people name it, within the scope, on SQLite and PostgreSQL")
struct PlaceByNameTests {
    @Test(arguments: TestEngine.all)
    func aNameANameWithItsGridOrACodeFindsThePlaceAndAnythingElseSaysWhatToWrite(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let regions = system.regions
            let staff = f.actor(.communityStaff)
            // A second 1号楼, in 二网格 of the same street.
            let g2Building = try await regions.create(parentId: f.g2.id, name: "1号楼", segment: nil, actor: f.cli)
            let g1Building = try await regions.children(of: f.g1.id, actor: f.cli).first { $0.name == "1号楼" }!

            #expect(try await regions.node(named: "一社区", field: "regionCode", actor: staff).id == f.c1.id)
            #expect(try await regions.node(named: " 一网格 1号楼 ", field: "regionCode", actor: staff).id == g1Building.id)
            #expect(try await regions.node(named: f.h1.code, field: "regionCode", actor: staff).id == f.h1.id, "a code still works")
            // Only the community's own 1号楼 is in its scope; the street sees two.
            #expect(try await regions.node(named: "1号楼", field: "regionCode", actor: staff).id == g1Building.id)
            let street = f.actor(.streetAdmin)
            do {
                _ = try await regions.node(named: "1号楼", field: "regionCode", actor: street)
                Issue.record("two 1号楼 answered one")
            } catch let error as DomainError {
                #expect(error.kind == .invalid && error.fields["regionCode"]?.contains("有 2 处") == true, "\(error.fields)")
                #expect(error.fields["regionCode"]?.contains("请在前面加上所在的网格或社区") == true)
            }
            #expect(try await regions.node(named: "二网格/1号楼", field: "regionCode", actor: street).id == g2Building.id)
            // Outside the scope, or nowhere: a field error, never a leak of what exists elsewhere.
            for text in ["外社区", "9号楼", f.foreignHousehold.code, "不存在的楼", ""] {
                do {
                    _ = try await regions.node(named: text, field: "regionCode", actor: staff)
                    Issue.record("\(text) was found")
                } catch let error as DomainError {
                    #expect(error.kind == .invalid && error.fields["regionCode"] != nil, "\(text): \(error)")
                }
            }
        }
    }
}
