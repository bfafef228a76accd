/// A name an audit entry is stored with and the zh-CN words the trail shows for it. Each
/// feature declares its actions and entities in its `AuditVocabulary.swift` and lists them in
/// its manifest (`Feature.auditActions`, `auditEntities`); two features declaring one name
/// stop the start.
public struct AuditTerm<Kind>: Hashable, Sendable {
    public let rawValue: String
    public let label: String
    public init(_ rawValue: String, _ label: String) {
        self.rawValue = rawValue
        self.label = label
    }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

public enum AuditActionTerm {}
public enum AuditEntityTerm {}
/// What an entry says was done, e.g. `resident.create`.
public typealias AuditAction = AuditTerm<AuditActionTerm>
/// What kind of thing an entry is about, e.g. `resident`.
public typealias AuditEntity = AuditTerm<AuditEntityTerm>

/// The kernel's own: the data key, and accounts (which every feature's entries may be about).
extension AuditAction {
    public static let dataKeyRotate = AuditAction("data_key.rotate", "轮换数据密钥")
    static let kernel: [AuditAction] = [.dataKeyRotate]
}

extension AuditEntity {
    public static let dataKey = AuditEntity("data_key", "数据密钥")
    public static let user = AuditEntity("user", "账号")
    static let kernel: [AuditEntity] = [.dataKey, .user]
}

/// Every declared action and entity by stored name, for showing the trail in words.
public struct AuditVocabulary: Sendable {
    let actions: [String: String]
    let entities: [String: String]

    public init(actions: [AuditAction], entities: [AuditEntity]) {
        self.actions = Dictionary((AuditAction.kernel + actions).map { ($0.rawValue, $0.label) }) { first, _ in first }
        self.entities = Dictionary((AuditEntity.kernel + entities).map { ($0.rawValue, $0.label) }) { first, _ in first }
    }

    /// The words for a stored action; an entry older than its declaration shows its name.
    public func label(action name: String) -> String { actions[name] ?? name }
    public func label(entity name: String) -> String { entities[name] ?? name }
    public func knows(action name: String) -> Bool { actions[name] != nil }
    public func knows(entity name: String) -> Bool { entities[name] != nil }
}
