import Foundation
import LinliKit
import Regions
import Testing

@Suite("Placing from an address text: the variants people write come to one form")
struct AddressTextTests {
    @Test(arguments: [
        ("1号楼", "1号楼"), ("1栋", "1号楼"), ("一号楼", "1号楼"), ("一栋", "1号楼"), ("1幢", "1号楼"), ("１号楼", "1号楼"),
        ("十二栋", "12号楼"), ("二十一号楼", "21号楼"), ("1单元", "1单元"), ("一单元", "1单元"), ("101", "101"), ("101室", "101"),
        ("101号", "101"), ("三零一室", "301"), ("3 号楼 2 单元 301 室", "3号楼2单元301"), ("东关街道（建设社区）", "东关街道建设社区"),
        ("三里屯", "三里屯"),  // Chinese numerals not before a unit word stay
    ])
    func variantsNormaliseToOneForm(_ c: (String, String)) {
        #expect(AddressText.normalize(c.0) == c.1, "\(c.0)")
    }

    /// A small tree: a community with a grid of buildings 1, 11 and 2, units and rooms.
    static let buildings: [(id: Int, name: String, level: RegionLevel)] = [(1, "1号楼", .building), (11, "11号楼", .building), (2, "2号楼", .building)]
    static let units: [(id: Int, name: String, level: RegionLevel)] = [(101, "1单元", .unit), (102, "2单元", .unit)]
    static let rooms: [(id: Int, name: String, level: RegionLevel)] = [(1001, "101室", .household), (1002, "1101室", .household), (1003, "301室", .household)]

    /// Building, unit, room as `step` finds them one level after another.
    static func walk(_ text: String) -> [Int] {
        var found: [Int] = []
        var rest = AddressText.normalize(text)
        for level in [buildings, units, rooms] {
            guard let hit = AddressText.step(rest, among: level) else { break }
            found.append(hit.id)
            rest = hit.rest
        }
        return found
    }

    @Test(arguments: [
        ("建设社区1号楼1单元101室", [1, 101, 1001]),
        ("建设社区一栋一单元101", [1, 101, 1001]),
        ("建设社区11号楼2单元1101", [11, 102, 1002]),   // 1号楼 is not read inside 11号楼, nor 101 inside 1101
        ("11栋2单元301室", [11, 102, 1003]),
        ("2幢", [2]),
        ("建设社区门口的路灯", []),
    ])
    func anAddressWalksDownTheTreeAsFarAsItsWordsGo(_ c: (String, [Int])) {
        #expect(Self.walk(c.0) == c.1, "\(c.0)")
    }
}

@Suite("Placing from a point: boundaries as GeoJSON, checked, and the deepest node holding the point")
struct BoundaryTests {
    static func geometry(_ json: String) throws -> GeoJSON.Geometry {
        try JSONDecoder().decode(GeoJSON.Geometry.self, from: Data(json.utf8))
    }

    static let square = #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}"#

    @Test(arguments: [
        (5.0, 1.0, true), (0.0, 5.0, true),   // inside; on the outer edge
        (10.0, 10.0, true),                   // a corner
        (5.0, 5.0, false),                    // in the hole
        (4.0, 5.0, true),                     // on the hole's edge
        (11.0, 5.0, false), (-0.0001, 5.0, false),
    ])
    func pointsInsideOutsideAndOnTheEdge(_ c: (Double, Double, Bool)) throws {
        let b = try BoundaryRules.boundary(try Self.geometry(Self.square), field: "geometry")
        #expect(b.contains(GeoPoint(lon: c.0, lat: c.1)) == c.2, "\(c)")
    }

    @Test(arguments: [
        #"{"type":"Polygon","coordinates":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}"#,        // a bow tie: crosses itself
        #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10]]]}"#,               // not closed
        #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[0,0]]]}"#,                        // too few positions
        #"{"type":"Polygon","coordinates":[[[0,0],[200,0],[10,10],[0,0]]]}"#,               // longitude out of range
        #"{"type":"Point","coordinates":[1,2]}"#,                                           // not an area
        #"{"type":"Polygon","coordinates":[[[0,0],[10,0],[5,0],[5,5],[0,0]]]}"#,            // folds back on itself
    ])
    func malformedOrSelfCrossingBoundariesAreRefused(_ json: String) throws {
        #expect(throws: DomainError.self) { try BoundaryRules.boundary(try Self.geometry(json), field: "geometry") }
    }

    @Test func aBooleanIsNotACoordinate() {
        #expect(throws: (any Error).self) { try Self.geometry(#"{"type":"Polygon","coordinates":[[[true,0],[1,0],[1,1],[true,0]]]}"#) }
    }

    @Test func theDeepestNodeHoldingThePointIsFound() throws {
        func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) throws -> Boundary {
            try BoundaryRules.boundary(try Self.geometry(#"{"type":"Polygon","coordinates":[[[\#(x0),\#(y0)],[\#(x1),\#(y0)],[\#(x1),\#(y1)],[\#(x0),\#(y1)],[\#(x0),\#(y0)]]]}"#),
                                       field: "g")
        }
        let index = BoundaryIndex([
            .init(nodeId: 1, level: .community, boundary: try box(0, 0, 10, 10)),
            .init(nodeId: 2, level: .grid, boundary: try box(0, 0, 5, 10)),
            .init(nodeId: 3, level: .grid, boundary: try box(5, 0, 10, 10)),
        ])
        #expect(index.place(GeoPoint(lon: 2, lat: 2))?.nodeId == 2)
        #expect(index.place(GeoPoint(lon: 7, lat: 2))?.nodeId == 3)
        #expect(index.place(GeoPoint(lon: 5, lat: 2))?.nodeId == 2, "on the shared edge: the lower id")
        #expect(index.place(GeoPoint(lon: 12, lat: 2)) == nil)
    }
}
