import Foundation
import LinliKit
import Regions
import Requests

/// The demo district drawn on the map: rectangles that tile the district down to the grids, with
/// each building a smaller block inside its grid — imported through the same file an operator
/// would send — and one hotline call naming only a road, which waits in 待定位.
enum DemoBoundaries {
    /// The district's box, near Xi'an's Beilin (longitude, latitude).
    static let box = (minLon: 108.930, minLat: 34.240, maxLon: 108.970, maxLat: 34.270)

    static func load(into system: LinliSystem, district: RegionNode) async throws {
        let cli = system.commandLineActor
        var features: [String] = []
        func add(_ node: RegionNode, _ r: (Double, Double, Double, Double)) {
            let (x0, y0, x1, y1) = r
            let ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
                .map { String(format: "[%.6f,%.6f]", $0.0, $0.1) }.joined(separator: ",")
            features.append(#"{"type":"Feature","properties":{"code":"\#(node.code)"},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}}"#)
        }
        func draw(_ node: RegionNode, _ r: (Double, Double, Double, Double)) async throws {
            add(node, r)
            let children = try await system.regions.children(of: node.id, actor: cli)
            guard !children.isEmpty, node.level != .building else { return }
            if node.level == .grid {
                // Buildings in a row, each an inset block, so the grid keeps open ground around them.
                for (i, child) in children.enumerated() {
                    let w = (r.2 - r.0) / Double(children.count)
                    let x = r.0 + Double(i) * w
                    add(child, (x + w * 0.2, r.1 + (r.3 - r.1) * 0.3, x + w * 0.8, r.1 + (r.3 - r.1) * 0.7))
                }
                return
            }
            // Strips along the longer side.
            let wide = (r.2 - r.0) * cos(r.1 * .pi / 180) >= r.3 - r.1
            for (i, child) in children.enumerated() {
                let n = Double(children.count), k = Double(i)
                let part = wide ? (r.0 + (r.2 - r.0) * k / n, r.1, r.0 + (r.2 - r.0) * (k + 1) / n, r.3)
                    : (r.0, r.1 + (r.3 - r.1) * k / n, r.2, r.1 + (r.3 - r.1) * (k + 1) / n)
                try await draw(child, part)
            }
        }
        try await draw(district, (box.minLon, box.minLat, box.maxLon, box.maxLat))
        let file = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}"
        _ = try await system.regions.importBoundaries(Data(file.utf8), actor: cli)

        // A 12345 call that named only the street and a crossing: the street's staff place it.
        let admin = try await DemoRequests.actor(system, "qu.admin")
        let item = try await system.catalog.item(code: "PA08")
        _ = try await system.requests.submit(RequestDraft(itemId: item.id, description: "解放路与东关正街交叉口井盖缺失，夜里有人绊倒",
                                                          address: "东关街道解放路与东关正街交叉口", channel: .hotline), actor: admin)
    }
}
