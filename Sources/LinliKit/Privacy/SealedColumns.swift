import SQLKit

/// A table's sealed columns, each with the blind index it is found by: the `SealedDataOwner`
/// of a feature that keeps personal data this way. Rows are re-sealed in pages of 1,000, in
/// the rotation's one transaction.
public struct SealedColumns: SealedDataOwner {
    public struct Column: Sendable {
        let sealed: String, index: String, kind: String
        /// `sealed` holds the sealed value, `index` its blind index of `kind` (`"phone"`, `"id"`).
        public init(sealed: String, index: String, kind: String) {
            self.sealed = sealed
            self.index = index
            self.kind = kind
        }
    }

    let table: String
    let columns: [Column]

    public init(table: String, _ columns: [Column]) {
        self.table = table
        self.columns = columns
    }

    /// Some column holds a value (the code's own names only: never input).
    var anySealed: String { columns.map { "\($0.sealed) IS NOT NULL" }.joined(separator: " OR ") }

    public func reseal(_ tx: Tx, from old: PersonalDataVault, to new: PersonalDataVault) async throws -> Int {
        var changed = 0
        var after: Int64 = 0
        let selected = (["id"] + columns.map(\.sealed)).joined(separator: ", ")
        while true {
            let rows = try await tx.sql.raw("""
                SELECT \(unsafeRaw: selected) FROM \(unsafeRaw: table)
                WHERE id > \(bind: after) AND (\(unsafeRaw: anySealed)) ORDER BY id LIMIT 1000
                """).all()
            guard let last = rows.last else { break }
            after = try last.decode(column: "id", as: Int64.self)
            for row in rows {
                var written: [ColumnValue] = []
                for column in columns {
                    let value = try row.decode(column: column.sealed, as: String?.self).map(old.open)
                    written += [(column.sealed, try value.map(new.seal)), (column.index, value.map { new.blindIndex($0, kind: column.kind) })]
                    changed += value == nil ? 0 : 1
                }
                try await tx.sql.raw("UPDATE \(unsafeRaw: table) SET " + .assignments(written)
                                     + " WHERE id = \(bind: try row.decode(column: "id", as: Int64.self))").run()
            }
        }
        return changed
    }

    public func sampleSealedValue(_ tx: Tx) async throws -> String? {
        let value = columns.count == 1 ? columns[0].sealed : "COALESCE(" + columns.map(\.sealed).joined(separator: ", ") + ")"
        return try await tx.sql.raw("SELECT \(unsafeRaw: value) AS value FROM \(unsafeRaw: table) WHERE \(unsafeRaw: anySealed) LIMIT 1")
            .first()?.decode(column: "value", as: String?.self)
    }
}
