import Foundation
import LinliServer
import LinliTestSupport
import Testing

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let routes = try await TestSystem.with(.sqlite) { system in
            try buildRouter(system: system).routes.map { "\($0.method.rawValue) \($0.path)" }
        }
        let api = Set(routes.filter { $0.contains(" /api/v1/") })
        let documented = Set((try OpenAPIDocument.documentedRoutes).map { "\($0.method) \($0.path)" })
        #expect(api.subtracting(documented).isEmpty, "undocumented API routes: \(api.subtracting(documented).sorted())")
        #expect(documented.subtracting(api).isEmpty, "documented routes the router lacks: \(documented.subtracting(api).sorted())")
    }

    @Test func theDocumentIsOpenAPI31WithResolvableReferences() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try OpenAPIDocument.json.utf8)) as! [String: Any]
        #expect(object["openapi"] as? String == "3.1.0")
        let schemas = ((object["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
        let references = Set(try OpenAPIDocument.json.components(separatedBy: "#/components/schemas/").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) })
        #expect(!references.isEmpty)
        #expect(references.subtracting(schemas.keys).isEmpty, "dangling $refs: \(references.subtracting(schemas.keys))")
    }

    static func body(_ method: String, _ path: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(try OpenAPIDocument.json.utf8)) as! [String: Any]
        let operation = ((object["paths"] as? [String: Any])?[path] as? [String: Any])?[method] as? [String: Any]
        let content = (operation?["requestBody"] as? [String: Any])?["content"] as? [String: Any]
        return try #require((content?["application/json"] as? [String: Any])?["schema"] as? [String: Any], "\(method) \(path)")
    }

    @Test func everyJSONBodyAndTheListQueriesComeFromInputTypes() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try OpenAPIDocument.json.utf8)) as! [String: Any]
        let paths = try #require(object["paths"] as? [String: [String: [String: Any]]])
        var handWritten: [String] = []
        for (path, operations) in paths {
            for (method, operation) in operations {
                let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
                guard let schema = (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any] else { continue }
                let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
                // Recorded fields carry their zh-CN label as the description.
                if properties.values.contains(where: { $0["description"] == nil }) { handWritten.append("\(method) \(path)") }
            }
        }
        #expect(handWritten.isEmpty, "bodies not read from an input type: \(handWritten.sorted())")
        let users = try #require(paths["/api/v1/users"]?["get"]?["parameters"] as? [[String: Any]])
        let limit = try #require(users.first { $0["name"] as? String == "limit" }?["schema"] as? [String: Any])
        #expect(limit["maximum"] as? Int == 200)
        let regions = try #require(paths["/api/v1/regions"]?["get"]?["parameters"] as? [[String: Any]])
        let level = try #require(regions.first { $0["name"] as? String == "level" }?["schema"] as? [String: Any])
        #expect((level["enum"] as? [String])?.contains("household") == true)
    }

    @Test func requestBodiesSayWhatTheInputTypesEnforce() throws {
        let region = try Self.body("post", "/api/v1/regions")
        #expect(region["required"] as? [String] == ["parentId", "name"])
        let properties = try #require(region["properties"] as? [String: [String: Any]])
        #expect(properties["name"]?["maxLength"] as? Int == 50)
        #expect(properties["name"]?["minLength"] as? Int == 1)
        #expect(properties["segment"]?["maxLength"] as? Int == 6)
        #expect(properties["parentId"]?["type"] as? String == "integer")
        let team = try #require(Self.body("post", "/api/v1/regions/{id}/team")["properties"] as? [String: [String: Any]])
        #expect(team["duty"]?["enum"] as? [String] == ["leader", "full_time", "part_time"])
        let settings = try #require(Self.body("put", "/api/v1/calendar/settings")["properties"] as? [String: [String: Any]])
        #expect(settings["warnHours"]?["maximum"] as? Double == 8)
        #expect(settings["weekdays"]?["maxItems"] as? Int == 7)
        let draft = try #require(Self.body("post", "/api/v1/requests")["properties"] as? [String: [String: Any]])
        #expect(draft["lat"]?["minimum"] as? Double == -90)
        #expect(draft["channel"]?["enum"] as? [String] != nil)
        #expect(try Self.body("post", "/api/v1/residents")["required"] as? [String] == ["regionId", "name"])
        #expect(try Self.body("patch", "/api/v1/residents/{id}")["minProperties"] as? Int == 1)
        let step = try Self.body("post", "/api/v1/requests/{id}/actions")
        let stepFields = try #require(step["properties"] as? [String: [String: Any]])
        #expect(step["required"] as? [String] == ["action"])
        #expect(stepFields["hours"]?["maximum"] as? Double == 240)
        #expect(stepFields["score"]?["minimum"] as? Int == 1 && stepFields["score"]?["maximum"] as? Int == 5)
        #expect((stepFields["action"]?["enum"] as? [String])?.count == 20)
        let tracked = try #require(Self.body("post", "/api/v1/track/{code}/actions")["properties"] as? [String: [String: Any]])
        #expect(tracked["action"]?["enum"] as? [String] == ["withdraw", "add_information", "rate"])
        #expect(tracked["handlerId"] == nil)
        let user = try #require(Self.body("post", "/api/v1/users")["properties"] as? [String: [String: Any]])
        #expect((user["role"]?["enum"] as? [String])?.contains("grid_worker") == true)
    }
}
