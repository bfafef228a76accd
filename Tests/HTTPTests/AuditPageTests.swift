import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing

@Suite("HTTP: the audit log reads in Chinese, before → after")
struct AuditPageTests {
    /// Issue 17: the audit log showed `session.login` and raw JSON.
    @Test func entriesSayWhatWasDoneAndWhatChangedInWords() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            _ = try await system.regions.rename(f.g1.id, to: "幸福网格", actor: f.cli)
            _ = try await system.auth.login(username: "community.staff", password: Fixture.password, ip: "10.0.0.1")
            let admin = try await system.auth.issueToken(forUser: f.username(.districtAdmin), name: "审计", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/audit", token: admin)
                #expect(page.status == 200)
                let table = try #require(page.body.components(separatedBy: "id=\"audit\"").dropFirst().first?
                    .components(separatedBy: "</table>").first)
                #expect(table.contains("区域改名") && table.contains("一网格 → 幸福网格"), "before → after in words")
                #expect(table.contains("登录"))
                #expect(!table.contains("session.login") && !table.contains("region.rename"), "no internal codes")
                #expect(!table.contains("{&quot;") && !table.contains("{\""), "no raw JSON")
                // The filter offers actions by their words.
                #expect(page.body.contains("<option value=\"region.rename\">区域改名</option>"))
                let filtered = try await client.send(.get, "/audit?action=region.rename", token: admin)
                #expect(filtered.body.contains("幸福网格") && !filtered.body.components(separatedBy: "id=\"audit\"")[1].contains("登录"))
            }
        }
    }
}
