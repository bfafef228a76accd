import LinliKit
import SQLKit

/// SQL for residents, their name index and tags. Personal numbers are stored only sealed
/// (AES-GCM), as a blind index (HMAC) for exact search, and masked for display.
enum ResidentStore {
    static let migrations: [Migration] = [
        Migration("residents.001") { engine in [
            """
            CREATE TABLE residents (
              id \(engine.autoIncrementPrimaryKey), region_id BIGINT NOT NULL, region_path TEXT NOT NULL, address TEXT NOT NULL,
              name TEXT NOT NULL, gender TEXT, birth_date TEXT,
              id_sealed TEXT, id_index TEXT, id_masked TEXT, phone_sealed TEXT, phone_index TEXT, phone_masked TEXT,
              ethnicity TEXT, political_status TEXT, relation TEXT, status TEXT NOT NULL, notes TEXT,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX residents_region_path ON residents (region_path)",
            "CREATE UNIQUE INDEX residents_id_index ON residents (id_index)",
            "CREATE INDEX residents_phone_index ON residents (phone_index)",
            "CREATE INDEX residents_birth_date ON residents (birth_date)",
            "CREATE TABLE resident_name_grams (gram TEXT NOT NULL, resident_id BIGINT NOT NULL, PRIMARY KEY (gram, resident_id))",
            "CREATE INDEX resident_name_grams_resident ON resident_name_grams (resident_id)",
            "CREATE TABLE tags (id \(engine.autoIncrementPrimaryKey), name TEXT NOT NULL UNIQUE, builtin BIGINT NOT NULL, created_at BIGINT NOT NULL)",
            "CREATE TABLE resident_tags (resident_id BIGINT NOT NULL, tag_id BIGINT NOT NULL, PRIMARY KEY (resident_id, tag_id))",
            "CREATE INDEX resident_tags_tag ON resident_tags (tag_id, resident_id)",
        ] + DefaultTags.all.map { "INSERT INTO tags (name, builtin, created_at) VALUES ('\($0)', 1, 0)" } },
        // Scope filters are index ranges (SQLEngine.pathWithin): bytewise on PostgreSQL.
        Migration("residents.002") { engine in engine == .sqlite ? [] : [
            "DROP INDEX residents_region_path",
            "CREATE INDEX residents_region_path ON residents (\(engine.pathIndexColumn("region_path")))",
        ] },
        // A tag carries its resident's place, so that "独居老人 in this community" is one index
        // range (tag, place) however many people carry the tag district-wide.
        Migration("residents.003") { engine in [
            "ALTER TABLE resident_tags ADD COLUMN region_path TEXT NOT NULL DEFAULT ''",
            "UPDATE resident_tags SET region_path = (SELECT r.region_path FROM residents r WHERE r.id = resident_tags.resident_id)",
            "DROP INDEX resident_tags_tag",
            "CREATE INDEX resident_tags_tag_place ON resident_tags (tag_id, \(engine.pathIndexColumn("region_path")), resident_id)",
        ] },
        // 实名认证: an account bound to its registry person, one each way — the one identity
        // the person is known by as a resident, a volunteer and a points holder.
        Migration("residents.004") { _ in [
            "CREATE TABLE resident_accounts (user_id BIGINT PRIMARY KEY, resident_id BIGINT NOT NULL UNIQUE, linked_at BIGINT NOT NULL)",
        ] },
    ]

    static let columns = """
        r.id, r.region_id, r.region_path, r.address, r.name, r.gender, r.birth_date, r.id_masked, r.phone_masked,
        r.ethnicity, r.political_status, r.relation, r.status, r.notes, r.updated_at
        """

    static func resident(_ row: any SQLRow, tags: [String]) throws -> Resident {
        let id = try row.decode(column: "id", as: Int64.self)
        return Resident(id: id,
                 regionId: try row.decode(column: "region_id", as: Int64.self),
                 regionPath: try row.decode(column: "region_path", as: String.self),
                 address: try row.decode(column: "address", as: String.self),
                 name: try row.decode(column: "name", as: String.self),
                 gender: try row.decode(knownIfPresent: "gender", as: Gender.self, row: "residents#\(id)"),
                 birthDate: try row.decode(column: "birth_date", as: String?.self),
                 idNumberMasked: try row.decode(column: "id_masked", as: String?.self),
                 phoneMasked: try row.decode(column: "phone_masked", as: String?.self),
                 ethnicity: try row.decode(column: "ethnicity", as: String?.self),
                 politicalStatus: try row.decode(knownIfPresent: "political_status", as: PoliticalStatus.self, row: "residents#\(id)"),
                 relation: try row.decode(knownIfPresent: "relation", as: Relation.self, row: "residents#\(id)"),
                 status: try row.decode(known: "status", as: ResidenceStatus.self, row: "residents#\(id)"),
                 notes: try row.decode(column: "notes", as: String?.self),
                 tags: tags,
                 updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    /// Rows with their tags, in the rows' order.
    static func residents(_ tx: Tx, rows: [any SQLRow]) async throws -> [Resident] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        let tags = try await tagNames(tx, residentIds: ids)
        return try rows.map { row in try resident(row, tags: tags[try row.decode(column: "id", as: Int64.self)] ?? []) }
    }

    static func find(_ tx: Tx, id: Int64, within scope: Scope) async throws -> Resident? {
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM residents r WHERE r.id = \(bind: id) AND \(tx.engine.pathWithin("r.region_path", scope.path))").all()
        return try await residents(tx, rows: rows).first
    }

    static func sealed(_ tx: Tx, id: Int64, column: String) async throws -> String? {
        try await tx.sql.raw("SELECT \(unsafeRaw: column) AS value FROM residents WHERE id = \(bind: id)").first()?
            .decode(column: "value", as: String?.self)
    }

    /// Who holds this ID number already (anywhere: one person, one record).
    static func idOwner(_ tx: Tx, index: String) async throws -> (id: Int64, regionPath: String)? {
        guard let row = try await tx.sql.raw("SELECT id, region_path FROM residents WHERE id_index = \(bind: index)").first() else { return nil }
        return (try row.decode(column: "id", as: Int64.self), try row.decode(column: "region_path", as: String.self))
    }

    struct Stored: Sendable {
        let regionId: Int64, regionPath: String, address: String, name: String, gender: String?, birthDate: String?
        let idSealed: String?, idIndex: String?, idMasked: String?, phoneSealed: String?, phoneIndex: String?, phoneMasked: String?
        let ethnicity: String?, politicalStatus: String?, relation: String?, status: String, notes: String?
    }

    /// A resident's ID number and phone as stored: sealed (AES-GCM), blind-indexed (HMAC) and masked.
    struct SealedNumbers: Sendable {
        let idSealed: String?, idIndex: String?, idMasked: String?, phoneSealed: String?, phoneIndex: String?, phoneMasked: String?

        init(_ valid: ValidResident, vault: PersonalDataVault) throws {
            idSealed = try valid.idNumber.map { try vault.seal($0.value) }
            idIndex = valid.idNumber.map { vault.blindIndex($0.value, kind: "id") }
            idMasked = valid.idNumber?.masked
            phoneSealed = try valid.phone.map { try vault.seal($0.value) }
            phoneIndex = valid.phone.map { vault.blindIndex($0.value, kind: "phone") }
            phoneMasked = valid.phone?.masked
        }
    }

    static func insert(_ tx: Tx, _ s: Stored, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO residents (region_id, region_path, address, name, gender, birth_date, id_sealed, id_index, id_masked,
              phone_sealed, phone_index, phone_masked, ethnicity, political_status, relation, status, notes, created_at, updated_at)
            VALUES (\(bind: s.regionId), \(bind: s.regionPath), \(bind: s.address), \(bind: s.name), \(bind: s.gender), \(bind: s.birthDate),
              \(bind: s.idSealed), \(bind: s.idIndex), \(bind: s.idMasked), \(bind: s.phoneSealed), \(bind: s.phoneIndex), \(bind: s.phoneMasked),
              \(bind: s.ethnicity), \(bind: s.politicalStatus), \(bind: s.relation), \(bind: s.status), \(bind: s.notes), \(bind: now), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func update(_ tx: Tx, id: Int64, _ s: Stored, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE residents SET region_id = \(bind: s.regionId), region_path = \(bind: s.regionPath), address = \(bind: s.address),
              name = \(bind: s.name), gender = \(bind: s.gender), birth_date = \(bind: s.birthDate), id_sealed = \(bind: s.idSealed),
              id_index = \(bind: s.idIndex), id_masked = \(bind: s.idMasked), phone_sealed = \(bind: s.phoneSealed),
              phone_index = \(bind: s.phoneIndex), phone_masked = \(bind: s.phoneMasked), ethnicity = \(bind: s.ethnicity),
              political_status = \(bind: s.politicalStatus), relation = \(bind: s.relation), status = \(bind: s.status),
              notes = \(bind: s.notes), updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """).run()
        try await tx.sql.raw("UPDATE resident_tags SET region_path = \(bind: s.regionPath) WHERE resident_id = \(bind: id)").run()
    }

    static func replaceGrams(_ tx: Tx, residentId: Int64, name: String) async throws {
        try await tx.sql.raw("DELETE FROM resident_name_grams WHERE resident_id = \(bind: residentId)").run()
        for gram in ResidentRules.grams(name) {
            try await tx.sql.raw("INSERT INTO resident_name_grams (gram, resident_id) VALUES (\(bind: gram), \(bind: residentId))").run()
        }
    }

    // MARK: Tags

    static func tags(_ tx: Tx) async throws -> [(id: Int64, name: String, builtin: Bool)] {
        try await tx.sql.raw("SELECT id, name, builtin FROM tags ORDER BY builtin DESC, id").all().map {
            (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self),
             try $0.decode(column: "builtin", as: Int64.self) == 1)
        }
    }

