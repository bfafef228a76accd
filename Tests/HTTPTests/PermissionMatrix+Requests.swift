import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Notifications
import Requests

extension PermissionMatrixTests.Subjects {
    /// A hotline request at the fixture's household (inside) or the foreign one (outside).
    func request(_ inside: Bool, photo: Bool = false) async throws -> ServiceRequest {
        let item = try await system.catalog.item(code: "WX01")
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x20, count: 32))
        return try await system.requests.submit(RequestDraft(itemId: item.id, description: "楼道灯不亮", regionId: household(inside).id,
                                                             channel: .hotline, photos: photo ? [jpeg] : []), actor: cli).request
    }

    /// A 待定位 request: a hotline call naming only the role's street or district (nil for roles
    /// bound at a community or below, who never see such a request), or a foreign one outside.
    func awaitingRequest(_ role: Role, _ inside: Bool) async throws -> ServiceRequest? {
        let address: String
        if !inside { address = "外区外街道" } else {
            switch root(role).level {
            case .district: address = "测试区"
            case .street: address = "测试区一街道"
            default: return nil
            }
        }
        let item = try await system.catalog.item(code: "WX01")
        let request = try await system.requests.submit(RequestDraft(itemId: item.id, description: "路灯不亮", address: address,
                                                                    channel: .hotline), actor: cli).request
        precondition(request.awaitingPlace, "the fixture's request should wait for a place")
        return request
    }

    func photoId(of request: ServiceRequest) async throws -> Int64 {
        try await system.requests.detail(request.id, actor: cli).events.flatMap(\.photoIds).first!
    }
}

