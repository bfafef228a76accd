import LinliKit

/// What the audit trail records this feature doing.
extension AuditAction {
    public static let pointsRules = AuditAction("point_rules.edit", on: .pointRules, "修改积分规则")
    public static let pointsGrant = AuditAction("point_transfer.grant", on: .pointTransfer, "奖励积分")
    public static let pointsReverse = AuditAction("point_transfer.reverse", on: .pointTransfer, "冲正积分")
    public static let pointsAdjust = AuditAction("point_transfer.adjust", on: .pointTransfer, "调整积分")
    public static let pointsExpire = AuditAction("point_transfer.expire", on: .pointTransfer, "积分过期")
    public static let goodDeedAsk = AuditAction("good_deed.ask", on: .goodDeed, "申报好人好事")
    public static let goodDeedDecide = AuditAction("good_deed.decide", on: .goodDeed, "审核好人好事")
    public static let shopItemCreate = AuditAction("shop_item.create", on: .shopItem, "上架兑换物品")
    public static let shopItemChange = AuditAction("shop_item.change", on: .shopItem, "修改兑换物品")
    public static let shopStock = AuditAction("shop_item.stock", on: .shopItem, "变更库存")
    public static let redemptionHold = AuditAction("redemption.hold", on: .redemption, "兑换（待领取）")
    public static let redemptionResolve = AuditAction("redemption.resolve", on: .redemption, "领取或取消兑换")

    static let points: [AuditAction] = [
        .pointsRules, .pointsGrant, .pointsReverse, .pointsAdjust, .pointsExpire, .goodDeedAsk, .goodDeedDecide, .shopItemCreate,
        .shopItemChange, .shopStock, .redemptionHold, .redemptionResolve,
    ]
}

extension AuditEntity {
    public static let pointRules = AuditEntity("point_rules", "积分规则")
    public static let pointTransfer = AuditEntity("point_transfer", "积分流水")
    public static let goodDeed = AuditEntity("good_deed", "好人好事")
    public static let shopItem = AuditEntity("shop_item", "兑换物品")
    public static let redemption = AuditEntity("redemption", "兑换记录")
}
