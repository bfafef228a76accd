/// What one feature may know about a staff account without reading the accounts tables.
public struct StaffMember: Sendable, Equatable {
    public let id: Int64
    public let username: String
    public let displayName: String
    public let role: Role
    public let regionId: Int64
    public let regionPath: String
    public let disabled: Bool

    public init(id: Int64, username: String, displayName: String, role: Role, regionId: Int64, regionPath: String, disabled: Bool) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.regionId = regionId
        self.regionPath = regionPath
        self.disabled = disabled
    }
}

/// Looks up staff accounts: one feature provides it (`Feature.staffDirectory`), and the
/// composition root hands it to every feature (`FeatureContext.staff`).
public protocol StaffDirectory: Sendable {
    func staffMembers(ids: [Int64]) async throws -> [Int64: StaffMember]
    func staffMember(username: String) async throws -> StaffMember?
    /// Enabled staff accounts (not residents) bound to the node at `path` or to any node above
    /// it: everyone who can act where that node is.
    func staffMembers(onPathTo path: String) async throws -> [StaffMember]
    /// Enabled staff accounts bound to the node at `path` or below it, by name (at most `limit`):
    /// whom someone with that scope may hand work to.
    func staffMembers(within path: String, limit: Int) async throws -> [StaffMember]
}
