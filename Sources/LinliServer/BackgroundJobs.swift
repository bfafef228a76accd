import Logging
import Notifications
import Requests

/// Every background job of an instance.
enum BackgroundJobs {
    static func all(_ system: LinliSystem, logger: Logger) -> [PeriodicJob] {
        [
            // One idempotent DELETE of expired sessions and old login failures.
            PeriodicJob(name: "session sweep", interval: .seconds(600), logger: logger) { try await system.auth.sweep() },
            // 即将超期 warnings and 督办: each request is changed under its row lock and version.
            PeriodicJob(name: "request clock sweep", interval: .seconds(60), logger: logger) {
                let report = try await system.requests.sweep()
                if report != SweepReport() {
                    logger.info("request clock sweep", metadata: ["warned": "\(report.warned)", "escalated": "\(report.escalated)"])
                }
            },
            // Queued e-mail and webhook notices: each message is claimed by one instance at a time.
            PeriodicJob(name: "outbound delivery", interval: .seconds(system.configuration.deliveryIntervalSeconds), logger: logger) {
                let report = try await system.delivery.deliverDue()
                if report != DeliveryReport() {
                    logger.info("outbound delivery", metadata: ["sent": "\(report.sent)", "retrying": "\(report.retrying)", "gaveUp": "\(report.gaveUp)"])
                }
            },
        ]
    }
}
