import LinliKit
import SQLKit

/// SQL for the region tree. Every read that serves an actor takes the scope pattern, so a
/// node outside the actor's subtree is simply not found.
enum RegionStore {
    static let migrations: [Migration] = [
        Migration("regions.001") { engine in [
            """
            CREATE TABLE regions (
              id \(engine.autoIncrementPrimaryKey), parent_id BIGINT REFERENCES regions(id), level TEXT NOT NULL,
              code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, path TEXT NOT NULL, boundary_geojson TEXT,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, retired_at BIGINT)
            """,
            "CREATE INDEX regions_parent ON regions (parent_id)",
            "CREATE INDEX regions_path ON regions (path)",
            """
            CREATE TABLE grid_team_members (
              region_id BIGINT NOT NULL REFERENCES regions(id), user_id BIGINT NOT NULL, duty TEXT NOT NULL,
              assigned_at BIGINT NOT NULL, PRIMARY KEY (region_id, user_id))
            """,
            """
            CREATE TABLE thematic_grids (
              id \(engine.autoIncrementPrimaryKey), region_id BIGINT NOT NULL REFERENCES regions(id), name TEXT NOT NULL,
              colour TEXT NOT NULL, tags TEXT NOT NULL, description TEXT, created_at BIGINT NOT NULL, retired_at BIGINT)
            """,
            "CREATE INDEX thematic_grids_region ON thematic_grids (region_id)",
            """
            CREATE TABLE thematic_grid_members (
              thematic_grid_id BIGINT NOT NULL REFERENCES thematic_grids(id), user_id BIGINT NOT NULL,
              duty TEXT NOT NULL, assigned_at BIGINT NOT NULL, PRIMARY KEY (thematic_grid_id, user_id))
            """,
        ] },
        BoundaryStore.migration,
    ]

    static let nodeColumns = """
        r.id, r.parent_id, r.level, r.code, r.name, r.path, r.retired_at,
        (SELECT COUNT(*) FROM regions c WHERE c.parent_id = r.id AND c.retired_at IS NULL) AS child_count
        """

    static func node(_ row: any SQLRow) throws -> RegionNode {
        let id = try row.decode(column: "id", as: Int64.self)
        return RegionNode(id: id,
                          parentId: try row.decode(column: "parent_id", as: Int64?.self),
                          level: try row.decode(known: "level", as: RegionLevel.self, row: "regions#\(id)"),
                          code: try row.decode(column: "code", as: String.self),
                          name: try row.decode(column: "name", as: String.self),
                          path: try row.decode(column: "path", as: String.self),
                          retired: try row.decode(column: "retired_at", as: Int64?.self) != nil,
                          childCount: try row.decode(column: "child_count", as: Int.self))
    }

    static func find(_ tx: Tx, id: Int64, within scope: Scope) async throws -> RegionNode? {
        try await tx.sql.raw("SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE r.id = \(bind: id) AND \(tx.engine.pathWithin("r.path", scope.path))")
            .first().map(node)
    }

    static func find(_ tx: Tx, code: String, within scope: Scope) async throws -> RegionNode? {
        try await tx.sql.raw("SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE r.code = \(bind: code) AND \(tx.engine.pathWithin("r.path", scope.path))")
            .first().map(node)
    }

    /// Nodes by code (those in `scope`), a few hundred codes per query.
    static func find(_ tx: Tx, codes: [String], within scope: Scope) async throws -> [RegionNode] {
        try await chunked(codes) { chunk in
            "SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE r.code IN (\(binds: chunk)) AND \(tx.engine.pathWithin("r.path", scope.path))"
        }(tx)
    }

    /// Nodes by id, a few hundred ids per query.
    static func find(_ tx: Tx, ids: [Int64]) async throws -> [RegionNode] {
        try await chunked(ids) { chunk in "SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE r.id IN (\(binds: chunk))" }(tx)
    }

    private static func chunked<T: Encodable & Sendable>(_ values: [T], _ query: @escaping @Sendable ([T]) -> SQLQueryString)
        -> @Sendable (Tx) async throws -> [RegionNode] {
        { tx in
            var nodes: [RegionNode] = []
            var start = 0
            while start < values.count {
                nodes += try await tx.sql.raw(query(Array(values[start..<min(start + 500, values.count)]))).all().map(node)
                start += 500
            }
            return nodes
        }
    }

    static func children(_ tx: Tx, of parentId: Int64, includeRetired: Bool) async throws -> [RegionNode] {
        let filter = includeRetired ? "" : "AND r.retired_at IS NULL"
        return try await tx.sql.raw("SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE r.parent_id = \(bind: parentId) \(unsafeRaw: filter) ORDER BY r.code")
            .all().map(node)
    }

    static func roots(_ tx: Tx) async throws -> [RegionNode] {
        try await tx.sql.raw("SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE r.parent_id IS NULL ORDER BY r.code").all().map(node)
    }

    /// Nodes of `level` inside the scope whose name or code matches `term` (for pickers).
    static func search(_ tx: Tx, level: RegionLevel?, term: String?, within scope: Scope, limit: Int) async throws -> [RegionNode] {
        var query = SQLQueryString("SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE \(tx.engine.pathWithin("r.path", scope.path)) AND r.retired_at IS NULL")
        if let level { query += SQLQueryString(" AND r.level = \(bind: level.rawValue)") }
        if let term {
            let pattern = "%" + term.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            query += SQLQueryString(" AND (r.name LIKE \(bind: pattern) OR r.code LIKE \(bind: pattern))")
        }
        query += SQLQueryString(" ORDER BY r.code LIMIT \(unsafeRaw: String(limit))")
        return try await tx.sql.raw(query).all().map(node)
    }

