import Foundation
import NIOCore
import NIOExtras
import NIOPosix

/// Sends notice e-mails through an SMTP relay (`smtp://host:port`), plain text in UTF-8.
/// The relay is trusted to deliver onwards (a local MTA or the organisation's relay); no
/// authentication or STARTTLS is attempted.
public struct SMTPAdapter: OutboundAdapter {
    public let channel = OutboundChannel.email
    let host: String
    let port: Int
    let from: String
    let heloName: String

    public init(url: String, from: String, heloName: String = "linli.localhost") throws {
        guard let components = URLComponents(string: url), components.scheme == "smtp", let host = components.host, !host.isEmpty else {
            throw DeliveryError("LINLI_SMTP_URL 应写作 smtp://主机:端口")
        }
        self.host = host
        port = components.port ?? 25
        self.from = from
        self.heloName = heloName
    }

    public func deliver(_ message: OutboundMessage) async throws {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw DeliveryError("无法连接邮件服务器 \(host):\(port)：\(error)")
        }
        let mail = MailText.compose(from: from, to: message.target, subject: message.subject, body: message.body,
                                    messageId: "<linli-\(message.id)@\(heloName)>", date: Date())
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            func expect(_ codes: Set<Int>, after command: String) async throws {
                var text: [String] = []
                while true {
                    guard var buffer = try await lines.next() else { throw DeliveryError("邮件服务器在 \(command) 后断开了连接") }
                    let line = buffer.readString(length: buffer.readableBytes) ?? ""
                    text.append(line)
                    let chars = Array(line)
                    // "250-…" continues a reply, "250 …" (or a bare code) ends it.
                    if chars.count < 4 || chars[3] == " " {
                        guard let code = Int(String(chars.prefix(3))), codes.contains(code) else {
                            throw DeliveryError("邮件服务器拒绝 \(command)：\(text.joined(separator: " "))")
                        }
                        return
                    }
                }
            }
            func send(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
            try await expect([220], after: "连接")
            try await send("EHLO \(heloName)")
            try await expect([250], after: "EHLO")
            try await send("MAIL FROM:<\(from)>")
            try await expect([250], after: "MAIL FROM")
            try await send("RCPT TO:<\(message.target)>")
            try await expect([250, 251], after: "RCPT TO")
            try await send("DATA")
            try await expect([354], after: "DATA")
            try await outbound.write(ByteBuffer(string: mail + "\r\n.\r\n"))
            try await expect([250], after: "邮件正文")
            try await send("QUIT")
            _ = try? await expect([221], after: "QUIT")
        }
    }
}

/// The RFC 5322 text of a notice e-mail: UTF-8 subject as an encoded word, body in base64.
public enum MailText {
    public static func compose(from: String, to: String, subject: String, body: String, messageId: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedSubject = "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let encodedBody = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: =?UTF-8?B?\(Data("邻里".utf8).base64EncodedString())?= <\(from)>",
            "To: <\(to)>", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))", "Message-ID: \(messageId)",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "", encodedBody,
        ].joined(separator: "\r\n")
    }
}
