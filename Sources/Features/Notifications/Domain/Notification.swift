import Foundation

/// 消息 — one message in a person's in-app inbox.
public struct InboxMessage: Sendable, Equatable, Codable {
    public let id: Int64
    public let userId: Int64
    public let title: String
    public let body: String
    /// A console path to open, e.g. `/requests/12`.
    public let link: String?
    public let createdAt: Date
    public let readAt: Date?

    public var isRead: Bool { readAt != nil }
}

/// What a feature asks to be told to people.
public struct Notice: Sendable, Equatable {
    public let title: String
    public let body: String
    public let link: String?
    /// Machine-readable facts for webhooks, e.g. `["event": "dispatch", "request": "12"]`.
    public let facts: [String: String]

    public init(title: String, body: String, link: String?, facts: [String: String] = [:]) {
        self.title = title
        self.body = body
        self.link = link
        self.facts = facts
    }
}

/// Outbound channels besides the inbox.
public enum OutboundChannel: String, Sendable, CaseIterable, Codable {
    case email
    case webhook

    public var label: String { self == .email ? "电子邮件" : "Webhook" }
}

/// Retry with backoff: 1, 2, 4 … minutes, at most an hour apart, given up after 8 attempts.
public enum DeliveryBackoff {
    public static let maxAttempts = 8

    public static func delaySeconds(afterAttempt attempt: Int) -> Int {
        min(60 << max(attempt - 1, 0), 3600)
    }
}
