/// One thing an actor may do, e.g. `region.manage`. Each feature declares its permissions,
/// with their zh-CN description, in one file (`Permissions.swift` in its folder) and lists
/// them in its manifest; which role holds which permission is the features' `grants`, merged
/// into one `PermissionTable` by the composition root.
public struct Permission: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    /// What holding it allows, in zh-CN, for the role table (docs/permissions.md).
    public let summary: String
    public init(rawValue: String) { self.init(rawValue, "") }
    public init(_ rawValue: String, _ summary: String) {
        self.rawValue = rawValue
        self.summary = summary
    }
    public var description: String { rawValue }
    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue < rhs.rawValue }
    public static func == (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// Role → permissions, as plain data.
public struct PermissionTable: Sendable {
    public let grants: [Role: Set<Permission>]
    public init(_ grants: [Role: Set<Permission>]) { self.grants = grants }

    /// The union of several features' grants.
    public init(merging parts: [[Role: Set<Permission>]]) {
        self.init(parts.reduce(into: [:]) { table, part in table.merge(part) { $0.union($1) } })
    }

    public func permissions(of role: Role) -> Set<Permission> { grants[role] ?? [] }

    /// Roles an actor may hand out: those whose permissions the actor holds all of, so
    /// nobody can create an account more powerful than their own.
    public func grantableRoles(by permissions: Set<Permission>) -> [Role] {
        Role.allCases.filter { self.permissions(of: $0).isSubset(of: permissions) }
    }

    /// The table as Markdown, one row per permission and a column per role, for review.
    public func markdown(declared: [Permission]) -> String {
        var lines = ["| 权限 | 说明 | " + Role.allCases.map(\.label).joined(separator: " | ") + " |",
                     "|---|---|" + String(repeating: "---|", count: Role.allCases.count)]
        for permission in declared.sorted() {
            let cells = Role.allCases.map { permissions(of: $0).contains(permission) ? "✓" : "" }
            lines.append("| `\(permission.rawValue)` | \(permission.summary) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
