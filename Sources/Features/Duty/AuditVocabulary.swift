import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let dutyPhoneSet = AuditAction("duty.phone.set", on: .dutyPhone, "设置值班电话")
    public static let dutyShiftAdd = AuditAction("duty.shift.add", on: .dutyShift, "安排值班")
    public static let dutyShiftCancel = AuditAction("duty.shift.cancel", on: .dutyShift, "取消值班")

    static let duty: [AuditAction] = [.dutyPhoneSet, .dutyShiftAdd, .dutyShiftCancel]
}

extension AuditEntity {
    public static let dutyPhone = AuditEntity("duty_phone", "值班电话")
    public static let dutyShift = AuditEntity("duty_shift", "值班班次")
}
