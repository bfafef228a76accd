import SQLKit

/// A stored text value the code does not know (a state, a channel, a level written by a
/// newer version or by hand): an error that names the row, never a silent default.
public struct UnknownStoredValue: Error, CustomStringConvertible {
    public let column: String
    public let value: String
    public let row: String
    public var description: String { "\(row): \(column) holds \"\(value)\", which this version does not know" }
}

extension SQLRow {
    /// `column` as a value of `T`; `row` names the row in the error (e.g. `requests#12`).
    public func decode<T: RawRepresentable>(known column: String, as type: T.Type, row: @autoclosure () -> String) throws -> T
        where T.RawValue == String {
        try decode(known: column, row: row(), parse: T.init(rawValue:))
    }

    /// `column` as what `parse` makes of its text (a day, a rule with its own format).
    public func decode<T>(known column: String, row: @autoclosure () -> String, parse: (String) -> T?) throws -> T {
        let text = try decode(column: column, as: String.self)
        guard let value = parse(text) else { throw UnknownStoredValue(column: column, value: text, row: row()) }
        return value
    }

    /// The same for a column that may be NULL.
    public func decode<T: RawRepresentable>(knownIfPresent column: String, as type: T.Type, row: @autoclosure () -> String) throws -> T?
        where T.RawValue == String {
        guard try decode(column: column, as: String?.self) != nil else { return nil }
        return try decode(known: column, as: type, row: row())
    }
}