    static func insertTag(_ tx: Tx, name: String, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("INSERT INTO tags (name, builtin, created_at) VALUES (\(bind: name), 0, \(bind: now)) RETURNING id")
            .first()!.decode(column: "id", as: Int64.self)
    }

    static func tagNames(_ tx: Tx, residentIds: [Int64]) async throws -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        // Bound, not spelled into the text: one statement per list length stays prepared
        // (an id in the text made every read prepare anew and pushed others out of the cache).
        for start in stride(from: 0, to: residentIds.count, by: 1000) {
            let chunk = Array(residentIds[start..<min(start + 1000, residentIds.count)])
            for row in try await tx.sql.raw("""
                SELECT rt.resident_id, t.name FROM resident_tags rt JOIN tags t ON t.id = rt.tag_id
                WHERE rt.resident_id IN (\(binds: chunk)) ORDER BY t.id
                """).all() {
                result[try row.decode(column: "resident_id", as: Int64.self), default: []].append(try row.decode(column: "name", as: String.self))
            }
        }
        return result
    }

    static func setTags(_ tx: Tx, residentId: Int64, tagIds: [Int64]) async throws {
        try await tx.sql.raw("DELETE FROM resident_tags WHERE resident_id = \(bind: residentId)").run()
        for tagId in tagIds {
            try await tx.sql.raw("""
                INSERT INTO resident_tags (resident_id, tag_id, region_path)
                SELECT id, \(bind: tagId), region_path FROM residents WHERE id = \(bind: residentId)
                """).run()
        }
    }
}