extension PermissionMatrixTests {
    static let requestCases: [String: Case] = [
        "GET /api/v1/catalog": Case(.signedIn(200), uri: "/api/v1/catalog"),
        "GET /api/v1/requests": Case(.permission(.requestHandle, success: 200), uri: "/api/v1/requests?queue=all"),
        "POST /api/v1/requests": Case(.permission(.requestIntake, success: 201, outside: 422)) { s, _, inside in
            let item = try await s.system.catalog.item(code: "WX01")
            return Request(uri: "/api/v1/requests", json: #"{"itemId":\#(item.id),"description":"楼道灯不亮","regionId":\#(s.household(inside).id),"channel":"hotline"}"#)
        },
        "GET /api/v1/requests/{id}": Case(.permission(.requestView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/requests/\(try await s.request(inside).id)")
        },
        // Dispatchers register; a grid worker (who sees requests but dispatches none) signs for one dispatched to them.
        "POST /api/v1/requests/{id}/actions": Case(.permission(.requestView, success: 200)) { s, role, inside in
            let request = try await s.request(inside)
            guard role == .gridWorker, inside else {
                return Request(uri: "/api/v1/requests/\(request.id)/actions", json: #"{"action":"register"}"#)
            }
            _ = try await s.system.requests.act(request.id, .register(note: nil), actor: s.cli)
            _ = try await s.system.requests.act(request.id, .dispatch(handler: s.f.accounts[.gridWorker]!.id, coHandlers: [], note: nil), actor: s.cli)
            return Request(uri: "/api/v1/requests/\(request.id)/actions", json: #"{"action":"claim"}"#)
        },
        "POST /api/v1/requests/{id}/place": Case(.permission(.requestDispatch, success: 200)) { s, role, inside in
            try await s.awaitingRequest(role, inside).map {
                Request(uri: "/api/v1/requests/\($0.id)/place", json: #"{"regionId":\#((inside ? s.f.c1 : s.f.foreignCommunity).id)}"#)
            }
        },
        "GET /api/v1/requests/{id}/candidates": Case(.permission(.requestDispatch, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/requests/\(try await s.request(inside).id)/candidates")
        },
        // Always 200: each request's outcome is in the answer.
        "POST /api/v1/requests/dispatch": Case(.permission(.requestDispatch, success: 200), scoped: false) { s, _, inside in
            let request = try await s.request(inside)
            return Request(uri: "/api/v1/requests/dispatch", json: #"{"ids":[\#(request.id)],"handlerId":\#(s.f.accounts[.gridWorker]!.id)}"#)
        },
        "GET /api/v1/requests/{id}/photos/{photo}": Case(.permission(.requestView, success: 200)) { s, _, inside in
            let request = try await s.request(inside, photo: true)
            return Request(uri: "/api/v1/requests/\(request.id)/photos/\(try await s.photoId(of: request))")
        },
        "GET /api/v1/track/{code}": Case(.open(200)) { s, _, _ in Request(uri: "/api/v1/track/\(try await s.request(true).trackingCode)") },
        "POST /api/v1/track/{code}/actions": Case(.open(200)) { s, _, _ in
            Request(uri: "/api/v1/track/\(try await s.request(true).trackingCode)/actions", json: #"{"action":"add_information","note":"补充"}"#)
        },
        "POST /api/v1/catalog/categories": Case(.permission(.catalogManage, success: 201), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/catalog/categories", json: #"{"code":"\#(unique())","name":"新类别"}"#)
        },
        "PUT /api/v1/catalog/categories/{id}": Case(.permission(.catalogManage, success: 200), scoped: false) { s, _, _ in
            let category = try await s.system.catalog.catalog(actor: s.cli).categories[0]
            return Request(uri: "/api/v1/catalog/categories/\(category.id)", json: #"{"code":"\#(category.code)","name":"\#(category.name)"}"#)
        },
        "POST /api/v1/catalog/items": Case(.permission(.catalogManage, success: 201), scoped: false) { s, _, _ in
            let category = try await s.system.catalog.catalog(actor: s.cli).categories[0]
            return Request(uri: "/api/v1/catalog/items", json: #"{"categoryId":\#(category.id),"code":"\#(unique())","name":"新事项","handlerType":"community_staff","respondHours":2,"handleHours":16,"verifyHours":8}"#)
        },
        "PUT /api/v1/catalog/items/{id}": Case(.permission(.catalogManage, success: 200), scoped: false) { s, _, _ in
            let item = try await s.system.catalog.item(code: "ZX10")
            return Request(uri: "/api/v1/catalog/items/\(item.id)", json: #"{"categoryId":\#(item.categoryId),"code":"ZX10","name":"其他政策咨询","handlerType":"community_staff","respondHours":2,"handleHours":40,"verifyHours":8}"#)
        },
        "GET /api/v1/calendar": Case(.permission(.catalogManage, success: 200), uri: "/api/v1/calendar?year=2026"),
        "PUT /api/v1/calendar/days/{day}": Case(.permission(.catalogManage, success: 204), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/calendar/days/2027-01-01", json: #"{"kind":"holiday","name":"元旦"}"#)
        },
        "DELETE /api/v1/calendar/days/{day}": Case(.permission(.catalogManage, success: 204), scoped: false) { s, _, _ in
            try await s.system.calendar.put(CalendarDay(day: LocalDay("2027-05-01")!, kind: .holiday, name: "劳动节"), actor: s.cli)
            return Request(uri: "/api/v1/calendar/days/2027-05-01")
        },
        "PUT /api/v1/calendar/settings": Case(.permission(.catalogManage, success: 204), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/calendar/settings", json: #"{"start":"08:30","end":"17:30","weekdays":[1,2,3,4,5],"warnHours":2}"#)
        },
    ]
}

extension PermissionMatrixTests.Subjects {
    /// A self-service request by the role's own account (nil for roles bound above a community,
    /// who have no home to ask about), or a foreign one for "outside".
    func ownRequest(_ role: Role, _ inside: Bool, photo: Bool = false) async throws -> ServiceRequest? {
        guard inside else { return try await request(false, photo: photo) }
        guard ![.streetAdmin, .districtAdmin, .department, .socialOrganization].contains(role) else { return nil }
        let item = try await system.catalog.item(code: "WX01")
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x20, count: 32))
        return try await system.requests.submit(RequestDraft(itemId: item.id, description: "楼道灯不亮", photos: photo ? [jpeg] : []),
                                                actor: f.actor(role)).request
    }

    static func multipart(_ fields: [(String, String)]) -> (String, String) {
        let boundary = "linli-test-boundary"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        return ("multipart/form-data; boundary=\(boundary)", body + "--\(boundary)--\r\n")
    }
}

extension PermissionMatrixTests {
    static let requestPageCases: [String: Case] = [
        // Staff console
        "GET /requests": Case(.permission(.requestHandle, success: 200), uri: "/requests?queue=all"),
        "GET /requests/new": Case(.permission(.requestIntake, success: 200), uri: "/requests/new"),
        "POST /requests/new": Case(.permission(.requestIntake, success: 303, outside: 422)) { s, _, inside in
            let item = try await s.system.catalog.item(code: "WX01")
            return Request(uri: "/requests/new", raw: Subjects.multipart([("itemId", String(item.id)), ("description", "楼道灯不亮"),
                                                                          ("regionId", String(s.household(inside).id)), ("channel", "hotline")]))
        },
        "POST /requests/dispatch": Case(.permission(.requestDispatch, success: 303), scoped: false) { s, _, inside in
            Request(uri: "/requests/dispatch", form: [("ids", String(try await s.request(inside).id)), ("handlerId", String(s.f.accounts[.gridWorker]!.id))])
        },
        "GET /requests/{id}": Case(.permission(.requestView, success: 200)) { s, _, inside in
            Request(uri: "/requests/\(try await s.request(inside).id)")
        },
        "POST /requests/{id}/place": Case(.permission(.requestDispatch, success: 303)) { s, role, inside in
            try await s.awaitingRequest(role, inside).map {
                Request(uri: "/requests/\($0.id)/place", form: [("regionId", String((inside ? s.f.c1 : s.f.foreignCommunity).id))])
            }
        },
        "POST /requests/{id}/actions": Case(.permission(.requestView, success: 303)) { s, role, inside in
            let request = try await s.request(inside)
            guard role == .gridWorker, inside else { return Request(uri: "/requests/\(request.id)/actions", form: [("action", "register")]) }
            _ = try await s.system.requests.act(request.id, .register(note: nil), actor: s.cli)
            _ = try await s.system.requests.act(request.id, .dispatch(handler: s.f.accounts[.gridWorker]!.id, coHandlers: [], note: nil), actor: s.cli)
            return Request(uri: "/requests/\(request.id)/actions", form: [("action", "claim")])
        },
        "GET /requests/{id}/photos/{photo}": Case(.permission(.requestView, success: 200)) { s, _, inside in
            let request = try await s.request(inside, photo: true)
            return Request(uri: "/requests/\(request.id)/photos/\(try await s.photoId(of: request))")
        },
        // Residents
        "GET /ask": Case(.permission(.requestSubmit, success: 200), uri: "/ask"),
        "GET /ask/{id}": Case(.permission(.requestSubmit, success: 200), scoped: false) { s, _, _ in
            Request(uri: "/ask/\(try await s.system.catalog.item(code: "WX01").id)")
        },
        "POST /ask/{id}": Case(.permission(.requestSubmit, success: 303), scoped: false) { s, role, _ in
            guard ![.streetAdmin, .districtAdmin].contains(role) else { return nil }
            let item = try await s.system.catalog.item(code: "WX01")
            return Request(uri: "/ask/\(item.id)", raw: Subjects.multipart([("description", "楼道灯不亮")]))
        },
        "GET /my/requests": Case(.permission(.requestSubmit, success: 200), uri: "/my/requests"),
        "GET /my/requests/{id}": Case(.permission(.requestSubmit, success: 200)) { s, role, inside in
            try await s.ownRequest(role, inside).map { Request(uri: "/my/requests/\($0.id)") }
        },
        "POST /my/requests/{id}/actions": Case(.permission(.requestSubmit, success: 303)) { s, role, inside in
            try await s.ownRequest(role, inside).map { Request(uri: "/my/requests/\($0.id)/actions", form: [("action", "add_information"), ("note", "补充")]) }
        },
        "POST /my/requests/{id}/follow": Case(.permission(.requestSubmit, success: 303)) { s, _, inside in
            Request(uri: "/my/requests/\(try await s.request(inside).id)/follow")
        },
        "GET /my/requests/{id}/photos/{photo}": Case(.permission(.requestSubmit, success: 200)) { s, role, inside in
            guard let request = try await s.ownRequest(role, inside, photo: true) else { return nil }
            return Request(uri: "/my/requests/\(request.id)/photos/\(try await s.photoId(of: request))")
        },
        "GET /track": Case(.open(200), uri: "/track"),
        "GET /track/{code}": Case(.open(200)) { s, _, _ in Request(uri: "/track/\(try await s.request(true).trackingCode)") },
        "POST /track/{code}/actions": Case(.open(303)) { s, _, _ in
            Request(uri: "/track/\(try await s.request(true).trackingCode)/actions", form: [("action", "add_information"), ("note", "补充")])
        },
        "GET /track/{code}/photos/{photo}": Case(.open(200)) { s, _, _ in
            let request = try await s.request(true, photo: true)
            return Request(uri: "/track/\(request.trackingCode)/photos/\(try await s.photoId(of: request))")
        },
        // Metrics: the region given must be in scope (its code outside answers 404).
        "GET /stats": Case(.permission(.requestMetrics, success: 200, outside: 422)) { s, role, inside in
            Request(uri: "/stats?regionCode=\(inside ? s.root(role).code : s.f.foreignDistrict.code)")
        },
        "GET /stats/formulas": Case(.permission(.requestMetrics, success: 200), uri: "/stats/formulas"),
        "GET /stats/export.xlsx": Case(.permission(.requestMetrics, success: 200)) { s, role, inside in
            Request(uri: "/stats/export.xlsx?regionId=\(inside ? s.root(role).id : s.f.foreignDistrict.id)")
        },
        "GET /api/v1/metrics": Case(.permission(.requestMetrics, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/metrics?regionId=\(inside ? s.root(role).id : s.f.foreignDistrict.id)&from=2026-01-01&to=2026-12-31")
        },
        // Open311 (authenticates by api_key in the request, never by session or bearer header)
        "GET /open311/v2/{file}": Case(.open(200), uri: "/open311/v2/services.json"),
        "GET /open311/v2/services/{file}": Case(.open(200), uri: "/open311/v2/services/WX01.json"),
        "GET /open311/v2/requests/{file}": Case(.open(200)) { s, _, _ in Request(uri: "/open311/v2/requests/\(try await s.request(true).trackingCode).json") },
        "GET /open311/v2/tokens/{file}": Case(.open(200)) { s, _, _ in Request(uri: "/open311/v2/tokens/\(try await s.request(true).trackingCode).json") },
        "POST /open311/v2/{file}": Case(.open(403)) { s, _, _ in
            Request(uri: "/open311/v2/requests.json", form: [("service_code", "WX01"), ("description", "灯不亮"), ("address_id", s.f.h1.code)])
        },
        // Admin
        "GET /catalog": Case(.permission(.catalogManage, success: 200), uri: "/catalog"),
        "GET /catalog/items/new": Case(.permission(.catalogManage, success: 200), uri: "/catalog/items/new"),
        "POST /catalog/items/new": Case(.permission(.catalogManage, success: 303), scoped: false) { s, _, _ in
            let category = try await s.system.catalog.catalog(actor: s.cli).categories[0]
            return Request(uri: "/catalog/items/new", form: [("categoryId", String(category.id)), ("code", unique()), ("name", "新事项"),
                                                             ("handlerType", "community_staff"), ("respondHours", "2"), ("handleHours", "16"),
                                                             ("verifyHours", "8"), ("channels", "hotline")])
        },
        "GET /catalog/items/{id}": Case(.permission(.catalogManage, success: 200), scoped: false) { s, _, _ in
            Request(uri: "/catalog/items/\(try await s.system.catalog.item(code: "WX01").id)")
        },
        "POST /catalog/items/{id}": Case(.permission(.catalogManage, success: 303), scoped: false) { s, _, _ in
            let item = try await s.system.catalog.item(code: "ZX09")
            return Request(uri: "/catalog/items/\(item.id)", form: [("categoryId", String(item.categoryId)), ("code", "ZX09"), ("name", item.name),
                                                                     ("handlerType", "community_staff"), ("respondHours", "2"), ("handleHours", "40"),
                                                                     ("verifyHours", "8"), ("channels", "hotline"), ("active", "1")])
        },
        "POST /catalog/categories": Case(.permission(.catalogManage, success: 303), scoped: false) { _, _, _ in
            Request(uri: "/catalog/categories", form: [("code", unique()), ("name", "新类别")])
        },
        "POST /catalog/categories/{id}": Case(.permission(.catalogManage, success: 303), scoped: false) { s, _, _ in
            let category = try await s.system.catalog.catalog(actor: s.cli).categories[1]
            return Request(uri: "/catalog/categories/\(category.id)", form: [("code", category.code), ("name", category.name), ("active", "1")])
        },
        "GET /calendar": Case(.permission(.catalogManage, success: 200), uri: "/calendar?year=2026"),
        "POST /calendar/settings": Case(.permission(.catalogManage, success: 303), scoped: false) { _, _, _ in
            Request(uri: "/calendar/settings", form: [("start", "08:30"), ("end", "17:30"), ("weekdays", "1"), ("weekdays", "2"), ("weekdays", "3"),
                                                      ("weekdays", "4"), ("weekdays", "5"), ("warnHours", "2")])
        },
        "POST /calendar/days": Case(.permission(.catalogManage, success: 303), scoped: false) { _, _, _ in
            Request(uri: "/calendar/days", form: [("day", "2027-10-01"), ("kind", "holiday"), ("name", "国庆节")])
        },
        "POST /calendar/days/{day}/delete": Case(.permission(.catalogManage, success: 303), scoped: false) { s, _, _ in
            try await s.system.calendar.put(CalendarDay(day: LocalDay("2027-06-01")!, kind: .holiday, name: "测试"), actor: s.cli)
            return Request(uri: "/calendar/days/2027-06-01/delete")
        },
    ]
}
