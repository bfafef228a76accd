import Accounts
import Hummingbird
import HummingbirdTesting
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Residents
import Testing

/// Every role × every route × a subject inside and outside the actor's scope. A role without
/// the route's permission gets 403 (tried on a foreign subject: nothing leaks); a role with it
/// gets the route's success status inside its scope and 404 outside. The test fails when the
/// router has a route this table does not name.
@Suite("Permission matrix")
struct PermissionMatrixTests {
    enum Need {
        /// Anyone, signed in or not: always this status.
        case open(Int)
        /// Any signed-in role: this status.
        case signedIn(Int)
        /// Needs the permission; `success` inside the scope, `outside` (default 404) outside.
        case permission(Permission, success: Int, outside: Int = 404)
    }

    struct Request {
        let uri: String
        var json: String? = nil
        var form: [(String, String)]? = nil
        /// A raw body with its content type (file uploads).
        var raw: (String, String)? = nil
    }

    /// A one-row resident sheet as CSV, and the same wrapped as a multipart upload.
    static func csv(_ code: String) -> String { "姓名,居住地编码\r\n导入居民\(unique()),\(code)\r\n" }
    static func multipart(_ code: String) -> (String, String) {
        let boundary = "linli-test-boundary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + csv(code) + "\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }
    typealias Subject = @Sendable (Subjects, Role, _ inside: Bool) async throws -> Request?

    struct Case {
        let need: Need
        let subject: Subject
        /// Lists and pages without a subject have no "outside": they show the actor's own scope.
        let scoped: Bool
        init(_ need: Need, scoped: Bool = true, _ subject: @escaping Subject) {
            self.need = need
            self.subject = subject
            self.scoped = scoped
        }
        init(_ need: Need, uri: String) {
            self.need = need
            self.subject = { _, _, _ in Request(uri: uri) }
            self.scoped = false
        }
    }

    /// Builds fresh subjects for one cell of the matrix, through the services as the operator.
    struct Subjects: Sendable {
        let f: Fixture
        var system: LinliSystem { f.system }
        var cli: Actor { f.cli }

        func root(_ role: Role) -> RegionNode { f.node(for: role) }
        func child(_ parent: RegionNode, _ name: String = "子节点") async throws -> RegionNode {
            try await system.regions.create(parentId: parent.id, name: name, segment: nil, actor: cli)
        }
        /// A node under the role's own node that the role may change (nil at household level).
        func ownChild(_ role: Role) async throws -> RegionNode? {
            root(role).level.child == nil ? nil : try await child(root(role))
        }
        func person(_ role: Role, at node: RegionNode) async throws -> Account {
            let name = "u" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
            return try await system.accounts.create(.init(username: name, displayName: "对象\(name)", role: role, regionId: node.id,
                                                          password: Fixture.password), actor: cli)
        }
        /// The household of the fixture inside, the foreign one outside.
        func household(_ inside: Bool) -> RegionNode { inside ? f.h1 : f.foreignHousehold }
        func grid(_ role: Role, _ inside: Bool) -> RegionNode? {
            guard inside else { return f.foreignGrid }
            return f.g1.path.hasPrefix(root(role).path) ? f.g1 : nil
        }
        func community(_ role: Role, _ inside: Bool) -> RegionNode? {
            guard inside else { return f.foreignCommunity }
            return f.c1.path.hasPrefix(root(role).path) ? f.c1 : nil
        }
        func thematic(_ role: Role, _ inside: Bool, member: Bool = false) async throws -> (ThematicGrid, Account?)? {
            guard let anchor = community(role, inside) else { return nil }
            let grid = try await system.teams.createThematicGrid(regionId: anchor.id, name: "专题", colour: "#1c7ed6",
                                                                 tags: ["党员"], description: nil, actor: cli)
            guard member else { return (grid, nil) }
            let person = try await person(.socialWorker, at: anchor)
            try await system.teams.assignThematic(grid.id, username: person.username, duty: .partTime, actor: cli)
            return (grid, person)
        }
        func teamMember(_ role: Role, _ inside: Bool) async throws -> (RegionNode, Account)? {
            guard let grid = grid(role, inside) else { return nil }
            let person = try await person(.gridWorker, at: grid)
            _ = try await system.teams.assign(gridId: grid.id, username: person.username, duty: .partTime, actor: cli)
            return (grid, person)
        }
        func resident(_ inside: Bool) async throws -> Resident {
            try await system.residents.create(ResidentDraft(regionId: household(inside).id, name: "对象居民",
                                                            phone: "139" + String(format: "%08d", Int.random(in: 0..<100_000_000))), actor: cli)
        }
        func token(_ inside: Bool) async throws -> APIToken {
            let person = try await person(.resident, at: household(inside))
            return try await system.auth.issueToken(forUser: person.username, name: "对象令牌", actor: cli).token
        }
        /// Two parents under the role's node and a node under the first, for a move.
        func movable(_ role: Role, _ inside: Bool) async throws -> (RegionNode, RegionNode)? {
            guard inside else { return (f.foreignCommunity, f.foreignStreet) }
            guard root(role).level.child?.child != nil else { return nil }
            let p1 = try await child(root(role), "甲"), p2 = try await child(root(role), "乙")
            return (try await child(p1, "被移动"), p2)
        }
    }

