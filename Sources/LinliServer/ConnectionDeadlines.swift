import NIOCore
import NIOHTTPTypes

/// Time limits on a client connection, besides Hummingbird's idle timeout (no byte read for
/// that long): a request's headers must be complete within `headers` of the connection
/// opening or of the previous answer (a slowloris client trickling a header line every few
/// seconds never goes idle), and its body within `body` of its headers. Past either the
/// connection is closed. A handler's own work is not timed: an import may take minutes.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    struct Limits: Sendable, Equatable {
        /// Idle keep-alive connections and reads that stall (Hummingbird's idle timeout).
        var idle: TimeAmount = .seconds(30)
        /// From connection (or the last answer) to the end of the next request's headers.
        var headers: TimeAmount = .seconds(20)
        /// From the headers to the end of the body (25 MB at 2 Mbit/s is 100 s).
        var body: TimeAmount = .seconds(180)
    }

    let limits: Limits
    private var timer: Scheduled<Void>?
    private var answering = 0

    init(limits: Limits) { self.limits = limits }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(limits.headers, context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(limits.headers, context: context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            answering += 1
            arm(limits.body, context: context)
        case .end:
            disarm()
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            answering = max(answering - 1, 0)
            if answering == 0 { arm(limits.headers, context: context) }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ delay: TimeAmount, context: ChannelHandlerContext) {
        disarm()
        let channel = context.channel
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { channel.close(promise: nil) }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}
