import Foundation
import Hummingbird
import LinliKit

/// 兑换物品 — the shop's items in the staff's area, a new item, one item's stock movements,
/// its changes and 入库 / 出库.
extension PointsPages {
    struct ItemRow {
        let id: Int64, name: String, price: String, stock: Int, held: Int, redeemed: Int, onSale: Bool, donor: String, limit: String
    }
    struct ItemsModel {
        let csrf: String, error: String?, rows: [ItemRow], hasRows: Bool, communities: [SelectOption], hasCommunities: Bool
        let kinds: [SelectOption], sources: [SelectOption], periods: [SelectOption], holdHours: Int
    }

    static func kindOptions(_ selected: ShopItem.Kind? = nil) -> [SelectOption] {
        ShopItem.Kind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == selected) }
    }
    static func sourceOptions(_ selected: ShopItem.Source? = nil) -> [SelectOption] {
        ShopItem.Source.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == selected) }
    }
    static func periodOptions(_ selected: ShopItem.LimitPeriod? = nil) -> [SelectOption] {
        ShopItem.LimitPeriod.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == selected) }
    }

    static func limitText(_ item: ShopItem) -> String {
        item.perPersonLimit.map { "每人\(item.limitPeriod.label)限 \($0) 件" } ?? "不限"
    }

    @Sendable func itemsPage(_ request: Request, context: AppContext) async throws -> Response {
        try await itemsWith(request, context)
    }

    func itemsWith(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.pointsView)
        let items = try await points.items(actor: actor)
        let communities = actor.may(.pointsManage) ? try await points.communities(actor: actor) : []
        let model = ItemsModel(
            csrf: context.csrfToken, error: error?.message,
            rows: items.map { ItemRow(id: $0.id, name: $0.name, price: $0.price.description, stock: $0.stock, held: $0.held, redeemed: $0.redeemed,
                                      onSale: $0.onSale, donor: $0.donor.isEmpty ? $0.source.label : $0.donor,
                                      limit: Self.limitText($0)) },
            hasRows: !items.isEmpty, communities: communities.map { SelectOption(value: String($0.id), label: $0.name) },
            hasCommunities: !communities.isEmpty, kinds: Self.kindOptions(), sources: Self.sourceOptions(), periods: Self.periodOptions(),
            holdHours: points.settings.holdHours)
        return web.page("points.items", title: "爱心兑换物品", model: model, request: request, context: context, status: Self.status(error))
    }

    @Sendable func createItem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        return try await post(request, context, ShopItemFields.init, { input in
            guard let community = input.communityId else { throw DomainError.invalid("communityId", "请选择所属社区") }
            let item = try await points.createItem(communityId: community, input.input, actor: actor)
            return ("/points/items/\(item.id)", "已上架「\(item.name)」")
        }, orShow: { try await itemsWith(request, context, error: $0) })
    }

    struct MoveRow { let delta: String, reason: String, actor: String, when: String }
    struct ItemModel {
        let csrf: String, error: String?, id: Int64, name: String, description: String, price: String, stock: Int, held: Int, redeemed: Int
        let donor: String, place: String, holdHours: Int, limit: String, tags: String, onSale: Bool, mayManage: Bool
        let kinds: [SelectOption], sources: [SelectOption], periods: [SelectOption], moves: [MoveRow], hasMoves: Bool
    }

    @Sendable func itemPage(_ request: Request, context: AppContext) async throws -> Response {
        try await itemWith(request, context)
    }

    func itemWith(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.pointsView)
        let item = try await points.item(try context.pathID(), actor: actor)
        let moves = try await points.stockMoves(item.id, actor: actor)
        let model = ItemModel(
            csrf: context.csrfToken, error: error?.message, id: item.id, name: item.name, description: item.description, price: item.price.description,
            stock: item.stock, held: item.held, redeemed: item.redeemed, donor: item.donor, place: item.pickupPlace, holdHours: item.holdHours,
            limit: item.perPersonLimit.map(String.init) ?? "", tags: item.eligibleTags.joined(separator: "、"), onSale: item.onSale,
            mayManage: actor.may(.pointsManage), kinds: Self.kindOptions(item.kind), sources: Self.sourceOptions(item.source),
            periods: Self.periodOptions(item.limitPeriod),
            moves: moves.map { MoveRow(delta: $0.delta > 0 ? "+\($0.delta)" : String($0.delta), reason: $0.reason, actor: $0.actor, when: Self.time($0.at)) },
            hasMoves: !moves.isEmpty)
        return web.page("points.item", title: item.name, model: model, request: request, context: context, status: Self.status(error))
    }

    @Sendable func changeItem(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let id = try context.pathID()
        return try await post(request, context, ShopItemFields.init, { input in
            let item = try await points.changeItem(id, input.input, onSale: input.onSale, actor: actor)
            return ("/points/items/\(id)", item.onSale ? "已保存「\(item.name)」" : "「\(item.name)」已下架")
        }, orShow: { try await itemWith(request, context, error: $0) })
    }

    @Sendable func restock(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let id = try context.pathID()
        return try await post(request, context, RestockInput.init, { input in
            let item = try await points.restock(id, delta: input.delta, reason: input.reason, actor: actor)
            return ("/points/items/\(id)", "\(input.delta > 0 ? "入库" : "出库") \(abs(input.delta)) 件，架上现有 \(item.stock) 件")
        }, orShow: { try await itemWith(request, context, error: $0) })
    }
}
