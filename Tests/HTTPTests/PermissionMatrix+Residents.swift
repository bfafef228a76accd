import LinliKit
import LinliTestSupport
import Residents

extension PermissionMatrixTests {
    /// A one-row resident sheet as CSV, and the same wrapped as a multipart upload.
    static func csv(_ code: String) -> String { "姓名,居住地编码\r\n导入居民\(unique()),\(code)\r\n" }
    static func multipart(_ code: String) -> (String, String) {
        let boundary = "linli-test-boundary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + csv(code) + "\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }
    static let residentsCases: [String: Case] = [
        // Residents: pages
        "GET /residents": Case(.permission(.residentView, success: 200), uri: "/residents"),
        "GET /residents/new": Case(.permission(.residentManage, success: 200), uri: "/residents/new"),
        "POST /residents": Case(.permission(.residentManage, success: 303, outside: 422)) { s, _, inside in
            Request(uri: "/residents", form: [("name", "新居民"), ("regionCode", s.household(inside).code), ("status", "registered")])
        },
        "GET /residents/{id}": Case(.permission(.residentView, success: 200)) { s, _, inside in
            Request(uri: "/residents/\(try await s.resident(inside).id)")
        },
        "GET /residents/{id}/edit": Case(.permission(.residentManage, success: 200)) { s, _, inside in
            Request(uri: "/residents/\(try await s.resident(inside).id)/edit")
        },
        "POST /residents/{id}": Case(.permission(.residentManage, success: 303)) { s, _, inside in
            Request(uri: "/residents/\(try await s.resident(inside).id)", form: [("name", "改名居民"), ("regionCode", s.household(inside).code)])
        },
        "POST /residents/{id}/reveal": Case(.permission(.residentReveal, success: 200)) { s, _, inside in
            Request(uri: "/residents/\(try await s.resident(inside).id)/reveal", form: [("field", "phone")])
        },
        "GET /households/{id}": Case(.permission(.residentView, success: 200)) { s, _, inside in
            Request(uri: "/households/\(s.household(inside).id)")
        },
        "GET /tags": Case(.permission(.residentView, success: 200), uri: "/tags"),
        "GET /residents/import": Case(.permission(.residentManage, success: 200), uri: "/residents/import"),
        "GET /residents/import/template.xlsx": Case(.permission(.residentManage, success: 200), uri: "/residents/import/template.xlsx"),
        "POST /residents/import": Case(.permission(.residentManage, success: 200, outside: 422)) { s, _, inside in
            Request(uri: "/residents/import", raw: multipart(s.household(inside).code))
        },
        "GET /residents/export": Case(.permission(.residentView, success: 200), uri: "/residents/export?format=csv"),
        "GET /api/v1/residents/export": Case(.permission(.residentView, success: 200), uri: "/api/v1/residents/export?format=xlsx"),
        "POST /api/v1/residents/import": Case(.permission(.residentManage, success: 200, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/residents/import", raw: ("text/csv", csv(s.household(inside).code)))
        },
        "POST /tags": Case(.permission(.tagManage, success: 303), scoped: false) { _, _, _ in Request(uri: "/tags", form: [("name", unique())]) },
        // Residents: API
        "GET /api/v1/residents": Case(.permission(.residentView, success: 200), uri: "/api/v1/residents?name=%E5%B1%85%E6%B0%91"),
        "POST /api/v1/residents": Case(.permission(.residentManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/residents", json: #"{"regionId":\#(s.household(inside).id),"name":"新居民","tags":["独居老人"]}"#)
        },
        "GET /api/v1/residents/{id}": Case(.permission(.residentView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/residents/\(try await s.resident(inside).id)")
        },
        "PATCH /api/v1/residents/{id}": Case(.permission(.residentManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/residents/\(try await s.resident(inside).id)", json: #"{"notes":"已走访"}"#)
        },
        "POST /api/v1/residents/{id}/reveal": Case(.permission(.residentReveal, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/residents/\(try await s.resident(inside).id)/reveal", json: #"{"field":"phone"}"#)
        },
        "GET /api/v1/tags": Case(.permission(.residentView, success: 200), uri: "/api/v1/tags"),
        "POST /api/v1/tags": Case(.permission(.tagManage, success: 201), scoped: false) { _, _, _ in
            Request(uri: "/api/v1/tags", json: #"{"name":"\#(unique())"}"#)
        },
    ]
}
