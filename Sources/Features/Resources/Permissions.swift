import LinliKit

extension Permission {
    public static let resourcesView = Permission("resources.view", "查看管辖范围内的社会组织、社工和慈善资源")
    public static let resourcesManage = Permission("resources.manage", "登记捐赠方和捐赠，分配捐赠去向")
}
