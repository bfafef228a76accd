import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
@testable import Requests
import Testing

@Suite("The request detail's hand-written JSON is the encoder's text (SQLite and PostgreSQL)")
struct RequestJSONTests {
    @Test(arguments: TestEngine.all)
    func aDetailWithItsTraceGivesTheEncodersTextForEveryReader(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let item = try await f.streetlightItem()
            let submitted = try await f.requests.submit(
                RequestDraft(itemId: item.id, description: "路灯不亮 \"整条街\"\n晚上/看不见", answers: ["floor": ["3"]],
                             regionId: f.h1.id, address: "1号楼1单元3楼", latitude: 34.263917, longitude: 108.95, contactName: "张\"三\"", phone: "13912345678",
                             channel: .hotline),
                actor: f.actor(.communityStaff)).request
            _ = try await f.requests.act(submitted.id, .register(note: nil), actor: f.actor(.communityStaff))
            _ = try await f.requests.act(submitted.id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: "请尽快\t处理"),
                                         actor: f.actor(.communityStaff))
            let now = Date()
            for role in [Role.communityStaff, .gridWorker, .districtAdmin] {
                let detail = try await f.requests.detail(submitted.id, actor: f.actor(role))
                #expect(detail.events.count >= 3)
                let dto = DetailDTO(detail, now: now)
                #expect(JSONWriter.text(dto) == (try JSONEncoder.canonicalText(dto)), "\(role)")
            }
        }
    }
}