    /// Active nodes in the scope whose name is exactly `name`.
    static func named(_ tx: Tx, _ name: String, within scope: Scope, limit: Int) async throws -> [RegionNode] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE \(tx.engine.pathWithin("r.path", scope.path)) AND r.retired_at IS NULL
            AND r.name = \(bind: name) ORDER BY r.path LIMIT \(bind: limit)
            """).all().map(node)
    }

    /// The nodes named by a path (`/1/4/17/` → 1, 4, 17), root first.
    static func nodes(onPath path: String, _ tx: Tx) async throws -> [RegionNode] {
        let ids = path.split(separator: "/").compactMap { Int64($0) }
        guard !ids.isEmpty else { return [] }
        // Bound: one prepared statement per depth, not one per path.
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: nodeColumns) FROM regions r WHERE r.id IN (\(binds: ids))").all().map(node)
        return ids.compactMap { id in rows.first { $0.id == id } }
    }

    /// Serialises code allocation under one parent: on PostgreSQL two transactions could
    /// otherwise both pick the same free segment (SQLite has a single writer already).
    static func lockChildren(_ tx: Tx, of parentId: Int64) async throws {
        guard tx.engine == .postgres else { return }
        try await tx.sql.raw("SELECT id FROM regions WHERE id = \(bind: parentId) FOR UPDATE").run()
    }

    static func childCodes(_ tx: Tx, of parentId: Int64) async throws -> [String] {
        try await tx.sql.raw("SELECT code FROM regions WHERE parent_id = \(bind: parentId)").all()
            .map { try $0.decode(column: "code", as: String.self) }
    }

    static func codeExists(_ tx: Tx, _ code: String) async throws -> Bool {
        try await tx.sql.raw("SELECT 1 AS one FROM regions WHERE code = \(bind: code)").first() != nil
    }

    static func insert(_ tx: Tx, parent: RegionNode?, level: RegionLevel, code: String, name: String, now: Int64) async throws -> Int64 {
        let row = try await tx.sql.raw("""
            INSERT INTO regions (parent_id, level, code, name, path, created_at, updated_at)
            VALUES (\(bind: parent?.id), \(bind: level.rawValue), \(bind: code), \(bind: name), '', \(bind: now), \(bind: now))
            RETURNING id
            """).first()
        let id = try row!.decode(column: "id", as: Int64.self)
        let path = (parent?.path ?? "/") + "\(id)/"
        try await tx.sql.raw("UPDATE regions SET path = \(bind: path) WHERE id = \(bind: id)").run()
        return id
    }

    static func rename(_ tx: Tx, id: Int64, name: String, now: Int64) async throws {
        try await tx.sql.raw("UPDATE regions SET name = \(bind: name), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    /// Re-roots a whole subtree: paths and codes of the node and all its descendants.
    static func move(_ tx: Tx, node: RegionNode, newParentId: Int64, newPath: String, newCode: String, now: Int64) async throws {
        try await tx.sql.raw("UPDATE regions SET parent_id = \(bind: newParentId) WHERE id = \(bind: node.id)").run()
        try await tx.sql.raw("""
            UPDATE regions SET path = CAST(\(bind: newPath) AS TEXT) || substr(path, CAST(\(bind: node.path.count + 1) AS INTEGER)),
                               code = CAST(\(bind: newCode) AS TEXT) || substr(code, CAST(\(bind: node.code.count + 1) AS INTEGER)),
                               updated_at = \(bind: now)
            WHERE \(tx.engine.pathWithin("path", node.path))
            """).run()
    }

    static func retire(_ tx: Tx, id: Int64, now: Int64) async throws {
        try await tx.sql.raw("UPDATE regions SET retired_at = \(bind: now), updated_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    static func subtreeCounts(_ tx: Tx, path: String) async throws -> [RegionLevel: Int] {
        let rows = try await tx.sql.raw("""
            SELECT level, COUNT(*) AS n FROM regions WHERE \(tx.engine.pathWithin("path", path)) AND retired_at IS NULL GROUP BY level
            """).all()
        var counts: [RegionLevel: Int] = [:]
        for row in rows {
            counts[try row.decode(known: "level", as: RegionLevel.self, row: "regions under \(path)")] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

extension RegionStore {
    struct BulkRow: Sendable {
        let id: Int64, parentId: Int64?, level: RegionLevel, code: String, name: String, path: String
    }

    /// Multi-row inserts with ids chosen by the caller (bulk loads into an empty tree).
    static func bulkInsert(_ tx: Tx, _ rows: [BulkRow], now: Int64) async throws {
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 400, rows.count)]
            start += 400
            var query: SQLQueryString = "INSERT INTO regions (id, parent_id, level, code, name, path, created_at, updated_at) VALUES "
            for (i, row) in chunk.enumerated() {
                query += (i == 0 ? "" : ", ")
                    + "(\(bind: row.id), \(bind: row.parentId), \(bind: row.level.rawValue), \(bind: row.code), \(bind: row.name), \(bind: row.path), \(bind: now), \(bind: now))"
            }
            try await tx.sql.raw(query).run()
        }
        if tx.engine == .postgres {
            // Explicit ids do not move the identity sequence; later inserts must not collide.
            try await tx.sql.raw("SELECT setval(pg_get_serial_sequence('regions', 'id'), (SELECT MAX(id) FROM regions))").run()
        }
    }
}
