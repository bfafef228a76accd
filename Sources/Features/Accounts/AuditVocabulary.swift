import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let sessionLogin = AuditAction("session.login", on: .user, "登录")
    public static let sessionLoginFailed = AuditAction("session.login_failed", on: .user, "登录失败")
    public static let sessionLogout = AuditAction("session.logout", on: .user, "退出登录")
    public static let tokenIssue = AuditAction("token.issue", on: .apiToken, "签发 API 令牌")
    public static let tokenRevoke = AuditAction("token.revoke", on: .apiToken, "吊销 API 令牌")
    public static let userCreate = AuditAction("user.create", on: .user, "创建账号")
    public static let userDisable = AuditAction("user.disable", on: .user, "停用账号")
    public static let userEnable = AuditAction("user.enable", on: .user, "启用账号")
    public static let userPasswordChange = AuditAction("user.password.change", on: .user, "修改密码")
    public static let userPasswordReset = AuditAction("user.password.reset", on: .user, "重置密码")

    static let accounts: [AuditAction] = [
        .sessionLogin, .sessionLoginFailed, .sessionLogout, .tokenIssue, .tokenRevoke, .userCreate, .userDisable, .userEnable,
        .userPasswordChange, .userPasswordReset,
    ]
}

extension AuditEntity {
    public static let apiToken = AuditEntity("api_token", "API 令牌")
}
