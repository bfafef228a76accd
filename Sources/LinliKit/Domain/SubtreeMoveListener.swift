/// Features that keep a copy of region paths on their own rows (so that scope is one index
/// range on their own table, `SQLEngine.pathWithin`) re-root those copies when a subtree moves, inside the move's
/// transaction. The feature that moves subtrees calls every feature's listeners
/// (`FeatureContext.moveListeners`); it never names them.
public protocol SubtreeMoveListener: Sendable {
    func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws
}

extension Tx {
    /// Rewrites `column` of `table` for every row under `oldPath` (paths are digits and `/`).
    public func rebasePaths(table: String, column: String, from oldPath: String, to newPath: String) async throws {
        try await sql.raw("""
            UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = CAST(\(bind: newPath) AS TEXT) || substr(\(unsafeRaw: column), CAST(\(bind: oldPath.count + 1) AS INTEGER))
            WHERE \(engine.pathWithin(column, oldPath))
            """).run()
    }
}
