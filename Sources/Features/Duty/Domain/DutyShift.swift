import Foundation
import LinliKit

/// 值班 — one person on duty for a community (or a street) from one moment to another:
/// outside working hours, urgent requests there go to them at once.
public struct DutyShift: Sendable, Equatable, Codable {
    public let id: Int64
    public let regionId: Int64
    public let regionPath: String
    public let userId: Int64
    public let startsAt: Int64
    public let endsAt: Int64
    public let note: String
    public let cancelled: Bool

    public func covers(_ moment: Date) -> Bool { !cancelled && startsAt <= moment.millis && moment.millis < endsAt }
}

/// A shift as pages and the API show it: with the names of the place and the person.
public struct DutyShiftView: Sendable, Encodable {
    public let id: Int64
    public let regionId: Int64
    public let regionName: String
    public let userId: Int64
    public let displayName: String
    public let startsAt: String
    public let endsAt: String
    public let note: String
    public let cancelled: Bool
}

/// Who is on duty for a place now, and the place's duty phone.
public struct OnDuty: Sendable, Equatable {
    public let people: [StaffMember]
    /// 值班电话 of the nearest community or street that has one.
    public let phone: String?
}

/// What a new shift must satisfy.
public enum DutyRules {
    /// A weekend from Friday evening to Monday morning is 63 hours; a week is the longest shift.
    public static let longestShift: TimeInterval = 7 * 86_400
    /// Repeated weekly at most this many more times (a quarter).
    public static let repeatWeeks = 0...12

    public static func check(startsAt: Date, endsAt: Date, repeatWeeks: Int) throws {
        var problems: [String: String] = [:]
        if endsAt <= startsAt { problems["endsAt"] = "结束时间应晚于开始时间" }
        else if endsAt.timeIntervalSince(startsAt) > longestShift { problems["endsAt"] = "一次值班最长 7 天" }
        if !Self.repeatWeeks.contains(repeatWeeks) { problems["repeatWeeks"] = "每周重复最多 12 次" }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
    }

    /// A phone a resident can dial: digits with an optional area code and extension, e.g.
    /// `029-88886666`, `13912345678`, `88886666-801`.
    public static func phone(_ text: String) throws -> String {
        let trimmed = text.trimmingWhitespace
        let digits = trimmed.filter(\.isASCII).filter(\.isNumber)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" }), (5...16).contains(digits.count),
              !trimmed.hasPrefix("-"), !trimmed.hasSuffix("-"), !trimmed.contains("--") else {
            throw DomainError.invalid("phone", "请填写能拨通的电话号码，如 029-88886666 或 13912345678")
        }
        return trimmed
    }
}
