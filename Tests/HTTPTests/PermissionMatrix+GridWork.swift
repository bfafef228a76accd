import Foundation
import GridWork
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Residents

/// Subjects for grid work: residents, visits and events inside the role's area or in the
/// foreign district; grid roles are put on 一网格's team so that they have someone to visit.
extension PermissionMatrixTests.Subjects {
    var gridWork: GridWorkService { system.gridWork }

    /// A grid role's own account on 一网格's team, as a part-timer (whose post carries visits).
    func onTeam(_ role: Role) async throws {
        guard [.gridWorker, .gridLeader].contains(role) else { return }
        _ = try await system.teams.assign(gridId: f.g1.id, username: f.username(role), duty: .partTime, actor: cli)
    }

    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 32))

    func visit(_ inside: Bool, photo: Bool = false) async throws -> VisitRecord {
        let person = try await resident(inside)
        return try await gridWork.recordVisit(VisitDraft(residentId: person.id, visitedAt: system.clock.now(), method: .home, contact: .resident,
                                                         photos: photo ? [Self.jpeg] : []), actor: cli).visit
    }

    func majorEvent(_ role: Role, _ inside: Bool) async throws -> MajorEvent {
        try await gridWork.declareEvent(kind: .rainstorm, title: nil, note: nil, regionId: (inside ? root(role) : f.foreignDistrict).id,
                                        actor: cli).event
    }
}

extension PermissionMatrixTests {
    static let gridWorkCases: [String: Case] = [
        "GET /api/v1/grid/day": Case(.permission(.gridWork, success: 200), scoped: false) { s, role, _ in
            try await s.onTeam(role)
            return Request(uri: "/api/v1/grid/day")
        },
        "GET /api/v1/grid/plan": Case(.permission(.gridView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/grid/plan?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)")
        },
        "GET /api/v1/grid/visits": Case(.permission(.gridView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/grid/visits?residentId=\(try await s.resident(inside).id)")
        },
        "POST /api/v1/grid/visits": Case(.permission(.gridWork, success: 201, outside: 422)) { s, role, inside in
            try await s.onTeam(role)
            return Request(uri: "/api/v1/grid/visits",
                           json: #"{"residentId":\#(try await s.resident(inside).id),"method":"home","contact":"resident","notes":"矩阵走访"}"#)
        },
        "GET /api/v1/grid/visits/{id}": Case(.permission(.gridView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/grid/visits/\(try await s.visit(inside).id)")
        },
        "GET /api/v1/grid/events": Case(.permission(.gridView, success: 200), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/grid/events")
        },
        "POST /api/v1/grid/events": Case(.permission(.gridManage, success: 201)) { s, role, inside in
            Request(uri: "/api/v1/grid/events", json: #"{"kind":"cold_wave","regionId":\#((inside ? s.root(role) : s.f.foreignDistrict).id)}"#)
        },
        "POST /api/v1/grid/events/{id}/end": Case(.permission(.gridManage, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/grid/events/\(try await s.majorEvent(role, inside).id)/end", json: "{}")
        },
        "GET /api/v1/grid/rules/visits": Case(.permission(.gridView, success: 200), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/grid/rules/visits")
        },
        "GET /api/v1/grid/rules/duties": Case(.permission(.gridView, success: 200), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/grid/rules/duties")
        },
        "GET /grid.js": Case(.open(200), uri: "/grid.js"),
        "GET /grid": Case(.permission(.gridWork, success: 200), scoped: false) { s, role, _ in
            try await s.onTeam(role)
            return Request(uri: "/grid")
        },
        "GET /grid/visits/new": Case(.permission(.gridWork, success: 200, outside: 422)) { s, role, inside in
            try await s.onTeam(role)
            return Request(uri: "/grid/visits/new?residentId=\(try await s.resident(inside).id)")
        },
        "POST /grid/visits/new": Case(.permission(.gridWork, success: 303, outside: 422)) { s, role, inside in
            try await s.onTeam(role)
            return Request(uri: "/grid/visits/new", form: [("residentId", String(try await s.resident(inside).id)), ("method", "home"),
                                                          ("contact", "family"), ("findings.health", "ok")])
        },
        "GET /grid/visits/{id}": Case(.permission(.gridView, success: 200)) { s, _, inside in
            Request(uri: "/grid/visits/\(try await s.visit(inside).id)")
        },
        "GET /grid/visits/{id}/photos/{photo}": Case(.permission(.gridView, success: 200)) { s, _, inside in
            let visit = try await s.visit(inside, photo: true)
            return Request(uri: "/grid/visits/\(visit.id)/photos/\(visit.photoIds[0])")
        },
        "GET /grid/plans": Case(.permission(.gridView, success: 200)) { s, role, inside in
            Request(uri: "/grid/plans?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)")
        },
        "POST /grid/events": Case(.permission(.gridManage, success: 303)) { s, role, inside in
            Request(uri: "/grid/events", form: [("kind", "water_cut"), ("regionId", String((inside ? s.root(role) : s.f.foreignDistrict).id))])
        },
        "POST /grid/events/{id}/end": Case(.permission(.gridManage, success: 303)) { s, role, inside in
            Request(uri: "/grid/events/\(try await s.majorEvent(role, inside).id)/end", form: [])
        },
        "GET /grid/rules": Case(.permission(.gridView, success: 200), scoped: false) { _, _, _ in Request(uri: "/grid/rules") },
    ]
}
