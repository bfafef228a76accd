import Foundation
import Hummingbird
import LinliKit
import Residents

/// 积分管理 — people's points found by name (奖励, 代兑换, 对账单), redemptions waiting for
/// pickup, good deeds to review; the pickup page a phone's camera opens from a code.
extension PointsPages {
    struct PersonRow {
        let residentId: Int64, label: String, balance: String, available: String, accountId: Int64, hasAccount: Bool
        let items: [SelectOption], hasItems: Bool, csrf: String
    }
    struct WaitingRow { let code: String, rawCode: String, name: String, item: String, points: String, until: String }
    struct ReviewRow { let id: Int64, name: String, title: String, description: String, day: String, evidence: String, asked: String, csrf: String }

    struct ManageModel {
        let csrf: String, error: String?, name: String, searched: Bool, people: [PersonRow], hasPeople: Bool
        let waiting: [WaitingRow], hasWaiting: Bool, reviews: [ReviewRow], hasReviews: Bool, mayVerify: Bool, month: String
    }

    @Sendable func manage(_ request: Request, context: AppContext) async throws -> Response {
        try await manageWith(request, context)
    }

    func manageWith(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let name = request.uri.queryParameters["name"].map { String($0).trimmingWhitespace }.flatMap { $0.isEmpty ? nil : String($0.prefix(20)) }
        var people: [PersonRow] = []
        if let name, actor.may(.residentView) {
            var query = ResidentQuery()
            query.name = name
            query.limit = 20
            let found = try await residents.search(query, actor: actor).items
            let items = try await points.items(actor: actor).filter { $0.onSale && $0.stock > 0 }
            for person in found {
                let account = try await points.account(ofResident: person.id, actor: actor)
                let community = PointsService.communityPath(of: person.regionPath)
                let options = items.filter { $0.regionPath == community }.map { SelectOption(value: String($0.id), label: "\($0.name)（\($0.price) 积分）") }
                people.append(PersonRow(residentId: person.id, label: "\(person.name)（\(person.address)）",
                                        balance: (account?.balance.posted ?? .zero).description, available: (account?.balance.available ?? .zero).description,
                                        accountId: account?.id ?? 0, hasAccount: account != nil, items: options, hasItems: !options.isEmpty,
                                        csrf: context.csrfToken))
            }
        }
        let waiting = try await points.heldRedemptions(actor: actor, limit: 50).map {
            WaitingRow(code: PickupCode.display($0.code), rawCode: $0.code, name: $0.name, item: $0.itemName, points: $0.points.description,
                       until: Self.time($0.holdUntil))
        }
        let reviews = try await points.goodDeedsToReview(actor: actor, limit: 50).map {
            ReviewRow(id: $0.id, name: $0.name, title: $0.title, description: $0.description, day: $0.happenedOn, evidence: $0.evidence,
                      asked: Self.time($0.askedAt), csrf: context.csrfToken)
        }
        let r = ChinaStandardTime.reading(Date())
        let model = ManageModel(csrf: context.csrfToken, error: error?.message, name: name ?? "", searched: name != nil, people: people,
                                hasPeople: !people.isEmpty, waiting: waiting, hasWaiting: !waiting.isEmpty, reviews: reviews,
                                hasReviews: !reviews.isEmpty, mayVerify: actor.may(.pointsVerify),
                                month: String(format: "%04d-%02d", r.year, r.month))
        return web.page("points.manage", title: "积分管理", model: model, request: request, context: context, status: Self.status(error))
    }

    @Sendable func grant(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        return try await post(request, context, GrantInput.init, { input in
            let t = try await points.grant(residentId: input.residentId, amount: input.amount, reason: input.reason, actor: actor)
            return ("/points/accounts/\(t.creditAccountId)", "已奖励 \(t.amount) 积分")
        }, orShow: { try await manageWith(request, context, error: $0) })
    }

    /// 代兑换 at the counter: staff pick the item for a resident found by name.
    @Sendable func counterRedeem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        return try await post(request, context, { fields -> (Int64, Int64) in
            let resident = fields.integer("residentId", "居民", required: true)
            let item = fields.integer("itemId", "物品", required: true)
            try fields.finish()
            return (try fields.present(resident), try fields.present(item))
        }, { resident, item in
            let r = try await points.redeem(itemId: item, for: resident, actor: actor)
            return ("/points/manage?name=\(r.name.urlQueryEscaped)", "已为\(r.name)兑换「\(r.itemName)」，领取码 \(PickupCode.display(r.code))")
        }, orShow: { try await manageWith(request, context, error: $0) })
    }

    @Sendable func decideGoodDeed(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let id = try context.pathID()
        return try await post(request, context, GoodDeedDecisionInput.init, { input in
            let deed = try await points.decideGoodDeed(id, approve: input.approve, granted: input.granted, note: input.note, actor: actor)
            return ("/points/manage#reviews", deed.state == .approved ? "已通过「\(deed.title)」，发放 \(deed.granted ?? .zero) 积分" : "已退回「\(deed.title)」")
        }, orShow: { try await manageWith(request, context, error: $0) })
    }

    // MARK: 核销

    struct PickupModel {
        let csrf: String, error: String?, code: String, hasRedemption: Bool, name: String, item: String, points: String, place: String
        let until: String, stateLabel: String, isHeld: Bool
    }

    @Sendable func pickupPage(_ request: Request, context: AppContext) async throws -> Response {
        try await pickupWith(request, context, code: request.uri.queryParameters["code"].map(String.init))
    }

    func pickupWith(_ request: Request, _ context: AppContext, code: String?, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        var found: Redemption?
        var problem = error
        if let code, !code.isEmpty, error == nil {
            do { found = try await points.redemption(code: code, actor: actor) } catch let e as DomainError where e.kind == .invalid { problem = e }
        }
        let model = PickupModel(csrf: context.csrfToken, error: problem?.message, code: code ?? "", hasRedemption: found != nil,
                                name: found?.name ?? "", item: found?.itemName ?? "", points: found?.points.description ?? "",
                                place: found?.pickupPlace ?? "", until: found.map { Self.time($0.holdUntil) } ?? "",
                                stateLabel: found?.state.label ?? "", isHeld: found?.state == .held)
        return web.page("points.pickup", title: "核销领取", model: model, request: request, context: context, status: Self.status(error))
    }

    @Sendable func pickUp(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        var request = request
        var fields = try await request.fields(context)
        let typed = fields.peek("code")
        return try await web.formAction({
            let input = try PickupInput(&fields)
            let r = try await points.pickUp(code: input.code, itemId: input.itemId, actor: actor)
            return ("/points/pickup", "已核销：\(r.name) 领取「\(r.itemName)」")
        }, orShow: { try await pickupWith(request, context, code: typed, error: $0) })
    }
}
