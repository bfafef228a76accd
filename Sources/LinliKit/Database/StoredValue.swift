import SQLKit

/// A stored text value the code does not know (a state, a channel, a level written by a
/// newer version or by hand): an error that names the row, never a silent default.
public struct UnknownStoredValue: Error, CustomStringConvertible {
    public let column: String
    public let value: String
    public let row: String
    public init(column: String, value: String, row: String) {
        self.column = column
        self.value = value
        self.row = row
    }
    public var description: String { "\(row): \(column) holds \"\(value)\", which this version does not know" }
}

extension SQLRow {
    /// `column` as a value of `T`; `row` names the row in the error (e.g. `requests#12`).
    public func decode<T: RawRepresentable>(known column: String, as type: T.Type, row: @autoclosure () -> String) throws -> T
        where T.RawValue == String {
        let text = try decode(column: column, as: String.self)
        guard let value = T(rawValue: text) else { throw UnknownStoredValue(column: column, value: text, row: row()) }
        return value
    }

    /// The same for a column that may be NULL.
    public func decode<T: RawRepresentable>(knownIfPresent column: String, as type: T.Type, row: @autoclosure () -> String) throws -> T?
        where T.RawValue == String {
        guard let text = try decode(column: column, as: String?.self) else { return nil }
        guard let value = T(rawValue: text) else { throw UnknownStoredValue(column: column, value: text, row: row()) }
        return value
    }
}
