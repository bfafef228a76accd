import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a host name into the numeric addresses a connection would go to. Injected, so
/// tests can make any name resolve anywhere without a DNS server.
public protocol HostResolver: Sendable {
    func addresses(of host: String) async throws -> [String]
}

/// The operating system's resolver (getaddrinfo, so /etc/hosts and decimal forms such as
/// `2130706433` resolve exactly as a connection would resolve them).
public struct SystemHostResolver: HostResolver {
    public init() {}

    public func addresses(of host: String) async throws -> [String] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.lookup(host) })
            }
        }
    }

    static func lookup(_ host: String) throws -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var first: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &first) == 0, let first else { throw OutboundRefusal("无法解析主机名 \(host.prefix(60))") }
        defer { freeaddrinfo(first) }
        var found: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 {
                found.append(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = entry.pointee.ai_next
        }
        return found
    }
}

/// Why the server will not send a request somewhere; the message is zh-CN for the user.
public struct OutboundRefusal: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Where the server may send requests on someone's behalf (personal webhooks): only to
/// public addresses, unless the host is one an administrator listed. Every address a name
/// resolves to must be public, so a name with one public and one loopback record is refused.
public struct OutboundPolicy: Sendable {
    /// Host names or literal addresses allowed even when they are not public (lower case).
    public let allowedHosts: Set<String>
    public let resolver: any HostResolver
    /// A name that does not resolve in this time is refused (a slow DNS server must not hold
    /// the delivery job or a settings page).
    public let resolveTimeout: Duration

    public init(allowedHosts: Set<String> = [], resolver: any HostResolver = SystemHostResolver(), resolveTimeout: Duration = .seconds(5)) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.resolver = resolver
        self.resolveTimeout = resolveTimeout
    }

    /// What a user is told: the same for every refusal, so that the settings page is no way
    /// to learn which inside names exist or where they point. `check`'s own reason is for logs.
    public static let refusalForUsers = "请填写可从互联网访问的地址（不能是内网、本机或保留地址）"

    func resolve(_ host: String) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String]?.self) { group in
            group.addTask { try await resolver.addresses(of: host) }
            group.addTask {
                try? await Task.sleep(for: resolveTimeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let addresses = first else {
                throw OutboundRefusal("解析主机名超时 \(host.prefix(60))")
            }
            return addresses
        }
    }

    public struct Target: Sendable, Equatable {
        public let url: URL
        /// The host as written, without IPv6 brackets, lower case.
        public let host: String
        /// The addresses checked; a connection should go to one of these.
        public let addresses: [String]
    }

    /// Checks an `http(s)` URL; throws `OutboundRefusal` with the reason otherwise.
    public func check(_ text: String) async throws -> Target {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let rawHost = url.host, !rawHost.isEmpty else {
            throw OutboundRefusal("地址应以 http:// 或 https:// 开头")
        }
        if url.user != nil || url.password != nil { throw OutboundRefusal("地址中不能含有用户名或密码") }
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        // A zone (fe80::1%eth0) or any escape in the host has no place in a public address.
        guard !host.contains("%"), !host.unicodeScalars.contains(where: { $0.value < 0x21 }) else {
            throw OutboundRefusal("地址中的主机名无效")
        }
        if allowedHosts.contains(host) { return Target(url: url, host: host, addresses: []) }
        let addresses: [String]
        if IPAddress.parse(host) != nil {
            addresses = [host]
        } else {
            do { addresses = try await resolve(host) } catch let refusal as OutboundRefusal { throw refusal } catch {
                throw OutboundRefusal("无法解析主机名 \(host.prefix(60))")
            }
        }
        guard !addresses.isEmpty else { throw OutboundRefusal("无法解析主机名 \(host.prefix(60))") }
        for address in addresses where !(IPAddress.parse(address)?.isPublic ?? false) {
            throw OutboundRefusal("不能发送到内网、本机或保留地址（\(host.prefix(60)) → \(address)）")
        }
        return Target(url: url, host: host, addresses: addresses)
    }
}

/// An IPv4 or IPv6 address as bytes, and whether it is a public (globally routable) one.
public enum IPAddress: Sendable, Equatable {
    case v4([UInt8])
    case v6([UInt8])

