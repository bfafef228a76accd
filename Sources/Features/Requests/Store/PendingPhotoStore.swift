import Foundation
import LinliKit
import SQLKit

/// SQL for 暂存照片: photos of a form shown again, kept under a token until it is sent or a
/// day has passed.
enum PendingPhotoStore {
    static let migration = Migration("requests.008") { engine in [
        """
        CREATE TABLE request_pending_photos (
          token TEXT PRIMARY KEY, owner TEXT NOT NULL, content_type TEXT NOT NULL, data \(engine.blobType) NOT NULL,
          created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX request_pending_photos_created ON request_pending_photos (created_at)",
    ] }

    static func insert(_ tx: Tx, token: String, owner: String, _ photo: ValidPhoto, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO request_pending_photos (token, owner, content_type, data, created_at)
            VALUES (\(bind: token), \(bind: owner), \(bind: photo.contentType), \(bind: photo.data), \(bind: now))
            """).run()
    }

    /// The photos under `tokens` that belong to `owner` and are not older than `since`, by token.
    static func find(_ tx: Tx, tokens: [String], owner: String, since: Int64) async throws -> [String: Data] {
        guard !tokens.isEmpty else { return [:] }
        let rows = try await tx.sql.raw("""
            SELECT token, data FROM request_pending_photos WHERE token IN (\(binds: tokens)) AND owner = \(bind: owner)
            AND created_at >= \(bind: since)
            """).all()
        return Dictionary(try rows.map { (try $0.decode(column: "token", as: String.self), try $0.decode(column: "data", as: Data.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    static func delete(_ tx: Tx, tokens: [String], owner: String) async throws {
        guard !tokens.isEmpty else { return }
        try await tx.sql.raw("DELETE FROM request_pending_photos WHERE token IN (\(binds: tokens)) AND owner = \(bind: owner)").run()
    }

    static func deleteOlder(_ tx: Tx, than cutoff: Int64) async throws -> Int {
        try await tx.sql.raw("DELETE FROM request_pending_photos WHERE created_at < \(bind: cutoff) RETURNING token").all().count
    }
}
