import Foundation
import GridWork
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Residents
import Testing

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

    /// The role's own open patrol of 一网格 (inside), or one of the foreign grid by the operator.
    func patrol(_ role: Role, _ inside: Bool) async throws -> PatrolRecord {
        if inside, [.gridWorker, .gridLeader, .communityStaff, .streetAdmin, .districtAdmin].contains(role) {
            try await onTeam(role)
            let actor = f.actor(role)
            let gridRole = [.gridWorker, .gridLeader].contains(role)
            return try await gridWork.startPatrol(gridId: gridRole ? nil : f.g1.id, idempotencyKey: nil, actor: actor)
        }
        // Someone else's patrol: a grid worker on the team of 一网格 or of the foreign grid.
        let grid = inside ? f.g1 : f.foreignGrid
        let worker = try await person(.gridWorker, at: grid)
        _ = try await system.teams.assign(gridId: grid.id, username: worker.username, duty: .partTime, actor: cli)
        return try await gridWork.startPatrol(gridId: nil, idempotencyKey: nil, actor: f.actor(for: worker))
    }

    func building(_ inside: Bool) async throws -> RegionNode {
        try await child(inside ? f.g1 : f.foreignGrid, "巡查楼")
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
        "POST /api/v1/grid/patrols": Case(.permission(.gridWork, success: 201, outside: 404)) { s, role, inside in
            try await s.onTeam(role)
            let grid = inside ? s.f.g1 : s.f.foreignGrid
            return Request(uri: "/api/v1/grid/patrols", json: #"{"gridId":\#(grid.id)}"#)
        },
        "GET /api/v1/grid/patrols": Case(.permission(.gridView, success: 200)) { s, role, inside in
            _ = try await s.patrol(role, inside)
            return Request(uri: "/api/v1/grid/patrols?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)")
        },
        "POST /api/v1/grid/patrols/past": Case(.permission(.gridWork, success: 201, outside: 404)) { s, role, inside in
            try await s.onTeam(role)
            let grid = inside ? s.f.g1 : s.f.foreignGrid
            let b = try await s.building(inside)
            let end = s.system.clock.now().addingTimeInterval(-3600)
            return Request(uri: "/api/v1/grid/patrols/past", json: #"""
                {"gridId":\#(grid.id),"startedAt":"\#(ChinaStandardTime.localMinuteText(end.addingTimeInterval(-3600)))","endedAt":"\#(ChinaStandardTime.localMinuteText(end))","buildingIds":[\#(b.id)]}
                """#)
        },
        "GET /api/v1/grid/patrols/progress": Case(.permission(.gridView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/grid/patrols/progress?gridId=\((inside ? s.f.g1 : s.f.foreignGrid).id)")
        },
        "GET /api/v1/grid/patrols/{id}": Case(.permission(.gridView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/grid/patrols/\(try await s.patrol(role, inside).id)")
        },
        "POST /api/v1/grid/patrols/{id}/check-ins": Case(.permission(.gridWork, success: 200)) { s, role, inside in
            let patrol = try await s.patrol(role, inside)
            return Request(uri: "/api/v1/grid/patrols/\(patrol.id)/check-ins", json: #"{"buildingId":\#(try await s.building(inside).id)}"#)
        },
        "POST /api/v1/grid/patrols/{id}/problems": Case(.permission(.gridWork, success: 201)) { s, role, inside in
            let patrol = try await s.patrol(role, inside)
            return Request(uri: "/api/v1/grid/patrols/\(patrol.id)/problems",
                           json: #"{"description":"井盖松动","outcome":"handled","handledNote":"已放警示牌"}"#)
        },
        "POST /api/v1/grid/patrols/{id}/end": Case(.permission(.gridWork, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/grid/patrols/\(try await s.patrol(role, inside).id)/end", json: #"{"notes":"正常"}"#)
        },
        "GET /api/v1/grid/rules/patrols": Case(.permission(.gridView, success: 200), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/grid/rules/patrols")
        },
        "POST /grid/patrols": Case(.permission(.gridWork, success: 303, outside: 404)) { s, role, inside in
            try await s.onTeam(role)
            return Request(uri: "/grid/patrols", form: [("gridId", String((inside ? s.f.g1 : s.f.foreignGrid).id))])
        },
        "GET /grid/patrols/{id}": Case(.permission(.gridView, success: 200)) { s, role, inside in
            Request(uri: "/grid/patrols/\(try await s.patrol(role, inside).id)")
        },
        "POST /grid/patrols/{id}/check-ins": Case(.permission(.gridWork, success: 303)) { s, role, inside in
            let patrol = try await s.patrol(role, inside)
            return Request(uri: "/grid/patrols/\(patrol.id)/check-ins", form: [("buildingId", String(try await s.building(inside).id))])
        },
        "POST /grid/patrols/{id}/problems": Case(.permission(.gridWork, success: 303)) { s, role, inside in
            let patrol = try await s.patrol(role, inside)
            return Request(uri: "/grid/patrols/\(patrol.id)/problems",
                           form: [("description", "垃圾桶满溢"), ("outcome", "handled"), ("handledNote", "已通知保洁")])
        },
        "POST /grid/patrols/{id}/end": Case(.permission(.gridWork, success: 303)) { s, role, inside in
            Request(uri: "/grid/patrols/\(try await s.patrol(role, inside).id)/end", form: [("notes", "正常")])
        },
        "GET /grid/plates": Case(.permission(.gridView, success: 200)) { s, _, inside in
            _ = try await s.building(inside)
            return Request(uri: "/grid/plates?gridId=\((inside ? s.f.g1 : s.f.foreignGrid).id)")
        },
        "GET /grid/plates/{code}": Case(.permission(.gridWork, success: 200)) { s, _, inside in
            _ = try await s.building(inside)
            let code = try #require(try await s.gridWork.plates(gridId: (inside ? s.f.g1 : s.f.foreignGrid).id, actor: s.cli).first?.code)
            return Request(uri: "/grid/plates/\(code)")
        },
        "GET /api/v1/grid/coverage": Case(.permission(.gridView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/grid/coverage?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)")
        },
        "GET /api/v1/grid/scores": Case(.permission(.gridView, success: 200)) { s, role, inside in
            _ = try await s.visit(inside)
            return Request(uri: "/api/v1/grid/scores?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)")
        },
        "GET /grid/scores": Case(.permission(.gridView, success: 200)) { s, role, inside in
            Request(uri: "/grid/scores?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)&month=2026-12")
        },
        "GET /grid/scores.xlsx": Case(.permission(.gridView, success: 200)) { s, role, inside in
            _ = try await s.patrol(role, inside)
            return Request(uri: "/grid/scores.xlsx?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)")
        },
        "PUT /api/v1/grid/rules/patrols": Case(.permission(.gridManage, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/grid/rules/patrols", json: #"{"regionId":\#((inside ? s.root(role) : s.f.foreignDistrict).id),"perDay":3,"buildingEveryDays":7,"note":"加密巡查"}"#)
        },
        "POST /grid/rules/patrols": Case(.permission(.gridManage, success: 303)) { s, role, inside in
            Request(uri: "/grid/rules/patrols", form: [("regionId", String((inside ? s.root(role) : s.f.foreignDistrict).id)), ("perDay", "4"),
                                                       ("buildingEveryDays", "5"), ("note", "汛期加密")])
        },
        // The score table is the district's: only a district's manager has one to set.
        "PUT /api/v1/grid/rules/scores": Case(.permission(.gridManage, success: 200)) { s, role, inside in
            guard !inside || s.root(role).level == .district else { return nil }
            return Request(uri: "/api/v1/grid/rules/scores",
                           json: #"{"regionId":\#((inside ? s.root(role) : s.f.foreignDistrict).id),"points.coverage":60,"points.problems_found":40,"perUnit":10,"note":"区考核办法"}"#)
        },
        "POST /grid/rules/scores": Case(.permission(.gridManage, success: 303)) { s, role, inside in
            guard !inside || s.root(role).level == .district else { return nil }
            return Request(uri: "/grid/rules/scores", form: [("regionId", String((inside ? s.root(role) : s.f.foreignDistrict).id)),
                                                             ("points.coverage", "100"), ("note", "区考核办法")])
        },
        "GET /api/v1/grid/rules/scores": Case(.permission(.gridView, success: 200), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/grid/rules/scores")
        },
        "GET /grid/coverage": Case(.permission(.gridView, success: 200)) { s, role, inside in
            Request(uri: "/grid/coverage?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)&month=2026-12")
        },
        "GET /grid/visits.xlsx": Case(.permission(.gridView, success: 200)) { s, role, inside in
            _ = try await s.visit(inside)
            return Request(uri: "/grid/visits.xlsx?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)")
        },
        "GET /grid/patrols.xlsx": Case(.permission(.gridView, success: 200)) { s, role, inside in
            _ = try await s.patrol(role, inside)
            return Request(uri: "/grid/patrols.xlsx?regionId=\((inside ? s.root(role) : s.f.foreignDistrict).id)")
        },
        "GET /grid/rules": Case(.permission(.gridView, success: 200), scoped: false) { _, _, _ in Request(uri: "/grid/rules") },
    ]
}
