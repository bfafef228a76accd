import LinliKit

extension Permission {
    public static let resourcesView = Permission("resources.view", "查看管辖范围内的社会组织、社工和慈善资源")
    public static let resourcesManage = Permission("resources.manage", "登记社会组织、社工、捐赠方和捐赠，分配捐赠去向")
    /// Work for an organisation: see its record and the requests given to it (not others').
    public static let organisationOwn = Permission("resources.own", "查看本人所在社会组织的档案和派给本组织的诉求")
}
