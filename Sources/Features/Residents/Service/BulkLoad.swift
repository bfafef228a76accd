import Foundation
import LinliKit
import SQLKit

/// Where a bulk-loaded resident lives, known to the caller (no per-row lookups).
public struct BulkPlace: Sendable {
    public let path: String
    public let address: String
    public init(path: String, address: String) {
        self.path = path
        self.address = address
    }
}

extension ResidentService {
    /// Validates and stores many residents in one transaction with multi-row inserts — for
    /// district-scale demo data and large migrations. Every row passes the same rules as a
    /// single registration; one audit entry records the load. Returns how many were stored.
    @discardableResult
    public func bulkLoad(_ drafts: [ResidentDraft], places: [Int64: BulkPlace], actor: Actor) async throws -> Int {
        try actor.require(.residentManage)
        guard actor.scope.path == "/" else { throw DomainError.forbidden }
        let today = clock.now()
        let tagTable = try await database.read { tx in try await ResidentStore.tags(tx) }
        let tagId = Dictionary(uniqueKeysWithValues: tagTable.map { ($0.name, $0.id) })
        var rows: [(ResidentStore.Stored, [Int64], [String])] = []
        rows.reserveCapacity(drafts.count)
        for draft in drafts {
            let valid = try ResidentRules.validate(draft, today: today)
            guard let place = places[valid.regionId] else { throw DomainError.invalid("regionId", "批量载入缺少区域 \(valid.regionId)") }
            let stored = try stored(valid, regionId: valid.regionId, regionPath: place.path, address: place.address)
            rows.append((stored, valid.tags.compactMap { tagId[$0] }, ResidentRules.grams(valid.name)))
        }
        let now = clock.now().millis
        let work = rows
        try await database.write { tx in
            if tx.engine == .postgres { try await tx.sql.raw("LOCK TABLE residents IN EXCLUSIVE MODE").run() }
            let first = try await tx.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM residents").first()!.decode(column: "n", as: Int64.self) + 1
            try await ResidentStore.bulkInsert(tx, work, firstId: first, now: now)
            try await audit.append(tx, actor: actor, action: "resident.bulk_load", entityType: "resident", entityId: "-",
                                   regionPath: nil, after: ["rows": String(work.count)])
        }
        return rows.count
    }
}

extension ResidentStore {
    static func bulkInsert(_ tx: Tx, _ rows: [(Stored, [Int64], [String])], firstId: Int64, now: Int64) async throws {
        var grams: [(String, Int64)] = []
        var tags: [(Int64, Int64, String)] = []
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 300, rows.count)]
            var query: SQLQueryString = """
                INSERT INTO residents (id, region_id, region_path, address, name, gender, birth_date, id_sealed, id_index, id_masked,
                  phone_sealed, phone_index, phone_masked, ethnicity, political_status, relation, status, notes, created_at, updated_at) VALUES
                """
            for (offset, (s, tagIds, nameGrams)) in chunk.enumerated() {
                let id = firstId + Int64(start + offset)
                query = query + (offset == 0 ? " " : ", ") + """
                    (\(bind: id), \(bind: s.regionId), \(bind: s.regionPath), \(bind: s.address), \(bind: s.name), \(bind: s.gender),
                     \(bind: s.birthDate), \(bind: s.idSealed), \(bind: s.idIndex), \(bind: s.idMasked), \(bind: s.phoneSealed),
                     \(bind: s.phoneIndex), \(bind: s.phoneMasked), \(bind: s.ethnicity), \(bind: s.politicalStatus), \(bind: s.relation),
                     \(bind: s.status), \(bind: s.notes), \(bind: now), \(bind: now))
                    """
                grams += nameGrams.map { ($0, id) }
                tags += tagIds.map { (id, $0, s.regionPath) }
            }
            try await tx.sql.raw(query).run()
            start += 300
        }
        try await insertRows(tx, table: "resident_name_grams", columns: "gram, resident_id", grams.map { [$0.0, $0.1] })
        try await insertRows(tx, table: "resident_tags", columns: "resident_id, tag_id, region_path", tags.map { [$0.0, $0.1, $0.2] })
        if tx.engine == .postgres {
            try await tx.sql.raw("SELECT setval(pg_get_serial_sequence('residents', 'id'), (SELECT MAX(id) FROM residents))").run()
        }
    }

    /// Multi-row inserts, a thousand rows per statement.
    static func insertRows(_ tx: Tx, table: String, columns: String, _ rows: [[any Encodable & Sendable]]) async throws {
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 1000, rows.count)]
            start += 1000
            var query: SQLQueryString = "INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns)) VALUES "
            for (i, row) in chunk.enumerated() { query = query + (i == 0 ? "(" : ", (") + "\(binds: row))" }
            try await tx.sql.raw(query).run()
        }
    }
}
