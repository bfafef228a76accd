import Foundation
import LinliKit
import Synchronization

/// Where a place given as a point or as words was found, and by which.
public struct Located: Sendable {
    public enum Means: String, Sendable { case point, address }
    public let node: RegionNode
    public let by: Means
}

/// The result of importing a file of boundaries.
public struct BoundaryImport: Sendable {
    public let nodes: [RegionNode]
}

/// Each instance's index of the boundaries with the nodes they belong to, so placing a point
/// reads no table. The stored version is looked at again at most once a second: a change made
/// on this instance forgets the index at once (`forget`), one made on another is seen within
/// that second. Imports, retirements, renames and moves renew the version.
final class BoundaryCache: Sendable {
    struct Kept: Sendable {
        let version: String
        let index: BoundaryIndex
        let nodes: [Int64: RegionNode]
        var checked: ContinuousClock.Instant
    }
    static let recheck: Duration = .seconds(1)
    /// The index, and a generation `forget` moves on, so that a rebuild begun before a change
    /// on this instance never stores what it read from before the change.
    private let kept = Mutex<(index: Kept?, generation: Int)>((nil, 0))

    func forget() { kept.withLock { $0 = (nil, $0.generation + 1) } }

    func index(_ database: Database) async throws -> Kept {
        let (current, generation) = kept.withLock { ($0.index, $0.generation) }
        if let current, current.checked.duration(to: .now) < Self.recheck { return current }
        return try await database.read { tx in
            let version = try await BoundaryStore.version(tx)
            if var same = current, same.version == version {
                same.checked = .now
                kept.withLock { if $0.generation == generation { $0.index = same } }
                return same
            }
            var nodes: [Int64: RegionNode] = [:]
            let entries = try await BoundaryStore.all(tx).compactMap { row -> BoundaryIndex.Entry? in
                guard let boundary = Boundary.stored(row.geometry) else { return nil }
                nodes[row.node.id] = row.node
                return BoundaryIndex.Entry(nodeId: row.node.id, level: row.node.level, boundary: boundary)
            }
            let fresh = Kept(version: version, index: BoundaryIndex(entries), nodes: nodes, checked: .now)
            kept.withLock { if $0.generation == generation { $0.index = fresh } }
            return fresh
        }
    }
}

