import Audit
import LinliKit
import LinliTestSupport

extension PermissionMatrixTests {
    static let auditCases: [String: Case] = [
        // Audit
        "GET /audit": Case(.permission(.auditView, success: 200), uri: "/audit"),
        "POST /audit/verify": Case(.permission(.auditVerify, success: 303), uri: "/audit/verify"),
        "GET /api/v1/audit": Case(.permission(.auditView, success: 200), uri: "/api/v1/audit"),
    ]
}