extension ResidentStore {
    /// Owners of these ID indexes (id and region path), in batches.
    static func idOwners(_ tx: Tx, indexes: [String]) async throws -> [String: (id: Int64, regionPath: String)] {
        var result: [String: (id: Int64, regionPath: String)] = [:]
        var start = 0
        while start < indexes.count {
            let chunk = Array(indexes[start..<min(start + 500, indexes.count)])
            start += 500
            var query: SQLQueryString = "SELECT id, id_index, region_path FROM residents WHERE id_index IN ("
            for (i, index) in chunk.enumerated() { query += (i == 0 ? "\(bind: index)" : ", \(bind: index)") }
            for row in try await tx.sql.raw(query + ")").all() {
                result[try row.decode(column: "id_index", as: String.self)] =
                    (try row.decode(column: "id", as: Int64.self), try row.decode(column: "region_path", as: String.self))
            }
        }
        return result
    }

    /// Sealed numbers of many residents at once (for full exports).
    static func sealedNumbers(_ tx: Tx, ids: [Int64]) async throws -> [Int64: (id: String?, phone: String?)] {
        var result: [Int64: (id: String?, phone: String?)] = [:]
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let chunk = Array(ids[start..<min(start + 1000, ids.count)])
            for row in try await tx.sql.raw("SELECT id, id_sealed, phone_sealed FROM residents WHERE id IN (\(binds: chunk))").all() {
                result[try row.decode(column: "id", as: Int64.self)] =
                    (try row.decode(column: "id_sealed", as: String?.self), try row.decode(column: "phone_sealed", as: String?.self))
            }
        }
        return result
    }

    /// The stored row as it is, for imports that change only the columns they carry.
    static func storedRow(_ tx: Tx, id: Int64) async throws -> Stored {
        let row = try await tx.sql.raw("SELECT * FROM residents WHERE id = \(bind: id)").first()!
        return Stored(regionId: try row.decode(column: "region_id", as: Int64.self), regionPath: try row.decode(column: "region_path", as: String.self),
                      address: try row.decode(column: "address", as: String.self), name: try row.decode(column: "name", as: String.self),
                      gender: try row.decode(column: "gender", as: String?.self), birthDate: try row.decode(column: "birth_date", as: String?.self),
                      idSealed: try row.decode(column: "id_sealed", as: String?.self), idIndex: try row.decode(column: "id_index", as: String?.self),
                      idMasked: try row.decode(column: "id_masked", as: String?.self),
                      phoneSealed: try row.decode(column: "phone_sealed", as: String?.self),
                      phoneIndex: try row.decode(column: "phone_index", as: String?.self),
                      phoneMasked: try row.decode(column: "phone_masked", as: String?.self),
                      ethnicity: try row.decode(column: "ethnicity", as: String?.self),
                      politicalStatus: try row.decode(column: "political_status", as: String?.self),
                      relation: try row.decode(column: "relation", as: String?.self), status: try row.decode(column: "status", as: String.self),
                      notes: try row.decode(column: "notes", as: String?.self))
    }
}

