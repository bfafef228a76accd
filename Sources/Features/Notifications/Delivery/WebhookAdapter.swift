import AsyncHTTPClient
import Foundation
import NIOCore

/// POSTs the notice's JSON document to the target URL; any answer but 2xx is a failure.
public struct WebhookAdapter: OutboundAdapter {
    public let channel = OutboundChannel.webhook
    let client: HTTPClient
    let timeout: TimeAmount

    public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(10)) {
        self.client = client
        self.timeout = timeout
    }

    public func deliver(_ message: OutboundMessage) async throws {
        var request = HTTPClientRequest(url: message.target)
        request.method = .POST
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

    static func host(_ url: String) -> String { URL(string: url)?.host ?? url }
}
