import Foundation
import LinliKit
import SQLKit

/// SQL for regions' boundaries: the GeoJSON geometry kept on the node
/// (`regions.boundary_geojson`), and a version every change of a boundary or of a node's name,
/// place or use renews, so each instance knows when its index of boundaries is stale.
enum BoundaryStore {
    /// regions.002: the version row.
    static let migration = Migration("regions.002") { _ in [
        "CREATE TABLE region_boundary_version (id INTEGER PRIMARY KEY, version TEXT NOT NULL)",
        "INSERT INTO region_boundary_version (id, version) VALUES (1, '')",
    ] }

    static func version(_ tx: Tx) async throws -> String {
        try await tx.sql.raw("SELECT version FROM region_boundary_version WHERE id = 1").first()?
            .decode(column: "version", as: String.self) ?? ""
    }

    /// Renews the version: called in the transaction that changes a boundary or retires a node.
    static func changed(_ tx: Tx) async throws {
        try await tx.sql.raw("UPDATE region_boundary_version SET version = \(bind: UUID().uuidString) WHERE id = 1").run()
    }

    static func save(_ tx: Tx, id: Int64, geometry: String, now: Int64) async throws {
        try await tx.sql.raw("UPDATE regions SET boundary_geojson = \(bind: geometry), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    /// Boundaries of the nodes in use, each with its node.
    static func all(_ tx: Tx) async throws -> [(node: RegionNode, geometry: String)] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: RegionStore.nodeColumns), r.boundary_geojson FROM regions r
            WHERE r.boundary_geojson IS NOT NULL AND r.retired_at IS NULL
            """).all().map { row in (try RegionStore.node(row), try row.decode(column: "boundary_geojson", as: String.self)) }
    }

    /// The stored geometry of each of `ids` under `path` that has one.
    static func geometries(_ tx: Tx, ids: [Int64], within path: String) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var found: [Int64: String] = [:]
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let chunk = Array(ids[start..<min(start + 1000, ids.count)])
            for row in try await tx.sql.raw("""
                SELECT id, boundary_geojson FROM regions WHERE id IN (\(binds: chunk)) AND boundary_geojson IS NOT NULL
                AND \(tx.engine.pathWithin("path", path))
                """).all() {
                found[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "boundary_geojson", as: String.self)
            }
        }
        return found
    }

    /// Active nodes of `level` under `path` (the grandchildren an address may name when it
    /// skips a level, as addresses skip the grid).
    static func descendants(_ tx: Tx, under path: String, level: RegionLevel) async throws -> [RegionNode] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: RegionStore.nodeColumns) FROM regions r WHERE \(tx.engine.pathWithin("r.path", path))
            AND r.level = \(bind: level.rawValue) AND r.retired_at IS NULL ORDER BY r.code LIMIT 5000
            """).all().map(RegionStore.node)
    }
}
