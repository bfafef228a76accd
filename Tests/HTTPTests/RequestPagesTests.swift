import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("HTTP: request pages put the main step first and confirm irreversible ones")
struct RequestPagesTests {
    /// Issue 17: 撤回诉求 was one tap with no confirmation, and the red 作废 sat above the main step.
    @Test func irreversibleStepsAskForConfirmationAndTheMainStepComesFirst() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let resident = try await system.auth.issueToken(forUser: f.username(.resident), name: "页面", actor: f.cli).secret
            let staff = try await system.auth.issueToken(forUser: f.username(.communityStaff), name: "页面", actor: f.cli).secret
            let item = try await system.catalog.item(code: "WX01")
            let request = try await system.requests.submit(RequestDraft(itemId: item.id, description: "楼道灯不亮"), actor: f.actor(.resident)).request
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/requests/\(request.id)", token: staff)
                let register = try #require(page.body.range(of: "id=\"action-register\""))
                let void = try #require(page.body.range(of: "id=\"action-void\""))
                #expect(register.lowerBound < void.lowerBound, "立案 before 作废")
                let voidForm = try #require(page.body[void.lowerBound...].components(separatedBy: "</form>").first)
                #expect(voidForm.contains("name=\"confirm\"") && voidForm.contains("required"))

                let mine = try await client.send(.get, "/my/requests/\(request.id)", token: resident)
                let withdrawForm = try #require(mine.body.components(separatedBy: "id=\"withdraw-form\"").dropFirst().first?
                    .components(separatedBy: "</form>").first)
                #expect(withdrawForm.contains("name=\"confirm\""))

                let unconfirmed = try await client.send(.post, "/my/requests/\(request.id)/actions", token: resident, form: [("action", "withdraw")])
                #expect(unconfirmed.status == 422)
                #expect(unconfirmed.body.contains("确认撤回"))
                #expect(try await system.requests.detail(request.id, actor: f.cli).request.state == .received, "nothing was withdrawn")

                let confirmed = try await client.send(.post, "/my/requests/\(request.id)/actions", token: resident,
                                                      form: [("action", "withdraw"), ("confirm", "1")])
                #expect(confirmed.status == 303)
                #expect(try await system.requests.detail(request.id, actor: f.cli).request.state == .withdrawn)
            }
        }
    }
}