    static func unique() -> String { "n" + String(UInt32.random(in: 0...UInt32.max), radix: 36) }

    static let cases: [String: Case] = baseCases.merging(requestCases) { a, _ in a }.merging(requestPageCases) { a, _ in a }

    static let baseCases: [String: Case] = [
        // Operations and shell
        "GET /healthz": Case(.open(200), uri: "/healthz"),
        // GET /metrics is no route: MetricsEndpoint answers it before sign-in is looked at,
        // to its token only (HTTPBehaviourTests.healthAndMetricsAnswerOperators).
        "GET /assets/linli.css": Case(.open(200), uri: "/assets/linli.css"),
        "GET /api/openapi.json": Case(.open(200), uri: "/api/openapi.json"),
        "GET /": Case(.signedIn(200), uri: "/"),
        "GET /login": Case(.signedIn(303), uri: "/login"),
        "POST /login": Case(.open(422)) { _, _, _ in Request(uri: "/login", form: [("username", "")]) },
        "POST /logout": Case(.signedIn(303), uri: "/logout"),
        "GET /account/password": Case(.signedIn(200), uri: "/account/password"),
        "POST /account/password": Case(.signedIn(303)) { _, _, _ in
            Request(uri: "/account/password", form: [("current", Fixture.password), ("password", Fixture.password)])
        },
        // Regions: pages
        "GET /regions": Case(.permission(.regionView, success: 303), uri: "/regions"),
        "GET /regions/{id}": Case(.permission(.regionView, success: 200)) { s, role, inside in
            Request(uri: "/regions/\(inside ? s.root(role).id : s.f.foreignGrid.id)")
        },
        "POST /regions/{id}/children": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            guard !inside || s.root(role).level.child != nil else { return nil }
            return Request(uri: "/regions/\(inside ? s.root(role).id : s.f.foreignStreet.id)/children", form: [("name", "新增")])
        },
        "POST /regions/{id}/rename": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            let node = inside ? try await s.ownChild(role) : s.f.foreignGrid
            return node.map { Request(uri: "/regions/\($0.id)/rename", form: [("name", "改名")]) }
        },
        "POST /regions/{id}/move": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            try await s.movable(role, inside).map { Request(uri: "/regions/\($0.0.id)/move", form: [("parentCode", $0.1.code)]) }
        },
        "POST /regions/{id}/retire": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            let node = inside ? try await s.ownChild(role) : s.f.foreignHousehold
            return node.map { Request(uri: "/regions/\($0.id)/retire") }
        },
        "POST /regions/{id}/team": Case(.permission(.regionTeam, success: 303)) { s, role, inside in
            guard let grid = s.grid(role, inside) else { return nil }
            let person = try await s.person(.gridWorker, at: grid)
            return Request(uri: "/regions/\(grid.id)/team", form: [("username", person.username), ("duty", "part_time")])
        },
        "POST /regions/{id}/team/{userId}/remove": Case(.permission(.regionTeam, success: 303)) { s, role, inside in
            try await s.teamMember(role, inside).map { Request(uri: "/regions/\($0.0.id)/team/\($0.1.id)/remove") }
        },
        "GET /thematic-grids": Case(.permission(.regionView, success: 200), uri: "/thematic-grids"),
        "POST /thematic-grids": Case(.permission(.thematicManage, success: 303)) { s, role, inside in
            guard let anchor = s.community(role, inside) else { return nil }
            return Request(uri: "/thematic-grids", form: [("name", "专题"), ("regionCode", anchor.code), ("colour", "#2f9e44"), ("tags", "独居老人")])
        },
        "GET /thematic-grids/{id}": Case(.permission(.regionView, success: 200)) { s, role, inside in
            try await s.thematic(role, inside).map { Request(uri: "/thematic-grids/\($0.0.id)") }
        },
        "POST /thematic-grids/{id}/team": Case(.permission(.thematicManage, success: 303)) { s, role, inside in
            guard let (grid, _) = try await s.thematic(role, inside), let anchor = s.community(role, inside) else { return nil }
            let person = try await s.person(.socialWorker, at: anchor)
            return Request(uri: "/thematic-grids/\(grid.id)/team", form: [("username", person.username), ("duty", "leader")])
        },
        "POST /thematic-grids/{id}/team/{userId}/remove": Case(.permission(.thematicManage, success: 303)) { s, role, inside in
            try await s.thematic(role, inside, member: true).map { Request(uri: "/thematic-grids/\($0.0.id)/team/\($0.1!.id)/remove") }
        },
        "POST /thematic-grids/{id}/retire": Case(.permission(.thematicManage, success: 303)) { s, role, inside in
            try await s.thematic(role, inside).map { Request(uri: "/thematic-grids/\($0.0.id)/retire") }
        },
        // Regions: API
        "GET /api/v1/regions": Case(.permission(.regionView, success: 200), uri: "/api/v1/regions?level=grid"),
        "GET /api/v1/regions/{id}": Case(.permission(.regionView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/regions/\(inside ? s.root(role).id : s.f.foreignGrid.id)")
        },
        "POST /api/v1/regions": Case(.permission(.regionManage, success: 201)) { s, role, inside in
            guard !inside || s.root(role).level.child != nil else { return nil }
            return Request(uri: "/api/v1/regions", json: #"{"parentId":\#(inside ? s.root(role).id : s.f.foreignStreet.id),"name":"新增"}"#)
        },
        "PATCH /api/v1/regions/{id}": Case(.permission(.regionManage, success: 200)) { s, role, inside in
            let node = inside ? try await s.ownChild(role) : s.f.foreignGrid
            return node.map { Request(uri: "/api/v1/regions/\($0.id)", json: #"{"name":"改名"}"#) }
        },
        "POST /api/v1/regions/{id}/move": Case(.permission(.regionManage, success: 200)) { s, role, inside in
            try await s.movable(role, inside).map { Request(uri: "/api/v1/regions/\($0.0.id)/move", json: #"{"parentId":\#($0.1.id)}"#) }
        },
        "POST /api/v1/regions/{id}/retire": Case(.permission(.regionManage, success: 200)) { s, role, inside in
            let node = inside ? try await s.ownChild(role) : s.f.foreignHousehold
            return node.map { Request(uri: "/api/v1/regions/\($0.id)/retire") }
        },
        "GET /api/v1/regions/{id}/team": Case(.permission(.regionView, success: 200)) { s, role, inside in
            s.grid(role, inside).map { Request(uri: "/api/v1/regions/\($0.id)/team") }
        },
        "POST /api/v1/regions/{id}/team": Case(.permission(.regionTeam, success: 200)) { s, role, inside in
            guard let grid = s.grid(role, inside) else { return nil }
            let person = try await s.person(.gridWorker, at: grid)
            return Request(uri: "/api/v1/regions/\(grid.id)/team", json: #"{"username":"\#(person.username)","duty":"part_time"}"#)
        },
        "DELETE /api/v1/regions/{id}/team/{userId}": Case(.permission(.regionTeam, success: 200)) { s, role, inside in
            try await s.teamMember(role, inside).map { Request(uri: "/api/v1/regions/\($0.0.id)/team/\($0.1.id)") }
        },
        "GET /api/v1/thematic-grids": Case(.permission(.regionView, success: 200), uri: "/api/v1/thematic-grids"),
        "POST /api/v1/thematic-grids": Case(.permission(.thematicManage, success: 201)) { s, role, inside in
            guard let anchor = s.community(role, inside) else { return nil }
            return Request(uri: "/api/v1/thematic-grids", json: ##"{"regionId":\##(anchor.id),"name":"专题","colour":"#2f9e44","tags":["党员"]}"##)
        },
        "GET /api/v1/thematic-grids/{id}": Case(.permission(.regionView, success: 200)) { s, role, inside in
            try await s.thematic(role, inside).map { Request(uri: "/api/v1/thematic-grids/\($0.0.id)") }
        },
        "POST /api/v1/thematic-grids/{id}/retire": Case(.permission(.thematicManage, success: 200)) { s, role, inside in
            try await s.thematic(role, inside).map { Request(uri: "/api/v1/thematic-grids/\($0.0.id)/retire") }
        },
        "POST /api/v1/thematic-grids/{id}/team": Case(.permission(.thematicManage, success: 200)) { s, role, inside in
            guard let (grid, _) = try await s.thematic(role, inside), let anchor = s.community(role, inside) else { return nil }
            let person = try await s.person(.socialWorker, at: anchor)
            return Request(uri: "/api/v1/thematic-grids/\(grid.id)/team", json: #"{"username":"\#(person.username)","duty":"leader"}"#)
        },
        "DELETE /api/v1/thematic-grids/{id}/team/{userId}": Case(.permission(.thematicManage, success: 200)) { s, role, inside in
            try await s.thematic(role, inside, member: true).map { Request(uri: "/api/v1/thematic-grids/\($0.0.id)/team/\($0.1!.id)") }
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
        // Residents: pages
        "GET /residents": Case(.permission(.residentView, success: 200), uri: "/residents"),
        "GET /residents/new": Case(.permission(.residentManage, success: 200), uri: "/residents/new"),
        "POST /residents": Case(.permission(.residentManage, success: 303, outside: 422)) { s, _, inside in
            Request(uri: "/residents", form: [("name", "新居民"), ("regionCode", s.household(inside).code), ("status", "registered")])
        },
        "GET /residents/{id}": Case(.permission(.residentView, success: 200)) { s, _, inside in
            Request(uri: "/residents/\(try await s.resident(inside).id)")
        },
        "GET /residents/{id}/edit": Case(.permission(.residentManage, success: 200)) { s, _, inside in
            Request(uri: "/residents/\(try await s.resident(inside).id)/edit")
        },
        "POST /residents/{id}": Case(.permission(.residentManage, success: 303)) { s, _, inside in
            Request(uri: "/residents/\(try await s.resident(inside).id)", form: [("name", "改名居民"), ("regionCode", s.household(inside).code)])
        },
        "POST /residents/{id}/reveal": Case(.permission(.residentReveal, success: 200)) { s, _, inside in
            Request(uri: "/residents/\(try await s.resident(inside).id)/reveal", form: [("field", "phone")])
        },
        "GET /households/{id}": Case(.permission(.residentView, success: 200)) { s, _, inside in
            Request(uri: "/households/\(s.household(inside).id)")
        },
        "GET /tags": Case(.permission(.residentView, success: 200), uri: "/tags"),
        "GET /residents/import": Case(.permission(.residentManage, success: 200), uri: "/residents/import"),
        "GET /residents/import/template.xlsx": Case(.permission(.residentManage, success: 200), uri: "/residents/import/template.xlsx"),
        "POST /residents/import": Case(.permission(.residentManage, success: 200, outside: 422)) { s, _, inside in
            Request(uri: "/residents/import", raw: multipart(s.household(inside).code))
        },
        "GET /residents/export": Case(.permission(.residentView, success: 200), uri: "/residents/export?format=csv"),
        "GET /api/v1/residents/export": Case(.permission(.residentView, success: 200), uri: "/api/v1/residents/export?format=xlsx"),
        "POST /api/v1/residents/import": Case(.permission(.residentManage, success: 200, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/residents/import", raw: ("text/csv", csv(s.household(inside).code)))
        },
        "POST /tags": Case(.permission(.tagManage, success: 303), scoped: false) { _, _, _ in Request(uri: "/tags", form: [("name", unique())]) },
        // Residents: API
        "GET /api/v1/residents": Case(.permission(.residentView, success: 200), uri: "/api/v1/residents?name=%E5%B1%85%E6%B0%91"),
        "POST /api/v1/residents": Case(.permission(.residentManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/residents", json: #"{"regionId":\#(s.household(inside).id),"name":"新居民","tags":["独居老人"]}"#)
        },
        "GET /api/v1/residents/{id}": Case(.permission(.residentView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/residents/\(try await s.resident(inside).id)")
        },
        "PATCH /api/v1/residents/{id}": Case(.permission(.residentManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/residents/\(try await s.resident(inside).id)", json: #"{"notes":"已走访"}"#)
        },
        "POST /api/v1/residents/{id}/reveal": Case(.permission(.residentReveal, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/residents/\(try await s.resident(inside).id)/reveal", json: #"{"field":"phone"}"#)
        },
        "GET /api/v1/tags": Case(.permission(.residentView, success: 200), uri: "/api/v1/tags"),
        "POST /api/v1/tags": Case(.permission(.tagManage, success: 201), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/tags", json: #"{"name":"\#(unique())"}"#)
        },
        // Audit
        "GET /audit": Case(.permission(.auditView, success: 200), uri: "/audit"),
        "POST /audit/verify": Case(.permission(.auditVerify, success: 303), uri: "/audit/verify"),
        "GET /api/v1/audit": Case(.permission(.auditView, success: 200), uri: "/api/v1/audit"),
    ]

    static func routerRoutes() async throws -> [String] {
        try await TestSystem.with(.sqlite) { system in
            try buildRouter(system: system).routes.map { "\($0.method.rawValue) \($0.path)" }
        }
    }

    @Test func everyRouteHasAnEntry() async throws {
        let routes = try await Self.routerRoutes()
        let missing = routes.filter { Self.cases[$0] == nil }
        #expect(missing.isEmpty, "routes without a permission-matrix entry: \(missing)")
        let stale = Set(Self.cases.keys).subtracting(routes)
        #expect(stale.isEmpty, "matrix entries for routes that no longer exist: \(stale.sorted())")
    }

    @Test func everyRoleGetsExactlyWhatItMayOnEveryRoute() async throws {
        try await TestSystem.with(.sqlite) { system in
            let f = try await Fixture.build(system)
            var tokens: [Role: String] = [:]
            for role in Role.allCases {
                tokens[role] = try await system.auth.issueToken(forUser: f.username(role), name: "矩阵", actor: f.cli).secret
            }
            let tokensByRole = tokens
            let subjects = Subjects(f: f)
            let harness = try HTTPHarness(system: system)
            let table = LinliPermissions.table
            let cells = Self.cases.sorted { $0.key < $1.key }
            let wrong: [String] = try await harness.test { client in
                var wrong: [String] = []
                var checked = 0
                for (key, entry) in cells {
                    let method = HTTPRequest.Method(rawValue: String(key.split(separator: " ")[0]))!
                    for role in Role.allCases {
                        let plan: [(Bool, Int)]
                        switch entry.need {
                        case .open(let status): plan = [(true, status)]
                        case .signedIn(let status): plan = [(true, status)]
                        case .permission(let permission, let success, let outside):
                            if !table.permissions(of: role).contains(permission) {
                                plan = [(false, 403)]
                            } else {
                                plan = entry.scoped ? [(true, success), (false, outside)] : [(true, success)]
                            }
                        }
                        for (inside, expected) in plan {
                            guard let request = try await entry.subject(subjects, role, inside) else { continue }
                            let reply = try await client.send(method, request.uri, token: tokensByRole[role], json: request.json, form: request.form,
                                                              raw: request.raw)
                            checked += 1
                            if reply.status != expected {
                                wrong.append("\(key) as \(role.rawValue) \(inside ? "inside" : "outside"): expected \(expected), got \(reply.status) \(reply.body.prefix(160))")
                            }
                        }
                    }
                }
                #expect(checked > 500)
                return wrong
            }
            #expect(wrong.isEmpty, "\(wrong.count) cells wrong:\n\(wrong.joined(separator: "\n"))")
        }
    }
}

