import Foundation
import LinliKit

/// Use cases of the region tree. Every method takes the acting `Actor`, checks the
/// permission, finds nodes only inside the actor's scope, runs in one transaction and
/// appends an audit entry for every change.
public struct RegionService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let moveListeners: [any SubtreeMoveListener]
    /// This instance's index of boundaries, shared by the copies of the service.
    let boundaries = BoundaryCache()

    public init(database: Database, audit: AuditLog, clock: any Clock, moveListeners: [any SubtreeMoveListener]) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.moveListeners = moveListeners
    }

    // MARK: Reading

    public func node(_ id: Int64, actor: Actor) async throws -> RegionNode {
        try actor.require(.regionView)
        return try await database.read { tx in try await Self.scopedNode(tx, id, actor) }
    }

    /// A place as a person names it — by its name, with the names of places above it where one
    /// is not enough (「第一网格 1号楼」), or by its code — within the actor's scope, never a
    /// retired one. Anything but exactly one match is a zh-CN error on `field` that says what
    /// to write instead.
    public func node(named text: String, field: String, actor: Actor) async throws -> RegionNode {
        let trimmed = text.trimmingWhitespace
        if !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ $0.isASCII && CharacterSet.decimalDigits.contains($0) }) {
            let found = try await database.read { tx in try await RegionStore.find(tx, code: trimmed, within: actor.scope) }
            guard let found, !found.retired else { throw DomainError.invalid(field, "编码 \(trimmed) 不存在或不在您的管辖范围内") }
            return found
        }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "/" || $0 == "，" || $0 == "," }).map(String.init)
        guard let last = words.last else { throw DomainError.invalid(field, "请填写地点名称，如「建设社区」或「第一网格 1号楼」") }
        // From the top down: each word is looked for inside the places the words before it named,
        // so a common name (101室) under a rare one (第一网格) is found however many there are.
        let limit = 50
        let matches = try await database.read { tx -> [RegionNode] in
            var within = [actor.scope]
            var found: [RegionNode] = []
            for word in words {
                found = []
                for scope in within { found += try await RegionStore.named(tx, word, within: scope, limit: limit) }
                within = found.map { Scope(regionId: $0.id, path: $0.path) }
                if found.isEmpty { break }
            }
            return found
        }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw DomainError.invalid(field, "管辖范围内没有名为「\(trimmed)」的地点")
        default:
            let lines = try await addressLines(for: Array(matches.prefix(3)))
            let examples = matches.prefix(3).compactMap { lines[$0.id] }.joined(separator: "、")
            let count = matches.count >= limit ? "\(limit) 处以上" : "\(matches.count) 处"
            throw DomainError.invalid(field, "「\(trimmed)」有 \(count)（\(examples)…），请在前面加上所在的网格或社区，如「第一网格 \(last)」")
        }
    }

    public func node(code: String, actor: Actor) async throws -> RegionNode {
        try actor.require(.regionView)
        return try await database.read { tx in
            guard let node = try await RegionStore.find(tx, code: code, within: actor.scope) else { throw DomainError.notFound("区域") }
            return node
        }
    }

    public func children(of id: Int64, actor: Actor, includeRetired: Bool = false) async throws -> [RegionNode] {
        try actor.require(.regionView)
        return try await database.read { tx in
            _ = try await Self.scopedNode(tx, id, actor)
            return try await RegionStore.children(tx, of: id, includeRetired: includeRetired)
        }
    }

    /// Ancestors of `node` down to it, starting at the actor's own scope root.
    public func breadcrumb(for node: RegionNode, actor: Actor) async throws -> [RegionNode] {
        try await database.read { tx in
            try await RegionStore.nodes(onPath: node.path, tx).filter { actor.scope.contains(path: $0.path) }
        }
    }

    public func search(level: RegionLevel?, term: String?, actor: Actor, limit: Int = 50) async throws -> [RegionNode] {
        try actor.require(.regionView)
        return try await database.read { tx in
            try await RegionStore.search(tx, level: level, term: term, within: actor.scope, limit: limit)
        }
    }

    /// Active nodes per level in the actor's subtree (for the console home).
    public func counts(actor: Actor) async throws -> [RegionLevel: Int] {
        try await database.read { tx in try await RegionStore.subtreeCounts(tx, path: actor.scope.path) }
    }

    /// Unscoped lookup for other features that must resolve a region id they hold (e.g. the
    /// account an actor signs in with). Never serve its result to a user without a scope check.
    public func lookup(_ id: Int64) async throws -> RegionNode? {
        try await database.read { tx in try await RegionStore.find(tx, id: id, within: Scope(regionId: 0, path: "/")) }
    }

    /// Nodes by id, whatever scope (for background work that already holds the ids).
    public func find(ids: [Int64]) async throws -> [RegionNode] {
        try await database.read { tx in try await RegionStore.find(tx, ids: ids) }
    }

    public func lookup(code: String) async throws -> RegionNode? {
        try await database.read { tx in try await RegionStore.find(tx, code: code, within: Scope(regionId: 0, path: "/")) }
    }

    /// Many nodes by code at once (a ledger import's places): those in the actor's scope.
    public func nodes(codes: [String], actor: Actor) async throws -> [String: RegionNode] {
        try actor.require(.regionView)
        let found = try await database.read { tx in try await RegionStore.find(tx, codes: Array(Set(codes)), within: actor.scope) }
        return Dictionary(found.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// `addressLine(for:)` of many nodes, reading each ancestor once and joining each
    /// ancestor's line once (a district's households share their buildings and units).
    public func addressLines(for nodes: [RegionNode]) async throws -> [Int64: String] {
        var known = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let paths = Dictionary(nodes.map { ($0.id, $0.path.split(separator: "/").compactMap { Int64($0) }) }, uniquingKeysWith: { a, _ in a })
        let missing = Set(paths.values.joined()).subtracting(known.keys)
        for node in try await database.read({ tx in try await RegionStore.find(tx, ids: Array(missing)) }) { known[node.id] = node }
        var lines: [Int64: String] = [:]
        func line(_ ids: ArraySlice<Int64>) -> String {
            guard let last = ids.last else { return "" }
            if let done = lines[last] { return done }
            let above = line(ids.dropLast())
            var text = above
            if let node = known[last], node.level != .district { text = above.isEmpty ? node.name : above + " " + node.name }
            lines[last] = text
            return text
        }
        return paths.mapValues { line($0[...]) }
    }

    /// The postal-style address of a node: the names from the street down, e.g.
    /// `东关街道 建设社区 第一网格 1号楼 1单元 101室`.
    public func addressLine(for node: RegionNode) async throws -> String {
        try await addressLines(for: [node])[node.id] ?? ""
    }

    public func roots() async throws -> [RegionNode] {
        try await database.read { tx in try await RegionStore.roots(tx) }
    }

    static func scopedNode(_ tx: Tx, _ id: Int64, _ actor: Actor) async throws -> RegionNode {
        guard let node = try await RegionStore.find(tx, id: id, within: actor.scope) else { throw DomainError.notFound("区域") }
        return node
    }

    // MARK: Changing the tree

    /// Creates the root of a deployment: the district. Only an actor whose scope is the whole
    /// tree (the command line) may do this.
    public func createDistrict(code: String, name: String, actor: Actor) async throws -> RegionNode {
        try actor.require(.regionManage)
        guard actor.scope.path == "/" else { throw DomainError.forbidden }
        try RegionCode.validateDistrict(code)
        let name = try RegionRules.validateName(name)
        let now = clock.now().millis
        return try await database.write { tx in
            if try await RegionStore.codeExists(tx, code) { throw DomainError.conflict("区编码 \(code) 已存在") }
            let id = try await RegionStore.insert(tx, parent: nil, level: .district, code: code, name: name, now: now)
            let node = try await RegionStore.find(tx, id: id, within: actor.scope)!
            try await audit.append(tx, actor: actor, action: .regionCreate, entityId: String(id),
                                   regionPath: node.path, after: ["code": code, "name": name, "level": "district"])
            return node
        }
    }

    public func create(parentId: Int64, name: String?, segment: String?, actor: Actor) async throws -> RegionNode {
        try actor.require(.regionManage)
        let now = clock.now().millis
        return try await database.write { tx in
            try await RegionStore.lockChildren(tx, of: parentId)
            let parent = try await Self.scopedNode(tx, parentId, actor)
            let level = try RegionRules.childLevel(of: parent)
            let name = try RegionRules.validateName(name)
            let code: String
            if let segment {
                try RegionCode.validateSegment(segment, for: level)
                code = parent.code + segment
                if try await RegionStore.codeExists(tx, code) {
                    throw DomainError.invalid("segment", "编码 \(code) 已被占用（撤销的区域也保留其编码）")
                }
            } else {
                code = try RegionCode.nextSegment(parentCode: parent.code,
                                                  existingChildCodes: try await RegionStore.childCodes(tx, of: parent.id),
                                                  level: level).prefixed(by: parent.code)
            }
            let id = try await RegionStore.insert(tx, parent: parent, level: level, code: code, name: name, now: now)
            let node = try await RegionStore.find(tx, id: id, within: actor.scope)!
            try await audit.append(tx, actor: actor, action: .regionCreate, entityId: String(id),
                                   regionPath: node.path, after: ["code": code, "name": name, "level": level.rawValue, "parent": parent.code])
            return node
        }
    }

    public func rename(_ id: Int64, to name: String?, actor: Actor) async throws -> RegionNode {
        try actor.require(.regionManage)
        let now = clock.now().millis
        let renamed = try await database.write { tx in
            let node = try await Self.scopedNode(tx, id, actor)
            guard node.path != actor.scope.path else { throw DomainError.conflict("不能修改您自己的管辖根节点，请联系上级") }
            guard !node.retired else { throw DomainError.conflict("「\(node.name)」已撤销") }
            let name = try RegionRules.validateName(name)
            guard name != node.name else { return node }
            try await RegionStore.rename(tx, id: id, name: name, now: now)
            try await BoundaryStore.changed(tx)
            try await audit.append(tx, actor: actor, action: .regionRename, entityId: String(id),
                                   regionPath: node.path, before: ["name": node.name], after: ["name": name])
            return try await Self.scopedNode(tx, id, actor)
        }
        boundaries.forget()
        return renamed
    }

    /// Moves a node (and its subtree) under another parent of the same level as its current
    /// one. The node gets the next free code under its new parent; descendants follow.
    public func move(_ id: Int64, toParent parentId: Int64, actor: Actor) async throws -> RegionNode {
        try actor.require(.regionManage)
        let now = clock.now().millis
        let moved = try await database.write { tx in
            let node = try await Self.scopedNode(tx, id, actor)
            guard let newParent = try await RegionStore.find(tx, id: parentId, within: actor.scope) else {
                throw DomainError.invalid("parentId", "目标上级不存在或不在您的管辖范围内")
            }
            try RegionRules.checkMove(node, to: newParent, scope: actor.scope)
            try await RegionStore.lockChildren(tx, of: newParent.id)
            let newCode = try RegionCode.nextSegment(parentCode: newParent.code,
                                                     existingChildCodes: try await RegionStore.childCodes(tx, of: newParent.id),
                                                     level: node.level).prefixed(by: newParent.code)
            let newPath = newParent.path + "\(node.id)/"
            try await RegionStore.move(tx, node: node, newParentId: newParent.id, newPath: newPath, newCode: newCode, now: now)
            for listener in moveListeners {
                try await listener.subtreeMoved(tx, from: node.path, to: newPath)
            }
            try await BoundaryStore.changed(tx)
            try await audit.append(tx, actor: actor, action: .regionMove, entityId: String(id),
                                   regionPath: newPath,
                                   before: ["code": node.code, "parentId": node.parentId.map(String.init) ?? "", "path": node.path],
                                   after: ["code": newCode, "parentId": String(newParent.id), "path": newPath])
            return try await Self.scopedNode(tx, id, actor)
        }
        boundaries.forget()
        return moved
    }

    public func retire(_ id: Int64, actor: Actor) async throws -> RegionNode {
        try actor.require(.regionManage)
        let now = clock.now().millis
        let retired = try await database.write { tx in
            let node = try await Self.scopedNode(tx, id, actor)
            try RegionRules.checkRetire(node, activeChildren: node.childCount, scope: actor.scope)
            try await RegionStore.retire(tx, id: id, now: now)
            try await BoundaryStore.changed(tx)
            try await audit.append(tx, actor: actor, action: .regionRetire, entityId: String(id),
                                   regionPath: node.path, before: ["retired": "false"], after: ["retired": "true"])
            return try await Self.scopedNode(tx, id, actor)
        }
        boundaries.forget()
        return retired
    }
}

extension String {
    func prefixed(by prefix: String) -> String { prefix + self }
}

/// A node of a tree loaded in bulk: ids, codes and paths are the caller's.
public struct BulkRegion: Sendable {
    public let id: Int64, parentId: Int64?, level: RegionLevel, code: String, name: String, path: String
    public init(id: Int64, parentId: Int64?, level: RegionLevel, code: String, name: String, path: String) {
        self.id = id
        self.parentId = parentId
        self.level = level
        self.code = code
        self.name = name
        self.path = path
    }
}

extension RegionService {
    /// Loads a whole tree into an empty database in one transaction (district-scale demo data,
    /// or a migration from another system). Only the command line may; one audit entry records it.
    public func bulkLoad(_ nodes: [BulkRegion], actor: Actor) async throws {
        try actor.require(.regionManage)
        guard actor.scope.path == "/" else { throw DomainError.forbidden }
        let now = clock.now().millis
        try await database.write { tx in
            guard try await RegionStore.roots(tx).isEmpty else { throw DomainError.conflict("区域树不为空，不能批量载入") }
            try await RegionStore.bulkInsert(tx, nodes.map {
                RegionStore.BulkRow(id: $0.id, parentId: $0.parentId, level: $0.level, code: $0.code, name: $0.name, path: $0.path)
            }, now: now)
            try await audit.append(tx, actor: actor, action: .regionBulkLoad, entityId: "-",
                                   regionPath: nodes.first?.path, after: ["nodes": String(nodes.count)])
        }
    }
}
