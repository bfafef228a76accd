/// 统一社会信用代码 — the 18-character code of GB 32100-2015: registration authority (1),
/// organisation type (1), administrative division (6), organisation code (9), check (1).
/// Civil affairs (民政, authority `5`) registers the three kinds of social organisation;
/// the second character says which (`1` 社会团体, `2` 民办非企业单位, `3` 基金会).
public struct CreditCode: Sendable, Hashable, CustomStringConvertible {
    /// The 31 characters the standard uses: the digits and the capitals but I, O, S, V, Z.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// 3^(i) mod 31 for positions 1–17 (GB 32100-2015 §5.3).
    static let weights = (0..<17).map { i in (0..<i).reduce(1) { value, _ in value * 3 % 31 } }

    public let text: String
    public var description: String { text }

    /// The code as written (spaces dropped, lower case raised), or why it is not one.
    public static func parse(_ input: String) -> Result<CreditCode, CreditCodeRefusal> {
        let text = String(input.filter { !$0.isWhitespace }).uppercased()
        guard text.count == 18 else { return .failure(.length(text.count)) }
        let characters = Array(text)
        var values: [Int] = []
        for (index, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return .failure(.character(index + 1, character)) }
            values.append(value)
        }
        guard characters[2...7].allSatisfy(\.isASCIIDigit) else { return .failure(.division) }
        guard characters[17] == check(values.prefix(17)) else { return .failure(.check) }
        return .success(CreditCode(text: text))
    }

    static func check(_ values: ArraySlice<Int>) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The whole code for its first 17 characters (for made-up records: the demo district),
    /// nil when one is not in the alphabet.
    public static func completing(_ first17: String) -> String? {
        let values = first17.compactMap { alphabet.firstIndex(of: $0) }
        guard first17.count == 17, values.count == 17 else { return nil }
        return first17 + String(check(values[...]))
    }

    /// 登记管理机关: `5` is civil affairs.
    public var authority: Character { text.first! }
    /// 机构类别 within the authority.
    public var category: Character { Array(text)[1] }
    /// 登记管理机关行政区划码
    public var divisionCode: String { String(Array(text)[2...7]) }
}

/// Why a text is not a unified social credit code, in words a clerk reads.
public enum CreditCodeRefusal: Error, Equatable, Sendable {
    case length(Int)
    case character(Int, Character)
    case division
    case check

    public var message: String {
        switch self {
        case .length(let count): "统一社会信用代码应为 18 位（现为 \(count) 位）"
        case .character(let position, let character): "统一社会信用代码第 \(position) 位“\(character)”不是可用字符（不含 I、O、S、V、Z）"
        case .division: "统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）"
        case .check: "统一社会信用代码校验位不正确，请核对营业执照或登记证书"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
