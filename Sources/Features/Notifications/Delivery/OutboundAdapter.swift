import Foundation

/// A message waiting in the outbound queue.
public struct OutboundMessage: Sendable, Equatable {
    public let id: Int64
    public let channel: OutboundChannel
    /// An e-mail address or a webhook URL.
    public let target: String
    public let subject: String
    public let body: String
    /// The JSON document a webhook receives.
    public let payload: String
    public let attempts: Int
}

/// Sends one message on one channel; throws with a readable reason when it could not.
public protocol OutboundAdapter: Sendable {
    var channel: OutboundChannel { get }
    func deliver(_ message: OutboundMessage) async throws
}

public struct DeliveryError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