extension RegionService {
    /// Imports boundaries (a GeoJSON FeatureCollection keyed by region code) for nodes in the
    /// actor's scope — and, from a node's page, at or under that node (`under`): all of them
    /// or, on any error, none.
    public func importBoundaries(_ data: Data, under nodeId: Int64? = nil, actor: Actor) async throws -> BoundaryImport {
        try actor.require(.regionManage)
        let under = try await nodeId.asyncMap { try await node($0, actor: actor) }
        let features = try BoundaryFileRules.features(data)
        let now = clock.now().millis
        let imported = try await database.write { tx in
            let found = try await RegionStore.find(tx, codes: features.map(\.code), within: actor.scope)
            let byCode = Dictionary(found.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            var nodes: [RegionNode] = []
            for feature in features {
                guard let node = byCode[feature.code], !node.retired else {
                    throw DomainError.invalid("file", "区域编码 \(feature.code) 不存在、已撤销或不在您的管辖范围内")
                }
                if node.path == actor.scope.path && actor.scope.path != "/" {
                    throw DomainError.invalid("file", "不能修改您自己管辖区域（\(node.name)）的边界，请联系上级")
                }
                if let under, !node.path.hasPrefix(under.path) {
                    throw DomainError.invalid("file", "区域编码 \(feature.code)（\(node.name)）不在「\(under.name)」之下")
                }
                nodes.append(node)
            }
            let before = try await BoundaryStore.geometries(tx, ids: nodes.map(\.id), within: actor.scope.path)
            for (feature, node) in zip(features, nodes) {
                try await BoundaryStore.save(tx, id: node.id, geometry: feature.boundary.geoJSON, now: now)
                try await audit.append(tx, actor: actor, action: .regionBoundary, entityId: String(node.id), regionPath: node.path,
                                       before: before[node.id].map { old in
                                           ["polygons": String(Boundary.stored(old)?.polygons.count ?? 0), "sha256": Secrets.sha256Hex(old)]
                                       } ?? ["boundary": "无"],
                                       after: ["polygons": String(feature.boundary.polygons.count),
                                               "sha256": Secrets.sha256Hex(feature.boundary.geoJSON),
                                               "points": String(feature.boundary.polygons.joined().map(\.count).reduce(0, +))])
            }
            try await BoundaryStore.changed(tx)
            return BoundaryImport(nodes: nodes)
        }
        boundaries.forget()
        return imported
    }

    /// The boundaries kept for those of `ids` in the actor's scope that have one, for drawing.
    public func boundaries(of ids: [Int64], actor: Actor) async throws -> [Int64: Boundary] {
        try actor.require(.regionView)
        let stored = try await database.read { tx in try await BoundaryStore.geometries(tx, ids: ids, within: actor.scope.path) }
        return stored.compactMapValues(Boundary.stored)
    }

    /// The deepest node in `scope` whose boundary holds `point`, if any.
    public func locate(point: GeoPoint, within scope: Scope) async throws -> RegionNode? {
        let kept = try await boundaries.index(database)
        let inScope = { (id: Int64) in kept.nodes[id].map { scope.contains(path: $0.path) } ?? false }
        return kept.index.place(point, where: inScope).flatMap { kept.nodes[$0.nodeId] }
    }

    /// The node an address names, walked down from the scope's node: at each level the child
    /// whose name comes first in the text, or, when none does, a grandchild (addresses skip the
    /// grid: 建设社区3号楼). Nil when not even the first level matched.
    public func locate(address: String, within scope: Scope) async throws -> RegionNode? {
        let normalized = AddressText.normalize(address)
        guard !normalized.isEmpty else { return nil }
        return try await database.read { tx in
            var text = normalized
            var current = scope.regionId == 0 ? nil : try await RegionStore.find(tx, id: scope.regionId, within: scope)
            // A scope whose node is gone (a stale session) finds nothing rather than the whole tree.
            if scope.regionId != 0 && current == nil { return nil }
            var matched: RegionNode?
            while !text.isEmpty {
                let children = if let current { try await RegionStore.children(tx, of: current.id, includeRetired: false) } else {
                    try await RegionStore.roots(tx).filter { !$0.retired }
                }
                var next = Self.step(text, children)
                if next == nil, let current, let grandLevel = current.level.child?.child {
                    next = Self.step(text, try await BoundaryStore.descendants(tx, under: current.path, level: grandLevel))
                }
                guard let (node, rest) = next else { break }
                matched = node
                current = node
                text = rest
            }
            return matched
        }
    }

    static func step(_ text: String, _ candidates: [RegionNode]) -> (RegionNode, String)? {
        guard let found = AddressText.step(text, among: candidates.map { (id: $0.id, name: $0.name, level: $0.level) }),
              let node = candidates.first(where: { $0.id == found.id }) else { return nil }
        return (node, found.rest)
    }

    /// A place from a point and an address: the deeper of the two where one lies inside the
    /// other (a household named in the text inside the grid the point fell in), else the
    /// point's (measured rather than typed).
    public func locate(point: GeoPoint?, address: String?, within scope: Scope) async throws -> Located? {
        let byPoint = try await point.asyncMap { try await locate(point: $0, within: scope) } ?? nil
        let byAddress = try await address.asyncMap { try await locate(address: $0, within: scope) } ?? nil
        switch (byPoint, byAddress) {
        case (let p?, let a?): return a.path.hasPrefix(p.path) ? Located(node: a, by: .address) : Located(node: p, by: .point)
        case (let p?, nil): return Located(node: p, by: .point)
        case (nil, let a?): return Located(node: a, by: .address)
        case (nil, nil): return nil
        }
    }
}

extension RegionService {
    /// The node's boundary and its children's, drawn in one frame; nil when none has one.
    public func drawing(of node: RegionNode, children: [RegionNode], actor: Actor) async throws -> BoundaryDrawing? {
        let kept = try await boundaries(of: [node.id] + children.map(\.id), actor: actor)
        let items = ([node] + children).compactMap { n in
            kept[n.id].map { (id: n.id, name: n.name, boundary: $0, isSelf: n.id == node.id) }
        }
        return BoundaryDrawing(items)
    }

    /// The boundaries of a node and its children as a GeoJSON FeatureCollection (the form an
    /// import takes, so a file read out can be edited and sent back).
    public func boundaryCollection(of id: Int64, actor: Actor) async throws -> String {
        let node = try await self.node(id, actor: actor)
        let children = try await children(of: id, actor: actor)
        let kept = try await boundaries(of: [node.id] + children.map(\.id), actor: actor)
        let features = ([node] + children).compactMap { n -> String? in
            guard let boundary = kept[n.id] else { return nil }
            let properties = try? JSONEncoder().encode(["code": n.code, "name": n.name, "level": n.level.rawValue])
            return #"{"type":"Feature","properties":"# + String(decoding: properties ?? Data("{}".utf8), as: UTF8.self)
                + #","geometry":"# + boundary.geoJSON + "}"
        }
        return #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
    }

    /// The nodes of `level` under `node` in use (at most 5,000: a district has some 700 grids),
    /// for a feature that has checked its reader's scope itself.
    public func descendants(of node: RegionNode, level: RegionLevel) async throws -> [RegionNode] {
        try await database.read { tx in try await BoundaryStore.descendants(tx, under: node.path, level: level) }
    }

    /// Where a point or an address lies within the actor's scope (the API's 定位).
    public func locate(point: GeoPoint?, address: String?, actor: Actor) async throws -> Located? {
        try actor.require(.regionView)
        guard point != nil || !(address ?? "").trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("address", "请给出坐标（lat、long）或地址")
        }
        return try await locate(point: point, address: address, within: actor.scope)
    }
}
