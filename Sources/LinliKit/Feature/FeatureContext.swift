import Logging

/// What a feature builds its services from: the kernel's parts and the services of the
/// features listed before it. Only `Composition` makes one (its memberwise initializer).
public struct FeatureContext: Sendable {
    public let configuration: Configuration
    public let database: Database
    public let audit: AuditLog
    public let clock: any Clock
    public let vault: PersonalDataVault
    public let logger: Logger
    /// The merged role table of every feature.
    public let permissionTable: PermissionTable
    /// Every feature's subtree-move listeners.
    public let moveListeners: [any SubtreeMoveListener]
    /// Every feature's listeners to changes of registry residents.
    public let residentListeners: [any ResidentChangeListener]
    /// The one feature-provided staff directory.
    public let staff: any StaffDirectory
    /// Every feature's audit actions and entities, in words.
    public let auditVocabulary: AuditVocabulary
    public let services: ServiceRegistry
}

/// The services features have published, found by type (a concrete service or a kernel
/// protocol one of them conforms to).
public struct ServiceRegistry: Sendable {
    var entries: [(owner: String, service: any Sendable)] = []

    public init() {}

    public mutating func publish(_ services: [any Sendable], by owner: String) {
        entries += services.map { (owner, $0) }
    }

    /// The one published service of type `T`; a missing one is a start-up error that says
    /// which feature should be listed earlier.
    public func require<T>(_ type: T.Type = T.self, by feature: String) throws -> T {
        let found = entries.compactMap { $0.service as? T }
        guard let service = found.first else { throw CompositionError.missingService(String(describing: type), neededBy: feature) }
        guard found.count == 1 else { throw CompositionError.ambiguousService(String(describing: type), neededBy: feature) }
        return service
    }

    /// Every published service of type `T` (e.g. every home section provider).
    public func all<T>(_ type: T.Type = T.self) -> [T] { entries.compactMap { $0.service as? T } }
}

/// Why the features cannot be put together: said at start-up, and by a test.
public enum CompositionError: Error, Equatable, CustomStringConvertible {
    case missingService(String, neededBy: String)
    case ambiguousService(String, neededBy: String)
    case duplicate(kind: String, name: String, features: [String])
    case unprefixedTemplate(String, feature: String)
    case foreignGrant(String, feature: String)
    case staffDirectory(providers: [String])

    public var description: String {
        switch self {
        case .missingService(let type, let feature):
            "feature \(feature) needs \(type), which no feature listed before it provides"
        case .ambiguousService(let type, let feature):
            "feature \(feature) needs one \(type), but several features provide one"
        case .duplicate(let kind, let name, let features):
            "\(kind) \(name) is declared by more than one feature: \(features.joined(separator: ", "))"
        case .unprefixedTemplate(let name, let feature):
            "template \(name) of feature \(feature) does not start with \"\(feature).\""
        case .foreignGrant(let permission, let feature):
            "feature \(feature) grants \(permission), which it does not declare: a feature grants only its own permissions"
        case .staffDirectory(let providers):
            "exactly one feature must provide the staff directory; found \(providers.isEmpty ? "none" : providers.joined(separator: ", "))"
        }
    }
}

/// Anything that holds the built features' services (a running system). Each feature adds
/// named accessors for its own services (`system.regions`), so callers name the feature
/// they use and nothing else has to.
public protocol ServiceProvider {
    func service<T>(_ type: T.Type) -> T
}
