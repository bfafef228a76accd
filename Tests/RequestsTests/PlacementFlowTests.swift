import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Requests
import Testing

@Suite("Requests placed from an address, or waiting in 待定位 until staff place them (SQLite and PostgreSQL)")
struct PlacementFlowTests {
    func hotline(_ f: Fixture, address: String, by role: Role = .districtAdmin) async throws -> ServiceRequest {
        try await f.requests.submit(RequestDraft(itemId: try await f.streetlightItem().id, description: "路灯不亮", address: address,
                                                 channel: .hotline), actor: f.actor(role)).request
    }

    @Test(arguments: TestEngine.all)
    func aCallNamingTheBuildingIsPlacedThereAndNeverWaits(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let request = try await hotline(f, address: "一街道一社区1号楼门口")
            let building = try await system.regions.lookup(try await system.regions.lookup(f.h1.parentId!)!.parentId!)!
            #expect(request.regionId == building.id)
            #expect(!request.awaitingPlace)
            let unplaced = try await f.requests.queue(RequestQuery(queue: .unplaced), actor: f.actor(.districtAdmin))
            #expect(unplaced.items.isEmpty)
        }
    }

    @Test(arguments: TestEngine.all)
    func aCallNamingOnlyTheStreetWaitsAndStaffPlaceIt(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let request = try await hotline(f, address: "一街道解放路与人民路口")
            #expect(request.regionId == f.s1.id)
            #expect(request.awaitingPlace)
            let street = f.actor(.streetAdmin)
            #expect(try await f.requests.queue(RequestQuery(queue: .unplaced), actor: street).items.map(\.id) == [request.id])
            #expect(try await f.requests.queue(RequestQuery(queue: .dispatch), actor: street).items.isEmpty)
            // Not dispatched while its place is unknown.
            _ = try await f.requests.act(request.id, .register(note: nil), actor: street)
            await #expect(throws: DomainError.self) {
                try await f.requests.act(request.id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: nil), actor: street)
            }
            // Placed by hand: only at a community or below, only inside where it waits.
            await #expect(throws: DomainError.self) { try await f.requests.place(request.id, regionId: f.s1.id, actor: street) }
            await #expect(throws: DomainError.self) { try await f.requests.place(request.id, regionId: f.c3.id, actor: f.cli) }
            // Community staff do not see a request waiting at the street.
            await #expect(throws: DomainError.notFound("诉求")) {
                try await f.requests.place(request.id, regionId: f.c1.id, actor: f.actor(.communityStaff))
            }
            let placed = try await f.requests.place(request.id, regionId: f.g1.id, actor: street)
            #expect(placed.request.regionId == f.g1.id && !placed.request.awaitingPlace)
            #expect(placed.events.last?.kind == .place)
            #expect(try await f.requests.queue(RequestQuery(queue: .unplaced), actor: street).items.isEmpty)
            // Placed once: a second try is refused and changes nothing.
            await #expect(throws: DomainError.self) { try await f.requests.place(request.id, regionId: f.c1.id, actor: street) }
            // Now it is the grid's, and it can be dispatched.
            let staff = f.actor(.communityStaff)
            _ = try await f.requests.act(request.id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: nil), actor: staff)
            // The running sums moved with it: they equal the sums made again from the rows.
            let kept = try await MetricsTests.summaryRows(system)
            try await f.requests.recountMetrics(actor: f.cli)
            #expect(try await MetricsTests.summaryRows(system) == kept)
            #expect(kept.contains { $0.hasPrefix(f.g1.path + " ") })
        }
    }

    @Test(arguments: TestEngine.all)
    func aCallWithNoPlaceFoundWaitsAtTheCallersLevel(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let request = try await hotline(f, address: "火车站广场东侧")
            #expect(request.regionId == f.district.id && request.awaitingPlace)
            // A point inside a drawn grid places it at once.
            _ = try await system.regions.importBoundaries(PlacementPoints.file(f.g1.code), actor: f.cli)
            let pointed = try await f.requests.submit(RequestDraft(itemId: try await f.streetlightItem().id, description: "路灯不亮",
                                                                   latitude: 34.25, longitude: 108.95, channel: .hotline),
                                                      actor: f.actor(.districtAdmin)).request
            #expect(pointed.regionId == f.g1.id && !pointed.awaitingPlace)
        }
    }
}

/// A square around (108.95, 34.25) for one node.
enum PlacementPoints {
    static func file(_ code: String) -> Data {
        Data((#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"\#(code)"},"#
            + #""geometry":{"type":"Polygon","coordinates":[[[108.9,34.2],[109.0,34.2],[109.0,34.3],[108.9,34.3],[108.9,34.2]]]}}]}"#).utf8)
    }
}
