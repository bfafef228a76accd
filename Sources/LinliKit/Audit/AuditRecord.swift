import Crypto
import Foundation

/// One row of the append-only audit trail (审计日志). Rows are hash-chained: each row's hash
/// covers its own fields and the previous row's hash, so editing or removing any row breaks
/// the chain from that row on.
public struct AuditRecord: Sendable, Equatable {
    public let seq: Int64
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
    public let prevHash: String
    public let hash: String

    public static let genesisHash = String(repeating: "0", count: 64)

    public init(seq: Int64, at: Int64, actorId: Int64?, actorName: String, ip: String?, action: String, entityType: String,
                entityId: String, regionPath: String?, before: String?, after: String?, prevHash: String, hash: String) {
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

    public var expectedHash: String {
        Self.computeHash(seq: seq, at: at, actorId: actorId, actorName: actorName, ip: ip, action: action,
                         entityType: entityType, entityId: entityId, regionPath: regionPath,
                         before: before, after: after, prevHash: prevHash)
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

    public var message: String {
        switch self {
        case .intact(let rows): "OK：审计链完整，共 \(rows) 条记录"
        case .altered(let seq): "审计链断裂：第 \(seq) 条记录被修改"
        case .missing(let seq): "审计链断裂：第 \(seq) 条记录缺失（已被删除）"
        case .truncated(let after): "审计链断裂：第 \(after) 条之后的记录被删除"
        }
    }
}

/// Walks rows in seq order and reports the first break. Pure: the caller feeds the rows.
public struct AuditChainWalker: Sendable {
    public private(set) var expectedSeq: Int64 = 1
    public private(set) var previousHash = AuditRecord.genesisHash
    public init() {}

    /// Returns a finding at the first bad row, or nil while the chain holds.
    public mutating func check(_ record: AuditRecord) -> AuditChainFinding? {
        if record.seq != expectedSeq { return .missing(seq: expectedSeq) }
        if record.prevHash != previousHash {
            // The stored link disagrees with the predecessor: the predecessor was edited
            // after this row was written, or this row was.
            return record.hash == record.expectedHash ? .altered(seq: record.seq - 1) : .altered(seq: record.seq)
        }
        if record.hash != record.expectedHash { return .altered(seq: record.seq) }
        expectedSeq += 1
        previousHash = record.hash
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
