/// 积分 — an amount of points, kept in hundredths so that a rule such as 1.2 points an hour for
/// 1.5 hours awards exactly 1.80. Shown with decimals only when there are some.
public struct Points: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }
    public init(whole: Int64) { hundredths = whole * 100 }

    public static let zero = Points(hundredths: 0)
    public static func < (a: Points, b: Points) -> Bool { a.hundredths < b.hundredths }
    public static func + (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths + b.hundredths) }
    public static func - (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths - b.hundredths) }

    /// `12`, `1.8`, `-0.05`.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100, cents = magnitude % 100
        guard cents != 0 else { return sign + String(whole) }
        let fraction = cents % 10 == 0 ? String(cents / 10) : (cents < 10 ? "0" : "") + String(cents)
        return "\(sign)\(whole).\(fraction)"
    }
}

/// In JSON a plain number with at most two decimals (`12.5`), as people write points.
extension Points: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        guard value.isFinite, abs(value) < 1e12 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an amount of points"))
        }
        self.init(hundredths: Int64((value * 100).rounded()))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if hundredths % 100 == 0 { try container.encode(hundredths / 100) } else { try container.encode(Double(hundredths) / 100) }
    }
}
