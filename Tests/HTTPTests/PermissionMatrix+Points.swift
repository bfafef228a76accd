import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Points
import Regions
import Residents

/// Subjects for the points bank: items, redemptions, accounts and deeds inside the role's area
/// (一社区) or in the foreign district.
extension PermissionMatrixTests.Subjects {
    var points: PointsService { system.points }

    func shopItem(_ inside: Bool, stock: Int = 5) async throws -> ShopItem {
        try await points.createItem(communityId: place(inside).id, ShopItemInput(
            name: "矩阵物品", price: "1", stock: stock, pickupPlace: "社区服务中心"), actor: cli)
    }

    /// Points for a registry person, granted by the operator.
    func funded(_ residentId: Int64, _ whole: Int64 = 10) async throws -> PointTransfer {
        try await points.grant(residentId: residentId, amount: Points(whole: whole), reason: "矩阵奖励", actor: cli)
    }

    /// The role's own redemption (inside), or a stranger's in the foreign district.
    func redemption(_ role: Role, _ inside: Bool) async throws -> Redemption {
        let person = inside ? try await identity(role) : try await stranger(false)
        _ = try await funded(person.id)
        return try await points.redeem(itemId: try await shopItem(inside).id, for: person.id, actor: cli)
    }

    /// The role's own account (inside) or a stranger's abroad, with points in it.
    func pointAccount(_ role: Role, _ inside: Bool) async throws -> Int64 {
        let person = inside ? try await identity(role) : try await stranger(false)
        return try await funded(person.id).creditAccountId
    }

    func goodDeed(_ inside: Bool) async throws -> GoodDeed {
        let r = ChinaStandardTime.reading(system.clock.now())
        return try await points.askGoodDeed(GoodDeedInput(title: "扶老人过马路", description: "在路口扶老人过马路", happenedOn:
            ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day), evidence: "邻居"), for: try await stranger(inside).id, actor: cli)
    }
}

