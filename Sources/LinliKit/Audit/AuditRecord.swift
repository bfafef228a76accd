import Crypto
import Foundation

/// One row of the append-only audit trail (审计日志). Rows are hash-chained: each row's hash
/// covers its own fields and the previous row's hash, so editing or removing any row breaks
/// the chain from that row on. A row is written by its change without a place in the chain;
/// the sequencer (`AuditSequencer`) gives it `seq`, `prevHash` and `hash` soon after commit.
public struct AuditRecord: Sendable, Equatable {
    /// The insert key: the order rows were written in, before they are sequenced.
    public let id: Int64
    /// Place in the chain; nil until sequenced.
    public let seq: Int64?
    public let at: Int64
    public let actorId: Int64?
    public let actorName: String
    public let ip: String?
    public let action: String
    public let entityType: String
    public let entityId: String
    /// Region path of the entity, so admins browse only their subtree's entries.
    public let regionPath: String?
    public let before: String?
    public let after: String?
    public let prevHash: String?
    public let hash: String?

    public static let genesisHash = String(repeating: "0", count: 64)

    public init(id: Int64, seq: Int64?, at: Int64, actorId: Int64?, actorName: String, ip: String?, action: String, entityType: String,
                entityId: String, regionPath: String?, before: String?, after: String?, prevHash: String?, hash: String?) {
        self.id = id
        self.seq = seq
        self.at = at
        self.actorId = actorId
        self.actorName = actorName
        self.ip = ip
        self.action = action
        self.entityType = entityType
        self.entityId = entityId
        self.regionPath = regionPath
        self.before = before
        self.after = after
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The hash a row must carry, computed from its fields and its predecessor's hash.
    public static func computeHash(seq: Int64, at: Int64, actorId: Int64?, actorName: String, ip: String?,
                                   action: String, entityType: String, entityId: String, regionPath: String?,
                                   before: String?, after: String?, prevHash: String) -> String {
        let fields: [String] = [
            String(seq), String(at), actorId.map(String.init) ?? "", actorName, ip ?? "", action,
            entityType, entityId, regionPath ?? "", before ?? "\u{0}", after ?? "\u{0}", prevHash,
        ]
        // Unit separator between fields: none of them can contain it unescaped in a way that
        // makes two different rows hash alike, since JSON escapes control characters.
        let digest = SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8))
        return digest.hex
    }

    /// The hash this row must carry at `seq` after `prevHash`.
    public func hash(seq: Int64, prevHash: String) -> String {
        Self.computeHash(seq: seq, at: at, actorId: actorId, actorName: actorName, ip: ip, action: action,
                         entityType: entityType, entityId: entityId, regionPath: regionPath,
                         before: before, after: after, prevHash: prevHash)
    }

    /// The hash its fields call for; nil while unsequenced.
    public var expectedHash: String? {
        guard let seq, let prevHash else { return nil }
        return hash(seq: seq, prevHash: prevHash)
    }
}

/// What a walk of the chain found.
public enum AuditChainFinding: Sendable, Equatable {
    case intact(rows: Int64)
    /// The row at `seq` was edited (its hash does not match its fields).
    case altered(seq: Int64)
    /// The row at `seq` is missing (removed), or a row before it was.
    case missing(seq: Int64)
    /// The rows after `seq` were removed from the end.
    case truncated(after: Int64)
    /// `count` entries were written more than the maximum delay ago and are still outside the
    /// chain (the sequencer is not running, or an entry was slipped in without one).
    case unsequenced(count: Int64, oldestAt: Int64)
    /// The chain at `seq` is not what a signed checkpoint witnessed: rewritten since.
    case rewritten(seq: Int64)
    /// A checkpoint at `seq` does not carry a valid signature of its own head, or a kept one is
    /// signed by a key that is not pinned.
    case badCheckpoint(seq: Int64)

    public var message: String {
        switch self {
        case .intact(let rows): "OK：审计链完整，共 \(rows) 条记录"
        case .altered(let seq): "审计链断裂：第 \(seq) 条记录被修改"
        case .missing(let seq): "审计链断裂：第 \(seq) 条记录缺失（已被删除）"
        case .truncated(let after): "审计链断裂：第 \(after) 条之后的记录被删除"
        case .unsequenced(let count, let oldestAt):
            "审计链不完整：\(count) 条记录超过最长延迟仍未入链（最早写于 \(Date(millis: oldestAt).shanghaiText)）"
        case .rewritten(let seq): "审计链被重写：第 \(seq) 条与已签名的检查点不符"
        case .badCheckpoint(let seq):
            "检查点无效：第 \(seq) 条的检查点签名不正确，或不是本实例的密钥、也不是 LINLI_AUDIT_TRUSTED_KEYS 中的密钥所签"
        }
    }

    public var isIntact: Bool { if case .intact = self { true } else { false } }
}

/// Walks rows in seq order and reports the first break. Pure: the caller feeds the rows.
public struct AuditChainWalker: Sendable {
    public private(set) var expectedSeq: Int64 = 1
    public private(set) var previousHash = AuditRecord.genesisHash
    public init() {}

    /// Returns a finding at the first bad row, or nil while the chain holds. Rows are
    /// sequenced ones, in seq order.
    public mutating func check(_ record: AuditRecord) -> AuditChainFinding? {
        guard let seq = record.seq, seq == expectedSeq else { return .missing(seq: expectedSeq) }
        if record.prevHash != previousHash {
            // The stored link disagrees with the predecessor: the predecessor was edited
            // after this row was written, or this row was.
            return record.hash == record.expectedHash ? .altered(seq: seq - 1) : .altered(seq: seq)
        }
        if record.hash != record.expectedHash { return .altered(seq: seq) }
        expectedSeq += 1
        previousHash = record.hash ?? ""
        return nil
    }

    /// Compares the end of the walk with the head the log keeps beside the rows.
    public func finish(headSeq: Int64, headHash: String) -> AuditChainFinding {
        let last = expectedSeq - 1
        if headSeq > last { return .truncated(after: last) }
        if headSeq == last && headHash != previousHash { return .altered(seq: last) }
        return .intact(rows: last)
    }
}
