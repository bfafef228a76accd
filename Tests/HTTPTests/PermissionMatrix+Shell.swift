import LinliKit
import LinliTestSupport

extension PermissionMatrixTests {
    static let shellCases: [String: Case] = [
        // Operations and shell
        "GET /healthz": Case(.open(200), uri: "/healthz"),
        // GET /metrics is no route: MetricsEndpoint answers it before sign-in is looked at,
        // to its token only (HTTPBehaviourTests.healthAndMetricsAnswerOperators).
        "GET /assets/linli.css": Case(.open(200), uri: "/assets/linli.css"),
        "GET /api/openapi.json": Case(.open(200), uri: "/api/openapi.json"),
        "GET /": Case(.signedIn(200), uri: "/"),
    ]
}