extension ResidentStore.Stored {
    /// Takes from `old` every field whose column the sheet did not have.
    func keepingAbsent(_ present: Set<LedgerColumn>, from old: Self) -> Self {
        func pick<T>(_ column: LedgerColumn, _ new: T, _ kept: T) -> T { present.contains(column) ? new : kept }
        let hasID = present.contains(.idNumber)
        return .init(regionId: pick(.regionCode, regionId, old.regionId), regionPath: pick(.regionCode, regionPath, old.regionPath),
                     address: pick(.regionCode, address, old.address), name: name,
                     gender: hasID || present.contains(.gender) ? gender : old.gender,
                     birthDate: hasID || present.contains(.birthDate) ? birthDate : old.birthDate,
                     idSealed: pick(.idNumber, idSealed, old.idSealed), idIndex: pick(.idNumber, idIndex, old.idIndex),
                     idMasked: pick(.idNumber, idMasked, old.idMasked), phoneSealed: pick(.phone, phoneSealed, old.phoneSealed),
                     phoneIndex: pick(.phone, phoneIndex, old.phoneIndex), phoneMasked: pick(.phone, phoneMasked, old.phoneMasked),
                     ethnicity: pick(.ethnicity, ethnicity, old.ethnicity), politicalStatus: pick(.politicalStatus, politicalStatus, old.politicalStatus),
                     relation: pick(.relation, relation, old.relation), status: pick(.status, status, old.status), notes: pick(.notes, notes, old.notes))
    }
}

// In an extension, so that `Stored` keeps its memberwise initializer.
extension ResidentStore.Stored {
    init(_ valid: ValidResident, numbers: ResidentStore.SealedNumbers, regionId: Int64, regionPath: String, address: String) {
        self.init(regionId: regionId, regionPath: regionPath, address: address, name: valid.name, gender: valid.gender?.rawValue,
                  birthDate: valid.birthDate, idSealed: numbers.idSealed, idIndex: numbers.idIndex, idMasked: numbers.idMasked,
                  phoneSealed: numbers.phoneSealed, phoneIndex: numbers.phoneIndex, phoneMasked: numbers.phoneMasked,
                  ethnicity: valid.ethnicity, politicalStatus: valid.politicalStatus?.rawValue, relation: valid.relation?.rawValue,
                  status: valid.status.rawValue, notes: valid.notes)
    }
}
