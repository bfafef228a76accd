import Foundation
import HummingbirdTesting
import LinliKit
import LinliServer
import LinliTestSupport
import Testing

@Suite("HTTP: sessions, CSRF, bad input and errors")
struct HTTPBehaviourTests {
    /// Signs in through the login form like a browser: the double-submit cookie, then the session.
    static func signIn(_ client: any TestClientProtocol, _ username: String, _ password: String = Fixture.password) async throws -> (cookies: String, csrf: String) {
        let page = try await client.send(.get, "/login")
        let preCSRF = try #require(page.cookie(Web.csrfCookie))
        #expect(page.body.contains("value=\"\(preCSRF)\""))
        let reply = try await client.send(.post, "/login", form: [("_csrf", preCSRF), ("username", username), ("password", password), ("next", "/regions")],
                                          headers: [.cookie: "\(Web.csrfCookie)=\(preCSRF)"])
        #expect(reply.status == 303)
        #expect(reply.location == "/regions")
        let session = try #require(reply.cookie(Web.sessionCookie))
        #expect(reply.headers[values: .setCookie].contains { $0.contains("HttpOnly") && $0.contains("SameSite=Lax") })
        let cookies = "\(Web.sessionCookie)=\(session); \(Web.csrfCookie)=\(preCSRF)"
        let home = try await client.send(.get, "/", headers: [.cookie: cookies])
        let csrf = try #require(home.body.components(separatedBy: "name=\"_csrf\" value=\"").dropFirst().first?.prefix { $0 != "\"" })
        return (cookies, String(csrf))
    }

