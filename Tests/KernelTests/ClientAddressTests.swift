import Foundation
import LinliKit
import Testing

@Suite("Client addresses: trusted proxies, limit keys, rate limits")
struct ClientAddressTests {
    @Test func proxiesAreMatchedAsAddressesAndNetworksNotAsText() {
        let proxies = TrustedProxies(["10.0.0.0/24", "::1", "fd00::/8", "not-an-address", "10.0.0.9/33"])
        #expect(proxies.entries == ["10.0.0.0/24", "::1", "fd00::/8"])
        for inside in ["10.0.0.5", "::ffff:10.0.0.5", "0:0:0:0:0:0:0:1", "fd12::7"] { #expect(proxies.contains(inside), "\(inside)") }
        for outside in ["10.0.1.5", "127.0.0.1", "fe80::1", "garbage", ""] { #expect(!proxies.contains(outside), "\(outside)") }
        #expect(TrustedProxies.none.isEmpty)
    }

    @Test func theClientIsTheRightMostHopThatIsNotATrustedProxy() {
        let proxies = TrustedProxies(["10.0.0.5", "10.0.0.6"])
        func client(_ peer: String?, _ header: String?) -> String? {
            AuthMiddleware.clientAddress(peer: peer, forwardedFor: header, trustedProxies: proxies)
        }
        #expect(client("10.0.0.5", "203.0.113.7") == "203.0.113.7")
        // Entries left of the last untrusted hop were written by the client: ignored.
        #expect(client("10.0.0.5", "1.1.1.1, 203.0.113.7, 10.0.0.6") == "203.0.113.7")
        // A client reaching the app directly cannot name an address.
        #expect(client("198.51.100.4", "1.1.1.1") == "198.51.100.4")
        #expect(client("10.0.0.5", "not-an-address") == "10.0.0.5")
        #expect(client("10.0.0.5", nil) == "10.0.0.5")
    }

    @Test func anIPv6ClientIsLimitedByItsSlash64() {
        #expect(IPAddress.limitKey("2001:db8:1:2:aaaa::1") == IPAddress.limitKey("2001:db8:1:2:ffff:ffff:ffff:ffff"))
        #expect(IPAddress.limitKey("2001:db8:1:2::1") != IPAddress.limitKey("2001:db8:1:3::1"))
        #expect(IPAddress.limitKey("203.0.113.7") == "203.0.113.7")
        #expect(IPAddress.limitKey("::ffff:203.0.113.7") == "203.0.113.7")
        #expect(IPAddress.limitKey(nil) == "unknown")
    }

    @Test func aBucketRefillsAtItsRateAndAFloodOfKeysForgetsTheOldestNotEveryone() {
        let clock = ManualClock()
        let limiter = RateLimiter(.init(burst: 3, perMinute: 6), clock: clock, maxKeys: 10)
        for _ in 1...3 { #expect(limiter.take("a") == nil) }
        #expect(limiter.take("a") == 10)
        #expect(limiter.take("b", cost: 4) != nil)
        clock.advance(seconds: 10)
        #expect(limiter.take("a") == nil)
        #expect(limiter.take("a") != nil)
        // New keys up to the bound do not reset "a"; past it the least recent go first, and
        // the newest keys (the flood's own) keep their buckets.
        clock.advance(seconds: 1)
        for n in 0..<7 { _ = limiter.take("flood-\(n)") }
        #expect(limiter.take("a") != nil)
        for n in 7..<30 { for _ in 1...3 { _ = limiter.take("flood-\(n)") } }
        #expect(limiter.take("flood-29") != nil)
        // A changed rule: one at a time, one a minute.
        let strict = RateLimiter(.init(burst: 1, perMinute: 1), clock: clock)
        #expect(strict.take("x") == nil)
        #expect(strict.take("x") == 60)
    }
}
