import LinliKit

extension Permission {
    public static let dutyView = Permission("duty.view", "查看社区值班安排")
    public static let dutyManage = Permission("duty.manage", "安排社区值班、设置值班电话")
}
