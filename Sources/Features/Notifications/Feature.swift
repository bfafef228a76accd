import Hummingbird
import LinliKit

/// 消息通知 — in-app inboxes and outbound e-mail/webhook delivery for every feature.
public struct NotificationsFeature: Feature {
    public static let name = "notifications"
    public static let migrations = NotificationStore.migrations
    public static let permissions: [Permission: String] = [:]
    public static let templates: [String: String] = [:]
    public static let navigation: [NavigationItem] = []

    public let notifications: NotificationService

    public init(notifications: NotificationService) {
        self.notifications = notifications
    }

    public func addRoutes(to router: Router<AppContext>) {}
}
