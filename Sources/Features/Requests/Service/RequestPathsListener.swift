import Foundation
import LinliKit
import Regions

/// Region moves re-root the paths copied onto requests (where they are, and where their
/// handler works) and keep the dashboard's daily summary in the right grid.
public struct RequestPathsListener: SubtreeMoveListener {
    public init() {}

    public func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        try await tx.rebasePaths(table: "requests", column: "region_path", from: oldPath, to: newPath)
        try await tx.rebasePaths(table: "requests", column: "handler_path", from: oldPath, to: newPath)
        // A street, community or grid takes its summary rows along. A building (or anything
        // below a grid) moving to another grid takes its requests' counts from the old grid
        // to the new one.
        if Scope.ancestorPaths(of: oldPath).count <= RegionLevel.grid.depth + 1 {
            try await tx.rebasePaths(table: "request_daily_counts", column: "area_path", from: oldPath, to: newPath)
        } else {
            try await DailyCounts.move(tx, requestsUnder: newPath, from: DailyCounts.area(oldPath), to: DailyCounts.area(newPath))
        }
    }
}
