import Crypto
import Foundation
import Hummingbird
import LinliKit
import LinliServer
import LinliTestSupport
import Logging
import Testing

/// Stand-in features for the checks a feature list must pass; each case changes one thing.
private enum Probe {
    static let view = Permission("probe.view", "查看")
    static let other = Permission("other.view", "查看另一项")
}

private struct ProbeFeature: Feature {
    static let name = "probe"
    static let migrations = [Migration("probe.001") { _ in [] }]
    static let permissions = [Probe.view]
    static let grants: [Role: Set<Permission>] = [.districtAdmin: [Probe.view]]
    static let templates = ["probe.page": "<p>probe</p>"]
    init(context: FeatureContext) {}
    func addRoutes(to router: Router<AppContext>, web: Web) { router.get("probe") { _, _ in "probe" } }
}

/// Declares what ProbeFeature declares, one kind of thing at a time.
private struct SameTemplate: Feature {
    static let name = "same"
    static let templates = ["probe.page": "<p>again</p>"]
    init(context: FeatureContext) {}
    func addRoutes(to router: Router<AppContext>, web: Web) {}
}
private struct SamePermission: Feature {
    static let name = "same"
    static let permissions = [Permission("probe.view", "又一次")]
    init(context: FeatureContext) {}
    func addRoutes(to router: Router<AppContext>, web: Web) {}
}
private struct SameMigration: Feature {
    static let name = "same"
    static let migrations = [Migration("probe.001") { _ in [] }]
    init(context: FeatureContext) {}
    func addRoutes(to router: Router<AppContext>, web: Web) {}
}
private struct SameRoute: Feature {
    static let name = "same"
    init(context: FeatureContext) {}
    func addRoutes(to router: Router<AppContext>, web: Web) { router.get("probe") { _, _ in "again" } }
}
private struct UnprefixedTemplate: Feature {
    static let name = "loose"
    static let templates = ["page": "<p></p>"]
    init(context: FeatureContext) {}
    func addRoutes(to router: Router<AppContext>, web: Web) {}
}
private struct ForeignGrant: Feature {
    static let name = "greedy"
    static let permissions = [Probe.other]
    static let grants: [Role: Set<Permission>] = [.resident: [Probe.view]]
    init(context: FeatureContext) {}
    func addRoutes(to router: Router<AppContext>, web: Web) {}
}
/// Needs a service nothing before it publishes.
private struct NeedsProbeService: Feature {
    struct ProbeService: Sendable {}
    static let name = "needy"
    init(context: FeatureContext) throws { _ = try context.services.require(ProbeService.self, by: Self.name) }
    func addRoutes(to router: Router<AppContext>, web: Web) {}
}

@Suite("Composition: a feature list is checked before anything starts")
struct CompositionTests {
    static func refusal(_ features: [any Feature.Type]) -> CompositionError? {
        do {
            _ = try Composition(features, shellTemplates: ["layout": ""])
            return nil
        } catch {
            return error as? CompositionError
        }
    }

