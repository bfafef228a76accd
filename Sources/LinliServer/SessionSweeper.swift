import Accounts
import Logging
import ServiceLifecycle

/// Removes expired sessions and old login failures every ten minutes. Safe to run on every
/// instance at once: each sweep is one idempotent DELETE.
struct SessionSweeper: Service {
    let auth: AuthService
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await auth.sweep()
            } catch {
                logger.warning("session sweep failed", metadata: ["error": .string("\(error)")])
            }
            try? await gracefulShutdownAwareSleep(.seconds(600))
        }
    }
}

func gracefulShutdownAwareSleep(_ duration: Duration) async throws {
    try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
}
