import Foundation
import LinliKit
import Points
import Regions
import Residents

/// 建设社区's 公益银行: its own coefficients beside the district default, a shop of eight
/// donated items, and 郑秀英 with a good deed approved, one redemption waiting for pickup and
/// another deed waiting for review. The volunteers' points come from the demo's certified hours.
enum DemoPoints {
    static let items: [(name: String, price: String, stock: Int, source: ShopItem.Source, donor: String, limit: Int?, tags: [String])] = [
        ("大米 5 斤", "20", 10, .shop, "惠民超市", 1, []),
        ("食用油 1 桶", "30", 6, .shop, "惠民超市", 1, []),
        ("洗衣液", "12", 15, .unit, "区住建局（双报到）", 2, []),
        ("理发一次", "8", 30, .shop, "阿芳理发店", 2, []),
        ("家电上门维修一次", "25", 8, .paired, "区住建局（双报到）", 1, []),
        ("老年助餐券（10 次）", "15", 20, .community, "", 1, ["独居老人", "高龄老人"]),
        ("儿童绘本一套", "10", 12, .unit, "区图书馆", 1, []),
        ("爱心雨伞", "5", 25, .community, "", 1, []),
    ]

    static func load(into system: LinliSystem, community: RegionNode, staffUser: String, residentUser: String) async throws {
        let cli = system.commandLineActor
        let points = system.points
        let staffAccount = try await system.accounts.account(username: staffUser, actor: cli)
        let staff = system.auth.actor(for: staffAccount, ip: nil)
        var rules = EarningRules.common
        rules.coefficients = ["医护": 150, "持证社工": 120, "心理咨询": 120]
        _ = try await points.editRules(regionId: community.id, rules, note: "建设社区公益银行积分办法：专业服务按系数计", actor: staff)
        var shop: [ShopItem] = []
        for item in items {
            shop.append(try await points.createItem(communityId: community.id, ShopItemInput(
                name: item.name, description: item.donor.isEmpty ? "社区购置" : "\(item.donor)捐赠", kind: item.name.contains("一次") ? "service" : "goods",
                source: item.source.rawValue, donor: item.donor, price: item.price, stock: item.stock, perPersonLimit: item.limit,
                limitPeriod: "month", eligibleTags: item.tags, pickupPlace: "建设社区党群服务中心一楼"), actor: staff))
        }
        let residentAccount = try await system.accounts.account(username: residentUser, actor: cli)
        let resident = system.auth.actor(for: residentAccount, ip: nil)
        guard try await system.residents.identity(ofUser: residentAccount.id) != nil else { return }
        let today = Self.day(system.clock.now()), lastWeek = Self.day(system.clock.now().addingTimeInterval(-6 * 86_400))
        let deed = try await points.askGoodDeed(GoodDeedInput(title: "拾金不昧", description: "在小区门口捡到钱包，交到社区，找到了失主",
                                                              happenedOn: lastWeek, evidence: "社区工作人员张丽、失主李先生"), actor: resident)
        _ = try await points.decideGoodDeed(deed.id, approve: true, granted: Points(whole: 30), note: "已核实", actor: staff)
        _ = try await points.redeem(itemId: shop[0].id, actor: resident)
        _ = try await points.askGoodDeed(GoodDeedInput(title: "义务清扫楼道", description: "每周六清扫 1 号楼 1 单元的楼道", happenedOn: today,
                                                       evidence: "楼长王阿姨"), actor: resident)
    }

    static func day(_ date: Date) -> String {
        let r = ChinaStandardTime.reading(date)
        return ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day)
    }
}
