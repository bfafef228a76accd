import LinliKit
import LinliTestSupport
import Notifications

extension PermissionMatrixTests.Subjects {
    /// A notice in the role's own inbox.
    func message(_ role: Role) async throws -> Int64 {
        let user = f.accounts[role]!.id
        try await system.database.write { tx in
            try await system.notifications.post(tx, to: [user], Notice(title: "测试消息", body: "内容", link: "/"))
        }
        return try await system.notifications.inbox(actor: f.actor(role)).page.items[0].id
    }
}

extension PermissionMatrixTests {
    static let notificationsCases: [String: Case] = [
        "GET /api/v1/notifications": Case(.signedIn(200), uri: "/api/v1/notifications"),
        "POST /api/v1/notifications/{id}/read": Case(.signedIn(200)) { s, role, _ in Request(uri: "/api/v1/notifications/\(try await s.message(role))/read") },
        "POST /api/v1/notifications/read-all": Case(.signedIn(200), uri: "/api/v1/notifications/read-all"),
        "GET /inbox": Case(.signedIn(200), uri: "/inbox"),
        "POST /inbox/{id}/read": Case(.signedIn(303)) { s, role, _ in Request(uri: "/inbox/\(try await s.message(role))/read") },
        "POST /inbox/read-all": Case(.signedIn(303), uri: "/inbox/read-all"),
        "GET /inbox/settings": Case(.signedIn(200), uri: "/inbox/settings"),
        "POST /inbox/settings": Case(.signedIn(303)) { _, _, _ in Request(uri: "/inbox/settings", form: [("email", "someone@example.org")]) },
    ]
}
