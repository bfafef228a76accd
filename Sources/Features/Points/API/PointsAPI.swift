import Foundation
import Hummingbird
import LinliKit

/// JSON API under /api/v1/points: one's own points and the shop, staff's grants, reviews,
/// shop and stock, pickups, statements, rules, the monthly report and the ledger check.
struct PointsAPI {
    let points: PointsService

    struct AccountView: Encodable {
        let id: Int64, kind: AccountKind, name: String, regionId: Int64, balance: Points, pending: Points, available: Points
        init(_ a: PointAccount) {
            (id, kind, name, regionId) = (a.id, a.kind, a.name, a.regionId)
            (balance, pending, available) = (a.balance.posted, Points(hundredths: a.balance.debitsPending), a.balance.available)
        }
    }
    struct LineView: Encodable {
        let transfer: PointTransfer, counterparty: String, change: Points, balance: Points, isHold: Bool
        init(_ l: StatementLine) { (transfer, counterparty, change, balance, isHold) = (l.transfer, l.counterparty, l.change, l.balance, l.isHold) }
    }
    struct StatementBody: Encodable {
        let account: AccountView, lines: [LineView], nextBefore: Int64?
        init(_ s: Statement) { (account, lines, nextBefore) = (AccountView(s.account), s.lines.map(LineView.init), s.nextBefore) }
    }
    struct MineBody: Encodable {
        let account: AccountView?, lines: [LineView], redemptions: [Redemption], goodDeeds: [GoodDeed]
    }
    struct OfferView: Encodable {
        let item: ShopItem, refusal: String?
        init(_ o: ShopOffer) { (item, refusal) = (o.item, o.refusal) }
    }
    struct RulesVersionView: Encodable {
        let id: Int64?, regionId: Int64?, rules: EarningRules, note: String, editedBy: String, editedAt: Int64?
        init(_ v: RulesVersion) { (id, regionId, rules, note, editedBy, editedAt) = (v.id, v.regionId, v.rules, v.note, v.editedBy, v.editedAt) }
    }
    struct RulesBody: Encodable { let regionId: Int64, regionName: String, effective: RulesVersionView, history: [RulesVersionView] }
    struct MonthView: Encodable {
        let communityId: Int64, communityName: String, issued: Points, redeemed: Points, expired: Points, outstanding: Points
        init(_ m: CommunityMonth) {
            (communityId, communityName) = (m.community.id, m.community.name)
            (issued, redeemed, expired, outstanding) = (m.issued, m.redeemed, m.expired, m.outstanding)
        }
    }
    struct FindingView: Encodable {
        let entries: Int, accounts: Int, items: Int, mismatch: String?, message: String
        init(_ f: LedgerFinding) { (entries, accounts, items, mismatch, message) = (f.entries, f.accounts, f.items, f.mismatch, f.message) }
    }
    struct BalanceBody: Encodable { let accountId: Int64, at: Int64, balance: Points }

    func addRoutes(to router: Router<AppContext>) {
        let api = router.group("api/v1/points")
        api.get(use: mine)
        api.get("shop", use: shop)
        api.post("shop/:id/redeem", use: redeem)
        api.post("redemptions/:id/cancel", use: cancel)
        api.get("redemptions", use: held)
        api.post("pickups", use: pickUp)
        api.post("good-deeds", use: askGoodDeed)
        api.get("good-deeds", use: goodDeeds)
        api.post("good-deeds/:id/decision", use: decideGoodDeed)
        api.post("grants", use: grant)
        api.get("accounts", use: accounts)
        api.get("accounts/:id/statement", use: statement)
        api.get("accounts/:id/balance", use: balance)
        api.post("transfers/:id/reverse", use: reverse)
        api.get("items", use: items)
        api.post("items", use: createItem)
        api.get("items/:id", use: item)
        api.put("items/:id", use: changeItem)
        api.post("items/:id/stock", use: restock)
        api.get("rules/:id", use: rules)
        api.put("rules/:id", use: editRules)
        api.get("monthly", use: monthly)
        api.get("verify", use: verify)
    }

    // MARK: One's own

