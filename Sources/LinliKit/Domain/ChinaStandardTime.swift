import Foundation

/// Wall time in Asia/Shanghai by arithmetic. China has kept UTC+8 without daylight saving
/// since 1991, which covers every time Linli records, so a day, a clock reading and the
/// weekday are integer sums (Hinnant's civil-date algorithms) — not ICU calendars and
/// formatters, which cost more than the rest of a request put together.
public enum ChinaStandardTime {
    public static let offsetSeconds: Int64 = 8 * 3600

    public struct Reading: Sendable, Equatable {
        public let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
        /// 1 = Monday … 7 = Sunday.
        public let isoWeekday: Int
    }

    public static func reading(_ date: Date) -> Reading {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down)) + offsetSeconds
        let days = floorDiv(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (y, m, d) = civil(fromDays: days)
        let weekday = Int(((days % 7) + 7 + 3) % 7) + 1  // 1970-01-01 was a Thursday
        return Reading(year: y, month: m, day: d, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60,
                       isoWeekday: weekday)
    }

    /// Midnight at the start of a Shanghai day.
    public static func startOfDay(year: Int, month: Int, day: Int) -> Date {
        Date(timeIntervalSince1970: Double(days(year: year, month: month, day: day) * 86_400 - offsetSeconds))
    }

    /// Days since 1970-01-01 of a civil date.
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(fromDays count: Int64) -> (year: Int, month: Int, day: Int) {
        let z = count + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// `yyyy-mm-dd` of a civil date, without String(format:).
    public static func dayText(year: Int, month: Int, day: Int) -> String {
        "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// The numbers of text shaped exactly `yyyy-mm-dd` (ASCII digits), whether or not the date
    /// exists; nil for any other shape.
    public static func dayParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var numbers: [Int] = []
        for range in [0..<4, 5..<7, 8..<10] {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            numbers.append(value)
        }
        return (numbers[0], numbers[1], numbers[2])
    }

    /// A wall-clock minute typed as `yyyy-mm-ddThh:mm` (an HTML `datetime-local` field) or
    /// `yyyy-mm-dd hh:mm`, read as Shanghai time; nil for any other text or a date that does
    /// not exist.
    public static func moment(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"),
              let (year, month, day) = dayParts(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Int(String(decoding: bytes[11..<13], as: UTF8.self)), let minute = Int(String(decoding: bytes[14..<16], as: UTF8.self)),
              bytes[11..<13].allSatisfy({ (48...57).contains($0) }), bytes[14..<16].allSatisfy({ (48...57).contains($0) }),
              (0..<24).contains(hour), (0..<60).contains(minute), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let start = startOfDay(year: year, month: month, day: day)
        guard reading(start).day == day else { return nil }  // 2 月 30 日 rolls over: not a date
        return start.addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

    /// `yyyy-mm-ddThh:mm` in Shanghai time, what a `datetime-local` field shows.
    public static func localMinuteText(_ date: Date) -> String {
        let r = reading(date)
        return "\(dayText(year: r.year, month: r.month, day: r.day))T\(padded(r.hour, 2)):\(padded(r.minute, 2))"
    }

    /// `7` → `"07"`, without String(format:).
    public static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Date {
    /// `2026-11-23T09:00:00+08:00`: how the API writes times (China Standard Time, with the offset).
    /// Written digit by digit: every time in every API answer passes here.
    public var iso8601CST: String {
        let r = ChinaStandardTime.reading(self)
        guard (0...9999).contains(r.year) else {
            let p = ChinaStandardTime.padded
            return "\(p(r.year, 4))-\(p(r.month, 2))-\(p(r.day, 2))T\(p(r.hour, 2)):\(p(r.minute, 2)):\(p(r.second, 2))+08:00"
        }
        return String(unsafeUninitializedCapacity: 25) { buffer in
            func put(_ at: Int, _ value: Int, _ width: Int) {
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[at + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            for (offset, byte) in "0000-00-00T00:00:00+08:00".utf8.enumerated() { buffer[offset] = byte }
            put(0, r.year, 4)
            put(5, r.month, 2)
            put(8, r.day, 2)
            put(11, r.hour, 2)
            put(14, r.minute, 2)
            put(17, r.second, 2)
            return 25
        }
    }
}
