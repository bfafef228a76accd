import Hummingbird
import LinliKit

/// 消息通知 — in-app inboxes and outbound e-mail/webhook delivery for every feature.
public struct NotificationsFeature: Feature {
    public static let name = "notifications"
    public static let migrations = NotificationStore.migrations
    public static let permissions: [Permission: String] = [:]
    public static let templates = NotificationsTemplates.all
    public static let navigation = [NavigationItem("消息", href: "/inbox", permission: nil, order: 5)]

    public let notifications: NotificationService
    let web: Web

    public init(notifications: NotificationService, web: Web) {
        self.notifications = notifications
        self.web = web
    }

    public func addRoutes(to router: Router<AppContext>) {
        InboxPages(notifications: notifications, web: web).addRoutes(to: router)
    }
}
