import LinliKit

extension Permission {
    public static let residentView = Permission("resident.view", "查看居民信息（脱敏）")
    public static let residentManage = Permission("resident.manage", "登记、修改居民信息")
    /// Every reveal is audited.
    public static let residentReveal = Permission("resident.reveal", "查看完整身份证号、电话（逐次审计）")
    public static let tagManage = Permission("tag.manage", "维护关爱与服务标签")
    /// Every export is audited.
    public static let residentExport = Permission("resident.export", "导出含完整身份证号、电话的台账（逐次审计）")
}
