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

extension Permission {
    /// 查看账号
    public static let userView = Permission("user.view")
    /// 创建、停用账号，重置密码
    public static let userManage = Permission("user.manage")
    /// 签发与吊销 API 令牌
    public static let tokenManage = Permission("token.manage")
}
