/// What an audit entry says was done, e.g. `resident.create`, with the zh-CN words the trail
/// shows and the kind of thing its entries are about. Each feature declares its actions in
/// its `AuditVocabulary.swift` and lists them in its manifest (`Feature.auditActions`); two
/// features declaring one name stop the start.
public struct AuditAction: Hashable, Sendable {
    public let rawValue: String
    public let label: String
    public let entity: AuditEntity

    public init(_ rawValue: String, on entity: AuditEntity, _ label: String) {
        (self.rawValue, self.entity, self.label) = (rawValue, entity, label)
    }
}

/// What kind of thing an audit entry is about, e.g. `resident`.
public struct AuditEntity: Hashable, Sendable {
    public let rawValue: String
    public let label: String

    public init(_ rawValue: String, _ label: String) {
        (self.rawValue, self.label) = (rawValue, label)
    }
}

/// The kernel's own: the data key, and accounts (which every feature's entries may be about).
extension AuditAction {
    public static let dataKeyRotate = AuditAction("data_key.rotate", on: .dataKey, "轮换数据密钥")
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

    public init(actions: [AuditAction]) {
        let all = AuditAction.kernel + actions
        self.actions = Dictionary(all.map { ($0.rawValue, $0.label) }) { first, _ in first }
        self.entities = Dictionary((AuditEntity.kernel + all.map(\.entity)).map { ($0.rawValue, $0.label) }) { first, _ in first }
    }

    /// The words for a stored action; an entry older than its declaration shows its name.
    public func label(action name: String) -> String { actions[name] ?? name }
    public func label(entity name: String) -> String { entities[name] ?? name }
    public func knows(action name: String) -> Bool { actions[name] != nil }
    public func knows(entity name: String) -> Bool { entities[name] != nil }
    /// Every action with its words, by their words (for a filter's choices).
    public var allActions: [(name: String, label: String)] { actions.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 } }
    public var allEntities: [(name: String, label: String)] { entities.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 } }
}
