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
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
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
