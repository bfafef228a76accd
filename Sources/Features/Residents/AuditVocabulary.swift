import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let residentBulkLoad = AuditAction("resident.bulk_load", "批量导入居民")
    public static let residentCreate = AuditAction("resident.create", "登记居民")
    public static let residentExport = AuditAction("resident.export", "导出台账")
    public static let residentImport = AuditAction("resident.import", "导入台账")
    public static let residentReveal = AuditAction("resident.reveal", "查看完整号码")
    public static let residentUpdate = AuditAction("resident.update", "修改居民信息")
    public static let tagCreate = AuditAction("tag.create", "新增标签")

    static let residents: [AuditAction] = [
        .residentBulkLoad, .residentCreate, .residentExport, .residentImport, .residentReveal, .residentUpdate, .tagCreate,
    ]
}

extension AuditEntity {
    public static let resident = AuditEntity("resident", "居民")
    public static let tag = AuditEntity("tag", "标签")

    static let residents: [AuditEntity] = [.resident, .tag]
}
