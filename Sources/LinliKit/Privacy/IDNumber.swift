import Foundation

/// 居民身份证号码 — an 18-character resident ID number after GB 11643-1999: a 6-digit
/// address code, an 8-digit birth date, a 3-digit sequence (odd for men) and a check character.
public struct IDNumber: Sendable, Equatable, Hashable {
    public let value: String

    /// The number as one integer — its 17 digits, then the check character (X as 10) — for
    /// sets of a district's numbers (an import's check for a number given twice).
    public var key: Int64 {
        var key: Int64 = 0
        for byte in value.utf8.prefix(17) { key = key &* 10 &+ (Int64(byte) - 48) }
        let check = value.utf8.last.map { $0 == UInt8(ascii: "X") ? 10 : Int64($0) - 48 } ?? 0
        return key &* 11 &+ check
    }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432".utf8)
    /// First two digits: provinces, Hong Kong/Macao (81/82), Taiwan residence permits (83).
    static let provinces: Set<Int> = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                                      50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]

    /// Validates `text` (spaces ignored, a lower-case x accepted) against the standard:
    /// length, digits, region prefix, a real birth date not in the future, and the check digit.
    public init(_ text: String, today: Date = Date()) throws {
        try self.init(text, todayNumber: Self.dayNumber(today))
    }

    /// The same, with today as `yyyymmdd` (a bulk import works it out once, not per row).
    public init(_ text: String, todayNumber: Int) throws {
        // Every valid character is ASCII, so the checks run on bytes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(18)
        for byte in text.utf8 where byte != UInt8(ascii: " ") {
            bytes.append(byte == UInt8(ascii: "x") ? UInt8(ascii: "X") : byte)
        }
        guard bytes.count == 18, bytes.prefix(17).allSatisfy(Self.isDigit), Self.isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            throw DomainError.invalid("idNumber", "身份证号应为 18 位（最后一位可为 X）")
        }
        guard Self.provinces.contains(Self.number(bytes[0..<2])) else {
            throw DomainError.invalid("idNumber", "身份证号的地区码无效")
        }
        guard let birth = Self.dateNumber(year: Self.number(bytes[6..<10]), month: Self.number(bytes[10..<12]), day: Self.number(bytes[12..<14])),
              birth <= todayNumber, birth >= 1900_01_01 else {
            throw DomainError.invalid("idNumber", "身份证号中的出生日期无效")
        }
        guard Self.checkCharacter(bytes) == bytes[17] else {
            throw DomainError.invalid("idNumber", "身份证号校验位不正确，请核对")
        }
        value = String(decoding: bytes, as: UTF8.self)
    }

    /// Completes 17 digits with their check character (for generated and test data).
    public static func completing(_ first17: String) -> String {
        first17 + String(UnicodeScalar(checkCharacter(Array(first17.utf8))))
    }

    static func checkCharacter(_ bytes: [UInt8]) -> UInt8 {
        var sum = 0
        for (index, weight) in weights.enumerated() where isDigit(bytes[index]) { sum += Int(bytes[index] - UInt8(ascii: "0")) * weight }
        return checkCharacters[sum % 11]
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The decimal number written by ASCII digits (callers have checked they are digits).
    static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// yyyymmdd as an integer, if it is a real date.
    public static func dateNumber(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        return year * 10000 + month * 100 + day
    }

    /// yyyymmdd of a moment, in China Standard Time.
    public static func dayNumber(_ date: Date) -> Int {
        let reading = ChinaStandardTime.reading(date)
        return reading.year * 10000 + reading.month * 100 + reading.day
    }

    /// Birth date as `yyyy-mm-dd`.
    public var birthDate: String {
        let digits = Array(value.utf8)
        return String(decoding: digits[6..<10] + [UInt8(ascii: "-")] + digits[10..<12] + [UInt8(ascii: "-")] + digits[12..<14], as: UTF8.self)
    }

    /// The 17th digit is odd for men, even for women.
    public var isMale: Bool { Array(value.utf8)[16] % 2 == 1 }

    /// `110101********123X`: the address code and the last four stay, the birth date does not.
    public var masked: String { Self.mask(value) }

    public static func mask(_ text: String) -> String {
        guard text.count == 18 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(6)) + String(repeating: "*", count: 8) + String(text.suffix(4))
    }
}

/// A mainland mobile number (11 digits starting 1[3-9]) or a landline with area code.
public struct PhoneNumber: Sendable, Equatable, Hashable {
    public let value: String

    public init(_ text: String) throws {
        var cleaned = text.filter { !" -()（）".contains($0) }
        if cleaned.hasPrefix("+86") { cleaned.removeFirst(3) }
        if cleaned.hasPrefix("0086") { cleaned.removeFirst(4) }
        let digits = cleaned.allSatisfy(\.isASCIIDigitCharacter)
        let mobile = digits && cleaned.count == 11 && cleaned.hasPrefix("1") && "3456789".contains(Array(cleaned)[1])
        let landline = digits && cleaned.hasPrefix("0") && (10...12).contains(cleaned.count)
        guard mobile || landline else {
            throw DomainError.invalid("phone", "电话应为 11 位手机号，或带区号的固定电话")
        }
        value = cleaned
    }

    /// `138****5678`
    public var masked: String { Self.mask(value) }

    public static func mask(_ text: String) -> String {
        guard text.count >= 7 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(3)) + String(repeating: "*", count: text.count - 7) + String(text.suffix(4))
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

extension Calendar {
    /// Dates people see and ages are reckoned in China Standard Time.
    public static let shanghai: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }()
}
