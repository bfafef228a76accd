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
        let tagId = Dictionary(tagTable.map { ($0.name, $0.id) }) { first, _ in first }
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
        try await database.bulkWrite { tx in
            if tx.engine == .postgres { try await tx.sql.raw("LOCK TABLE residents IN EXCLUSIVE MODE").run() }
            let first = try await tx.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM residents").first()!.decode(column: "n", as: Int64.self) + 1
            try await ResidentStore.bulkInsert(tx, work, firstId: first, now: now)
            try await changed(tx, (0..<Int64(work.count)).map { first + $0 })
            try await audit.append(tx, actor: actor, action: .residentBulkLoad, entityId: "-",
                                   regionPath: nil, after: ["rows": String(work.count)])
        }
        return rows.count
    }
}

extension ResidentStore {
    static let insertColumns = ["id", "region_id", "region_path", "address", "name", "gender", "birth_date", "id_sealed", "id_index",
                          "id_masked", "phone_sealed", "phone_index", "phone_masked", "ethnicity", "political_status", "relation",
                          "status", "notes", "created_at", "updated_at"]

    static func bulkInsert(_ tx: Tx, _ rows: [(Stored, [Int64], [String])], firstId: Int64, now: Int64) async throws {
        var residents: [[SQLCell]] = []
        var grams: [[SQLCell]] = []
        var tags: [[SQLCell]] = []
        residents.reserveCapacity(rows.count)
        for (offset, (s, tagIds, nameGrams)) in rows.enumerated() {
            let id = firstId + Int64(offset)
            residents.append([.integer(id), .integer(s.regionId), .text(s.regionPath), .text(s.address), .text(s.name), SQLCell(s.gender),
                              SQLCell(s.birthDate), SQLCell(s.idSealed), SQLCell(s.idIndex), SQLCell(s.idMasked), SQLCell(s.phoneSealed),
                              SQLCell(s.phoneIndex), SQLCell(s.phoneMasked), SQLCell(s.ethnicity), SQLCell(s.politicalStatus),
                              SQLCell(s.relation), .text(s.status), SQLCell(s.notes), .integer(now), .integer(now)])
            for gram in nameGrams { grams.append([.text(gram), .integer(id)]) }
            for tag in tagIds { tags.append([.integer(id), .integer(tag), .text(s.regionPath)]) }
        }
        try await tx.insert(into: "residents", columns: insertColumns, rows: residents)
        try await tx.insert(into: "resident_name_grams", columns: ["gram", "resident_id"], rows: grams)
        try await tx.insert(into: "resident_tags", columns: ["resident_id", "tag_id", "region_path"], rows: tags)
        if tx.engine == .postgres {
            try await tx.sql.raw("SELECT setval(pg_get_serial_sequence('residents', 'id'), (SELECT MAX(id) FROM residents))").run()
        }
    }
}
