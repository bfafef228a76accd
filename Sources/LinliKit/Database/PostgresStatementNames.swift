import NIOConcurrencyHelpers
import PostgresNIO

/// Which statements run as named prepared statements on PostgreSQL, and under what name.
///
/// Why: postgres-kit sends every statement unnamed, so PostgreSQL parses and plans it again on
/// each call — a third of the server's CPU under intake (docs/benchmarks.md). A named statement
/// is parsed once per connection; later calls send only its bindings.
///
/// A name stands for one SQL text *and* the types of its bindings: PostgreSQL fixes a
/// parameter's type when the statement is parsed, and a later binding of another type would be
/// read as the first type's bytes.
///
/// Not every text gets a name. A text is named the second time it is seen (one-off texts, such
/// as a query with a long `IN` list, stay unnamed), only up to `limit` texts (each costs every
/// connection a plan in the server's memory), and not with more than `bindLimit` bindings
/// (a 500-row insert costs little to parse next to its rows, and much to keep).
final class PostgresStatementNames: Sendable {
    struct Key: Hashable, Sendable {
        let sql: String
        let types: [PostgresDataType]
    }

    static let limit = 1_000
    static let bindLimit = 100

    private struct State {
        var seen: [Key: String?] = [:]
        var counter = 0
    }

    private let state = NIOLockedValueBox(State())

    /// The name to run `key` under, or nil to run it unnamed.
    func name(for key: Key) -> String? {
        guard key.types.count <= Self.bindLimit else { return nil }
        return state.withLockedValue { state in
            switch state.seen[key] {
            case .some(.some(let name)):
                return name
            case .some(.none):
                guard state.counter < Self.limit else { return nil }
                state.counter += 1
                let name = "linli_\(state.counter)"
                state.seen[key] = name
                return name
            case .none:
                guard state.seen.count < Self.limit * 4 else { return nil }
                state.seen[key] = .some(nil)
                return nil
            }
        }
    }

    /// A named statement failed. postgres-nio remembers a failed preparation for the rest of the
    /// connection's life, so a statement first prepared in a transaction that had already failed
    /// (or before a migration made its table) would fail there for good: unless the error can
    /// only come from running it (bad data, a constraint, a conflict between transactions), the
    /// text gets a new name.
    func failed(_ key: Key, _ error: any Error) {
        if let state = (error as? PSQLError)?.serverInfo?[.sqlState],
           ["22", "23", "40", "P0"].contains(where: state.hasPrefix) {
            return
        }
        rename(key)
    }

    /// DDL ran: a prepared `SELECT *` would now fail with "cached plan must not change result
    /// type", so every text gets a new name.
    func schemaChanged() {
        state.withLockedValue { state in
            state.seen.removeAll()
        }
    }

    private func rename(_ key: Key) {
        state.withLockedValue { state in
            state.seen[key] = .some(nil)
        }
    }
}
