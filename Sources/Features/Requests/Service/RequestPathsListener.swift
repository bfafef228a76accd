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
        try await DailyCounts.subtreeMoved(tx, from: oldPath, to: newPath)
    }
}
