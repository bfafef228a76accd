import Foundation

/// A node's boundary and its children's as SVG paths in one frame: longitudes shrunk by the
/// cosine of the middle latitude (so a square block looks square in Xi'an as in Harbin),
/// latitudes flipped (north up), fitted into `width` with the height it then needs.
public struct BoundaryDrawing: Sendable, Equatable {
    public struct Shape: Sendable, Equatable {
        public let id: Int64
        public let name: String
        /// The path (`M … Z` per ring; holes cut by the even-odd rule).
        public let path: String
        /// Where the name goes: the middle of the shape's box.
        public let labelX: Double, labelY: Double
        public let isSelf: Bool
    }

    public let width: Double
    public let height: Double
    public let shapes: [Shape]

    /// Nil when none of `items` has a boundary: there is nothing to draw.
    public init?(_ items: [(id: Int64, name: String, boundary: Boundary, isSelf: Bool)], width: Double = 640, margin: Double = 8) {
        guard !items.isEmpty else { return nil }
        let minLon = items.map(\.boundary.box.minLon).min()!, maxLon = items.map(\.boundary.box.maxLon).max()!
        let minLat = items.map(\.boundary.box.minLat).min()!, maxLat = items.map(\.boundary.box.maxLat).max()!
        let shrink = cos((minLat + maxLat) / 2 * .pi / 180)
        let spanX = max((maxLon - minLon) * shrink, 1e-9), spanY = max(maxLat - minLat, 1e-9)
        let scale = (width - 2 * margin) / spanX
        self.width = width
        height = (spanY * scale + 2 * margin).rounded(.up)
        func x(_ lon: Double) -> Double { margin + (lon - minLon) * shrink * scale }
        func y(_ lat: Double) -> Double { margin + (maxLat - lat) * scale }
        func number(_ v: Double) -> String { String(format: "%.1f", v) }
        // The node itself first, so its children are drawn over it.
        shapes = items.sorted { $0.isSelf && !$1.isSelf }.map { item in
            let rings = item.boundary.polygons.joined().map { ring in
                "M" + ring.dropLast().map { "\(number(x($0.lon))) \(number(y($0.lat)))" }.joined(separator: " L") + " Z"
            }
            let box = item.boundary.box
            return Shape(id: item.id, name: item.name, path: rings.joined(separator: " "),
                         labelX: ((x(box.minLon) + x(box.maxLon)) * 5).rounded() / 10,
                         labelY: ((y(box.minLat) + y(box.maxLat)) * 5).rounded() / 10,
                         isSelf: item.isSelf)
        }
    }
}