extension PermissionMatrixTests {
    static func deedJSON(_ s: S) -> String {
        let r = ChinaStandardTime.reading(s.system.clock.now())
        let day = ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day)
        return #"{"title":"捡到钥匙交还","description":"在楼下捡到钥匙交给物业","happenedOn":"\#(day)","evidence":"物业"}"#
    }

    static let pointsAPICases: [String: Case] = [
        "GET /api/v1/points": Case(.permission(.pointsUse, success: 200), scoped: false) { s, role, _ in
            _ = try await s.identity(role)
            return Request(uri: "/api/v1/points")
        },
        "GET /api/v1/points/shop": Case(.permission(.pointsUse, success: 200), scoped: false) { s, role, _ in
            _ = try await s.identity(role)
            _ = try await s.shopItem(true)
            return Request(uri: "/api/v1/points/shop")
        },
        "POST /api/v1/points/shop/{id}/redeem": Case(.permission(.pointsUse, success: 201)) { s, role, inside in
            _ = try await s.funded(try await s.identity(role).id)
            return Request(uri: "/api/v1/points/shop/\(try await s.shopItem(inside).id)/redeem", json: "{}")
        },
        "POST /api/v1/points/redemptions/{id}/cancel": Case(.permission(.pointsUse, success: 200)) { s, role, inside in
            _ = try await s.identity(role)
            return Request(uri: "/api/v1/points/redemptions/\(try await s.redemption(role, inside).id)/cancel", json: "{}")
        },
        "GET /api/v1/points/redemptions": Case(.permission(.pointsManage, success: 200), uri: "/api/v1/points/redemptions"),
        "POST /api/v1/points/pickups": Case(.permission(.pointsManage, success: 200, outside: 422)) { s, role, inside in
            Request(uri: "/api/v1/points/pickups", json: #"{"code":"\#(try await s.redemption(role, inside).code)"}"#)
        },
        "POST /api/v1/points/good-deeds": Case(.permission(.pointsUse, success: 201), scoped: false) { s, role, _ in
            _ = try await s.identity(role)
            return Request(uri: "/api/v1/points/good-deeds", json: deedJSON(s))
        },
        "GET /api/v1/points/good-deeds": Case(.permission(.pointsManage, success: 200), uri: "/api/v1/points/good-deeds"),
        "POST /api/v1/points/good-deeds/{id}/decision": Case(.permission(.pointsManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/points/good-deeds/\(try await s.goodDeed(inside).id)/decision", json: #"{"decision":"approve","granted":2}"#)
        },
        "POST /api/v1/points/grants": Case(.permission(.pointsManage, success: 201)) { s, _, inside in
            Request(uri: "/api/v1/points/grants", json: #"{"residentId":\#(try await s.stranger(inside).id),"amount":2.5,"reason":"环境整治"}"#)
        },
        "GET /api/v1/points/accounts": Case(.permission(.pointsView, success: 200), uri: "/api/v1/points/accounts?limit=20"),
        "GET /api/v1/points/accounts/{id}/statement": Case(.permission(.pointsUse, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/points/accounts/\(try await s.pointAccount(role, inside))/statement?limit=10")
        },
        "GET /api/v1/points/accounts/{id}/balance": Case(.permission(.pointsUse, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/points/accounts/\(try await s.pointAccount(role, inside))/balance?date=2030-01-01")
        },
        "POST /api/v1/points/transfers/{id}/reverse": Case(.permission(.pointsManage, success: 201)) { s, _, inside in
            Request(uri: "/api/v1/points/transfers/\(try await s.funded(try await s.stranger(inside).id).id)/reverse", json: #"{"reason":"录错"}"#)
        },
        "GET /api/v1/points/items": Case(.permission(.pointsView, success: 200), uri: "/api/v1/points/items"),
        "POST /api/v1/points/items": Case(.permission(.pointsManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/points/items",
                    json: #"{"communityId":\#(s.place(inside).id),"name":"毛巾","price":3,"stock":4,"pickupPlace":"服务中心"}"#)
        },
        "GET /api/v1/points/items/{id}": Case(.permission(.pointsView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/points/items/\(try await s.shopItem(inside).id)")
        },
        "PUT /api/v1/points/items/{id}": Case(.permission(.pointsManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/points/items/\(try await s.shopItem(inside).id)", json: #"{"name":"毛巾（新）","price":2,"pickupPlace":"服务中心"}"#)
        },
        "POST /api/v1/points/items/{id}/stock": Case(.permission(.pointsManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/points/items/\(try await s.shopItem(inside).id)/stock", json: #"{"delta":3,"reason":"补货"}"#)
        },
        "GET /api/v1/points/rules/{id}": Case(.permission(.pointsView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/points/rules/\(s.place(inside).id)")
        },
        "PUT /api/v1/points/rules/{id}": Case(.permission(.pointsManage, success: 200)) { s, _, inside in
            let perHour = Int.random(in: 2...999)
            return Request(uri: "/api/v1/points/rules/\(s.place(inside).id)", json: #"""
                {"perHour":\#(perHour),"perActivity":1,"perGoodDeed":1,"perRequestHandled":1,"minRating":4,"coefficients":["医护=1.5"],"note":"矩阵"}
                """#)
        },
        "GET /api/v1/points/monthly": Case(.permission(.pointsView, success: 200), uri: "/api/v1/points/monthly?month=2026-05"),
        "GET /api/v1/points/verify": Case(.permission(.pointsVerify, success: 200), uri: "/api/v1/points/verify"),
    ]

    static let pointsPageCases: [String: Case] = [
        "GET /points.js": Case(.open(200), uri: "/points.js"),
        "GET /points": Case(.permission(.pointsUse, success: 200), scoped: false) { s, role, _ in
            _ = try await s.funded(try await s.identity(role).id)
            _ = try await s.redemption(role, true)
            return Request(uri: "/points")
        },
        "POST /points/shop/{id}/redeem": Case(.permission(.pointsUse, success: 303)) { s, role, inside in
            _ = try await s.funded(try await s.identity(role).id)
            return Request(uri: "/points/shop/\(try await s.shopItem(inside).id)/redeem", form: [])
        },
        "POST /points/redemptions/{id}/cancel": Case(.permission(.pointsUse, success: 303)) { s, role, inside in
            _ = try await s.identity(role)
            return Request(uri: "/points/redemptions/\(try await s.redemption(role, inside).id)/cancel", form: [])
        },
        "POST /points/good-deeds": Case(.permission(.pointsUse, success: 303), scoped: false) { s, role, _ in
            _ = try await s.identity(role)
            let r = ChinaStandardTime.reading(s.system.clock.now())
            return Request(uri: "/points/good-deeds", form: [("title", "义务扫雪"), ("description", "清扫楼前积雪"), ("evidence", "楼长"),
                                                             ("happenedOn", ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day))])
        },
        "GET /points/manage": Case(.permission(.pointsManage, success: 200), scoped: false) { s, _, _ in
            _ = try await s.funded(try await s.stranger(true).id)
            return Request(uri: "/points/manage?name=对象")
        },
        "POST /points/grants": Case(.permission(.pointsManage, success: 303)) { s, _, inside in
            Request(uri: "/points/grants", form: [("residentId", String(try await s.stranger(inside).id)), ("amount", "3"), ("reason", "清理楼道")])
        },
        "POST /points/counter-redemptions": Case(.permission(.pointsManage, success: 303)) { s, _, inside in
            let person = try await s.stranger(inside)
            _ = try await s.funded(person.id)
            return Request(uri: "/points/counter-redemptions", form: [("residentId", String(person.id)), ("itemId", String(try await s.shopItem(inside).id))])
        },
        "POST /points/good-deeds/{id}/decision": Case(.permission(.pointsManage, success: 303)) { s, _, inside in
            Request(uri: "/points/good-deeds/\(try await s.goodDeed(inside).id)/decision", form: [("decision", "reject"), ("note", "证据不足")])
        },
        "GET /points/pickup": Case(.permission(.pointsManage, success: 200), uri: "/points/pickup?code=ABCDEFGHJK"),
        "POST /points/pickup": Case(.permission(.pointsManage, success: 303, outside: 422)) { s, role, inside in
            Request(uri: "/points/pickup", form: [("code", try await s.redemption(role, inside).code)])
        },
        "GET /points/items": Case(.permission(.pointsView, success: 200), uri: "/points/items"),
        "POST /points/items": Case(.permission(.pointsManage, success: 303, outside: 422)) { s, _, inside in
            Request(uri: "/points/items", form: [("communityId", String(s.place(inside).id)), ("name", "香皂"), ("price", "2"), ("stock", "3"),
                                                 ("pickupPlace", "服务中心")])
        },
        "GET /points/items/{id}": Case(.permission(.pointsView, success: 200)) { s, _, inside in
            Request(uri: "/points/items/\(try await s.shopItem(inside).id)")
        },
        "POST /points/items/{id}": Case(.permission(.pointsManage, success: 303)) { s, _, inside in
            Request(uri: "/points/items/\(try await s.shopItem(inside).id)", form: [("name", "香皂（大）"), ("price", "3"), ("pickupPlace", "服务中心")])
        },
        "POST /points/items/{id}/stock": Case(.permission(.pointsManage, success: 303)) { s, _, inside in
            Request(uri: "/points/items/\(try await s.shopItem(inside).id)/stock", form: [("delta", "2"), ("reason", "补货")])
        },
        "GET /points/accounts/{id}": Case(.permission(.pointsUse, success: 200)) { s, role, inside in
            Request(uri: "/points/accounts/\(try await s.pointAccount(role, inside))?date=2030-01-01")
        },
        "GET /points/accounts/{id}/statement.xlsx": Case(.permission(.pointsUse, success: 200)) { s, role, inside in
            Request(uri: "/points/accounts/\(try await s.pointAccount(role, inside))/statement.xlsx")
        },
        "POST /points/transfers/{id}/reverse": Case(.permission(.pointsManage, success: 303)) { s, _, inside in
            Request(uri: "/points/transfers/\(try await s.funded(try await s.stranger(inside).id).id)/reverse", form: [("reason", "录错")])
        },
        "GET /points/rules": Case(.permission(.pointsView, success: 200), uri: "/points/rules"),
        "POST /points/rules": Case(.permission(.pointsManage, success: 303), scoped: false) { _, _, _ in
            Request(uri: "/points/rules", form: [("perHour", String(Int.random(in: 2...999))), ("perActivity", "1"), ("perGoodDeed", "1"),
                                                 ("perRequestHandled", "1"), ("minRating", "4"), ("coefficients", "医护=1.5"), ("note", "矩阵")])
        },
        "GET /points/monthly": Case(.permission(.pointsView, success: 200), uri: "/points/monthly?month=2026-05"),
        "GET /points/monthly.xlsx": Case(.permission(.pointsView, success: 200), uri: "/points/monthly.xlsx?month=2026-05"),
        "GET /points/verify": Case(.permission(.pointsVerify, success: 200), uri: "/points/verify?run=1"),
    ]
}
