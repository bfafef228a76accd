/// The subtree of the region tree an actor may act in. `path` is the materialised path of
/// region ids from the root, e.g. `/1/4/17/`; a node is inside the scope when its own path
/// starts with this one. Scope is applied in SQL, never by hiding links: as the index range
/// `path >= '/1/4/17/' AND path < '/1/4/170'` (`SQLEngine.pathWithin` says why not `LIKE`).
public struct Scope: Sendable, Equatable {
    public let regionId: Int64
    public let path: String

    public init(regionId: Int64, path: String) {
        self.regionId = regionId
        self.path = path
    }

    public func contains(path other: String) -> Bool { other.hasPrefix(path) }

    /// `/1/4/17/` → `/1/`, `/1/4/`, `/1/4/17/`: the paths of a node and every node above it.
    public static func ancestorPaths(of path: String) -> [String] {
        let ids = path.split(separator: "/")
        return ids.indices.map { "/" + ids[...$0].joined(separator: "/") + "/" }
    }
}

/// Who is acting: a signed-in account, an API token, or the command line.
public struct Actor: Sendable {
    public let userId: Int64?
    public let username: String
    public let displayName: String
    public let role: Role?
    public let scope: Scope
    public let permissions: Set<Permission>
    /// Client address, recorded in the audit trail.
    public let ip: String?
    /// Set when the actor authenticated with an API token.
    public let tokenId: Int64?
    /// The person's own setting for 关怀模式 (larger text and controls); a browser's cookie
    /// overrides it on that device (`Web.careMode`).
    public let prefersCareMode: Bool

    public init(userId: Int64?, username: String, displayName: String, role: Role?, scope: Scope,
                permissions: Set<Permission>, ip: String?, tokenId: Int64? = nil, prefersCareMode: Bool = false) {
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.role = role
        self.scope = scope
        self.permissions = permissions
        self.ip = ip
        self.tokenId = tokenId
        self.prefersCareMode = prefersCareMode
    }

    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// Throws `forbidden` unless the actor holds the permission.
    public func require(_ permission: Permission) throws {
        guard may(permission) else { throw DomainError.forbidden }
    }

    /// The command line acts for the operator of the machine: every permission, whole tree.
    public static func commandLine(permissions: Set<Permission>, rootPath: String = "/") -> Actor {
        Actor(userId: nil, username: "cli", displayName: "命令行", role: nil,
              scope: Scope(regionId: 0, path: rootPath), permissions: permissions, ip: nil)
    }
}
