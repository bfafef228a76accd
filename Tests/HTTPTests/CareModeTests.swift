import Accounts
import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("HTTP: 关怀模式, finding an item without scrolling, and 记住我")
struct CareModeTests {
    static func cookie(_ reply: Reply, _ name: String) -> String? {
        reply.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    /// Issue 17: no 大字版/关怀模式 anywhere.
    @Test func aVisitorTurnsCareModeOnFromTheLoginPageAndItStaysOn() async throws {
        try await TestSystem.with(.sqlite) { system in
            try await HTTPHarness(system: system).test { client in
                let login = try await client.send(.get, "/login")
                #expect(login.body.contains("id=\"care-switch\"") && login.body.contains("aria-pressed=\"false\""))
                #expect(!login.body.contains("class=\"care\""))
                let csrf = try #require(Self.cookie(login, Web.csrfCookie)?.split(separator: ";").first.map(String.init))
                let token = String(csrf.dropFirst(Web.csrfCookie.count + 1))
                #expect(login.body.contains("value=\"\(token)\""), "the page's forms carry the token its cookie holds")

                let on = try await client.send(.post, "/preferences/care", form: [("_csrf", token), ("on", "1"), ("next", "/login")],
                                               headers: [.cookie: csrf])
                #expect(on.status == 303 && on.location == "/login")
                let care = try #require(Self.cookie(on, Web.careCookie))
                #expect(care.hasPrefix("linli_care=1") && care.contains("Max-Age=31536000") && care.contains("HttpOnly"))
                let again = try await client.send(.get, "/login", headers: [.cookie: csrf + "; linli_care=1"])
                #expect(again.body.contains("<html lang=\"zh-CN\" class=\"care\">") && again.body.contains("aria-pressed=\"true\""))

                // Without its token the switch is refused like any other form.
                let forged = try await client.send(.post, "/preferences/care", form: [("on", "1")], headers: [.cookie: csrf])
                #expect(forged.status == 403)
                // Somewhere else than this site: home instead.
                let away = try await client.send(.post, "/preferences/care", form: [("_csrf", token), ("on", "0"), ("next", "//evil.example/")],
                                                 headers: [.cookie: csrf])
                #expect(away.location == "/")
            }
        }
    }

    @Test func aSignedInResidentsChoiceFollowsThemToAnotherPhone() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            try await HTTPHarness(system: system).test { client in
                let phone = try await HTTPBehaviourTests.signIn(client, f.username(.resident))
                let home = try await client.send(.get, "/", headers: [.cookie: phone.cookies])
                #expect(!home.body.contains("class=\"care\""))
                let on = try await client.send(.post, "/preferences/care", form: [("_csrf", phone.csrf), ("on", "1"), ("next", "/")],
                                               headers: [.cookie: phone.cookies])
                #expect(on.status == 303)
                // A second phone: a new session, no 关怀模式 cookie.
                let other = try await HTTPBehaviourTests.signIn(client, f.username(.resident))
                let there = try await client.send(.get, "/", headers: [.cookie: other.cookies])
                #expect(there.body.contains("class=\"care\""), "the account's own setting")
                // That phone's own choice wins there.
                let off = try await client.send(.get, "/", headers: [.cookie: other.cookies + "; linli_care=0"])
                #expect(!off.body.contains("class=\"care\""))
            }
        }
    }

    /// 记住我: a resident's session outlives the browser for the set number of days; staff's never do.
    @Test(arguments: [nil, "7", "0"] as [String?])
    func rememberMeKeepsAResidentSignedInForTheSetDaysOnly(setting: String?) async throws {
        let days = AccountsSettings(environment: setting.map { ["LINLI_REMEMBER_DAYS": $0] } ?? [:]).rememberDays
        #expect(days == (setting.flatMap(Int.init) ?? 30), "30 days unless set")
        try await TestSystem.with(.sqlite, configure: { configuration in
            configuration[AccountsSettings.self].rememberDays = days
        }) { system in
            let f = try await Fixture.build(system)
            try await HTTPHarness(system: system).test { client in
                for (role, remembered) in [(Role.resident, days > 0), (.communityStaff, false)] {
                    let page = try await client.send(.get, "/login")
                    let csrf = try #require(page.cookie(Web.csrfCookie))
                    #expect(page.body.contains("id=\"remember\"") == (days > 0), "offered only when it is on")
                    let reply = try await client.send(.post, "/login", form: [("_csrf", csrf), ("username", f.username(role)),
                                                                             ("password", Fixture.password), ("remember", "1")],
                                                      headers: [.cookie: "\(Web.csrfCookie)=\(csrf)"])
                    #expect(reply.status == 303)
                    let session = try #require(reply.headers[values: .setCookie].first { $0.hasPrefix(Web.sessionCookie + "=") })
                    #expect(session.contains("Max-Age=\(days * 86_400)") == remembered, "\(role): \(session)")
                    #expect(session.contains("Max-Age") == remembered)
                }
            }
        }
    }

    /// Issue 17: finding 楼道照明 meant scrolling 3,158 px through 120 items.
    @Test func theAskPageSearchesAndListsTheMostAskedItemsFirst() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let light = try await system.catalog.item(code: "WX01")
            _ = try await system.requests.submit(RequestDraft(itemId: light.id, description: "灯不亮"), actor: f.actor(.resident))
            let token = try await system.auth.issueToken(forUser: f.username(.resident), name: "页面", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let found = try await client.send(.get, "/ask?q=%E7%81%AF", token: token)  // 灯
                let results = try #require(found.body.components(separatedBy: "id=\"ask-results\"").dropFirst().first?
                    .components(separatedBy: "</section>").first)
                #expect(results.contains("href=\"/ask/\(light.id)\""))
                let none = try await client.send(.get, "/ask?q=zzzz", token: token)
                #expect(none.body.contains("id=\"ask-no-results\""))
                let page = try await client.send(.get, "/ask", token: token)
                let top = try #require(page.body.components(separatedBy: "id=\"ask-top\"").dropFirst().first?
                    .components(separatedBy: "</section>").first)
                #expect(top.components(separatedBy: "<li>").count - 1 == 8)
                #expect(top.components(separatedBy: "<li>").dropFirst().first?.contains("/ask/\(light.id)") == true, "asked for most, first")
                #expect(!page.body.contains("<details class=\"card\" id=\"ask-all\">"), "the whole catalog open in the standard mode")
                let care = try await client.send(.get, "/ask", token: token, headers: [.cookie: "linli_care=1"])
                #expect(care.body.contains("<details class=\"card\" id=\"ask-all\">"), "folded away in 关怀模式")
                // And from home, one tap.
                let home = try await client.send(.get, "/", token: token)
                #expect(home.body.contains("id=\"ask\"") && home.body.contains("href=\"/ask/\(light.id)\""))
            }
        }
    }
}
