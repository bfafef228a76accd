import Hummingbird

/// A menu entry in the console; shown only to actors holding `permission`.
public struct NavigationItem: Sendable {
    public let label: String
    public let href: String
    public let permission: Permission?
    /// Order in the menu (lower first).
    public let order: Int

    public init(_ label: String, href: String, permission: Permission?, order: Int) {
        self.label = label
        self.href = href
        self.permission = permission
        self.order = order
    }
}

/// A capability's manifest: everything the composition root needs to mount it. Adding a
/// feature is a new folder, a type conforming to this, and one line in LinliServer.
public protocol Feature: Sendable {
    static var name: String { get }
    /// Forward-only schema steps for this feature's own tables.
    static var migrations: [Migration] { get }
    /// Permissions this feature checks, with a zh-CN description for the role table page.
    static var permissions: [Permission: String] { get }
    /// Mustache templates by name (names are prefixed with the feature, e.g. `regions.tree`).
    static var templates: [String: String] { get }
    static var navigation: [NavigationItem] { get }
    func addRoutes(to router: Router<AppContext>)
}
