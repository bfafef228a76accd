import LinliKit

extension Permission {
    public static let auditView = Permission("audit.view", "查看管辖范围内的审计日志")
    public static let auditVerify = Permission("audit.verify", "校验审计链完整性")
}
