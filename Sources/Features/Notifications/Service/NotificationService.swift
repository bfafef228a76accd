import Foundation
import LinliKit

/// 消息通知 — puts notices in people's inboxes and queues them for e-mail and webhooks
/// in the same transaction as the change they tell of; `OutboundDelivery` sends the queue.
public struct NotificationService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    /// Every notice is also posted here (e.g. a 企业微信 group robot), if configured.
    let districtWebhook: String?
    /// Where a person's own webhook may point: public addresses, or hosts the admin listed.
    let outbound: OutboundPolicy

    public init(database: Database, audit: AuditLog, clock: any Clock, districtWebhook: String? = nil,
                outbound: OutboundPolicy = OutboundPolicy()) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.districtWebhook = districtWebhook
        self.outbound = outbound
    }

    /// Inside the caller's transaction: an inbox row per person, and an outbound message per
    /// e-mail address or webhook they gave.
    public func post(_ tx: Tx, to userIds: [Int64], _ notice: Notice) async throws {
        let now = clock.now().millis
        let recipients = Array(Set(userIds)).sorted()
        for user in recipients { try await NotificationStore.insert(tx, userId: user, notice, now: now) }
        let targets = try await NotificationStore.targets(tx, userIds: recipients)
        guard !targets.isEmpty || (districtWebhook != nil && !recipients.isEmpty) else { return }
        let payload = try JSONEncoder.canonicalText(WebhookPayload(notice: notice))
        for (_, target) in targets.sorted(by: { $0.key < $1.key }) {
            if let email = target.email {
                try await NotificationStore.enqueue(tx, channel: .email, target: email, subject: notice.title, body: notice.body, payload: payload, now: now)
            }
            if let webhook = target.webhook {
                try await NotificationStore.enqueue(tx, channel: .webhook, target: webhook, subject: notice.title, body: notice.body, payload: payload, now: now)
            }
        }
        if let districtWebhook, !recipients.isEmpty {
            try await NotificationStore.enqueue(tx, channel: .webhook, target: districtWebhook, subject: notice.title, body: notice.body,
                                                payload: payload, now: now)
        }
    }

    public struct Inbox: Sendable {
        public let page: Page<InboxMessage>
        public let unread: Int
    }

    public func inbox(actor: Actor, unreadOnly: Bool = false, limit: Int = 30, offset: Int = 0) async throws -> Inbox {
        guard let user = actor.userId else { throw DomainError.unauthenticated }
        let limit = min(max(limit, 1), 200), offset = max(offset, 0)
        let (items, total, unread) = try await database.read { tx in
            try await NotificationStore.inbox(tx, userId: user, unreadOnly: unreadOnly, limit: limit, offset: offset)
        }
        return Inbox(page: Page(items: items, total: total, limit: limit, offset: offset), unread: unread)
    }

    public func unreadCount(actor: Actor) async throws -> Int {
        guard let user = actor.userId else { return 0 }
        return try await database.read { tx in try await NotificationStore.unreadCount(tx, userId: user) }
    }

    /// Marks one message (or all, when `id` is nil) as read; only the owner's own.
    @discardableResult
    public func markRead(_ id: Int64?, actor: Actor) async throws -> Int {
        guard let user = actor.userId else { throw DomainError.unauthenticated }
        let now = clock.now().millis
        return try await database.write { tx in
            if let id, !(try await NotificationStore.owns(tx, userId: user, id: id)) { throw DomainError.notFound("消息") }
            return try await NotificationStore.markRead(tx, userId: user, id: id, now: now)
        }
    }

    /// One of the person's own messages.
    public func message(_ id: Int64, actor: Actor) async throws -> InboxMessage {
        guard let user = actor.userId,
              let message = try await database.read({ tx in try await NotificationStore.message(tx, userId: user, id: id) }) else {
            throw DomainError.notFound("消息")
        }
        return message
    }

    public struct Targets: Sendable, Equatable {
        public var email: String?
        public var webhook: String?
        public init(email: String?, webhook: String?) {
            self.email = email
            self.webhook = webhook
        }
    }

    public func targets(actor: Actor) async throws -> Targets {
        guard let user = actor.userId else { throw DomainError.unauthenticated }
        let found = try await database.read { tx in try await NotificationStore.targets(tx, userIds: [user]) }[user]
        return Targets(email: found?.email, webhook: found?.webhook)
    }

    /// Where the signed-in person wants notices besides the inbox.
    public func saveTargets(_ targets: Targets, actor: Actor) async throws {
        guard let user = actor.userId else { throw DomainError.unauthenticated }
        let valid = try NotificationRules.validate(targets)
        if let webhook = valid.webhook {
            // The district's webhook is trusted at delivery; a person may not borrow it.
            if webhook == districtWebhook { throw DomainError.invalid("webhook", "Webhook 地址不可用：\(OutboundPolicy.refusalForUsers)") }
            // Checked again at every delivery: a name can resolve elsewhere later.
            do { _ = try await outbound.check(webhook) } catch is OutboundRefusal {
                throw DomainError.invalid("webhook", "Webhook 地址不可用：\(OutboundPolicy.refusalForUsers)")
            }
        }
        let now = clock.now().millis
        try await database.write { tx in
            try await NotificationStore.saveTargets(tx, userId: user, email: valid.email, webhook: valid.webhook, now: now)
            // Where a person's notices go is personal data: the trail says that it changed and the
            // webhook's host, not the address.
            try await audit.append(tx, actor: actor, action: .notificationTargets, entityId: String(user), regionPath: actor.scope.path,
                                   after: ["email": valid.email == nil ? "none" : "set",
                                           "webhook": valid.webhook.flatMap { URL(string: $0)?.host } ?? "none"])
        }
    }
}

/// What a webhook receives: a small JSON document, the same for every notice.
struct WebhookPayload: Encodable {
    let title: String, body: String, link: String?, facts: [String: String]
    init(notice: Notice) {
        title = notice.title
        body = notice.body
        link = notice.link
        facts = notice.facts
    }
}

public enum NotificationRules {
    public static func validate(_ t: NotificationService.Targets) throws -> NotificationService.Targets {
        var problems: [String: String] = [:]
        let email = t.email?.trimmingCharacters(in: .whitespaces).lowercased()
        let webhook = t.webhook?.trimmingCharacters(in: .whitespaces)
        if let email, !email.isEmpty {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            let ok = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && email.count <= 200
                && !email.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\r" || $0 == "\n" || $0 == "," })
            if !ok { problems["email"] = "电子邮件地址格式不正确" }
        }
        if let webhook, !webhook.isEmpty {
            let url = URL(string: webhook)
            if !(url?.scheme == "https" || url?.scheme == "http") || url?.host == nil || webhook.count > 500 {
                problems["webhook"] = "Webhook 地址应以 http:// 或 https:// 开头"
            }
        }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
        return .init(email: email?.isEmpty == true ? nil : email, webhook: webhook?.isEmpty == true ? nil : webhook)
    }
}