    @Sendable func mine(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsUse)
        let account = try await points.myAccount(actor: actor)
        var lines: [StatementLine] = []
        if let account { lines = try await points.statement(accountId: account.id, limit: 50, actor: actor).lines }
        return try Web.json(MineBody(account: account.map(AccountView.init), lines: lines.map(LineView.init),
                                     redemptions: try await points.myRedemptions(actor: actor), goodDeeds: try await points.myGoodDeeds(actor: actor)))
    }

    @Sendable func shop(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(ItemList(try await points.myShop(actor: try context.requireActor(.pointsUse)).map(OfferView.init)))
    }

    @Sendable func redeem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, RedeemInput.init)
        return try Web.json(try await points.redeem(itemId: try context.pathID(), for: input.residentId, actor: actor), status: .created)
    }

    @Sendable func cancel(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(try await points.cancel(redemptionId: try context.pathID(), actor: try context.requireActor()))
    }

    @Sendable func askGoodDeed(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, GoodDeedFields.init)
        return try Web.json(try await points.askGoodDeed(input.input, for: input.residentId, actor: actor), status: .created)
    }

    // MARK: Staff

    @Sendable func held(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(ItemList(try await points.heldRedemptions(actor: try context.requireActor(.pointsManage))))
    }

    @Sendable func pickUp(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let input = try await request.input(context, PickupInput.init)
        return try Web.json(try await points.pickUp(code: input.code, itemId: input.itemId, actor: actor))
    }

    @Sendable func goodDeeds(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(ItemList(try await points.goodDeedsToReview(actor: try context.requireActor(.pointsManage))))
    }

    @Sendable func decideGoodDeed(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let input = try await request.input(context, GoodDeedDecisionInput.init)
        return try Web.json(try await points.decideGoodDeed(try context.pathID(), approve: input.approve, granted: input.granted, note: input.note,
                                                            actor: actor))
    }

    @Sendable func grant(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let input = try await request.input(context, GrantInput.init)
        return try Web.json(try await points.grant(residentId: input.residentId, amount: input.amount, reason: input.reason, actor: actor),
                            status: .created)
    }

    @Sendable func accounts(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsView)
        let page = try request.query(StatementQuery.init)
        return try Web.json(ItemList(try await points.accounts(actor: actor, limit: page.limit, offset: Int(page.before ?? 0)).map(AccountView.init)))
    }

    @Sendable func statement(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let page = try request.query(StatementQuery.init)
        return try Web.json(StatementBody(try await points.statement(accountId: try context.pathID(), before: page.before, limit: page.limit,
                                                                     actor: actor)))
    }

    @Sendable func balance(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let at = try request.query(AsOfQuery.init).moment
        let id = try context.pathID()
        return try Web.json(BalanceBody(accountId: id, at: at.millis, balance: try await points.balance(accountId: id, asOf: at, actor: actor)))
    }

    @Sendable func reverse(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let input = try await request.input(context, ReasonInput.init)
        return try Web.json(try await points.reverse(transferId: try context.pathID(), reason: input.reason, actor: actor), status: .created)
    }

    @Sendable func items(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(ItemList(try await points.items(actor: try context.requireActor(.pointsView))))
    }

    @Sendable func createItem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let input = try await request.input(context, ShopItemFields.init)
        guard let community = input.communityId else { throw DomainError.invalid("communityId", "请选择所属社区") }
        return try Web.json(try await points.createItem(communityId: community, input.input, actor: actor), status: .created)
    }

    @Sendable func item(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(try await points.item(try context.pathID(), actor: try context.requireActor(.pointsView)))
    }

    @Sendable func changeItem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let input = try await request.input(context, ShopItemFields.init)
        return try Web.json(try await points.changeItem(try context.pathID(), input.input, onSale: input.onSale, actor: actor))
    }

    @Sendable func restock(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let input = try await request.input(context, RestockInput.init)
        return try Web.json(try await points.restock(try context.pathID(), delta: input.delta, reason: input.reason, actor: actor))
    }

    @Sendable func rules(_ request: Request, context: AppContext) async throws -> Response {
        let view = try await points.rules(regionId: try context.pathID(), actor: try context.requireActor(.pointsView))
        return try Web.json(RulesBody(regionId: view.region.id, regionName: view.region.name, effective: RulesVersionView(view.effective),
                                      history: view.history.map(RulesVersionView.init)))
    }

    @Sendable func editRules(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let input = try await request.input(context, RulesInput.init)
        return try Web.json(RulesVersionView(try await points.editRules(regionId: try context.pathID(), input.rules, note: input.note, actor: actor)))
    }

    @Sendable func monthly(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsView)
        let month = try request.query(MonthQuery.init)
        return try Web.json(ItemList(try await points.monthly(year: month.year, month: month.month, actor: actor).map(MonthView.init)))
    }

    @Sendable func verify(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(FindingView(try await points.verify(actor: try context.requireActor(.pointsVerify))))
    }
}
