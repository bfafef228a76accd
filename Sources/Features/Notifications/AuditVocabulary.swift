import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let notificationTargets = AuditAction("notification.targets", on: .user, "设置通知方式")

    static let notifications: [AuditAction] = [.notificationTargets]
}
