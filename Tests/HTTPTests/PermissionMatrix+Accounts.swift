import Accounts
import LinliKit
import LinliTestSupport

extension PermissionMatrixTests {
    static let accountsCases: [String: Case] = [
        "GET /login": Case(.signedIn(303), uri: "/login"),
        "POST /login": Case(.open(422)) { _, _, _ in Request(uri: "/login", form: [("username", "")]) },
        "POST /logout": Case(.signedIn(303), uri: "/logout"),
        "POST /preferences/care": Case(.open(303)) { _, _, _ in Request(uri: "/preferences/care", form: [("on", "1"), ("next", "/ask")]) },
        "GET /account/password": Case(.signedIn(200), uri: "/account/password"),
        "POST /account/password": Case(.signedIn(303)) { _, _, _ in
            Request(uri: "/account/password", form: [("current", Fixture.password), ("password", Fixture.password)])
        },
        // Accounts: pages
        "GET /users": Case(.permission(.userView, success: 200), uri: "/users"),
        "GET /users/new": Case(.permission(.userManage, success: 200), uri: "/users/new"),
        "POST /users": Case(.permission(.userManage, success: 303, outside: 422)) { s, _, inside in
            Request(uri: "/users", form: [("username", unique()), ("displayName", "新居民"), ("role", "resident"),
                                          ("regionCode", s.household(inside).code), ("password", Fixture.password)])
        },
        "GET /users/{id}": Case(.permission(.userView, success: 200)) { s, _, inside in
            Request(uri: "/users/\(try await s.person(.resident, at: s.household(inside)).id)")
        },
        "POST /users/{id}/disable": Case(.permission(.userManage, success: 303)) { s, _, inside in
            Request(uri: "/users/\(try await s.person(.resident, at: s.household(inside)).id)/disable")
        },
        "POST /users/{id}/enable": Case(.permission(.userManage, success: 303)) { s, _, inside in
            Request(uri: "/users/\(try await s.person(.resident, at: s.household(inside)).id)/enable")
        },
        "POST /users/{id}/password": Case(.permission(.userManage, success: 303)) { s, _, inside in
            Request(uri: "/users/\(try await s.person(.resident, at: s.household(inside)).id)/password", form: [("password", "Another1pass")])
        },
        "GET /tokens": Case(.permission(.tokenManage, success: 200), uri: "/tokens"),
        "POST /tokens": Case(.permission(.tokenManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/tokens", form: [("username", try await s.person(.resident, at: s.household(inside)).username), ("name", "对接")])
        },
        "POST /tokens/{id}/revoke": Case(.permission(.tokenManage, success: 303)) { s, _, inside in
            Request(uri: "/tokens/\(try await s.token(inside).id)/revoke")
        },
        // Accounts: API
        "GET /api/v1/me": Case(.signedIn(200), uri: "/api/v1/me"),
        "GET /api/v1/users": Case(.permission(.userView, success: 200), uri: "/api/v1/users"),
        "POST /api/v1/users": Case(.permission(.userManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/users", json: #"{"username":"\#(unique())","displayName":"新居民","role":"resident","regionId":\#(s.household(inside).id),"password":"\#(Fixture.password)"}"#)
        },
        "GET /api/v1/users/{id}": Case(.permission(.userView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/users/\(try await s.person(.resident, at: s.household(inside)).id)")
        },
        "POST /api/v1/users/{id}/disable": Case(.permission(.userManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/users/\(try await s.person(.resident, at: s.household(inside)).id)/disable")
        },
        "POST /api/v1/users/{id}/enable": Case(.permission(.userManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/users/\(try await s.person(.resident, at: s.household(inside)).id)/enable")
        },
        "POST /api/v1/users/{id}/password": Case(.permission(.userManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/users/\(try await s.person(.resident, at: s.household(inside)).id)/password", json: #"{"password":"Another1pass"}"#)
        },
        "GET /api/v1/tokens": Case(.permission(.tokenManage, success: 200), uri: "/api/v1/tokens"),
        "POST /api/v1/tokens": Case(.permission(.tokenManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/tokens", json: #"{"username":"\#(try await s.person(.resident, at: s.household(inside)).username)","name":"对接"}"#)
        },
        "DELETE /api/v1/tokens/{id}": Case(.permission(.tokenManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/tokens/\(try await s.token(inside).id)")
        },
    ]
}
