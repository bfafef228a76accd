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

/// Each instance's index of the boundaries, rebuilt when the stored version changes (an
/// import or a retirement on any instance renews it).
final class BoundaryCache: Sendable {
    private let kept = Mutex<(version: String, index: BoundaryIndex)?>(nil)

    func index(_ tx: Tx) async throws -> BoundaryIndex {
        let version = try await BoundaryStore.version(tx)
        if let kept = kept.withLock({ $0 }), kept.version == version { return kept.index }
        let entries = try await BoundaryStore.all(tx).compactMap { row -> BoundaryIndex.Entry? in
            guard let level = RegionLevel(rawValue: row.level), let boundary = Boundary.stored(row.geometry) else { return nil }
            return BoundaryIndex.Entry(nodeId: row.id, level: level, boundary: boundary)
        }
        let index = BoundaryIndex(entries)
        kept.withLock { $0 = (version, index) }
        return index
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
        return try await database.write { tx in
            let found = try await RegionStore.find(tx, codes: features.map(\.code), within: actor.scope)
            let byCode = Dictionary(found.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            var nodes: [RegionNode] = []
            for feature in features {
                guard let node = byCode[feature.code], !node.retired else {
                    throw DomainError.invalid("file", "区域编码 \(feature.code) 不存在、已撤销或不在您的管辖范围内")
                }
                if let under, !node.path.hasPrefix(under.path) {
                    throw DomainError.invalid("file", "区域编码 \(feature.code)（\(node.name)）不在「\(under.name)」之下")
                }
                nodes.append(node)
            }
            for (feature, node) in zip(features, nodes) {
                try await BoundaryStore.save(tx, id: node.id, geometry: feature.boundary.geoJSON, now: now)
                try await audit.append(tx, actor: actor, action: .regionBoundary, entityId: String(node.id), regionPath: node.path,
                                       after: ["polygons": String(feature.boundary.polygons.count),
                                               "points": String(feature.boundary.polygons.joined().map(\.count).reduce(0, +))])
            }
            try await BoundaryStore.changed(tx)
            return BoundaryImport(nodes: nodes)
        }
    }

    /// The boundaries kept for `ids` (those that have one), for drawing.
    public func boundaries(of ids: [Int64], actor: Actor) async throws -> [Int64: Boundary] {
        try actor.require(.regionView)
        let stored = try await database.read { tx in try await BoundaryStore.geometries(tx, ids: ids) }
        return stored.compactMapValues(Boundary.stored)
    }

    /// The deepest node in `scope` whose boundary holds `point`, if any.
    public func locate(point: GeoPoint, within scope: Scope) async throws -> RegionNode? {
        try await database.read { tx in
            guard let entry = try await boundaries.index(tx).place(point) else { return nil }
            guard let node = try await RegionStore.find(tx, id: entry.nodeId, within: scope), !node.retired else { return nil }
            return node
        }
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

    /// Where a point or an address lies within the actor's scope (the API's 定位).
    public func locate(point: GeoPoint?, address: String?, actor: Actor) async throws -> Located? {
        try actor.require(.regionView)
        guard point != nil || !(address ?? "").trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("address", "请给出坐标（lat、long）或地址")
        }
        return try await locate(point: point, address: address, within: actor.scope)
    }
}
