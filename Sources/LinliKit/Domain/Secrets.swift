import Crypto
import Foundation

/// Random tokens and their stored digests. Tokens (session ids, API tokens, CSRF tokens)
/// are never stored as issued: the database keeps SHA-256 digests only.
public enum Secrets {
    /// A URL- and cookie-safe random token with `bytes` bytes of entropy.
    public static func token(bytes: Int = 32) -> String {
        let data = Data(SymmetricKey(size: .init(bitCount: bytes * 8)).withUnsafeBytes { Array($0) })
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hex
    }

    /// Constant-time comparison for tokens supplied by clients.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, two digits a byte (hashes, fingerprints, blind indexes): a
    /// table lookup, not `String(format:)`, which goes through Foundation's formatter per byte.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
