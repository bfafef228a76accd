import Logging
import Requests
import ServiceLifecycle

/// Runs the SLA sweep (即将超期 warnings, 督办) every minute. Every instance may run it: each
/// request is changed under its row lock and version, so a step is taken once.
struct RequestClockSweeper: Service {
    let requests: RequestService
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let report = try await requests.sweep()
                if report.warned + report.escalated > 0 {
                    logger.info("request clock sweep", metadata: ["warned": "\(report.warned)", "escalated": "\(report.escalated)"])
                }
            } catch {
                logger.warning("request clock sweep failed", metadata: ["error": .string("\(error)")])
            }
            try? await gracefulShutdownAwareSleep(.seconds(60))
        }
    }
}
