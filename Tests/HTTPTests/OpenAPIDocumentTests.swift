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
        let documented = Set(OpenAPIDocument.documentedRoutes.map { "\($0.method) \($0.path)" })
        #expect(api.subtracting(documented).isEmpty, "undocumented API routes: \(api.subtracting(documented).sorted())")
        #expect(documented.subtracting(api).isEmpty, "documented routes the router lacks: \(documented.subtracting(api).sorted())")
    }

    @Test func theDocumentIsOpenAPI31WithResolvableReferences() throws {
        let object = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as! [String: Any]
        #expect(object["openapi"] as? String == "3.1.0")
        let schemas = ((object["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
        let references = Set(OpenAPIDocument.json.components(separatedBy: "#/components/schemas/").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) })
        #expect(!references.isEmpty)
        #expect(references.subtracting(schemas.keys).isEmpty, "dangling $refs: \(references.subtracting(schemas.keys))")
    }
}
