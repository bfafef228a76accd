import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Testing

@Suite("爱心兑换: a hold until pickup, then posted, cancelled or timed out — stock and points always add up")
struct ShopTests {
    @Test(arguments: TestEngine.all)
    func aRedemptionHoldsThePointsAndOneOnTheShelfUntilStaffScanTheCode(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me()
            try await p.grant(30, to: person.id)
            let item = try await p.item(price: "12.5", stock: 3)
            let held = try await p.points.redeem(itemId: item.id, actor: me)
            #expect(held.state == .held && held.points == Points(hundredths: 1250))
            let balance = try await p.balance(person.id)
            #expect(balance.posted == Points(whole: 30) && balance.available == Points(hundredths: 1750), "pending debits are promised")
            var shelf = try await p.points.item(item.id, actor: p.staff)
            #expect(shelf.stock == 2 && shelf.held == 1)
            let picked = try await p.points.pickUp(code: PickupCode.display(held.code).lowercased(), itemId: item.id, actor: p.staff)
            #expect(picked.state == .pickedUp && picked.resolvedBy == "测试社区工作者")
            #expect(try await p.balance(person.id).posted == Points(hundredths: 1750))
            shelf = try await p.points.item(item.id, actor: p.staff)
            #expect(shelf.stock == 2 && shelf.held == 0 && shelf.redeemed == 1)
            let twice = await refused { _ = try await p.points.pickUp(code: held.code, actor: p.staff) }
            #expect(twice?.message == "这次兑换已领取，不能再处理")
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func cancellingOrTimingOutGivesBackBothThePointsAndTheItem(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me()
            try await p.grant(50, to: person.id)
            let item = try await p.item(price: "10", stock: 5, holdHours: 24)
            let first = try await p.points.redeem(itemId: item.id, actor: me)
            let second = try await p.points.redeem(itemId: item.id, actor: me)
            #expect(try await p.points.cancel(redemptionId: first.id, actor: me).state == .cancelled)
            clock.advance(seconds: 23 * 3600)
            #expect(try await p.points.sweepHolds() == 0, "not yet")
            clock.advance(seconds: 3600)
            let late = await refused { _ = try await p.points.pickUp(code: second.code, actor: p.staff) }
            #expect(late?.fields["code"]?.hasPrefix("领取码已过期") == true)
            #expect(try await p.points.sweepHolds() == 1)
            #expect(try await p.points.myRedemptions(actor: me).map(\.state) == [.expired, .cancelled])
            #expect(try await p.balance(person.id) == AccountBalance(debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 5000))
            let shelf = try await p.points.item(item.id, actor: p.staff)
            #expect(shelf.stock == 5 && shelf.held == 0 && shelf.redeemed == 0)
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func redemptionsBeyondTheLimitThePointsOrTheStockAreRefusedWithNothingWritten(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me(tags: ["独居老人"])
            try await p.grant(25, to: person.id)
            let limited = try await p.item("理发服务", price: "5", stock: 10, limit: 2)
            _ = try await p.points.redeem(itemId: limited.id, actor: me)
            _ = try await p.points.redeem(itemId: limited.id, actor: me)
            #expect(await refused { _ = try await p.points.redeem(itemId: limited.id, actor: me) }?.message == "每人每月限兑 2 件，您已兑满")
            let dear = try await p.item("电饭煲", price: "100", stock: 1)
            #expect(await refused { _ = try await p.points.redeem(itemId: dear.id, actor: me) }?.message == "可用积分 15 分，不足 100 分")
            let gone = try await p.item("雨伞", price: "1", stock: 0)
            #expect(await refused { _ = try await p.points.redeem(itemId: gone.id, actor: me) }?.message == "已兑完，请等补货")
            let forOthers = try await p.item("助残用品", price: "1", stock: 3, tags: ["残疾人"])
            #expect(await refused { _ = try await p.points.redeem(itemId: forOthers.id, actor: me) }?.message == "这件物品只供残疾人居民兑换")
            let forMe = try await p.item("敬老餐券", price: "1", stock: 3, tags: ["独居老人", "高龄老人"])
            #expect(try await p.points.redeem(itemId: forMe.id, actor: me).state == .held)
            #expect(try await p.balance(person.id).available == Points(whole: 14))
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func aCodeThatIsMistypedOrForAnotherItemOrAnotherCommunityIsRefused(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me()
            try await p.grant(10, to: person.id)
            let rice = try await p.item("大米", price: "2")
            let oil = try await p.item("食用油", price: "2")
            let held = try await p.points.redeem(itemId: rice.id, actor: me)
            #expect(await refused { _ = try await p.points.pickUp(code: held.code, itemId: oil.id, actor: p.staff) }?.fields["code"]
                    == "这是「大米」的领取码，不是本物品的")
            #expect(await refused { _ = try await p.points.pickUp(code: "12345", actor: p.staff) }?.fields["code"] == "领取码应为 10 位字母和数字")
            #expect(await refused { _ = try await p.points.pickUp(code: "ZZZZZZZZZZ", actor: p.staff) }?.fields["code"] == "没有这个领取码，请核对")
            let elsewhere = p.f.actor(.gridLeader)
            #expect(await refused { _ = try await p.points.pickUp(code: held.code, actor: elsewhere) }?.kind == .forbidden)
            #expect(try await p.points.myRedemptions(actor: me).first?.state == .held)
        }
    }

    @Test(arguments: TestEngine.all)
    func stockMovesAreReasonedAuditedAndNeverTakeWhatIsHeld(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me()
            try await p.grant(10, to: person.id)
            let item = try await p.item(price: "1", stock: 2)
            _ = try await p.points.redeem(itemId: item.id, actor: me)
            let audits = try await p.auditCount()
            #expect(try await p.points.restock(item.id, delta: 5, reason: "惠民超市再捐 5 袋", actor: p.staff).stock == 6)
            #expect(await refused { _ = try await p.points.restock(item.id, delta: -7, reason: "受潮", actor: p.staff) }?.fields["delta"]
                    == "架上只有 6 件（另有 1 件待领取），不能出库 7 件")
            #expect(await refused { _ = try await p.points.restock(item.id, delta: 0, reason: "无", actor: p.staff) }?.fields["delta"] != nil)
            #expect(try await p.points.restock(item.id, delta: -6, reason: "受潮报损", actor: p.staff).stock == 0)
            #expect(try await p.auditCount() == audits + 2)
            let bad = await refused { _ = try await p.points.createItem(communityId: p.f.c1.id, ShopItemInput(name: "", price: "1.234", stock: -1),
                                                                        actor: p.staff) }
            #expect(Set(bad?.fields.keys.map { $0 } ?? []) == ["name", "price", "stock", "pickupPlace"])
            #expect(await refused { _ = try await p.points.createItem(communityId: p.f.c2.id, ShopItemInput(name: "x", price: "1", pickupPlace: "x"),
                                                                      actor: p.staff) }?.fields["communityId"] != nil)
            #expect(try await p.verify().mismatch == nil)
        }
    }

    @Test(arguments: TestEngine.all)
    func changingAnItemWithoutNamingARegionKeepsWhoMayRedeemIt(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let item = try await p.points.createItem(communityId: p.f.c1.id, ShopItemInput(name: "网格专享", price: "1", stock: 2,
                                                                                          eligibleRegionId: p.f.g1.id, pickupPlace: "网格站"),
                                                     actor: p.staff)
            #expect(item.eligiblePath == p.f.g1.path)
            let changed = try await p.points.changeItem(item.id, ShopItemInput(name: "网格专享（新）", price: "2", pickupPlace: "网格站"), onSale: true,
                                                        actor: p.staff)
            #expect(changed.eligiblePath == p.f.g1.path && changed.name == "网格专享（新）")
        }
    }

    @Test(arguments: TestEngine.all)
    func aHoldIsNeverReversedAndAPickedUpOneOnlyOnceThroughItsPosting(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let p = try await PointsFixture.build(system)
            let (me, person) = try await p.me()
            try await p.grant(10, to: person.id)
            let item = try await p.item(price: "4")
            let held = try await p.points.redeem(itemId: item.id, actor: me)
            #expect(await refused { _ = try await p.points.reverse(transferId: held.transferId, reason: "退", actor: p.staff) }?.code == "not_reversible")
            _ = try await p.points.pickUp(code: held.code, actor: p.staff)
            let refund = try await p.points.reverse(transferId: held.transferId, reason: "物品有破损，退回积分", actor: p.staff)
            #expect(refund.amount == Points(whole: 4))
            #expect(await refused { _ = try await p.points.reverse(transferId: held.transferId, reason: "再退", actor: p.staff) }?.message
                    == "这笔积分已冲正过")
            #expect(try await p.balance(person.id).posted == Points(whole: 10))
            #expect(try await p.verify().mismatch == nil)
        }
    }
}
