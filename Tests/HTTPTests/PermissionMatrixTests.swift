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

    /// Each feature's cells, in their own files (`PermissionMatrix+<Feature>.swift`).
    static let parts: [(owner: String, cases: [String: Case])] = [
        ("shell", shellCases), ("audit", auditCases), ("regions", regionsCases), ("accounts", accountsCases),
        ("residents", residentsCases), ("notifications", notificationsCases), ("duty", dutyCases), ("requests", requestCases.merging(requestPageCases) { a, _ in a }),
        ("volunteers", volunteerPageCases.merging(volunteerAPICases) { a, _ in a }),
        ("points", pointsAPICases.merging(pointsPageCases) { a, _ in a }),
        ("gridwork", gridWorkCases),
        ("resources", resourcesAPICases.merging(resourcesPageCases) { a, _ in a }),
    ]
    static let cases: [String: Case] = parts.reduce(into: [:]) { all, part in all.merge(part.cases) { first, _ in first } }

    static func routerRoutes() async throws -> [String] {
        try await TestSystem.with(.sqlite) { system in
            try buildRouter(system: system).routes.map { "\($0.method.rawValue) \($0.path)" }
        }
    }

    @Test func noRouteHasEntriesInTwoFiles() {
        let owners = Dictionary(grouping: Self.parts.flatMap { part in part.cases.keys.map { ($0, part.owner) } }, by: \.0)
        let twice = owners.filter { $0.value.count > 1 }.map { "\($0.key): \($0.value.map(\.1))" }
        #expect(twice.isEmpty, "routes with more than one matrix entry: \(twice.sorted())")
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
            let table = try LinliPermissions.table
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
            // Every route has now written what it writes: each entry's words are declared by a feature.
            let vocabulary = system.composition.auditVocabulary
            let written = try await system.database.read { tx in
                try await tx.sql.raw("SELECT DISTINCT action, entity_type FROM audit_log").all()
                    .map { (try $0.decode(column: "action", as: String.self), try $0.decode(column: "entity_type", as: String.self)) }
            }
            #expect(written.count > 20)
            let unknown = written.filter { !vocabulary.knows(action: $0.0) || !vocabulary.knows(entity: $0.1) }.map { "\($0.0) \($0.1)" }
            #expect(unknown.isEmpty, "audit entries in words no feature declares: \(unknown)")
        }
    }
}

