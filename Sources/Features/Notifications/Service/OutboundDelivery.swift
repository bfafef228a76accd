import Foundation
import LinliKit

/// What one delivery round did.
public struct DeliveryReport: Sendable, Equatable {
    public var sent = 0
    public var retrying = 0
    public var gaveUp = 0
    public init(sent: Int = 0, retrying: Int = 0, gaveUp: Int = 0) {
        self.sent = sent
        self.retrying = retrying
        self.gaveUp = gaveUp
    }
}

/// A queued message, as operators see it (attempts and the last error).
public struct OutboundStatus: Sendable, Equatable {
    public let id: Int64, channel: String, target: String, status: String, attempts: Int, lastError: String?
}

/// Sends the outbound queue: each message is claimed by one instance for a minute, sent
/// through its channel's adapter, and marked sent — or retried later with backoff, and given
/// up after `DeliveryBackoff.maxAttempts`. Every attempt is recorded on the message.
public struct OutboundDelivery: Sendable {
    let database: Database
    let clock: any Clock
    let adapters: [OutboundChannel: any OutboundAdapter]

    public init(database: Database, clock: any Clock, adapters: [any OutboundAdapter]) {
        self.database = database
        self.clock = clock
        self.adapters = Dictionary(adapters.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func deliverDue(limit: Int = 100) async throws -> DeliveryReport {
        let now = clock.now().millis
        let due = try await database.read { tx in try await OutboundStore.due(tx, now: now, limit: limit) }
        var report = DeliveryReport()
        for id in due {
            let claimedAt = clock.now().millis
            let claimed: OutboundMessage?
            do {
                claimed = try await database.write { tx in try await OutboundStore.claim(tx, id: id, now: claimedAt, until: claimedAt + 60_000) }
            } catch let unreadable as UnknownStoredValue {
                // A message this version cannot read is given up at once, so it never holds up the queue.
                try await database.write { tx in try await OutboundStore.failed(tx, id: id, error: unreadable.description, nextAttempt: nil) }
                report.gaveUp += 1
                continue
            }
            guard let message = claimed else { continue }
            do {
                guard let adapter = adapters[message.channel] else {
                    throw DeliveryError(message.channel == .email ? "未配置邮件服务器（LINLI_SMTP_URL）" : "未配置 \(message.channel.label) 发送方式")
                }
                try await adapter.deliver(message)
                let at = clock.now().millis
                try await database.write { tx in try await OutboundStore.sent(tx, id: id, now: at) }
                report.sent += 1
            } catch {
                let attempt = message.attempts + 1
                let next: Int64? = attempt >= DeliveryBackoff.maxAttempts
                    ? nil : clock.now().millis + Int64(DeliveryBackoff.delaySeconds(afterAttempt: attempt)) * 1000
                let reason = String(describing: error)
                try await database.write { tx in try await OutboundStore.failed(tx, id: id, error: reason, nextAttempt: next) }
                if next == nil { report.gaveUp += 1 } else { report.retrying += 1 }
            }
        }
        return report
    }

    /// The whole queue, oldest first (for operators and tests).
    public func queue() async throws -> [OutboundStatus] {
        try await database.read { tx in try await OutboundStore.all(tx) }.map {
            OutboundStatus(id: $0.id, channel: $0.channel, target: $0.target, status: $0.status, attempts: $0.attempts, lastError: $0.lastError)
        }
    }
}
