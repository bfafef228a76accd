import Foundation
import LinliKit

/// The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json: the features'
/// `APIDescription`s put together (`OpenAPIBuilder`). `OpenAPIDocumentTests` checks that the
/// document and the router agree route by route.
public enum OpenAPIDocument {
    static let title = "邻里 Linli API"
    static let summary = "社区治理与居民服务平台的 JSON 接口。以 Bearer 令牌（API 令牌）或登录会话（需带 X-CSRF-Token）调用；"
        + "所有读写都限定在调用者账号的管辖范围内。"

    static let built = Result {
        try OpenAPIBuilder.json(OpenAPIBuilder.document(try LinliFeatures.composition.get().apiDescriptions,
                                                        title: title, description: summary))
    }

    public static var json: String { get throws { try built.get() } }

    /// (method, path) of every documented operation, e.g. ("GET", "/api/v1/regions/{id}").
    public static var documentedRoutes: [(method: String, path: String)] {
        get throws { try LinliFeatures.composition.get().apiDescriptions.flatMap(\.operations).map { ($0.method.uppercased(), $0.path) } }
    }
}