    @Test func aBrowserSignsInWorksWithFormsAndSignsOut() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let harness = try HTTPHarness(system: system)
            try await harness.test { client in
                let (cookies, csrf) = try await Self.signIn(client, "community.staff")
                let tree = try await client.send(.get, "/regions/\(f.c1.id)", headers: [.cookie: cookies])
                #expect(tree.status == 200)
                #expect(tree.body.contains("一网格"))
                // A form post without the token is refused and changes nothing.
                let before = try await f.auditCount()
                let forged = try await client.send(.post, "/regions/\(f.c1.id)/children", form: [("name", "伪造")], headers: [.cookie: cookies])
                #expect(forged.status == 403)
                #expect(forged.body.contains("表单已过期或来源不明"))
                #expect(try await f.auditCount() == before)
                let real = try await client.send(.post, "/regions/\(f.c1.id)/children", form: [("_csrf", csrf), ("name", "新网格")], headers: [.cookie: cookies])
                #expect(real.status == 303)
                let after = try await client.send(.get, real.location!, headers: [.cookie: cookies + "; " + "linli_flash=\(real.cookie("linli_flash") ?? "")"])
                #expect(after.body.contains("已新增网格「新网格」"))
                // JSON with a session needs the header token too.
                let jsonNoToken = try await client.send(.patch, "/api/v1/regions/\(f.g1.id)", json: #"{"name":"x"}"#, headers: [.cookie: cookies])
                #expect(jsonNoToken.status == 403)
                let jsonWithToken = try await client.send(.patch, "/api/v1/regions/\(f.g1.id)", json: #"{"name":"改名网格"}"#,
                                                          headers: [.cookie: cookies, .csrfToken: csrf])
                #expect(jsonWithToken.status == 200)
                let out = try await client.send(.post, "/logout", form: [("_csrf", csrf)], headers: [.cookie: cookies])
                #expect(out.status == 303)
                let again = try await client.send(.get, "/regions/\(f.c1.id)", headers: [.cookie: cookies])
                #expect(again.status == 303)
                #expect(again.location == "/login?next=/regions/\(f.c1.id)")
            }
        }
    }

    @Test func aWrongPasswordShowsAChineseMessageAndNoSession() async throws {
        try await TestSystem.with(.sqlite) { system in
            _ = try await Fixture.build(system)
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/login")
                let csrf = try #require(page.cookie(Web.csrfCookie))
                let reply = try await client.send(.post, "/login", form: [("_csrf", csrf), ("username", "community.staff"), ("password", "nope12345")],
                                                  headers: [.cookie: "\(Web.csrfCookie)=\(csrf)"])
                #expect(reply.status == 401)
                #expect(reply.body.contains("登录名或密码不正确"))
                #expect(reply.cookie(Web.sessionCookie) == nil)
                let noCSRF = try await client.send(.post, "/login", form: [("username", "community.staff"), ("password", Fixture.password)])
                #expect(noCSRF.status == 403)
            }
        }
    }

    @Test func anOpenRedirectAfterLoginIsRefused() async throws {
        try await TestSystem.with(.sqlite) { system in
            _ = try await Fixture.build(system)
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/login")
                let csrf = try #require(page.cookie(Web.csrfCookie))
                let reply = try await client.send(.post, "/login", form: [("_csrf", csrf), ("username", "community.staff"),
                                                                          ("password", Fixture.password), ("next", "//evil.example/x")],
                                                  headers: [.cookie: "\(Web.csrfCookie)=\(csrf)"])
                #expect(reply.location == "/")
            }
        }
    }

    @Test func badAPIInputGetsAClearChineseErrorAndChangesNothing() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: "community.staff", name: "测试", actor: f.cli).secret
            let before = try await f.auditCount()
            try await HTTPHarness(system: system).test { client in
                let cases: [(String, Int, String)] = [
                    (#"{"parentId":\#(f.c1.id),"name":"x","isAdmin":true}"#, 422, "未知字段「isAdmin」"),
                    (#"{"parentId":\#(f.c1.id),"name":"\#(String(repeating: "长", count: 51))"}"#, 422, "不能超过 50 个字"),
                    (#"{"parentId":"三","name":"x"}"#, 422, "「上级区域」应为整数"),
                    (#"{"parentId":\#(f.c1.id),"name":["x"]}"#, 422, "「名称」应为文本"),
                    (#"{"parentId":\#(f.c1.id)}"#, 422, "请填写「名称」"),
                    (#"{"parentId":\#(f.c3.id),"name":"越界"}"#, 404, "不在您的管辖范围内"),
                    (#"{"parentId":\#(f.foreignCommunity.id),"name":"越界"}"#, 404, "不在您的管辖范围内"),
                    ("{broken", 422, "不是有效的 JSON"),
                    (#"{"parentId":\#(f.c1.id),"name":"x","segment":"12"}"#, 422, "编号应为 3 位数字"),
                ]
                for (body, status, message) in cases {
                    let reply = try await client.send(.post, "/api/v1/regions", token: token, json: body)
                    #expect(reply.status == status, "\(body)")
                    let error = reply.json?["error"] as? [String: Any]
                    #expect((error?["message"] as? String)?.contains(message) == true, "\(body) → \(reply.body)")
                    #expect(error?["code"] != nil)
                }
                let huge = try await client.send(.post, "/api/v1/regions", token: token,
                                                 json: #"{"name":"\#(String(repeating: "x", count: 2_000_000))"}"#)
                #expect(huge.status == 413)
                let unknownType = try await client.execute(uri: "/api/v1/regions", method: .post,
                                                           headers: [.authorization: "Bearer \(token)", .contentType: "text/xml"],
                                                           body: .init(string: "<x/>")) { $0.status.code }
                #expect(unknownType == 422)
            }
            #expect(try await f.auditCount() == before)
        }
    }

    @Test func missingOrRevokedCredentialsAnswer401InJSONAndRedirectInHTML() async throws {
        try await TestSystem.with(.sqlite) { system in
            _ = try await Fixture.build(system)
            try await HTTPHarness(system: system).test { client in
                let api = try await client.send(.get, "/api/v1/me")
                #expect(api.status == 401)
                #expect((api.json?["error"] as? [String: Any])?["message"] as? String == "请先登录")
                let bad = try await client.send(.get, "/api/v1/me", token: "lnl_not-a-token")
                #expect(bad.status == 401)
                let page = try await client.send(.get, "/users")
                #expect(page.status == 303)
            }
        }
    }

    @Test func unknownRoutesAndIdsAreChinese404s() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            let token = try await system.auth.issueToken(forUser: "district.admin", name: "测试", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let json = try await client.send(.get, "/api/v1/nothing", token: token)
                #expect(json.status == 404)
                #expect((json.json?["error"] as? [String: Any])?["message"] as? String == "页面或接口不存在")
                let html = try await client.send(.get, "/nothing", token: token)
                #expect(html.status == 404)
                #expect(html.body.contains("页面或接口不存在"))
                #expect(html.body.contains(html.headers[.requestId]!))
                let notNumber = try await client.send(.get, "/api/v1/regions/abc", token: token)
                #expect(notNumber.status == 404)
            }
        }
    }

    @Test func userTextIsEscapedInPages() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            _ = try await system.regions.rename(f.g1.id, to: "<script>alert(1)</script>", actor: f.cli)
            let token = try await system.auth.issueToken(forUser: "community.staff", name: "测试", actor: f.cli).secret
            try await HTTPHarness(system: system).test { client in
                let page = try await client.send(.get, "/regions/\(f.c1.id)", token: token)
                #expect(!page.body.contains("<script>alert(1)</script>"))
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }

    @Test func healthAndMetricsAnswerOperators() async throws {
        try await TestSystem.with(.sqlite, configure: { $0.metricsToken = "scrape-secret-1" }) { system in
            try await HTTPHarness(system: system).test { client in
                let health = try await client.send(.get, "/healthz")
                #expect(health.json?["status"] as? String == "ok")
                _ = try await client.send(.get, "/nothing")
                let metrics = try await client.send(.get, "/metrics", headers: [.authorization: "Bearer scrape-secret-1"])
                #expect(metrics.status == 200)
                #expect(metrics.body.contains("linli_http_requests_total"))
                #expect(metrics.body.contains("linli_http_request_duration_seconds"))
                // Without the token (or with a wrong one) it is like any unknown path.
                #expect(try await client.send(.get, "/metrics").status == 404)
                #expect(try await client.send(.get, "/metrics", headers: [.authorization: "Bearer guess"]).status == 404)
            }
        }
    }

    @Test func metricsAreOffWithoutAToken() async throws {
        try await TestSystem.with(.sqlite) { system in
            try await HTTPHarness(system: system).test { client in
                let metrics = try await client.send(.get, "/metrics", headers: [.authorization: "Bearer "])
                #expect(metrics.status == 404)
            }
        }
    }
}
