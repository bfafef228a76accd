import LinliKit

extension Permission {
    public static let userView = Permission("user.view", "查看管辖范围内的账号")
    public static let userManage = Permission("user.manage", "创建、停用账号，重置密码")
    public static let tokenManage = Permission("token.manage", "签发与吊销 API 令牌")
}
