import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests

extension PermissionMatrixTests.Subjects {
    /// A hotline request at the fixture's household (inside) or the foreign one (outside).
    func request(_ inside: Bool, photo: Bool = false) async throws -> ServiceRequest {
        let item = try await system.catalog.item(code: "WX01")
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x20, count: 32))
        return try await system.requests.submit(RequestDraft(itemId: item.id, description: "楼道灯不亮", regionId: household(inside).id,
                                                             channel: .hotline, photos: photo ? [jpeg] : []), actor: cli).request
    }

    func photoId(of request: ServiceRequest) async throws -> Int64 {
        try await system.requests.detail(request.id, actor: cli).events.flatMap(\.photoIds).first!
    }
}

extension PermissionMatrixTests {
    static let requestCases: [String: Case] = [
        "GET /api/v1/catalog": Case(.signedIn(200), uri: "/api/v1/catalog"),
        "GET /api/v1/requests": Case(.signedIn(200), uri: "/api/v1/requests?queue=all"),
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
            let category = try await s.system.catalog.catalog().categories[0]
            return Request(uri: "/api/v1/catalog/categories/\(category.id)", json: #"{"code":"\#(category.code)","name":"\#(category.name)"}"#)
        },
        "POST /api/v1/catalog/items": Case(.permission(.catalogManage, success: 201), scoped: false) { s, _, _ in
            let category = try await s.system.catalog.catalog().categories[0]
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
