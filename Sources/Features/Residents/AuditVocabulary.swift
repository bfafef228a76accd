import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let residentBulkLoad = AuditAction("resident.bulk_load", on: .resident, "批量导入居民")
    public static let residentCreate = AuditAction("resident.create", on: .resident, "登记居民")
    public static let residentIdentify = AuditAction("resident.identify", on: .resident, "实名认证账号")
    public static let residentExport = AuditAction("resident.export", on: .resident, "导出台账")
    public static let residentImport = AuditAction("resident.import", on: .resident, "导入台账")
    public static let residentReveal = AuditAction("resident.reveal", on: .resident, "查看完整号码")
    public static let residentUpdate = AuditAction("resident.update", on: .resident, "修改居民信息")
    public static let tagCreate = AuditAction("tag.create", on: .tag, "新增标签")

    static let residents: [AuditAction] = [
        .residentBulkLoad, .residentCreate, .residentExport, .residentIdentify, .residentImport, .residentReveal, .residentUpdate, .tagCreate,
    ]
}

extension AuditEntity {
    public static let resident = AuditEntity("resident", "居民")
    public static let tag = AuditEntity("tag", "标签")
}
