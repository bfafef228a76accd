/// 慈善捐赠 — money in 分 or goods counted in their own unit. What is left of a donation is
/// its quantity less every allocation, and an allocation never takes more than is left: the
/// service checks it under the donation's row lock and a CHECK constraint backs it.
public struct DonationBalance: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case money, goods
        public var label: String { self == .money ? "善款" : "物资" }
    }

    public let kind: Kind
    /// 分 for money; the goods' own unit (件, 箱, 斤) otherwise.
    public let quantity: Int64
    public let allocated: Int64
    public let unit: String

    public init(kind: Kind, quantity: Int64, allocated: Int64, unit: String) {
        (self.kind, self.quantity, self.allocated, self.unit) = (kind, quantity, allocated, unit)
    }

    public var remainder: Int64 { quantity - allocated }

    /// The balance after giving `amount` away, or why it cannot be given.
    public func allocating(_ amount: Int64) -> Result<DonationBalance, AllocationRefusal> {
        guard amount > 0 else { return .failure(.notPositive) }
        guard amount <= remainder else { return .failure(.overRemainder(asked: describe(amount), left: describe(remainder))) }
        return .success(DonationBalance(kind: kind, quantity: quantity, allocated: allocated + amount, unit: unit))
    }

    /// `¥12.50` for money, `30 箱` for goods.
    public func describe(_ amount: Int64) -> String {
        switch kind {
        case .money:
            let sign = amount < 0 ? "-" : ""
            let fen = amount.magnitude
            return "\(sign)¥\(fen / 100).\(fen % 100 < 10 ? "0" : "")\(fen % 100)"
        case .goods: return "\(amount) \(unit)"
        }
    }
}

public enum AllocationRefusal: Error, Equatable, Sendable {
    case notPositive
    case overRemainder(asked: String, left: String)

    public var message: String {
        switch self {
        case .notPositive: "分配数量应大于 0"
        case .overRemainder(let asked, let left): "这笔捐赠只剩 \(left)，不能分配 \(asked)"
        }
    }
}

/// Where a part of a donation went (去向): each is a row naming what it served.
public enum AllocationTarget: String, Sendable, Codable, CaseIterable {
    /// 一件诉求
    case request
    /// 一场活动
    case activity
    /// 困难家庭（一户）
    case household
    /// 公益创投项目
    case project
    /// 爱心兑换（积分超市）
    case shop
    /// 一个社会组织 (its id the target): what the organisation's page lists as received
    case organisation

    public var label: String {
        switch self {
        case .request: "诉求"
        case .activity: "活动"
        case .household: "困难家庭"
        case .project: "公益项目"
        case .shop: "爱心兑换"
        case .organisation: "社会组织"
        }
    }
}
