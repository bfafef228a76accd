import Foundation
import Hummingbird
import LinliKit

/// 我的积分 — on the phone: what one has, what is held, what one may take from the shop, the
/// pickup codes, the history, and a good deed to tell.
extension PointsPages {
    struct HeldRow { let id: Int64, item: String, points: String, code: String, qr: String, place: String, until: String, csrf: String }
    struct DoneRow { let item: String, points: String, state: String, when: String }
    struct OfferRow {
        let id: Int64, name: String, description: String, hasDescription: Bool, price: String, stockText: String, donor: String
        let place: String, canRedeem: Bool, refusal: String, csrf: String
    }
    struct DeedRow { let title: String, day: String, state: String, note: String, hasNote: Bool }

    struct MineModel {
        let csrf: String, error: String?, needsIdentity: Bool, name: String
        let balance: String, available: String, pending: String, hasPending: Bool
        let held: [HeldRow], hasHeld: Bool, done: [DoneRow], hasDone: Bool, offers: [OfferRow], hasOffers: Bool
        let lines: [LineRow], hasLines: Bool, deeds: [DeedRow], hasDeeds: Bool, today: String
        let form: GoodDeedInput
    }

    @Sendable func mine(_ request: Request, context: AppContext) async throws -> Response {
        try await minePage(request, context)
    }

    func minePage(_ request: Request, _ context: AppContext, error: DomainError? = nil, form: GoodDeedInput = GoodDeedInput()) async throws -> Response {
        let actor = try context.requireActor(.pointsUse)
        let r = ChinaStandardTime.reading(Date())
        let today = ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day)
        guard let userId = actor.userId, let me = try await residents.identity(ofUser: userId) else {
            let model = MineModel(csrf: context.csrfToken, error: error?.message, needsIdentity: true, name: actor.displayName, balance: "0",
                                  available: "0", pending: "0", hasPending: false, held: [], hasHeld: false, done: [], hasDone: false, offers: [],
                                  hasOffers: false, lines: [], hasLines: false, deeds: [], hasDeeds: false, today: today, form: form)
            return web.page("points.mine", title: "我的积分", model: model, request: request, context: context, status: Self.status(error))
        }
        let account = try await points.myAccount(actor: actor)
        var statement: Statement?
        if let account { statement = try await points.statement(accountId: account.id, limit: 30, actor: actor) }
        let redemptions = try await points.myRedemptions(actor: actor)
        let offers = try await points.myShop(actor: actor)
        let deeds = try await points.myGoodDeeds(actor: actor)
        let csrf = context.csrfToken
        let held = redemptions.filter { $0.state == .held }.map { h in
            HeldRow(id: h.id, item: h.itemName, points: h.points.description, code: PickupCode.display(h.code),
                    qr: (try? QRCode(pickupURL(h.code, request: request)).svg(pixels: 200, label: "领取码")) ?? "", place: h.pickupPlace,
                    until: Self.time(h.holdUntil), csrf: csrf)
        }
        let done = redemptions.filter { $0.state != .held }.prefix(10).map {
            DoneRow(item: $0.itemName, points: $0.points.description, state: $0.state.label, when: Self.time($0.resolvedAt ?? $0.createdAt))
        }
        let offerRows = offers.map { o in
            OfferRow(id: o.item.id, name: o.item.name, description: o.item.description, hasDescription: !o.item.description.isEmpty,
                     price: o.item.price.description,
                     stockText: o.item.stock > 0 ? "还有 \(o.item.stock) 件" : "已兑完", donor: o.item.donor.isEmpty ? o.item.source.label : o.item.donor,
                     place: o.item.pickupPlace, canRedeem: o.refusal == nil, refusal: o.refusal ?? "", csrf: csrf)
        }
        let balance = account?.balance ?? AccountBalance()
        let model = MineModel(
            csrf: csrf, error: error?.message, needsIdentity: false, name: me.name, balance: balance.posted.description,
            available: balance.available.description, pending: Points(hundredths: balance.debitsPending).description,
            hasPending: balance.debitsPending > 0, held: held, hasHeld: !held.isEmpty, done: Array(done), hasDone: !done.isEmpty,
            offers: offerRows, hasOffers: !offerRows.isEmpty, lines: rows(statement?.lines ?? [], csrf: csrf, reversible: false),
            hasLines: !(statement?.lines.isEmpty ?? true),
            deeds: deeds.map { DeedRow(title: $0.title, day: $0.happenedOn, state: $0.state.label, note: $0.note ?? "", hasNote: $0.note != nil) },
            hasDeeds: !deeds.isEmpty, today: today, form: form)
        return web.page("points.mine", title: "我的积分", model: model, request: request, context: context, status: Self.status(error))
    }

    @Sendable func redeem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, RedeemInput.init, { input in
            let r = try await points.redeem(itemId: id, for: input.residentId, actor: actor)
            if input.residentId != nil { return ("/points/manage?name=\(r.name.urlQueryEscaped)", "已为\(r.name)兑换「\(r.itemName)」，领取码 \(PickupCode.display(r.code))") }
            return ("/points#held", "已兑换「\(r.itemName)」：请在 \(Self.time(r.holdUntil)) 前到\(r.pickupPlace)出示领取码")
        }, orShow: { error in
            actor.may(.pointsManage) ? try await manageWith(request, context, error: error) : try await minePage(request, context, error: error)
        })
    }

    @Sendable func cancel(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, { _ in () }, { _ in
            let r = try await points.cancel(redemptionId: id, actor: actor)
            return ("/points#held", "已取消「\(r.itemName)」的兑换，\(r.points) 积分已退回")
        }, orShow: { try await minePage(request, context, error: $0) })
    }

    @Sendable func askGoodDeed(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var request = request
        var fields = try await request.fields(context)
        let typed = GoodDeedInput(title: fields.peek("title"), description: fields.peek("description"), happenedOn: fields.peek("happenedOn"),
                                  evidence: fields.peek("evidence"))
        return try await web.formAction({
            let input = try GoodDeedFields(&fields)
            let deed = try await points.askGoodDeed(input.input, for: input.residentId, actor: actor)
            return (input.residentId == nil ? "/points#deeds" : "/points/manage", "已提交「\(deed.title)」，社区审核后会通知\(input.residentId == nil ? "您" : deed.name)")
        }, orShow: { try await minePage(request, context, error: $0, form: typed) })
    }
}

extension Fields {
    /// What was typed in a field, to show it again after a mistake.
    func peek(_ name: String) -> String? {
        if case .text(let text)? = values[name] { return text }
        return nil
    }
}
