/// 领取码 — ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn at
/// random: 31¹⁰ ≈ 8 × 10¹⁴ codes, so one cannot be guessed, and staff must scan or type it
/// where the shop is. Shown as `ABCDE-FGHJK`.
public enum PickupCode {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The code as typed or scanned (any case, dashes and spaces), or nil when it cannot be one.
    public static func normalized(_ text: String) -> String? {
        let kept = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard kept.count == 10, kept.allSatisfy(alphabet.contains) else { return nil }
        return kept
    }

    /// `ABCDE-FGHJK`.
    public static func display(_ code: String) -> String {
        guard code.count == 10 else { return code }
        return String(code.prefix(5)) + "-" + String(code.suffix(5))
    }
}
