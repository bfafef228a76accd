import LinliKit

extension Permission {
    public static let gridWork = Permission("grid.work", "在自己的网格走访、巡查，查看今日网格工作")
    public static let gridView = Permission("grid.view", "查看走访计划、走访记录和覆盖情况")
    public static let gridManage = Permission("grid.manage", "发布重大事件、设置走访规则和岗位职责")
}
