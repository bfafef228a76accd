import LinliKit
import SQLKit

/// Contact phones on requests, re-sealed and re-indexed under a new key.
public struct RequestSealedData: SealedDataOwner {
    public init() {}

    public func reseal(_ tx: Tx, from old: PersonalDataVault, to new: PersonalDataVault) async throws -> Int {
        var changed = 0
        var after: Int64 = 0
        while true {
            let rows = try await tx.sql.raw("""
                SELECT id, phone_sealed FROM requests WHERE id > \(bind: after) AND phone_sealed IS NOT NULL ORDER BY id LIMIT 1000
                """).all()
            guard let last = rows.last else { break }
            after = try last.decode(column: "id", as: Int64.self)
            for row in rows {
                let phone = try old.open(try row.decode(column: "phone_sealed", as: String.self))
                try await tx.sql.raw("""
                    UPDATE requests SET phone_sealed = \(bind: try new.seal(phone)), phone_index = \(bind: new.blindIndex(phone, kind: "phone"))
                    WHERE id = \(bind: try row.decode(column: "id", as: Int64.self))
                    """).run()
                changed += 1
            }
        }
        return changed
    }

    public func sampleSealedValue(_ tx: Tx) async throws -> String? {
        try await tx.sql.raw("SELECT phone_sealed AS value FROM requests WHERE phone_sealed IS NOT NULL LIMIT 1").first()?
            .decode(column: "value", as: String?.self)
    }
}
