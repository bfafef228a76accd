import AsyncHTTPClient
import Foundation
import LinliKit
import NIOCore

/// POSTs the notice's JSON document to the target URL; any answer but 2xx is a failure.
/// A person's webhook is checked against the outbound policy at every delivery (a name may
/// resolve elsewhere since it was saved); redirects are never followed, so a public host
/// cannot bounce the request inward. Plain http goes to the very address that was checked;
/// https names the host for TLS, whose certificate a rebinding attacker cannot present.
public struct WebhookAdapter: OutboundAdapter {
    public let channel = OutboundChannel.webhook
    let client: HTTPClient
    let timeout: TimeAmount
    let policy: OutboundPolicy
    /// Targets an administrator configured (the district webhook): not checked.
    let trustedTargets: Set<String>

    /// One client for every webhook, with redirects off; it lives as long as the process.
    public static let noRedirects = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                        configuration: .init(redirectConfiguration: .disallow))

    public init(client: HTTPClient = WebhookAdapter.noRedirects, timeout: TimeAmount = .seconds(10),
                policy: OutboundPolicy = OutboundPolicy(), trustedTargets: Set<String> = []) {
        self.client = client
        self.timeout = timeout
        self.policy = policy
        self.trustedTargets = trustedTargets
    }

    public func deliver(_ message: OutboundMessage) async throws {
        var url = message.target
        var hostHeader: String?
        if !trustedTargets.contains(message.target) {
            let target: OutboundPolicy.Target
            do { target = try await policy.check(message.target) } catch let refusal as OutboundRefusal {
                throw DeliveryError("拒绝发送：\(refusal.description)")
            }
            // IPv4 first: a server without IPv6 still reaches a dual-stack host.
            let address = target.addresses.first { !$0.contains(":") } ?? target.addresses.first
            if target.url.scheme?.lowercased() == "http", let address, let pinned = Self.pinned(target.url, to: address) {
                url = pinned
                let host = target.host.contains(":") ? "[\(target.host)]" : target.host
                hostHeader = target.url.port.map { "\(host):\($0)" } ?? host
            }
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        if let hostHeader { request.headers.replaceOrAdd(name: "Host", value: hostHeader) }
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "Linli-Notifications/1")
        request.headers.add(name: "X-Linli-Message-Id", value: String(message.id))
        request.body = .bytes(ByteBuffer(string: message.payload))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
        } catch {
            throw DeliveryError("无法连接 \(Self.host(message.target))：\(error)")
        }
        // Read (and drop) a little of the body so the connection can be reused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(Int(response.status.code)) else {
            throw DeliveryError("\(Self.host(message.target)) 答复 \(response.status.code)")
        }
    }

    /// The URL with its host replaced by a checked address.
    static func pinned(_ url: URL, to address: String) -> String? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        components.percentEncodedHost = address.contains(":") ? "[\(address)]" : address
        return components.string
    }

    static func host(_ url: String) -> String { URL(string: url)?.host ?? url }
}
