import Foundation
import LinliKit

/// A point as GeoJSON has it: longitude, latitude (WGS 84 or GCJ-02 alike — the boundaries and
/// the points only have to agree).
public struct GeoPoint: Sendable, Equatable {
    public let lon: Double
    public let lat: Double
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}

/// A region's boundary: one or more polygons, each an outer ring with holes.
public struct Boundary: Sendable, Equatable {
    /// Polygons, each `[outer, hole, hole …]`, each ring closed (last point = first).
    public let polygons: [[[GeoPoint]]]
    public let box: (minLon: Double, minLat: Double, maxLon: Double, maxLat: Double)

    public static func == (a: Boundary, b: Boundary) -> Bool { a.polygons == b.polygons }

    init(polygons: [[[GeoPoint]]]) {
        self.polygons = polygons
        let all = polygons.flatMap { $0.first ?? [] }
        box = (all.map(\.lon).min() ?? 0, all.map(\.lat).min() ?? 0, all.map(\.lon).max() ?? 0, all.map(\.lat).max() ?? 0)
    }

    /// Whether `p` lies inside, on the edge counting as inside (a point on the line between two
    /// grids belongs to both; the caller picks one by order).
    public func contains(_ p: GeoPoint) -> Bool {
        guard p.lon >= box.minLon, p.lon <= box.maxLon, p.lat >= box.minLat, p.lat <= box.maxLat else { return false }
        return polygons.contains { rings in
            guard let outer = rings.first else { return false }
            if BoundaryRules.onEdge(p, outer) { return true }
            guard BoundaryRules.inside(p, outer) else { return false }
            for hole in rings.dropFirst() {
                if BoundaryRules.onEdge(p, hole) { return true }
                if BoundaryRules.inside(p, hole) { return false }
            }
            return true
        }
    }
}

public enum BoundaryRules {
    public static let maxPointsPerRing = 20_000

    /// Checks a GeoJSON geometry (Polygon or MultiPolygon): rings closed, at least four
    /// positions, coordinates in range, no ring crossing itself. `field` names it in errors.
    public static func boundary(_ geometry: GeoJSON.Geometry, field: String) throws -> Boundary {
        let polygons: [GeoJSON.Coordinates]
        switch geometry.type {
        case "Polygon": polygons = [geometry.coordinates]
        case "MultiPolygon":
            guard case .list(let list) = geometry.coordinates else { throw DomainError.invalid(field, "MultiPolygon 的坐标应为多边形列表") }
            polygons = list
        default: throw DomainError.invalid(field, "边界只接受 Polygon 或 MultiPolygon，收到 \(geometry.type.prefix(20))")
        }
        guard !polygons.isEmpty else { throw DomainError.invalid(field, "边界没有多边形") }
        var parsed: [[[GeoPoint]]] = []
        for polygon in polygons {
            guard case .list(let rings) = polygon, !rings.isEmpty else { throw DomainError.invalid(field, "多边形应有外环") }
            var parsedRings: [[GeoPoint]] = []
            for (index, ring) in rings.enumerated() {
                parsedRings.append(try Self.ring(ring, field: field, label: index == 0 ? "外环" : "第 \(index) 个内环"))
            }
            parsed.append(parsedRings)
        }
        return Boundary(polygons: parsed)
    }

    static func ring(_ value: GeoJSON.Coordinates, field: String, label: String) throws -> [GeoPoint] {
        guard case .list(let positions) = value, positions.count >= 4 else {
            throw DomainError.invalid(field, "\(label)至少要有 4 个坐标（首尾相同）")
        }
        guard positions.count <= maxPointsPerRing else { throw DomainError.invalid(field, "\(label)的坐标超过 \(maxPointsPerRing) 个") }
        var points: [GeoPoint] = []
        points.reserveCapacity(positions.count)
        for position in positions {
            guard case .list(let pair) = position, pair.count >= 2, case .number(let lon) = pair[0], case .number(let lat) = pair[1],
                  lon.isFinite, lat.isFinite, (-180...180).contains(lon), (-90...90).contains(lat) else {
                throw DomainError.invalid(field, "\(label)有无效的坐标（应为 [经度, 纬度]）")
            }
            points.append(GeoPoint(lon: lon, lat: lat))
        }
        guard points.first == points.last else { throw DomainError.invalid(field, "\(label)没有闭合（首尾坐标应相同）") }
        if let crossing = selfCrossing(points) {
            throw DomainError.invalid(field, "\(label)自相交（第 \(crossing.0 + 1) 条边与第 \(crossing.1 + 1) 条边相交）")
        }
        return points
    }

