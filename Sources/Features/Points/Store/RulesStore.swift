import Foundation
import LinliKit
import SQLKit

/// A version of the earning rules as stored for a region.
public struct RulesVersion: Sendable, Equatable {
    /// nil: the built-in defaults, never stored.
    public let id: Int64?
    public let regionId: Int64?
    public let regionPath: String
    public let rules: EarningRules
    public let note: String
    public let editedBy: String
    public let editedAt: Int64?
}

/// SQL for the earning rules' versions: each edit a new row, none ever changed.
enum RulesStore {
    static let columns = "id, region_id, region_path, version, rules, note, edited_by_name, edited_at"

    static func version(_ row: any SQLRow) throws -> RulesVersion {
        let id = try row.decode(column: "id", as: Int64.self)
        let rules = try row.decode(known: "rules", row: "point_rules#\(id)") { text in
            try? JSONDecoder().decode(EarningRules.self, from: Data(text.utf8))
        }
        return RulesVersion(id: id, regionId: try row.decode(column: "region_id", as: Int64.self),
                            regionPath: try row.decode(column: "region_path", as: String.self), rules: rules,
                            note: try row.decode(column: "note", as: String.self), editedBy: try row.decode(column: "edited_by_name", as: String.self),
                            editedAt: try row.decode(column: "edited_at", as: Int64.self))
    }

    /// The newest version set at the path or the nearest region above it.
    static func effective(_ tx: Tx, path: String) async throws -> RulesVersion? {
        let ancestors = Scope.ancestorPaths(of: path)
        return try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM point_rules WHERE region_path IN (\(binds: ancestors))
            ORDER BY LENGTH(region_path) DESC, version DESC LIMIT 1
            """).first().map(version)
    }

    static func history(_ tx: Tx, regionId: Int64, limit: Int) async throws -> [RulesVersion] {
        try await tx.sql.raw("""
            SELECT \(unsafeRaw: columns) FROM point_rules WHERE region_id = \(bind: regionId) ORDER BY version DESC LIMIT \(bind: limit)
            """).all().map(version)
    }

    static func insert(_ tx: Tx, regionId: Int64, regionPath: String, rules: EarningRules, note: String, actor: Actor,
                       now: Int64) async throws -> RulesVersion {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(rules), as: UTF8.self)
        return try version(try await tx.sql.raw("""
            INSERT INTO point_rules (region_id, region_path, version, rules, note, edited_by, edited_by_name, edited_at)
            VALUES (\(bind: regionId), \(bind: regionPath), \(bind: Int64(rules.version)), \(bind: text), \(bind: note), \(bind: actor.userId),
              \(bind: actor.displayName), \(bind: now))
            RETURNING \(unsafeRaw: columns)
            """).first()!)
    }
}
