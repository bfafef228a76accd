import Foundation

extension String {
    /// The text without leading and trailing white space — exactly what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives (ideographic space 　 included),
    /// without a trip through NSString. Text with nothing to trim (nearly every cell of a
    /// ledger) comes back as it is after looking at two characters.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        let space = whitespaceAndNewlines
        guard let first = scalars.first, let last = scalars.last, space.contains(first) || space.contains(last) else { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, space.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, space.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

private let whitespaceAndNewlines = CharacterSet.whitespacesAndNewlines