    /// Two edges of the ring that cross or touch other than at their shared corner, if any.
    /// Edges are sorted by their lowest longitude, so only those whose spans overlap are compared.
    static func selfCrossing(_ ring: [GeoPoint]) -> (Int, Int)? {
        let n = ring.count - 1
        guard n >= 3 else { return nil }
        let order = (0..<n).sorted { min(ring[$0].lon, ring[$0 + 1].lon) < min(ring[$1].lon, ring[$1 + 1].lon) }
        for (position, i) in order.enumerated() {
            let maxI = max(ring[i].lon, ring[i + 1].lon)
            for j in order[(position + 1)...] {
                if min(ring[j].lon, ring[j + 1].lon) > maxI { break }
                let adjacent = abs(i - j) == 1 || abs(i - j) == n - 1
                if adjacent {
                    // Neighbours share one corner; they may not fold back onto each other.
                    if collinearOverlap(ring[i], ring[i + 1], ring[j], ring[j + 1]) { return (min(i, j), max(i, j)) }
                    continue
                }
                if segmentsIntersect(ring[i], ring[i + 1], ring[j], ring[j + 1]) { return (min(i, j), max(i, j)) }
            }
        }
        return nil
    }

    static func cross(_ o: GeoPoint, _ a: GeoPoint, _ b: GeoPoint) -> Double {
        (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon)
    }

    static func onSegment(_ p: GeoPoint, _ a: GeoPoint, _ b: GeoPoint) -> Bool {
        abs(cross(a, b, p)) <= 1e-12 && p.lon >= min(a.lon, b.lon) - 1e-12 && p.lon <= max(a.lon, b.lon) + 1e-12
            && p.lat >= min(a.lat, b.lat) - 1e-12 && p.lat <= max(a.lat, b.lat) + 1e-12
    }

    static func segmentsIntersect(_ a: GeoPoint, _ b: GeoPoint, _ c: GeoPoint, _ d: GeoPoint) -> Bool {
        let d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        return onSegment(a, c, d) || onSegment(b, c, d) || onSegment(c, a, b) || onSegment(d, a, b)
    }

    static func collinearOverlap(_ a: GeoPoint, _ b: GeoPoint, _ c: GeoPoint, _ d: GeoPoint) -> Bool {
        guard abs(cross(a, b, c)) <= 1e-12, abs(cross(a, b, d)) <= 1e-12 else { return false }
        // Collinear neighbours sharing one corner overlap when one's far end lies within the other.
        let shared = [a, b].first { $0 == c || $0 == d }
        let points: [GeoPoint] = [a, b, c, d]
        let others = points.filter { $0 != shared }
        return others.contains { p in onSegment(p, a, b) && onSegment(p, c, d) }
    }

    /// Ray casting: whether `p` is strictly inside the closed ring.
    static func inside(_ p: GeoPoint, _ ring: [GeoPoint]) -> Bool {
        var inside = false
        var j = ring.count - 2
        for i in 0..<(ring.count - 1) {
            let a = ring[i], b = ring[j]
            if (a.lat > p.lat) != (b.lat > p.lat), p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon { inside.toggle() }
            j = i
        }
        return inside
    }

    static func onEdge(_ p: GeoPoint, _ ring: [GeoPoint]) -> Bool {
        (0..<(ring.count - 1)).contains { onSegment(p, ring[$0], ring[$0 + 1]) }
    }
}

/// Boundaries of many nodes, asked which holds a point: boxes first, then the polygons of the
/// few whose box holds it; the deepest level wins, then the lowest id (a point on a shared edge).
public struct BoundaryIndex: Sendable {
    public struct Entry: Sendable {
        public let nodeId: Int64
        public let level: RegionLevel
        public let boundary: Boundary
        public init(nodeId: Int64, level: RegionLevel, boundary: Boundary) {
            self.nodeId = nodeId
            self.level = level
            self.boundary = boundary
        }
    }

    let entries: [Entry]
    /// Entries by their boxes' lowest longitude, with the widest box's span, so a query reads
    /// only those that can start left of the point.
    let maxWidth: Double

    public init(_ entries: [Entry]) {
        self.entries = entries.sorted { $0.boundary.box.minLon < $1.boundary.box.minLon }
        maxWidth = entries.map { $0.boundary.box.maxLon - $0.boundary.box.minLon }.max() ?? 0
    }

    public var count: Int { entries.count }

    /// The deepest node whose boundary holds `p`, among those `allowed` admits (a reader's
    /// scope: a neighbour's grid on the shared edge does not hide one's own), if any.
    public func place(_ p: GeoPoint, where allowed: (Int64) -> Bool = { _ in true }) -> Entry? {
        // First entry whose box could reach the point: minLon >= p.lon - maxWidth.
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].boundary.box.minLon < p.lon - maxWidth { low = mid + 1 } else { high = mid }
        }
        var best: Entry?
        for entry in entries[low...] {
            if entry.boundary.box.minLon > p.lon { break }
            guard entry.boundary.contains(p), allowed(entry.nodeId) else { continue }
            if let b = best, (b.level, -b.nodeId) >= (entry.level, -entry.nodeId) { continue }
            best = entry
        }
        return best
    }
}

