import Foundation
import LinliKit

/// A resident as staff see them by default: personal numbers masked.
public struct Resident: Sendable, Codable, Equatable {
    public let id: Int64
    /// The region node the person is registered at — a household (户) when known.
    public let regionId: Int64
    public let regionPath: String
    public let address: String
    public let name: String
    public let gender: Gender?
    /// `yyyy-mm-dd`
    public let birthDate: String?
    public let idNumberMasked: String?
    public let phoneMasked: String?
    public let ethnicity: String?
    public let politicalStatus: PoliticalStatus?
    public let relation: Relation?
    public let status: ResidenceStatus
    public let notes: String?
    public let tags: [String]
    public let updatedAt: Int64

    /// Age in whole years on `today` (Asia/Shanghai), if the birth date is known.
    public func age(on today: Date) -> Int? {
        guard let birthDate else { return nil }
        return ResidentRules.age(birthDate: birthDate, on: today)
    }
}

/// What a create or update supplies; validated by `ResidentRules.validate`.
public struct ResidentDraft: Sendable {
    public var regionId: Int64?
    public var name: String?
    public var gender: Gender?
    public var birthDate: String?
    public var idNumber: String?
    public var phone: String?
    public var ethnicity: String?
    public var politicalStatus: PoliticalStatus?
    public var relation: Relation?
    public var status: ResidenceStatus?
    public var notes: String?
    public var tags: [String]

    public init(regionId: Int64? = nil, name: String? = nil, gender: Gender? = nil, birthDate: String? = nil,
                idNumber: String? = nil, phone: String? = nil, ethnicity: String? = nil, politicalStatus: PoliticalStatus? = nil,
                relation: Relation? = nil, status: ResidenceStatus? = nil, notes: String? = nil, tags: [String] = []) {
        self.regionId = regionId
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.idNumber = idNumber
        self.phone = phone
        self.ethnicity = ethnicity
        self.politicalStatus = politicalStatus
        self.relation = relation
        self.status = status
        self.notes = notes
        self.tags = tags
    }
}

/// A draft that passed every rule: ready to store.
public struct ValidResident: Sendable, Equatable {
    public let regionId: Int64
    public let name: String
    public let gender: Gender?
    public let birthDate: String?
    public let idNumber: IDNumber?
    public let phone: PhoneNumber?
    public let ethnicity: String?
    public let politicalStatus: PoliticalStatus?
    public let relation: Relation?
    public let status: ResidenceStatus
    public let notes: String?
    public let tags: [String]
}

public enum ResidentRules {
    /// Checks every field and reports all problems at once. When an ID number is given, birth
    /// date and gender come from it; typed values that contradict it are errors.
    public static func validate(_ draft: ResidentDraft, today: Date) throws -> ValidResident {
        try validate(draft, todayNumber: IDNumber.dayNumber(today))
    }

    /// The same, with today as `yyyymmdd` (a bulk import works it out once, not per row).
    public static func validate(_ draft: ResidentDraft, todayNumber: Int) throws -> ValidResident {
        var errors: [String: String] = [:]
        func attempt<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch let error as DomainError { errors.merge(error.fields) { a, _ in a }; return nil } catch { return nil }
        }
        let name = draft.name?.trimmingWhitespace ?? ""
        if name.isEmpty { errors["name"] = "请填写姓名" }
        if name.count > 50 { errors["name"] = "姓名不能超过 50 个字" }
        if draft.regionId == nil { errors["regionId"] = "请选择居住地（户）" }
        let id = draft.idNumber.flatMap { text in text.isEmpty ? nil : attempt { try IDNumber(text, todayNumber: todayNumber) } }
        let phone = draft.phone.flatMap { text in text.isEmpty ? nil : attempt { try PhoneNumber(text) } }
        var birthDate = draft.birthDate.flatMap { $0.isEmpty ? nil : $0 }
        if let typed = birthDate, attempt({ try validateDate(typed, todayNumber: todayNumber) }) == nil { birthDate = nil }
        var gender = draft.gender
        if let id {
            if let typed = birthDate, typed != id.birthDate {
                errors["birthDate"] = "出生日期与身份证号不一致（身份证为 \(id.birthDate)）"
            }
            birthDate = id.birthDate
            let derived: Gender = id.isMale ? .male : .female
            if let typed = gender, typed != derived { errors["gender"] = "性别与身份证号不一致" }
            gender = derived
        }
        guard errors.isEmpty, let regionId = draft.regionId else { throw DomainError.invalid(fields: errors) }
        return ValidResident(regionId: regionId, name: name, gender: gender, birthDate: birthDate, idNumber: id, phone: phone,
                             ethnicity: draft.ethnicity, politicalStatus: draft.politicalStatus, relation: draft.relation,
                             status: draft.status ?? .registered, notes: draft.notes, tags: draft.tags)
    }

    /// `yyyy-mm-dd`, a real date, not in the future, not before 1900.
    public static func validateDate(_ text: String, today: Date) throws {
        try validateDate(text, todayNumber: IDNumber.dayNumber(today))
    }

    static func validateDate(_ text: String, todayNumber: Int) throws {
        guard let parts = ChinaStandardTime.dayParts(text) else { throw DomainError.invalid("birthDate", "出生日期应写作 1950-03-08") }
        guard let number = IDNumber.dateNumber(year: parts.year, month: parts.month, day: parts.day),
              number >= 1900_01_01, number <= todayNumber else {
            throw DomainError.invalid("birthDate", "出生日期无效")
        }
    }

    public static func age(birthDate: String, on today: Date) -> Int? {
        let parts = birthDate.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let now = Calendar.shanghai.dateComponents([.year, .month, .day], from: today)
        var age = now.year! - parts[0]
        if (now.month!, now.day!) < (parts[1], parts[2]) { age -= 1 }
        return max(0, age)
    }

    /// The latest birth date (inclusive) of someone at least `years` old on `today`.
    public static func bornOnOrBefore(yearsAgo years: Int, today: Date) -> String {
        let c = Calendar.shanghai.dateComponents([.year, .month, .day], from: today)
        var year = c.year! - years
        var month = c.month!
        var day = c.day!
        // 29 February in a year without one: the birthday falls on 28 February.
        if month == 2 && day == 29 && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) { day = 28 }
        if year < 1 { year = 1; month = 1; day = 1 }
        return ChinaStandardTime.dayText(year: year, month: month, day: day)
    }

    /// Character bigrams of a name for the search index (张伟 → [张伟]; 欧阳娜娜 → 欧阳, 阳娜, 娜娜).
    /// A one-character name indexes itself.
    public static func grams(_ text: String) -> [String] {
        let characters = Array(text.filter { !$0.isWhitespace })
        guard characters.count >= 2 else { return characters.map { String($0) } }
        var seen = Set<String>()
        return (0..<(characters.count - 1)).map { String(characters[$0...($0 + 1)]) }.filter { seen.insert($0).inserted }
    }
}