    @Test func twoFeaturesDeclaringOneTemplatePermissionOrMigrationAreRefused() {
        #expect(Self.refusal([ProbeFeature.self, SameTemplate.self])
            == .duplicate(kind: "template", name: "probe.page", features: ["probe", "same"]))
        #expect(Self.refusal([ProbeFeature.self, SamePermission.self])
            == .duplicate(kind: "permission", name: "probe.view", features: ["probe", "same"]))
        #expect(Self.refusal([ProbeFeature.self, SameMigration.self])
            == .duplicate(kind: "migration", name: "probe.001", features: ["probe", "same"]))
        #expect(Self.refusal([ProbeFeature.self, ProbeFeature.self])
            == .duplicate(kind: "feature", name: "probe", features: ["probe", "probe"]))
        #expect(Self.refusal([ProbeFeature.self]) == nil)
    }

    @Test func aTemplateWithoutItsFeaturesPrefixOrAGrantOfAnotherFeaturesPermissionIsRefused() {
        #expect(Self.refusal([UnprefixedTemplate.self]) == .unprefixedTemplate("page", feature: "loose"))
        #expect(Self.refusal([ProbeFeature.self, ForeignGrant.self]) == .foreignGrant("probe.view", feature: "greedy"))
        let shellClash = try? Composition([ProbeFeature.self], shellTemplates: ["probe.page": ""])
        #expect(shellClash == nil)
    }

    @Test func twoFeaturesAddingOneRouteAreRefusedWhenMounted() async throws {
        try await TestSystem.withDatabase(.sqlite) { database in
            let composition = try Composition([ProbeFeature.self, SameRoute.self], shellTemplates: [:])
            let built = try Self.build(composition, database, staff: true)
            let web = try Web(templates: [:], navigation: [], secureCookies: false, jsonPaths: JSONPaths([]))
            #expect(throws: CompositionError.duplicate(kind: "route", name: "GET /probe", features: ["probe", "same"])) {
                try Composition.mount(built, on: Router(context: AppContext.self), web: web, shellRoutes: [])
            }
            #expect(throws: CompositionError.duplicate(kind: "route", name: "GET /probe", features: ["shell", "probe"])) {
                try Composition.mount(Array(built.prefix(1)), on: Router(context: AppContext.self), web: web, shellRoutes: ["GET /probe"])
            }
        }
    }

    @Test func aFeatureListedBeforeTheServiceItNeedsOrWithoutAStaffDirectoryDoesNotStart() async throws {
        try await TestSystem.withDatabase(.sqlite) { database in
            let needy = try Composition([NeedsProbeService.self], shellTemplates: [:])
            #expect(throws: CompositionError.missingService("ProbeService", neededBy: "needy")) {
                try Self.build(needy, database, staff: true)
            }
            #expect(throws: CompositionError.staffDirectory(providers: [])) {
                try Self.build(try Composition([ProbeFeature.self], shellTemplates: [:]), database, staff: false)
            }
        }
    }

    /// Builds `composition` over `database`; `staff` adds a feature that provides the directory.
    static func build(_ composition: Composition, _ database: Database, staff: Bool) throws -> [any Feature] {
        let list = staff ? try Composition(composition.features + [StaffProvider.self], shellTemplates: [:]) : composition
        return try list.build(configuration: Configuration(), database: database, audit: AuditLog(clock: ManualClock()),
                              clock: ManualClock(), vault: PersonalDataVault(masterKey: SymmetricKey(size: .bits256)),
                              logger: Logger(label: "composition-test")).features.filter { !($0 is StaffProvider) }
    }

    // The real list.

    @Test func linlisFeatureListPassesEveryCheck() throws {
        let composition = try LinliFeatures.composition.get()
        #expect(composition.features.count == LinliFeatures.all.count)
        #expect(!composition.migrations.isEmpty && !composition.templates.isEmpty)
    }

    @Test func everyDeclaredPermissionIsGrantedToSomeRole() throws {
        let composition = try LinliFeatures.composition.get()
        let granted = Set(composition.permissionTable.grants.values.flatMap { $0 })
        let ungranted = composition.permissions.filter { !granted.contains($0) }.map(\.rawValue)
        #expect(ungranted.isEmpty, "permissions no role holds: \(ungranted)")
        #expect(composition.permissions.allSatisfy { !$0.summary.isEmpty }, "every permission says what it allows")
    }

    @Test func theRoleTableIsTheOneInTheDocs() throws {
        let composition = try LinliFeatures.composition.get()
        let table = composition.permissionTable.markdown(declared: composition.permissions)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/permissions.md")
        let page = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(page.range(of: "-->\n")), end = try #require(page.range(of: "<!-- end of table -->"))
        #expect(String(page[start.upperBound..<end.lowerBound]) == table, "docs/permissions.md differs from the merged grants:\n\(table)")
    }
}

private struct StaffProvider: Feature {
    struct NoStaff: StaffDirectory {
        func staffMembers(ids: [Int64]) async throws -> [Int64: StaffMember] { [:] }
        func staffMember(username: String) async throws -> StaffMember? { nil }
        func staffMembers(onPathTo path: String) async throws -> [StaffMember] { [] }
        func staffMembers(within path: String, limit: Int) async throws -> [StaffMember] { [] }
    }
    static let name = "staff"
    static func staffDirectory(_ database: Database) -> (any StaffDirectory)? { NoStaff() }
    init(context: FeatureContext) {}
    func addRoutes(to router: Router<AppContext>, web: Web) {}
}
