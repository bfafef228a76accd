import LinliKit

/// 积分银行 in the OpenAPI document.
extension PointsAPI: APIDocumenting {
    static var api: APIDescription {
        func op(_ method: String, _ path: String, _ summary: String, _ tag: String, query: RecordedFields? = nil,
                body read: ((inout Fields) throws -> Void)? = nil, answer: String, status: String = "200") -> APIOperation {
            APIOperation(method, path, summary, tag: tag, query: query, body: read.map { read in body(recorded: Fields.rules { try? read(&$0) }) },
                         answer: .json(answer), status: status)
        }
        let mine = "我的积分", shop = "爱心兑换", staff = "积分管理", reports = "积分对账与统计"
        return APIDescription(operations: [
            op("get", "/api/v1/points", "我的积分：余额、待确认、流水、兑换记录和好人好事申报", mine, answer: "MyPoints"),
            op("get", "/api/v1/points/shop", "本社区可兑换的物品，及本人不能兑换的原因", shop, answer: "ShopOfferList"),
            op("post", "/api/v1/points/shop/{id}/redeem", "兑换（积分和一件物品保留到领取或超时）；工作人员可填 residentId 代居民兑换", shop,
               body: { _ = try RedeemInput(&$0) }, answer: "Redemption", status: "201"),
            op("post", "/api/v1/points/redemptions/{id}/cancel", "取消兑换（积分和物品退回）", shop, answer: "Redemption"),
            op("get", "/api/v1/points/redemptions", "待领取的兑换（工作人员）", shop, answer: "RedemptionList"),
            op("post", "/api/v1/points/pickups", "核销领取码（扫码或输入）", shop, body: { _ = try PickupInput(&$0) }, answer: "Redemption"),
            op("post", "/api/v1/points/good-deeds", "申报好人好事（工作人员可填 residentId 代为申报）", mine, body: { _ = try GoodDeedFields(&$0) },
               answer: "GoodDeed", status: "201"),
            op("get", "/api/v1/points/good-deeds", "待审核的好人好事", staff, answer: "GoodDeedList"),
            op("post", "/api/v1/points/good-deeds/{id}/decision", "审核好人好事（通过即发放积分）", staff, body: { _ = try GoodDeedDecisionInput(&$0) },
               answer: "GoodDeed"),
            op("post", "/api/v1/points/grants", "奖励积分", staff, body: { _ = try GrantInput(&$0) }, answer: "PointTransfer", status: "201"),
            op("get", "/api/v1/points/accounts", "辖区居民的积分账户（余额从高到低；before 为跳过条数）", reports,
               query: Fields.rules { _ = try? StatementQuery(&$0) }, answer: "PointAccountList"),
            op("get", "/api/v1/points/accounts/{id}/statement", "对账单：日期、对方账户、事由、余额", reports, query: Fields.rules { _ = try? StatementQuery(&$0) },
               answer: "PointStatement"),
            op("get", "/api/v1/points/accounts/{id}/balance", "某日日终的余额", reports, query: Fields.rules { _ = try? AsOfQuery(&$0) },
               answer: "PointBalance"),
            op("post", "/api/v1/points/transfers/{id}/reverse", "冲正一笔已入账的积分", staff, body: { _ = try ReasonInput(&$0) },
               answer: "PointTransfer", status: "201"),
            op("get", "/api/v1/points/items", "辖区的兑换物品", shop, answer: "ShopItemList"),
            op("post", "/api/v1/points/items", "上架兑换物品", shop, body: { _ = try ShopItemFields(&$0) }, answer: "ShopItem", status: "201"),
            op("get", "/api/v1/points/items/{id}", "一件兑换物品", shop, answer: "ShopItem"),
            op("put", "/api/v1/points/items/{id}", "修改兑换物品（库存用入库、出库）", shop, body: { _ = try ShopItemFields(&$0) }, answer: "ShopItem"),
            op("post", "/api/v1/points/items/{id}/stock", "入库（正数）或出库（负数）", shop, body: { _ = try RestockInput(&$0) }, answer: "ShopItem"),
            op("get", "/api/v1/points/rules/{id}", "某区域的积分规则：现行规则和历次修改", staff, answer: "PointRules"),
            op("put", "/api/v1/points/rules/{id}", "修改积分规则（生成新版本，不改已发放的积分）", staff, body: { _ = try RulesInput(&$0) },
               answer: "PointRulesVersion"),
            op("get", "/api/v1/points/monthly", "积分兑换月报：各社区发放、兑换、过期和结余", reports, query: Fields.rules { _ = try? MonthQuery(&$0) },
               answer: "CommunityMonthList"),
            op("get", "/api/v1/points/verify", "核对积分总账", reports, answer: "LedgerFinding"),
        ], schemas: schemas)
    }

