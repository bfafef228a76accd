import Crypto
import Foundation

/// Protects personal data at rest (PIPL): values are sealed with AES-256-GCM, and an HMAC
/// "blind index" of each value lets exact searches (by ID number or phone) match without
/// decrypting anything. Both keys derive from one 32-byte master key.
public struct PersonalDataVault: Sendable {
    // Key bytes are kept as Data (Sendable); SymmetricKey is rebuilt per use, which is cheap.
    let sealingKeyBytes: Data
    let indexKeyBytes: Data
    var sealingKey: SymmetricKey { SymmetricKey(data: sealingKeyBytes) }
    var indexKey: SymmetricKey { SymmetricKey(data: indexKeyBytes) }
    /// Names the master key in each sealed value, so a rotation can find what to re-seal.
    public let keyId: String

    public init(masterKey: SymmetricKey) {
        let master = masterKey
        sealingKeyBytes = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("linli-seal-v1".utf8), outputByteCount: 32)
            .withUnsafeBytes { Data($0) }
        indexKeyBytes = HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data("linli-index-v1".utf8), outputByteCount: 32)
            .withUnsafeBytes { Data($0) }
        let fingerprint = SHA256.hash(data: master.withUnsafeBytes { Data($0) }).prefix(4)
        keyId = fingerprint.hex
    }

    /// `k<keyId>:<base64(nonce|ciphertext|tag)>`
    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: sealingKey)
        return "k\(keyId):" + box.combined!.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        guard let colon = sealed.firstIndex(of: ":"), sealed.hasPrefix("k"),
              String(sealed[sealed.index(after: sealed.startIndex)..<colon]) == keyId,
              let data = Data(base64Encoded: String(sealed[sealed.index(after: colon)...])) else {
            throw VaultError.wrongKey
        }
        let box = try AES.GCM.SealedBox(combined: data)
        return String(decoding: try AES.GCM.open(box, using: sealingKey), as: UTF8.self)
    }

    /// Deterministic: the same value always gives the same index; without the key it says nothing.
    public func blindIndex(_ value: String, kind: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(kind):\(value)".utf8), using: indexKey)
        return Data(mac).prefix(20).hex
    }

    public enum VaultError: Error, CustomStringConvertible {
        case wrongKey, badKey(String)
        public var description: String {
            switch self {
            case .wrongKey: "个人信息密文与当前数据密钥不符（密钥是否已更换？见 docs/operations.md 的密钥轮换）"
            case .badKey(let reason): "数据密钥无效：\(reason)"
            }
        }
    }

    /// The master key: `LINLI_DATA_KEY` (base64 of 32 bytes) if set — every instance of a
    /// PostgreSQL deployment must share it — else `<dataDirectory>/linli.key`, created with
    /// mode 0600 on first start.
    public static func loadKey(environment: [String: String], dataDirectory: String) throws -> SymmetricKey {
        if let text = environment["LINLI_DATA_KEY"], !text.isEmpty {
            guard let data = Data(base64Encoded: text), data.count == 32 else {
                throw VaultError.badKey("LINLI_DATA_KEY 应为 32 字节密钥的 base64 编码（可用 openssl rand -base64 32 生成）")
            }
            return SymmetricKey(data: data)
        }
        let path = (dataDirectory as NSString).appendingPathComponent("linli.key")
        let manager = FileManager.default
        if let existing = manager.contents(atPath: path) {
            guard let data = Data(base64Encoded: String(decoding: existing, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                  data.count == 32 else { throw VaultError.badKey("\(path) 内容不是 32 字节密钥的 base64 编码") }
            return SymmetricKey(data: data)
        }
        try manager.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0) }.base64EncodedString() + "\n"
        guard manager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw VaultError.badKey("无法创建 \(path)")
        }
        return key
    }
}
