import LinliKit

extension Permission {
    public static let pointsUse = Permission("points.use", "查看自己的积分、兑换爱心物品、申报好人好事")
    public static let pointsView = Permission("points.view", "查看积分账户、对账单和月度统计")
    public static let pointsManage = Permission("points.manage", "管理积分规则、审核好人好事、管理兑换物品和库存、核销领取、冲正")
    public static let pointsVerify = Permission("points.verify", "核对积分总账")
}
