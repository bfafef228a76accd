import NIOCore
import NIOHTTPTypes

/// Time limits on a client connection besides Hummingbird's idle timeout (which closes a
/// connection that delivers no HTTP part for that long): the next request's headers must be
/// complete within `headers` of the connection opening or of the previous answer having been
/// sent, and a request's body within `body` of its headers — an upload dribbled a few bytes at
/// a time stays "active" for the idle timer forever. Past either the connection is closed. A
/// handler's own work is not timed: an import may take minutes.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    struct Limits: Sendable, Equatable {
        /// Idle keep-alive connections and reads that stall (Hummingbird's idle timeout).
        var idle: TimeAmount = .seconds(30)
        /// From connection (or the last answer sent) to the end of the next request's headers.
        var headers: TimeAmount = .seconds(30)
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
            // Answered already (a 413 or 401 before the body was read): the connection is
            // between requests again.
            if answering == 0 { arm(limits.headers, context: context) } else { disarm() }
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        answering = max(answering - 1, 0)
        // The clock for the next request starts once the answer has gone out, not when it was
        // queued: a slow reader is not cut off in the middle of a large download.
        let written = promise ?? context.eventLoop.makePromise()
        written.futureResult.assumeIsolated().whenComplete { _ in
            if self.answering == 0, context.channel.isActive { self.arm(self.limits.headers, context: context) }
        }
        context.write(data, promise: written)
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
