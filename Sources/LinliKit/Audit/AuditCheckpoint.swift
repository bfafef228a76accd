import Crypto
import Foundation
import SQLKit

/// 检查点 — the chain's head (`seq`, its hash, when) signed with the instance's Ed25519 key.
/// Kept beside the chain and exported for an outside witness, it lets `audit verify --against`
/// show that today's chain still extends what was witnessed: a chain rewritten from the start
/// by someone with the database (who can recompute every hash) no longer matches.
public struct AuditCheckpoint: Sendable, Equatable, Codable {
    public let seq: Int64, hash: String, at: Int64
    /// The signer's public key and the signature, both base64.
    public let publicKey: String, signature: String

    public init(seq: Int64, hash: String, at: Int64, publicKey: String, signature: String) {
        (self.seq, self.hash, self.at, self.publicKey, self.signature) = (seq, hash, at, publicKey, signature)
    }

    /// What is signed: a versioned line per field, so no two heads sign alike.
    public static func message(seq: Int64, hash: String, at: Int64) -> Data {
        Data("linli-audit-checkpoint/1\n\(seq)\n\(hash)\n\(at)".utf8)
    }

    /// The signature is the key's, over this head.
    /// Public keys as `LINLI_AUDIT_TRUSTED_KEYS` lists them (comma-separated base64).
    public static func keys(_ text: String?) throws -> Set<String> {
        var keys = Set<String>()
        for item in (text ?? "").split(separator: ",") {
            let key = item.trimmingCharacters(in: .whitespaces)
            guard let raw = Data(base64Encoded: key), (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
                throw AuditKeyError("LINLI_AUDIT_TRUSTED_KEYS 中的 \(key.prefix(12))… 不是 Ed25519 公钥的 base64 编码")
            }
            keys.insert(key)
        }
        return keys
    }

    public var isSigned: Bool {
        guard let key = Data(base64Encoded: publicKey), let signature = Data(base64Encoded: signature),
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else { return false }
        return publicKey.isValidSignature(signature, for: Self.message(seq: seq, hash: hash, at: at))
    }

    /// One JSON object per line, as `linli audit checkpoints --export` writes them.
    public static func exportLines(_ checkpoints: [AuditCheckpoint]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try checkpoints.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }

    /// The lines of an exported file; a line that is not a checkpoint is an error naming it.
    public static func parseLines(_ text: String) throws -> [AuditCheckpoint] {
        var found: [AuditCheckpoint] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let checkpoint = try? JSONDecoder().decode(AuditCheckpoint.self, from: Data(trimmed.utf8)) else {
                throw DomainError.invalid("against", "检查点文件第 \(number + 1) 行不是检查点（应为 linli audit checkpoints --export 导出的内容）")
            }
            found.append(checkpoint)
        }
        return found
    }
}

/// The instance's signing key: `LINLI_AUDIT_KEY` (base64 of the 32-byte Ed25519 seed), or
/// `audit-signing.key` in the data directory, made on first start of a writing command.
public struct AuditSigner: Sendable {
    let seed: Data

    public init(seed: Data) throws {
        _ = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        self.seed = seed
    }

    var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: seed) }
    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    public func sign(seq: Int64, hash: String, at: Int64) throws -> AuditCheckpoint {
        let signature = try key.signature(for: AuditCheckpoint.message(seq: seq, hash: hash, at: at))
        return AuditCheckpoint(seq: seq, hash: hash, at: at, publicKey: publicKey, signature: signature.base64EncodedString())
    }

    /// The key, or nil when there is none and `create` is false (a command that only reads
    /// neither signs nor leaves a key file behind).
    public static func load(environment: [String: String], dataDirectory: String, create: Bool = true) throws -> AuditSigner? {
        if let text = environment["LINLI_AUDIT_KEY"], !text.isEmpty {
            guard let seed = Data(base64Encoded: text), seed.count == 32 else {
                throw AuditKeyError("LINLI_AUDIT_KEY 应为 32 字节 Ed25519 私钥种子的 base64 编码（可用 openssl rand -base64 32 生成）")
            }
            return try AuditSigner(seed: seed)
        }
        let path = (dataDirectory as NSString).appendingPathComponent("audit-signing.key")
        let manager = FileManager.default
        if let existing = manager.contents(atPath: path) {
            guard let seed = Data(base64Encoded: String(decoding: existing, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                  seed.count == 32 else { throw AuditKeyError("\(path) 内容不是 32 字节签名密钥的 base64 编码") }
            return try AuditSigner(seed: seed)
        }
        guard create else { return nil }
        try manager.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let seed = Curve25519.Signing.PrivateKey().rawRepresentation
        guard manager.createFile(atPath: path, contents: Data((seed.base64EncodedString() + "\n").utf8),
                                 attributes: [.posixPermissions: 0o600]) else {
            throw AuditKeyError("无法创建 \(path)")
        }
        return try AuditSigner(seed: seed)
    }
}

public struct AuditKeyError: Error, CustomStringConvertible {
    public let reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { "审计签名密钥无效：\(reason)" }
}

enum AuditCheckpointStore {
    static func all(_ tx: Tx) async throws -> [AuditCheckpoint] {
        try await tx.sql.raw("SELECT seq, hash, at, public_key, signature FROM audit_checkpoints ORDER BY seq").all().map(checkpoint)
    }

    static func latest(_ tx: Tx) async throws -> AuditCheckpoint? {
        try await tx.sql.raw("SELECT seq, hash, at, public_key, signature FROM audit_checkpoints ORDER BY seq DESC LIMIT 1").first().map(checkpoint)
    }

    static func insert(_ tx: Tx, _ c: AuditCheckpoint) async throws {
        try await tx.sql.raw("""
            INSERT INTO audit_checkpoints (seq, hash, at, public_key, signature)
            VALUES (\(bind: c.seq), \(bind: c.hash), \(bind: c.at), \(bind: c.publicKey), \(bind: c.signature))
            """).run()
    }

    static func checkpoint(_ row: any SQLRow) throws -> AuditCheckpoint {
        AuditCheckpoint(seq: try row.decode(column: "seq", as: Int64.self), hash: try row.decode(column: "hash", as: String.self),
                        at: try row.decode(column: "at", as: Int64.self), publicKey: try row.decode(column: "public_key", as: String.self),
                        signature: try row.decode(column: "signature", as: String.self))
    }
}
