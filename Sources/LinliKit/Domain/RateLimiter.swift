import Foundation
import Synchronization

/// A token bucket per key (a client address): `burst` at once, then `perMinute` a minute.
/// Kept in memory, per instance — two instances behind a proxy give an address twice the
/// rate, which is still a bound (docs/security.md). Keys are forgotten once their bucket is
/// full again, and at most `maxKeys` are kept (the least recent go first), so a flood of
/// addresses cannot grow it.
public final class RateLimiter: Sendable {
    public struct Rule: Sendable, Equatable {
        public let burst: Int
        public let perMinute: Int
        public init(burst: Int, perMinute: Int) {
            self.burst = max(burst, 1)
            self.perMinute = max(perMinute, 1)
        }
    }

    public let rule: Rule
    let clock: any Clock
    let maxKeys: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    struct Bucket { var tokens: Double; var at: Int64 }

    public init(_ rule: Rule, clock: any Clock = SystemClock(), maxKeys: Int = 100_000) {
        self.rule = rule
        self.clock = clock
        self.maxKeys = maxKeys
    }

    /// Takes `cost` tokens for `key`; nil when allowed, else the seconds until it would be.
    public func take(_ key: String, cost: Int = 1) -> Int? {
        let now = clock.now().millis
        let cost = Double(max(cost, 1))
        let perMilli = Double(rule.perMinute) / 60_000
        return buckets.withLock { buckets -> Int? in
            var bucket = buckets[key] ?? Bucket(tokens: Double(rule.burst), at: now)
            let elapsed = Double(max(now - bucket.at, 0))
            bucket.tokens = min(Double(rule.burst), bucket.tokens + elapsed * perMilli)
            bucket.at = now
            if bucket.tokens >= cost {
                bucket.tokens -= cost
                if buckets.count >= maxKeys, buckets[key] == nil { Self.prune(&buckets, now: now, rule: rule, maxKeys: maxKeys) }
                buckets[key] = bucket
                return nil
            }
            buckets[key] = bucket
            let missing = min(cost, Double(rule.burst)) - bucket.tokens
            return max(1, Int((missing / perMilli / 1000).rounded(.up)))
        }
    }

    /// Drops buckets that have refilled (they equal a new one); if that is not enough, the
    /// half used longest ago — never everyone's, which would hand a flood its allowance back.
    static func prune(_ buckets: inout [String: Bucket], now: Int64, rule: Rule, maxKeys: Int) {
        let refill = Int64(Double(rule.burst) / Double(rule.perMinute) * 60_000)
        buckets = buckets.filter { now - $0.value.at < refill }
        guard buckets.count >= maxKeys else { return }
        let newest = buckets.sorted { $0.value.at > $1.value.at }.prefix(maxKeys / 2)
        buckets = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
    }
}
