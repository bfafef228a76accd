/// One thing an actor may do, e.g. `region.create`. Features declare their permissions as
/// static constants; which role holds which permission is data, kept in one table
/// (`PermissionTable` in LinliServer).
public struct Permission: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Role → permissions, as plain data.
public struct PermissionTable: Sendable {
    public let grants: [Role: Set<Permission>]
    public init(_ grants: [Role: Set<Permission>]) { self.grants = grants }

    public func permissions(of role: Role) -> Set<Permission> { grants[role] ?? [] }

    /// Roles an actor may hand out: those whose permissions the actor holds all of, so
    /// nobody can create an account more powerful than their own.
    public func grantableRoles(by permissions: Set<Permission>) -> [Role] {
        Role.allCases.filter { self.permissions(of: $0).isSubset(of: permissions) }
    }
}
