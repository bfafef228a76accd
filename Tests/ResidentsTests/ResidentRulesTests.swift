import Foundation
import LinliKit
import Residents
import Testing

@Suite("Personal numbers and resident rules (pure)")
struct ResidentRulesTests {
    static let today = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static let valid = IDNumber.completing("11010519491231002")

    @Test func distinctIDNumbersHaveDistinctKeys() throws {
        var keys: [Int64: String] = [:]
        // A thousand numbers that differ in their sequence and check character (X among them).
        let numbers = try (0..<1000).map { try IDNumber(IDNumber.completing("11010519491231\(String(format: "%03d", $0))"), today: Self.today) }
        #expect(numbers.contains { $0.value.hasSuffix("X") })
        for id in numbers {
            #expect(keys[id.key] == nil, "\(id.value) and \(keys[id.key] ?? "")")
            keys[id.key] = id.value
        }
        let sample = try IDNumber(Self.valid, today: Self.today)
        #expect(sample.key == Int64(sample.value.prefix(17))! * 11 + (sample.value.last == "X" ? 10 : Int64(String(sample.value.last!))!))
    }

    @Test func aValidIDNumberGivesBirthDateAndGender() throws {
        let id = try IDNumber(Self.valid, today: Self.today)
        #expect(id.birthDate == "1949-12-31")
        #expect(!id.isMale)
        #expect(try IDNumber(IDNumber.completing("44030420011109003"), today: Self.today).isMale)
    }

    @Test func theWellKnownSampleNumberPassesItsCheckDigit() throws {
        // The GB 11643 example number: check character X.
        #expect(IDNumber.completing("11010519491231002") == "11010519491231002X")
        _ = try IDNumber("11010519491231002x", today: Self.today)
    }

    @Test(arguments: [
        ("110105194912310021", "校验位"),        // wrong check digit
        ("11010519490230002X", "出生日期"),      // 30 February
        ("11010520991231002X", "出生日期"),      // in the future
        ("99010519491231002X", "地区码"),        // no such province
        ("1101051949123100", "18 位"),          // too short
        ("11010519491231002Y", "18 位"),         // bad last character
    ])
    func invalidIDNumbersAreRefusedWithTheReason(text: String, reason: String) {
        do {
            _ = try IDNumber(text, today: Self.today)
            Issue.record("\(text) was accepted")
        } catch let error as DomainError {
            #expect(error.message.contains(reason), "\(text): \(error.message)")
        } catch { Issue.record("\(error)") }
    }

    @Test func numbersAreMaskedAsThePublicSeesThem() throws {
        #expect(try IDNumber(Self.valid, today: Self.today).masked == "110105********002X")
        #expect(try PhoneNumber("138 0013 5678").masked == "138****5678")
        #expect(try PhoneNumber("+86 13800135678").value == "13800135678")
        #expect(try PhoneNumber("029-87654321").value == "02987654321")
    }

    @Test(arguments: ["12345", "23800135678", "1380013567a", "110"])
    func invalidPhonesAreRefused(text: String) {
        #expect(throws: DomainError.self) { try PhoneNumber(text) }
    }

    @Test func namesAreIndexedByCharacterBigrams() {
        #expect(ResidentRules.grams("张伟") == ["张伟"])
        #expect(ResidentRules.grams("欧阳娜娜") == ["欧阳", "阳娜", "娜娜"])
        #expect(ResidentRules.grams("李") == ["李"])
        #expect(ResidentRules.grams("王 小 明") == ["王小", "小明"])
    }

    @Test func agesCountWholeYearsInShanghai() {
        #expect(ResidentRules.age(birthDate: "1949-12-31", on: Self.today) == 76)
        #expect(ResidentRules.age(birthDate: "1950-11-18", on: Self.today) == 76)
        #expect(ResidentRules.age(birthDate: "1950-11-19", on: Self.today) == 75)
        #expect(ResidentRules.bornOnOrBefore(yearsAgo: 80, today: Self.today) == "1946-11-18")
    }

    @Test func theIDNumberDecidesBirthDateAndGender() throws {
        let ok = try ResidentRules.validate(ResidentDraft(regionId: 1, name: "王芳", idNumber: Self.valid), today: Self.today)
        #expect(ok.birthDate == "1949-12-31")
        #expect(ok.gender == .female)
        #expect(throws: DomainError.self) {
            try ResidentRules.validate(ResidentDraft(regionId: 1, name: "王芳", gender: .male, idNumber: Self.valid), today: Self.today)
        }
        #expect(throws: DomainError.self) {
            try ResidentRules.validate(ResidentDraft(regionId: 1, name: "王芳", birthDate: "1950-01-01", idNumber: Self.valid), today: Self.today)
        }
    }

    @Test func everyProblemIsReportedAtOnce() {
        do {
            _ = try ResidentRules.validate(ResidentDraft(name: "", birthDate: "1950-02-30", idNumber: "123", phone: "1"), today: Self.today)
            Issue.record("accepted")
        } catch let error as DomainError {
            #expect(Set(error.fields.keys) == ["name", "regionId", "idNumber", "phone", "birthDate"])
        } catch { Issue.record("\(error)") }
    }

    @Test func registryWordsParseFromWhatSpreadsheetsSay() {
        #expect(Relation.parse("妻子") == .spouse)
        #expect(Relation.parse("户主") == .head)
        #expect(PoliticalStatus.parse("党员") == .partyMember)
        #expect(ResidenceStatus.parse("流动人口") == .floating)
        #expect(Ethnicity.parse("汉") == "汉族")
        #expect(Ethnicity.parse("火星族") == nil)
    }

    @Test func theVaultSealsAndIndexesButNeverRepeatsCiphertext() throws {
        let vault = PersonalDataVault(masterKey: .init(size: .bits256))
        let a = try vault.seal(Self.valid), b = try vault.seal(Self.valid)
        #expect(a != b)
        #expect(try vault.open(a) == Self.valid)
        #expect(vault.blindIndex(Self.valid, kind: "id") == vault.blindIndex(Self.valid, kind: "id"))
        #expect(vault.blindIndex(Self.valid, kind: "id") != vault.blindIndex(Self.valid, kind: "phone"))
        let other = PersonalDataVault(masterKey: .init(size: .bits256))
        #expect(throws: (any Error).self) { try other.open(a) }
    }
}
