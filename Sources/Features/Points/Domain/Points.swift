/// 积分 — an amount of points, kept in hundredths so that a rule such as 1.2 points an hour for
/// 1.5 hours awards exactly 1.80. Shown with decimals only when there are some.
public struct Points: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
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
