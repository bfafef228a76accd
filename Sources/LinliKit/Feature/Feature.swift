import Hummingbird
import Logging

/// A capability's manifest: everything it contributes to a running Linli. The composition
/// root keeps one ordered list of features and derives migrations, permissions and grants,
/// templates, navigation, routes, the OpenAPI document, listeners and jobs from it
/// (docs/adding-a-feature.md). Only `name`, `init(context:)` and `addRoutes` are required;
/// every other contribution defaults to none.
public protocol Feature: Sendable {
    /// Short English name, e.g. `regions`: the prefix of its templates and migration ids,
    /// and how start-up errors name the feature.
    static var name: String { get }
    /// Forward-only schema steps for this feature's own tables.
    static var migrations: [Migration] { get }
    /// The permissions this feature checks (declared in its `Permissions.swift`).
    static var permissions: [Permission] { get }
    /// Which roles hold which of this feature's permissions: the district's role table is
    /// the union of these (`PermissionTable(merging:)`, shown in docs/permissions.md).
    static var grants: [Role: Set<Permission>] { get }
    /// Mustache templates by name, each prefixed with `name` and a dot.
    static var templates: [String: String] { get }
    static var navigation: [NavigationItem] { get }
    /// Links this feature adds to other features' pages (`PageLink`).
    static var pageLinks: [PageLink] { get }
    /// This feature's part of the OpenAPI document: every `/api/v1` route it adds.
    static var api: APIDescription { get }
    /// Re-roots this feature's copies of region paths when a subtree moves.
    static var moveListeners: [any SubtreeMoveListener] { get }
    /// Keeps what this feature derives from registry residents up to date.
    static var residentListeners: [any ResidentChangeListener] { get }
    /// Re-seals this feature's values under a new data key.
    static var sealedDataOwners: [any SealedDataOwner] { get }
    /// Who the staff are, for features that pick people (one feature provides it).
    static func staffDirectory(_ database: Database) -> (any StaffDirectory)?
    /// What the audit trail records this feature doing, each with what it is about
    /// (`AuditVocabulary.swift`).
    static var auditActions: [AuditAction] { get }
    /// Paths outside `/api/` whose answers (errors included) are JSON.
    static var jsonPaths: [String] { get }
    /// Paths whose posts come from machines with tokens, never from a browser form.
    static var csrfExemptPaths: [String] { get }

    /// Builds the feature's services from the kernel and the services of the features
    /// listed before it; throws when one it needs is missing or its settings are unusable.
    init(context: FeatureContext) throws
    /// Services the features after this one may use (`ServiceRegistry.require`).
    var services: [any Sendable] { get }
    func addRoutes(to router: Router<AppContext>, web: Web)
    /// Work an instance does in the background.
    var jobs: [BackgroundJob] { get }
    /// What the home page shows of this feature to an actor.
    var homeSections: [any HomeSection] { get }
    /// The work this feature keeps waiting for an actor: the home page's 今日待办.
    var dueWork: [any DueWorkSource] { get }
}

extension Feature {
    public static var migrations: [Migration] { [] }
    public static var permissions: [Permission] { [] }
    public static var grants: [Role: Set<Permission>] { [:] }
    public static var templates: [String: String] { [:] }
    public static var navigation: [NavigationItem] { [] }
    public static var pageLinks: [PageLink] { [] }
    public static var api: APIDescription { APIDescription() }
    public static var moveListeners: [any SubtreeMoveListener] { [] }
    public static var residentListeners: [any ResidentChangeListener] { [] }
    public static var sealedDataOwners: [any SealedDataOwner] { [] }
    public static func staffDirectory(_ database: Database) -> (any StaffDirectory)? { nil }
    public static var auditActions: [AuditAction] { [] }
    public static var jsonPaths: [String] { [] }
    public static var csrfExemptPaths: [String] { [] }
    public var services: [any Sendable] { [] }
    public var jobs: [BackgroundJob] { [] }
    public var homeSections: [any HomeSection] { [] }
    public var dueWork: [any DueWorkSource] { [] }
}

/// A menu entry in the console; shown only to actors holding `permission`, and not to those
/// holding `hiddenBy` (whose own entry already leads there).
public struct NavigationItem: Sendable {
    public let label: String
    public let href: String
    public let permission: Permission?
    public let hiddenBy: Permission?
    /// Order in the menu (lower first).
    public let order: Int

    /// An entry `label` leading to `href`, for those holding `permission` (everyone if nil)
    /// and not `hiddenBy`.
    public static func link(_ label: String, href: String, permission: Permission?, hiddenBy: Permission? = nil,
                            order: Int) -> NavigationItem {
        NavigationItem(label: label, href: href, permission: permission, hiddenBy: hiddenBy, order: order)
    }

    public func isShown(to actor: Actor) -> Bool {
        (permission.map(actor.may) ?? true) && !(hiddenBy.map(actor.may) ?? false)
    }

    /// Whether the page at `path` is this entry's (its query, if any, aside).
    public func leads(to path: String) -> Bool {
        let target = href.split(separator: "?", maxSplits: 1).first.map(String.init) ?? href
        return target == "/" ? path == "/" : path.hasPrefix(target)
    }
}

/// Work that runs every `interval` on every instance until shutdown; it must be safe to run
/// on several instances at once (each job says why where it is declared).
public struct BackgroundJob: Sendable {
    public let name: String
    public let interval: Duration
    public let work: @Sendable (Logger) async throws -> Void

    /// `work`, run every `interval` under `name` (which the logs use).
    public static func every(_ interval: Duration, _ name: String,
                             _ work: @escaping @Sendable (Logger) async throws -> Void) -> BackgroundJob {
        BackgroundJob(name: name, interval: interval, work: work)
    }
}
