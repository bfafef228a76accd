import LinliKit
import SQLKit

/// Residents' sealed ID numbers and phones, re-sealed and re-indexed under a new key.
public struct ResidentSealedData: SealedDataOwner {
    public init() {}

    public func reseal(_ tx: Tx, from old: PersonalDataVault, to new: PersonalDataVault) async throws -> Int {
        var changed = 0
        var after: Int64 = 0
        while true {
            let rows = try await tx.sql.raw("""
                SELECT id, id_sealed, phone_sealed FROM residents
                WHERE id > \(bind: after) AND (id_sealed IS NOT NULL OR phone_sealed IS NOT NULL) ORDER BY id LIMIT 1000
                """).all()
            guard let last = rows.last else { break }
            after = try last.decode(column: "id", as: Int64.self)
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                let idNumber = try row.decode(column: "id_sealed", as: String?.self).map(old.open)
                let phone = try row.decode(column: "phone_sealed", as: String?.self).map(old.open)
                try await tx.sql.raw("""
                    UPDATE residents SET id_sealed = \(bind: try idNumber.map(new.seal)), id_index = \(bind: idNumber.map { new.blindIndex($0, kind: "id") }),
                      phone_sealed = \(bind: try phone.map(new.seal)), phone_index = \(bind: phone.map { new.blindIndex($0, kind: "phone") })
                    WHERE id = \(bind: id)
                    """).run()
                changed += (idNumber == nil ? 0 : 1) + (phone == nil ? 0 : 1)
            }
        }
        return changed
    }

    public func sampleSealedValue(_ tx: Tx) async throws -> String? {
        try await tx.sql.raw("SELECT COALESCE(id_sealed, phone_sealed) AS value FROM residents WHERE id_sealed IS NOT NULL OR phone_sealed IS NOT NULL LIMIT 1")
            .first()?.decode(column: "value", as: String?.self)
    }
}
