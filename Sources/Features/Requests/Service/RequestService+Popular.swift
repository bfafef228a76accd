import Foundation
import LinliKit
import Synchronization

/// The items asked for most in the last 90 days, counted at most every ten minutes per
/// instance: the resident's short list needs the order, not an exact count, and one GROUP BY
/// over a district's quarter is too much for every page view.
final class PopularItems: Sendable {
    static let window: TimeInterval = 90 * 86_400
    static let freshFor: TimeInterval = 600
    private let cached = Mutex<(at: Date, ids: [Int64])?>(nil)

    func ids(now: Date, load: () async throws -> [Int64]) async throws -> [Int64] {
        if let hit = cached.withLock({ $0 }), now.timeIntervalSince(hit.at) < Self.freshFor, now >= hit.at { return hit.ids }
        let ids = try await load()
        cached.withLock { $0 = (now, ids) }
        return ids
    }
}

extension RequestService {
    /// Item ids by how often they were asked for in the last 90 days, most first (at most 50).
    public func mostAskedItemIds() async throws -> [Int64] {
        let now = clock.now()
        return try await popular.ids(now: now) {
            try await database.read { tx in
                try await tx.sql.raw("""
                    SELECT item_id, COUNT(*) AS n FROM requests WHERE submitted_at >= \(bind: now.addingTimeInterval(-PopularItems.window).millis)
                    GROUP BY item_id ORDER BY n DESC, item_id LIMIT 50
                    """).all().map { try $0.decode(column: "item_id", as: Int64.self) }
            }
        }
    }
}
