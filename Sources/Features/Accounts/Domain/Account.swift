import LinliKit

/// A staff or resident account as the console and API show it (never its password hash).
public struct Account: Sendable, Codable, Equatable {
    public let id: Int64
    public let username: String
    public let displayName: String
    public let role: Role
    public let regionId: Int64
    public let regionPath: String
    public let disabled: Bool
    public let createdAt: Int64

    public var roleLabel: String { role.label }
}

/// An API token as listed (the secret itself is shown once, at creation).
public struct APIToken: Sendable, Codable, Equatable {
    public let id: Int64
    public let userId: Int64
    public let username: String
    public let name: String
    public let prefix: String
    public let createdAt: Int64
    public let lastUsedAt: Int64?
    public let revoked: Bool
}