    static var schemas: [String: Any] {
        let points = ["type": "number"] as [String: Any]
        let account = object(["id": integer, "kind": choice(AccountKind.self), "name": string, "regionId": integer, "balance": points,
                              "pending": points, "available": points],
                             required: ["id", "kind", "name", "regionId", "balance", "pending", "available"])
        let transfer = object([
            "id": integer, "kind": choice(EntryKind.self), "purpose": choice(Purpose.self), "debitAccountId": integer, "creditAccountId": integer,
            "amount": points, "debitAfter": points, "creditAfter": points, "pendingId": integer, "reversesId": integer, "idempotencyKey": string,
            "rulesId": integer, "memo": string, "source": string, "timeoutAt": integer, "actorName": string, "createdAt": integer,
        ], required: ["id", "kind", "purpose", "debitAccountId", "creditAccountId", "amount", "debitAfter", "creditAfter", "memo", "actorName",
                      "createdAt"])
        let line = object(["transfer": ref("PointTransfer"), "counterparty": string, "change": points, "balance": points, "isHold": boolean],
                          required: ["transfer", "counterparty", "change", "balance", "isHold"])
        let item = object([
            "id": integer, "communityId": integer, "regionPath": string, "name": string, "description": string, "kind": choice(ShopItem.Kind.self),
            "source": choice(ShopItem.Source.self), "donor": string, "price": points, "stock": integer, "held": integer, "redeemed": integer,
            "perPersonLimit": integer, "limitPeriod": choice(ShopItem.LimitPeriod.self), "eligiblePath": string, "eligibleTags": array(string),
            "pickupPlace": string, "holdHours": integer, "onSale": boolean, "updatedAt": integer,
        ], required: ["id", "communityId", "regionPath", "name", "description", "kind", "source", "donor", "price", "stock", "held", "redeemed",
                      "limitPeriod", "eligiblePath", "eligibleTags", "pickupPlace", "holdHours", "onSale", "updatedAt"])
        let redemption = object([
            "id": integer, "itemId": integer, "itemName": string, "residentId": integer, "accountId": integer, "name": string, "points": points,
            "state": choice(RedemptionState.self), "code": string, "pickupPlace": string, "holdUntil": integer, "transferId": integer,
            "createdAt": integer, "resolvedAt": integer, "resolvedBy": string,
        ], required: ["id", "itemId", "itemName", "residentId", "accountId", "name", "points", "state", "code", "pickupPlace", "holdUntil",
                      "transferId", "createdAt"])
        let deed = object([
            "id": integer, "residentId": integer, "name": string, "regionPath": string, "title": string, "description": string,
            "happenedOn": string, "evidence": string, "state": choice(GoodDeed.State.self), "askedAt": integer, "decidedBy": string,
            "decidedAt": integer, "note": string, "granted": points,
        ], required: ["id", "residentId", "name", "regionPath", "title", "description", "happenedOn", "evidence", "state", "askedAt"])
        let rules = object([
            "version": integer, "perHour": points, "coefficients": ["type": "object", "additionalProperties": integer] as [String: Any],
            "perActivity": points, "perGoodDeed": points, "perRequestHandled": points, "minRating": integer, "dailyCap": points,
            "monthlyCap": points,
        ], required: ["version", "perHour", "coefficients", "perActivity", "perGoodDeed", "perRequestHandled", "minRating"])
        let version = object(["id": integer, "regionId": integer, "rules": ref("EarningRules"), "note": string, "editedBy": string,
                              "editedAt": integer], required: ["rules", "note", "editedBy"])
        return [
            "PointAccount": account, "PointAccountList": list("PointAccount"), "PointTransfer": transfer, "PointStatementLine": line,
            "PointStatement": object(["account": ref("PointAccount"), "lines": array(ref("PointStatementLine")), "nextBefore": integer],
                                     required: ["account", "lines"]),
            "MyPoints": object(["account": ref("PointAccount"), "lines": array(ref("PointStatementLine")), "redemptions": array(ref("Redemption")),
                                "goodDeeds": array(ref("GoodDeed"))], required: ["lines", "redemptions", "goodDeeds"]),
            "ShopItem": item, "ShopItemList": list("ShopItem"),
            "ShopOffer": object(["item": ref("ShopItem"), "refusal": string], required: ["item"]), "ShopOfferList": list("ShopOffer"),
            "Redemption": redemption, "RedemptionList": list("Redemption"), "GoodDeed": deed, "GoodDeedList": list("GoodDeed"),
            "EarningRules": rules, "PointRulesVersion": version,
            "PointRules": object(["regionId": integer, "regionName": string, "effective": ref("PointRulesVersion"),
                                  "history": array(ref("PointRulesVersion"))], required: ["regionId", "regionName", "effective", "history"]),
            "CommunityMonth": object(["communityId": integer, "communityName": string, "issued": points, "redeemed": points, "expired": points,
                                      "outstanding": points],
                                     required: ["communityId", "communityName", "issued", "redeemed", "expired", "outstanding"]),
            "CommunityMonthList": list("CommunityMonth"),
            "PointBalance": object(["accountId": integer, "at": integer, "balance": points], required: ["accountId", "at", "balance"]),
            "LedgerFinding": object(["entries": integer, "accounts": integer, "items": integer, "mismatch": string, "message": string],
                                    required: ["entries", "accounts", "items", "message"]),
        ]
    }
}
