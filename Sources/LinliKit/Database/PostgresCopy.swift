import NIOCore
import PostgresNIO

extension PostgresSession {
    /// Rows into one table through `COPY … FROM STDIN` (text format): PostgreSQL reads them as a
    /// stream, without parsing a statement of thousands of parameters per 500 rows.
    func copy(into table: String, columns: [String], rows: [[SQLCell]]) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(Self.copyChunk + 4096)
            for row in rows {
                CopyText.write(row, to: &buffer)
                if buffer.readableBytes >= Self.copyChunk {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    private static let copyChunk = 1 << 20
}

/// COPY's text format: tab between columns, newline after each row, `\N` for NULL, and a
/// backslash before the backslash, tab, newline and carriage return inside a value.
enum CopyText {
    static func write(_ row: [SQLCell], to buffer: inout ByteBuffer) {
        for (position, cell) in row.enumerated() {
            if position > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch cell {
            case .integer(let number): buffer.writeString(String(number))
            case .null: buffer.writeStaticString("\\N")
            case .text(let text): writeEscaped(text, to: &buffer)
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    private static func writeEscaped(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: needsEscape) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