/// The parts of GeoJSON (RFC 7946) that boundaries use, decoded strictly: a number is a JSON
/// number (never a boolean or a string), a position a list of them.
public enum GeoJSON {
    public indirect enum Coordinates: Decodable, Sendable, Equatable {
        case number(Double)
        case list([Coordinates])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([Coordinates].self) { self = .list(list); return }
            if (try? container.decode(Bool.self)) != nil {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a boolean is not a coordinate")
            }
            self = .number(try container.decode(Double.self))
        }
    }

    public struct Geometry: Decodable, Sendable {
        public let type: String
        public let coordinates: Coordinates
    }

    public struct Feature: Decodable, Sendable {
        public let properties: [String: Property]?
        public let geometry: Geometry?
    }

    /// A property's value: only text and numbers are read (the region code may come as either).
    public enum Property: Decodable, Sendable {
        case text(String)
        case number(Double)
        case other

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .text(text) }
            else if (try? container.decode(Bool.self)) != nil { self = .other }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .other }
        }

        public var text: String? {
            switch self {
            case .text(let t): t
            case .number(let n): Int64(exactly: n).map(String.init)
            case .other: nil
            }
        }
    }

    public struct FeatureCollection: Decodable, Sendable {
        public let type: String
        public let features: [Feature]
    }
}

extension Boundary {
    /// The geometry as GeoJSON text: a Polygon for one polygon, a MultiPolygon for several.
    public var geoJSON: String {
        func ring(_ points: [GeoPoint]) -> String { "[" + points.map { "[\($0.lon),\($0.lat)]" }.joined(separator: ",") + "]" }
        func polygon(_ rings: [[GeoPoint]]) -> String { "[" + rings.map(ring).joined(separator: ",") + "]" }
        if polygons.count == 1 { return #"{"type":"Polygon","coordinates":"# + polygon(polygons[0]) + "}" }
        return #"{"type":"MultiPolygon","coordinates":["# + polygons.map(polygon).joined(separator: ",") + "]}"
    }

    /// A boundary as stored by `geoJSON` (nil if the text is not one: it was checked when saved).
    public static func stored(_ text: String) -> Boundary? {
        guard let geometry = try? JSONDecoder().decode(GeoJSON.Geometry.self, from: Data(text.utf8)) else { return nil }
        return try? BoundaryRules.boundary(geometry, field: "boundary")
    }
}

/// Reading a file of boundaries: a GeoJSON FeatureCollection whose features name their
/// region by the property `code` (or `region_code`, `编码`).
public enum BoundaryFileRules {
    public static let maxFeatures = 20_000
    static let codeKeys = ["code", "region_code", "编码"]

    /// Each feature's region code and checked boundary, in file order; every error names the
    /// feature (its position and code) in zh-CN.
    public static func features(_ data: Data, field: String = "file") throws -> [(code: String, boundary: Boundary)] {
        let collection: GeoJSON.FeatureCollection
        do { collection = try JSONDecoder().decode(GeoJSON.FeatureCollection.self, from: data) } catch {
            throw DomainError.invalid(field, "文件不是有效的 GeoJSON FeatureCollection（应为 {\"type\": \"FeatureCollection\", \"features\": [...]}）")
        }
        guard collection.type == "FeatureCollection" else {
            throw DomainError.invalid(field, "GeoJSON 的 type 应为 FeatureCollection，收到 \(collection.type.prefix(30))")
        }
        guard !collection.features.isEmpty else { throw DomainError.invalid(field, "文件中没有要素") }
        guard collection.features.count <= maxFeatures else { throw DomainError.invalid(field, "一次最多导入 \(maxFeatures) 个边界") }
        var seen: Set<String> = []
        var out: [(code: String, boundary: Boundary)] = []
        for (index, feature) in collection.features.enumerated() {
            let label = "第 \(index + 1) 个要素"
            guard let code = codeKeys.lazy.compactMap({ feature.properties?[$0]?.text }).first?.trimmingWhitespace, !code.isEmpty else {
                throw DomainError.invalid(field, "\(label)缺少区域编码（properties 中的 code）")
            }
            guard code.count <= 40, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw DomainError.invalid(field, "\(label)的区域编码「\(code.prefix(40))」应为数字")
            }
            guard seen.insert(code).inserted else { throw DomainError.invalid(field, "区域编码 \(code) 在文件中出现了两次") }
            guard let geometry = feature.geometry else { throw DomainError.invalid(field, "\(label)（\(code)）没有 geometry") }
            do { out.append((code, try BoundaryRules.boundary(geometry, field: field))) } catch let error as DomainError {
                throw DomainError.invalid(field, "\(label)（\(code)）：" + (error.fields[field] ?? error.message))
            }
        }
        return out
    }
}
