import Foundation
import LinliKit
import SQLKit

/// SQL for inboxes, outbound messages and where people want to be told.
enum NotificationStore {
    static let migrations: [Migration] = [
        Migration("notifications.001") { engine in [
            """
            CREATE TABLE notifications (
              id \(engine.autoIncrementPrimaryKey), user_id BIGINT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, link TEXT,
              created_at BIGINT NOT NULL, read_at BIGINT)
            """,
            "CREATE INDEX notifications_user ON notifications (user_id, id)",
            """
            CREATE TABLE outbound_messages (
              id \(engine.autoIncrementPrimaryKey), channel TEXT NOT NULL, target TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
              payload TEXT NOT NULL, status TEXT NOT NULL, attempts BIGINT NOT NULL, next_attempt_at BIGINT NOT NULL, last_error TEXT,
              created_at BIGINT NOT NULL, sent_at BIGINT, claimed_until BIGINT)
            """,
            "CREATE INDEX outbound_messages_due ON outbound_messages (status, next_attempt_at)",
            "CREATE TABLE notification_targets (user_id BIGINT PRIMARY KEY, email TEXT, webhook_url TEXT, updated_at BIGINT NOT NULL)",
        ] },
    ]

    static func insert(_ tx: Tx, userId: Int64, _ notice: Notice, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO notifications (user_id, title, body, link, created_at)
            VALUES (\(bind: userId), \(bind: notice.title), \(bind: notice.body), \(bind: notice.link), \(bind: now))
            """).run()
    }

    static func message(_ row: any SQLRow) throws -> InboxMessage {
        InboxMessage(id: try row.decode(column: "id", as: Int64.self), userId: try row.decode(column: "user_id", as: Int64.self),
                     title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
                     link: try row.decode(column: "link", as: String?.self),
                     createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
                     readAt: try row.decode(column: "read_at", as: Int64?.self).map(Date.init(millis:)))
    }

    static func inbox(_ tx: Tx, userId: Int64, unreadOnly: Bool, limit: Int, offset: Int) async throws -> (items: [InboxMessage], total: Int, unread: Int) {
        let filter: SQLQueryString = unreadOnly ? " AND read_at IS NULL" : ""
        let items = try await tx.sql.raw("SELECT id, user_id, title, body, link, created_at, read_at FROM notifications WHERE user_id = \(bind: userId)"
                                         + filter + " ORDER BY id DESC LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))")
            .all().map(message)
        let total = try await tx.sql.raw("SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userId)" + filter).first()!
            .decode(column: "n", as: Int.self)
        let unread = try await unreadCount(tx, userId: userId)
        return (items, total, unread)
    }

    static func unreadCount(_ tx: Tx, userId: Int64) async throws -> Int {
        try await tx.sql.raw("SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userId) AND read_at IS NULL").first()!
            .decode(column: "n", as: Int.self)
    }

    static func markRead(_ tx: Tx, userId: Int64, id: Int64?, now: Int64) async throws -> Int {
        let which: SQLQueryString = id.map { "AND id = \(bind: $0)" } ?? ""
        return try await tx.sql.raw("UPDATE notifications SET read_at = \(bind: now) WHERE user_id = \(bind: userId) AND read_at IS NULL " + which
                                    + " RETURNING id").all().count
    }

    static func message(_ tx: Tx, userId: Int64, id: Int64) async throws -> InboxMessage? {
        try await tx.sql.raw("SELECT id, user_id, title, body, link, created_at, read_at FROM notifications WHERE id = \(bind: id) AND user_id = \(bind: userId)")
            .first().map(message)
    }

    static func owns(_ tx: Tx, userId: Int64, id: Int64) async throws -> Bool {
        try await tx.sql.raw("SELECT id FROM notifications WHERE id = \(bind: id) AND user_id = \(bind: userId)").first() != nil
    }

    static func targets(_ tx: Tx, userIds: [Int64]) async throws -> [Int64: (email: String?, webhook: String?)] {
        var result: [Int64: (email: String?, webhook: String?)] = [:]
        for start in stride(from: 0, to: userIds.count, by: 1000) {
            let chunk = Array(userIds[start..<min(start + 1000, userIds.count)])
            for row in try await tx.sql.raw("""
                SELECT user_id, email, webhook_url FROM notification_targets WHERE user_id IN (\(binds: chunk))
                """).all() {
                result[try row.decode(column: "user_id", as: Int64.self)] = (try row.decode(column: "email", as: String?.self),
                                                                             try row.decode(column: "webhook_url", as: String?.self))
            }
        }
        return result
    }

    static func saveTargets(_ tx: Tx, userId: Int64, email: String?, webhook: String?, now: Int64) async throws {
        try await tx.sql.raw("DELETE FROM notification_targets WHERE user_id = \(bind: userId)").run()
        try await tx.sql.raw("""
            INSERT INTO notification_targets (user_id, email, webhook_url, updated_at) VALUES (\(bind: userId), \(bind: email), \(bind: webhook), \(bind: now))
            """).run()
    }

    static func enqueue(_ tx: Tx, channel: OutboundChannel, target: String, subject: String, body: String, payload: String, now: Int64) async throws {
        try await tx.sql.raw("""
            INSERT INTO outbound_messages (channel, target, subject, body, payload, status, attempts, next_attempt_at, created_at)
            VALUES (\(bind: channel.rawValue), \(bind: target), \(bind: subject), \(bind: body), \(bind: payload), 'pending', 0, \(bind: now), \(bind: now))
            """).run()
    }
}

/// The outbound queue: claimed by one instance at a time, sent, retried with backoff.
enum OutboundStore {
    static func due(_ tx: Tx, now: Int64, limit: Int) async throws -> [Int64] {
        try await tx.sql.raw("""
            SELECT id FROM outbound_messages WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
              AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            ORDER BY next_attempt_at, id LIMIT \(unsafeRaw: String(limit))
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// Takes a message for `until`; nil when another instance took it first.
    static func claim(_ tx: Tx, id: Int64, now: Int64, until: Int64) async throws -> OutboundMessage? {
        let rows = try await tx.sql.raw("""
            UPDATE outbound_messages SET claimed_until = \(bind: until)
            WHERE id = \(bind: id) AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            RETURNING id, channel, target, subject, body, payload, attempts
            """).all()
        return try rows.first.map { row in
            OutboundMessage(id: id,
                            channel: try row.decode(known: "channel", as: OutboundChannel.self, row: "outbound_messages#\(id)"),
                            target: try row.decode(column: "target", as: String.self), subject: try row.decode(column: "subject", as: String.self),
                            body: try row.decode(column: "body", as: String.self), payload: try row.decode(column: "payload", as: String.self),
                            attempts: Int(try row.decode(column: "attempts", as: Int64.self)))
        }
    }

    static func sent(_ tx: Tx, id: Int64, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE outbound_messages SET status = 'sent', attempts = attempts + 1, sent_at = \(bind: now), claimed_until = NULL, last_error = NULL
            WHERE id = \(bind: id)
            """).run()
    }

    static func failed(_ tx: Tx, id: Int64, error: String, nextAttempt: Int64?) async throws {
        try await tx.sql.raw("""
            UPDATE outbound_messages SET attempts = attempts + 1, last_error = \(bind: String(error.prefix(500))), claimed_until = NULL,
              status = \(bind: nextAttempt == nil ? "failed" : "pending"), next_attempt_at = \(bind: nextAttempt ?? 0)
            WHERE id = \(bind: id)
            """).run()
    }

    struct Row: Sendable { let id: Int64, channel: String, target: String, status: String, attempts: Int, lastError: String? }

    static func all(_ tx: Tx) async throws -> [Row] {
        try await tx.sql.raw("SELECT id, channel, target, status, attempts, last_error FROM outbound_messages ORDER BY id").all().map { row in
            Row(id: try row.decode(column: "id", as: Int64.self), channel: try row.decode(column: "channel", as: String.self),
                target: try row.decode(column: "target", as: String.self), status: try row.decode(column: "status", as: String.self),
                attempts: Int(try row.decode(column: "attempts", as: Int64.self)), lastError: try row.decode(column: "last_error", as: String?.self))
        }
    }
}
