import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests

/// Shortcuts for request tests on the shared fixture tree.
extension Fixture {
    var requests: RequestService { system.requests }

    /// 楼道照明 (WX01): grid worker, 2/24/8 working hours, anonymous allowed.
    func streetlightItem() async throws -> CatalogItem { try await system.catalog.item(code: "WX01") }

    func submitStreetlight(by role: Role = .resident, channel: IntakeChannel = .selfService, key: String? = nil,
                           photos: [Data] = []) async throws -> Submission {
        let item = try await streetlightItem()
        return try await requests.submit(RequestDraft(itemId: item.id, description: "3楼楼道灯不亮，晚上看不见台阶", answers: ["floor": ["3"]],
                                                      regionId: role == .resident ? nil : h1.id, address: "1号楼1单元3楼",
                                                      phone: "13912345678", channel: channel, photos: photos, idempotencyKey: key),
                                         actor: actor(role))
    }

    /// Submitted by the resident, registered and dispatched by community staff to the grid worker.
    func dispatchedStreetlight() async throws -> ServiceRequest {
        let request = try await submitStreetlight().request
        _ = try await requests.act(request.id, .register(note: nil), actor: actor(.communityStaff))
        return try await requests.act(request.id, .dispatch(handler: accounts[.gridWorker]!.id, coHandlers: [], note: "请尽快处理"),
                                      actor: actor(.communityStaff)).request
    }

    func inbox(_ role: Role) async throws -> [String] {
        try await system.notifications.inbox(actor: actor(role), limit: 200).page.items.map(\.title)
    }

    func requestCount() async throws -> Int {
        try await system.database.read { tx in try await tx.sql.raw("SELECT COUNT(*) AS n FROM requests").first()!.decode(column: "n", as: Int.self) }
    }
}

enum TestPhotos {
    /// Enough of a JPEG for the signature check.
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01] + Array(repeating: 0x20, count: 64))
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x00, count: 32))
}

