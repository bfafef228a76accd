import Hummingbird
import Logging
import LinliKit

/// 消息通知 — in-app inboxes and outbound e-mail/webhook delivery for every feature.
public struct NotificationsFeature: Feature {
    public static let name = "notifications"
    public static let migrations = NotificationStore.migrations
    public static let templates = NotificationsTemplates.all
    public static let navigation = [NavigationItem.link("消息", href: "/inbox", permission: nil, order: 5)]
    public static var api: APIDescription { InboxPages.api }
    public static var auditActions: [AuditAction] { AuditAction.notifications }

    public let notifications: NotificationService
    public let delivery: OutboundDelivery
    let deliveryInterval: Int

    /// Throws when the mail server is mistyped: said at start, not when the first notice waits.
    public init(context: FeatureContext) throws {
        let settings = context.configuration[NotificationsSettings.self]
        let policy = context.configuration.outboundPolicy
        notifications = NotificationService(database: context.database, audit: context.audit, clock: context.clock,
                                            districtWebhook: settings.districtWebhook, outbound: policy)
        var adapters: [any OutboundAdapter] = [WebhookAdapter(policy: policy, trustedTargets: Set([settings.districtWebhook].compactMap { $0 }))]
        if let smtp = settings.smtpURL { adapters.append(try SMTPAdapter(url: smtp, from: settings.mailFrom)) }
        delivery = OutboundDelivery(database: context.database, clock: context.clock, adapters: adapters)
        deliveryInterval = settings.deliveryIntervalSeconds
    }

    public var services: [any Sendable] { [notifications, delivery] }

    public var jobs: [BackgroundJob] {
        // Queued e-mail and webhook notices: each message is claimed by one instance at a time.
        [.every(.seconds(deliveryInterval), "outbound delivery") { [delivery] logger in
            let report = try await delivery.deliverDue()
            if report != DeliveryReport() {
                logger.info("outbound delivery", metadata: ["sent": "\(report.sent)", "retrying": "\(report.retrying)", "gaveUp": "\(report.gaveUp)"])
            }
        }]
    }

    public func addRoutes(to router: Router<AppContext>, web: Web) {
        InboxPages(notifications: notifications, web: web).addRoutes(to: router)
    }
}

extension ServiceProvider {
    public var notifications: NotificationService { service(NotificationService.self) }
    public var delivery: OutboundDelivery { service(OutboundDelivery.self) }
}
