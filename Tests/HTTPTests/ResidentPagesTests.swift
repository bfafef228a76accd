import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("HTTP: the resident's pages keep what the resident chose")
struct ResidentPagesTests {
    /// Issue 17: every 地点 option on /ask/… had `value=""`, so a request about the community
    /// was saved at the resident's own household.
    @Test func theAskFormSavesThePlaceTheResidentPicked() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: f.username(.resident), name: "页面", actor: f.cli).secret
            let item = try await system.catalog.item(code: "WX01")
            let harness = try HTTPHarness(system: system)
            try await harness.test { client in
                let page = try await client.send(.get, "/ask/\(item.id)", token: token)
                #expect(page.status == 200)
                let select = try #require(page.body.components(separatedBy: "name=\"regionId\"").dropFirst().first?
                    .components(separatedBy: "</select>").first)
                let values = select.components(separatedBy: "<option value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(values.count >= 2, "the household and the places above it down to the community")
                #expect(values.allSatisfy { Int64($0) != nil }, "every place option carries its id: \(values)")
                #expect(values.contains(String(f.c1.id)))

                let boundary = "linli-ask"
                let parts = [("description", "小区门口路灯不亮"), ("regionId", String(f.c1.id))]
                let body = parts.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
                    + "--\(boundary)--\r\n"
                let reply = try await client.send(.post, "/ask/\(item.id)", token: token,
                                                  raw: ("multipart/form-data; boundary=\(boundary)", body))
                #expect(reply.status == 303)
                let id = try #require(reply.location?.split(separator: "/").last.flatMap { Int64($0) })
                #expect(try await system.requests.detail(id, actor: f.cli).request.regionId == f.c1.id)
            }
        }
    }
}
