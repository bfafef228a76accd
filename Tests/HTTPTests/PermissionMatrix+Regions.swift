import LinliKit
import LinliTestSupport
import Regions

extension PermissionMatrixTests {
    /// A square boundary for the node of `code`, as a file, and as a form's upload of it.
    static func boundaryFile(_ code: String) -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"\#(code)"},"#
            + #""geometry":{"type":"Polygon","coordinates":[[[108.9,34.2],[109.0,34.2],[109.0,34.3],[108.9,34.3],[108.9,34.2]]]}}]}"#
    }
    static func boundaryUpload(_ code: String) -> (String, String) {
        let boundary = "linli-test-boundary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.geojson\"\r\n"
            + "Content-Type: application/geo+json\r\n\r\n" + boundaryFile(code) + "\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    static let regionsCases: [String: Case] = [
        // Regions: pages
        "GET /regions": Case(.permission(.regionView, success: 303), uri: "/regions"),
        "GET /regions/{id}": Case(.permission(.regionView, success: 200)) { s, role, inside in
            Request(uri: "/regions/\(inside ? s.root(role).id : s.f.foreignGrid.id)")
        },
        "POST /regions/{id}/children": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            guard !inside || s.root(role).level.child != nil else { return nil }
            return Request(uri: "/regions/\(inside ? s.root(role).id : s.f.foreignStreet.id)/children", form: [("name", "新增")])
        },
        "POST /regions/{id}/rename": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            let node = inside ? try await s.ownChild(role) : s.f.foreignGrid
            return node.map { Request(uri: "/regions/\($0.id)/rename", form: [("name", "改名")]) }
        },
        "POST /regions/{id}/move": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            try await s.movable(role, inside).map { Request(uri: "/regions/\($0.0.id)/move", form: [("parentCode", $0.1.code)]) }
        },
        "POST /regions/{id}/retire": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            let node = inside ? try await s.ownChild(role) : s.f.foreignHousehold
            return node.map { Request(uri: "/regions/\($0.id)/retire") }
        },
        "POST /regions/{id}/team": Case(.permission(.regionTeam, success: 303)) { s, role, inside in
            guard let grid = s.grid(role, inside) else { return nil }
            let person = try await s.person(.gridWorker, at: grid)
            return Request(uri: "/regions/\(grid.id)/team", form: [("username", person.username), ("duty", "part_time")])
        },
        "POST /regions/{id}/team/{userId}/remove": Case(.permission(.regionTeam, success: 303)) { s, role, inside in
            try await s.teamMember(role, inside).map { Request(uri: "/regions/\($0.0.id)/team/\($0.1.id)/remove") }
        },
        // A node's own boundary is its superior's to draw: the file names 一网格, under every manager's node.
        "POST /regions/{id}/boundaries": Case(.permission(.regionManage, success: 303)) { s, role, inside in
            let (page, named) = inside ? (s.root(role), s.f.g1) : (s.f.foreignStreet, s.f.foreignGrid)
            return Request(uri: "/regions/\(page.id)/boundaries", raw: boundaryUpload(named.code))
        },
        "GET /thematic-grids": Case(.permission(.regionView, success: 200), uri: "/thematic-grids"),
        "POST /thematic-grids": Case(.permission(.thematicManage, success: 303, outside: 422)) { s, role, inside in
            guard let anchor = s.community(role, inside) else { return nil }
            return Request(uri: "/thematic-grids", form: [("name", "专题"), ("regionCode", anchor.code), ("colour", "#2f9e44"), ("tags", "独居老人")])
        },
        "GET /thematic-grids/{id}": Case(.permission(.regionView, success: 200)) { s, role, inside in
            try await s.thematic(role, inside).map { Request(uri: "/thematic-grids/\($0.0.id)") }
        },
        "POST /thematic-grids/{id}/team": Case(.permission(.thematicManage, success: 303)) { s, role, inside in
            guard let (grid, _) = try await s.thematic(role, inside), let anchor = s.community(role, inside) else { return nil }
            let person = try await s.person(.socialWorker, at: anchor)
            return Request(uri: "/thematic-grids/\(grid.id)/team", form: [("username", person.username), ("duty", "leader")])
        },
        "POST /thematic-grids/{id}/team/{userId}/remove": Case(.permission(.thematicManage, success: 303)) { s, role, inside in
            try await s.thematic(role, inside, member: true).map { Request(uri: "/thematic-grids/\($0.0.id)/team/\($0.1!.id)/remove") }
        },
        "POST /thematic-grids/{id}/retire": Case(.permission(.thematicManage, success: 303)) { s, role, inside in
            try await s.thematic(role, inside).map { Request(uri: "/thematic-grids/\($0.0.id)/retire") }
        },
        // Regions: API
        "GET /api/v1/regions": Case(.permission(.regionView, success: 200), uri: "/api/v1/regions?level=grid"),
        "GET /api/v1/regions/{id}": Case(.permission(.regionView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/regions/\(inside ? s.root(role).id : s.f.foreignGrid.id)")
        },
        "POST /api/v1/regions": Case(.permission(.regionManage, success: 201)) { s, role, inside in
            guard !inside || s.root(role).level.child != nil else { return nil }
            return Request(uri: "/api/v1/regions", json: #"{"parentId":\#(inside ? s.root(role).id : s.f.foreignStreet.id),"name":"新增"}"#)
        },
        "PATCH /api/v1/regions/{id}": Case(.permission(.regionManage, success: 200)) { s, role, inside in
            let node = inside ? try await s.ownChild(role) : s.f.foreignGrid
            return node.map { Request(uri: "/api/v1/regions/\($0.id)", json: #"{"name":"改名"}"#) }
        },
        "POST /api/v1/regions/{id}/move": Case(.permission(.regionManage, success: 200)) { s, role, inside in
            try await s.movable(role, inside).map { Request(uri: "/api/v1/regions/\($0.0.id)/move", json: #"{"parentId":\#($0.1.id)}"#) }
        },
        "POST /api/v1/regions/{id}/retire": Case(.permission(.regionManage, success: 200)) { s, role, inside in
            let node = inside ? try await s.ownChild(role) : s.f.foreignHousehold
            return node.map { Request(uri: "/api/v1/regions/\($0.id)/retire") }
        },
        "GET /api/v1/regions/{id}/team": Case(.permission(.regionView, success: 200)) { s, role, inside in
            s.grid(role, inside).map { Request(uri: "/api/v1/regions/\($0.id)/team") }
        },
        "POST /api/v1/regions/boundaries": Case(.permission(.regionManage, success: 200, outside: 422)) { s, role, inside in
            Request(uri: "/api/v1/regions/boundaries", raw: ("application/json", boundaryFile((inside ? s.f.g1 : s.f.foreignGrid).code)))
        },
        "GET /api/v1/regions/{id}/boundary": Case(.permission(.regionView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/regions/\(inside ? s.root(role).id : s.f.foreignGrid.id)/boundary")
        },
        "GET /api/v1/regions/locate": Case(.permission(.regionView, success: 200),
                                           uri: "/api/v1/regions/locate?lat=34.25&long=108.95&address=%E4%B8%80%E7%A4%BE%E5%8C%BA"),
        "POST /api/v1/regions/{id}/team": Case(.permission(.regionTeam, success: 200)) { s, role, inside in
            guard let grid = s.grid(role, inside) else { return nil }
            let person = try await s.person(.gridWorker, at: grid)
            return Request(uri: "/api/v1/regions/\(grid.id)/team", json: #"{"username":"\#(person.username)","duty":"part_time"}"#)
        },
        "DELETE /api/v1/regions/{id}/team/{userId}": Case(.permission(.regionTeam, success: 200)) { s, role, inside in
            try await s.teamMember(role, inside).map { Request(uri: "/api/v1/regions/\($0.0.id)/team/\($0.1.id)") }
        },
        "GET /api/v1/thematic-grids": Case(.permission(.regionView, success: 200), uri: "/api/v1/thematic-grids"),
        "POST /api/v1/thematic-grids": Case(.permission(.thematicManage, success: 201)) { s, role, inside in
            guard let anchor = s.community(role, inside) else { return nil }
            return Request(uri: "/api/v1/thematic-grids", json: ##"{"regionId":\##(anchor.id),"name":"专题","colour":"#2f9e44","tags":["党员"]}"##)
        },
        "GET /api/v1/thematic-grids/{id}": Case(.permission(.regionView, success: 200)) { s, role, inside in
            try await s.thematic(role, inside).map { Request(uri: "/api/v1/thematic-grids/\($0.0.id)") }
        },
        "POST /api/v1/thematic-grids/{id}/retire": Case(.permission(.thematicManage, success: 200)) { s, role, inside in
            try await s.thematic(role, inside).map { Request(uri: "/api/v1/thematic-grids/\($0.0.id)/retire") }
        },
        "POST /api/v1/thematic-grids/{id}/team": Case(.permission(.thematicManage, success: 200)) { s, role, inside in
            guard let (grid, _) = try await s.thematic(role, inside), let anchor = s.community(role, inside) else { return nil }
            let person = try await s.person(.socialWorker, at: anchor)
            return Request(uri: "/api/v1/thematic-grids/\(grid.id)/team", json: #"{"username":"\#(person.username)","duty":"leader"}"#)
        },
        "DELETE /api/v1/thematic-grids/{id}/team/{userId}": Case(.permission(.thematicManage, success: 200)) { s, role, inside in
            try await s.thematic(role, inside, member: true).map { Request(uri: "/api/v1/thematic-grids/\($0.0.id)/team/\($0.1!.id)") }
        },
    ]
}
