import LinliKit

/// Where notices go besides the inbox: `LINLI_WEBHOOK_URL` (every notice is also posted
/// there, e.g. a 企业微信 group robot), `LINLI_SMTP_URL` (`smtp://host:port`; without it
/// e-mail notices wait in the queue), `LINLI_MAIL_FROM`, and `LINLI_DELIVERY_INTERVAL`
/// (seconds between sending rounds, 1–3600, default 15).
public struct NotificationsSettings: FeatureSettings {
    public var districtWebhook: String?
    public var smtpURL: String?
    public var mailFrom = "linli@localhost"
    public var deliveryIntervalSeconds = 15

    public init(environment: [String: String]) {
        if let webhook = environment["LINLI_WEBHOOK_URL"], !webhook.isEmpty { districtWebhook = webhook }
        if let smtp = environment["LINLI_SMTP_URL"], !smtp.isEmpty { smtpURL = smtp }
        if let from = environment["LINLI_MAIL_FROM"], !from.isEmpty { mailFrom = from }
        if let seconds = environment["LINLI_DELIVERY_INTERVAL"].flatMap(Int.init), (1...3600).contains(seconds) {
            deliveryIntervalSeconds = seconds
        }
    }
}