    public static func parse(_ text: String) -> IPAddress? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return .v4(withUnsafeBytes(of: &v4) { Array($0) })
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return .v6(withUnsafeBytes(of: &v6) { Array($0) })
        }
        return nil
    }

    /// An IPv4 address written in IPv6 form (`::ffff:10.0.0.5`) as IPv4, so that both forms
    /// compare equal; anything else as it is.
    public var unmapped: IPAddress {
        if case .v6(let b) = self, b.count == 16, b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xFF, b[11] == 0xFF {
            return .v4(Array(b[12..<16]))
        }
        return self
    }

    var bytes: [UInt8] {
        switch self {
        case .v4(let b), .v6(let b): b
        }
    }

    /// Whether the first `prefix` bits equal those of `network` (same family).
    public func isWithin(_ network: IPAddress, prefix: Int) -> Bool {
        let (mine, theirs) = (unmapped.bytes, network.unmapped.bytes)
        guard mine.count == theirs.count, (0...mine.count * 8).contains(prefix) else { return false }
        for bit in 0..<prefix where (mine[bit / 8] >> (7 - bit % 8)) & 1 != (theirs[bit / 8] >> (7 - bit % 8)) & 1 {
            return false
        }
        return true
    }

    /// The key a per-client limit counts under: an IPv4 address itself, an IPv6 address its
    /// /64 (one subscriber's network: rotating inside it must not give new allowances).
    public static func limitKey(_ text: String?) -> String {
        guard let text, let address = parse(text)?.unmapped else { return text ?? "unknown" }
        switch address {
        case .v4: return text.hasPrefix("::ffff:") ? String(text.dropFirst(7)) : text
        case .v6(let b): return b[0..<8].map { String(format: "%02x", $0) }.joined() + "::/64"
        }
    }

    /// Not loopback, private, shared (CGNAT), link-local, documentation, benchmarking,
    /// multicast, reserved or unspecified; IPv6 forms that carry an IPv4 address are judged
    /// by that address.
    public var isPublic: Bool {
        switch self {
        case .v4(let b):
            guard b.count == 4 else { return false }
            let (a, c) = (b[0], b[1])
            if a == 0 || a == 10 || a == 127 || a >= 224 { return false }
            if a == 100 && (64...127).contains(c) { return false }
            if a == 169 && c == 254 { return false }
            if a == 172 && (16...31).contains(c) { return false }
            if a == 192 && c == 168 { return false }
            if a == 192 && c == 0 && (b[2] == 0 || b[2] == 2) { return false }
            if a == 192 && c == 88 && b[2] == 99 { return false }
            if a == 198 && (c == 18 || c == 19) { return false }
            if a == 198 && c == 51 && b[2] == 100 { return false }
            if a == 203 && c == 0 && b[2] == 113 { return false }
            return true
        case .v6(let b):
            guard b.count == 16 else { return false }
            // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach that IPv4 address.
            if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return IPAddress.v4(Array(b[12..<16])).isPublic }
            if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..<12].allSatisfy({ $0 == 0 }) {
                return IPAddress.v4(Array(b[12..<16])).isPublic
            }
            // 6to4 (2002::/16) carries its IPv4 address in bytes 2–5.
            if b[0] == 0x20 && b[1] == 0x02 { return IPAddress.v4(Array(b[2..<6])).isPublic }
            // Only global unicast (2000::/3) is public, less IETF protocol space (2001::/23,
            // Teredo included) and documentation (2001:db8::/32).
            guard b[0] & 0xE0 == 0x20 else { return false }
            if b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02 { return false }
            if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return false }
            return true
        }
    }
}

/// The reverse proxies whose X-Forwarded-For is believed: addresses or networks in CIDR form
/// (`10.0.0.11`, `10.0.0.0/24`, `::1`, `fd00::/8`), compared as addresses, not as text.
public struct TrustedProxies: Sendable, Equatable {
    struct Network: Sendable, Equatable { let address: IPAddress; let prefix: Int }
    let networks: [Network]
    public let entries: [String]

    /// Entries that are neither an address nor a network are left out (`entries` keeps the rest).
    public init(_ entries: [String]) {
        var networks: [Network] = []
        var kept: [String] = []
        for entry in entries.map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let address = IPAddress.parse(parts[0])?.unmapped else { continue }
            let width = address.bytes.count * 8
            guard let prefix = parts.count == 2 ? Int(parts[1]) : width, (0...width).contains(prefix) else { continue }
            networks.append(Network(address: address, prefix: prefix))
            kept.append(entry)
        }
        self.networks = networks
        self.entries = kept
    }

    public static let none = TrustedProxies([])
    public var isEmpty: Bool { networks.isEmpty }

    public func contains(_ text: String) -> Bool {
        guard let address = IPAddress.parse(text)?.unmapped else { return false }
        return networks.contains { address.isWithin($0.address, prefix: $0.prefix) }
    }
}
