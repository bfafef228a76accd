import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let notificationTargets = AuditAction("notification.targets", "设置通知方式")

    static let notifications: [AuditAction] = [.notificationTargets]
}
