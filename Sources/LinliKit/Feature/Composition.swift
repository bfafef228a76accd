import Hummingbird
import Logging

/// A list of features, checked and put together: everything a running Linli mounts is
/// derived from it in the list's order. Two features declaring the same template,
/// permission, migration id or route, a template without its feature's prefix, or a grant
/// of a permission the granting feature does not declare, stop the start.
public struct Composition: Sendable {
    public let features: [any Feature.Type]
    /// The console's own templates (layout, error, home), beside the features'.
    let shellTemplates: [String: String]

    public init(_ features: [any Feature.Type], shellTemplates: [String: String]) throws {
        self.features = features
        self.shellTemplates = shellTemplates
        try check()
    }

    public var migrations: [Migration] { features.flatMap { $0.migrations } }
    public var permissions: [Permission] { features.flatMap { $0.permissions } }
    public var permissionTable: PermissionTable { PermissionTable(merging: features.map { $0.grants }) }
    public var navigation: [NavigationItem] { features.flatMap { $0.navigation } }
    public var pageLinks: PageLinks { PageLinks(features.flatMap { $0.pageLinks }) }
    public var apiDescriptions: [APIDescription] { features.map { $0.api } }
    public var moveListeners: [any SubtreeMoveListener] { features.flatMap { $0.moveListeners } }
    public var residentListeners: [any ResidentChangeListener] { features.flatMap { $0.residentListeners } }
    public var sealedDataOwners: [any SealedDataOwner] { features.flatMap { $0.sealedDataOwners } }
    public var auditVocabulary: AuditVocabulary {
        AuditVocabulary(actions: features.flatMap { $0.auditActions })
    }
    public var jsonPaths: JSONPaths { JSONPaths(features.flatMap { $0.jsonPaths }) }
    public var csrfExemptPaths: [String] { features.flatMap { $0.csrfExemptPaths } }
    public var templates: [String: String] {
        features.reduce(into: shellTemplates) { all, feature in all.merge(feature.templates) { first, _ in first } }
    }

    func check() throws {
        try Self.unique("feature", features.map { ($0.name, $0.name) })
        try Self.unique("template", shellTemplates.keys.map { ($0, "shell") } + features.flatMap { f in f.templates.keys.map { ($0, f.name) } })
        for feature in features {
            if let name = feature.templates.keys.sorted().first(where: { !$0.hasPrefix(feature.name + ".") }) {
                throw CompositionError.unprefixedTemplate(name, feature: feature.name)
            }
            let own = Set(feature.permissions)
            if let foreign = feature.grants.values.flatMap({ $0 }).sorted().first(where: { !own.contains($0) }) {
                throw CompositionError.foreignGrant(foreign.rawValue, feature: feature.name)
            }
        }
        try Self.unique("permission", features.flatMap { f in f.permissions.map { ($0.rawValue, f.name) } })
        try Self.unique("migration", features.flatMap { f in f.migrations.map { ($0.id, f.name) } })
        try Self.unique("audit action", AuditAction.kernel.map { ($0.rawValue, "kernel") }
                        + features.flatMap { f in f.auditActions.map { ($0.rawValue, f.name) } })
        try Self.unique("API operation", features.flatMap { f in f.api.operations.map { ($0.route, f.name) } })
        try Self.unique("API schema", features.flatMap { f in f.api.schemas.keys.map { ($0, f.name) } })
        // An entity two features' actions share (accounts, say) is one entity, not a collision.
        try Self.unique("audit entity", AuditEntity.kernel.map { ($0.rawValue, "kernel") }
                        + features.flatMap { f in Set(f.auditActions.map(\.entity.rawValue)).map { ($0, f.name) } }
                            .filter { name, _ in !AuditEntity.kernel.contains { $0.rawValue == name } })
    }

    /// Throws for the first name that more than one owner declares.
    static func unique(_ kind: String, _ names: [(name: String, owner: String)]) throws {
        let owners = Dictionary(grouping: names, by: \.name)
        if let (name, declared) = owners.filter({ $0.value.count > 1 }).sorted(by: { $0.key < $1.key }).first {
            throw CompositionError.duplicate(kind: kind, name: name, features: declared.map(\.owner))
        }
    }

    /// The staff directory of the one feature that provides it.
    public func staffDirectory(_ database: Database) throws -> any StaffDirectory {
        let provided = features.compactMap { feature in feature.staffDirectory(database).map { (feature.name, $0) } }
        guard provided.count == 1, let (_, directory) = provided.first else {
            throw CompositionError.staffDirectory(providers: provided.map(\.0))
        }
        return directory
    }

    /// Builds every feature in order, each from the services of those before it.
    public func build(configuration: Configuration, database: Database, audit: AuditLog, clock: any Clock,
                      vault: PersonalDataVault, logger: Logger) throws -> (features: [any Feature], services: ServiceRegistry) {
        var services = ServiceRegistry()
        var built: [any Feature] = []
        let staff = try staffDirectory(database)
        let table = permissionTable, listeners = moveListeners, vocabulary = auditVocabulary
        let residentListeners = residentListeners
        for type in features {
            let context = FeatureContext(configuration: configuration, database: database, audit: audit, clock: clock, vault: vault,
                                         logger: logger, permissionTable: table, moveListeners: listeners,
                                         residentListeners: residentListeners, staff: staff,
                                         auditVocabulary: vocabulary, services: services)
            let feature = try type.init(context: context)
            services.publish(feature.services, by: type.name)
            built.append(feature)
        }
        return (built, services)
    }

    /// Mounts every feature's routes; a route two features (or a feature and `shellRoutes`)
    /// both add is an error, since the router would keep only one of them.
    public static func mount(_ features: [any Feature], on router: Router<AppContext>, web: Web,
                             shellRoutes: [String]) throws {
        var declared = shellRoutes.map { ($0, "shell") }
        for feature in features {
            let probe = Router(context: AppContext.self)
            feature.addRoutes(to: probe, web: web)
            declared += probe.routes.map { ("\($0.method.rawValue) \($0.path)", type(of: feature).name) }
        }
        try unique("route", declared)
        for feature in features { feature.addRoutes(to: router, web: web) }
    }
}
