import Foundation
import NIOConcurrencyHelpers

/// Where "now" comes from. Injected everywhere so that tests can set the time.
public protocol Clock: Sendable {
    func now() -> Date
}

public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until a test moves it.
public final class ManualClock: Clock {
    private let current: NIOLockedValueBox<Date>
    public init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = .init(start) }
    public func now() -> Date { current.withLockedValue { $0 } }
    public func advance(seconds: TimeInterval) { current.withLockedValue { $0 += seconds } }
}

extension Date {
    /// Times are stored as integer milliseconds since 1970 (UTC) on both engines.
    public var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    public init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }

    /// Shown to users in Asia/Shanghai, e.g. `2026-11-23 18:05`.
    public var shanghaiText: String {
        let r = ChinaStandardTime.reading(self)
        let p = ChinaStandardTime.padded
        return "\(p(r.year, 4))-\(p(r.month, 2))-\(p(r.day, 2)) \(p(r.hour, 2)):\(p(r.minute, 2))"
    }
}
