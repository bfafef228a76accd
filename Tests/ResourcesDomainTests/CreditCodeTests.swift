import Resources
import Testing

@Suite("统一社会信用代码: GB 32100-2015's check character, and the civil-affairs kind of a social organisation")
struct CreditCodeTests {
    /// Valid codes: two published ones, and civil-affairs codes whose check characters an
    /// independent implementation (Python, the standard's weights 3^i mod 31) worked out.
    static let valid = [
        "91350100M000100Y43", "91110000600037341L", "51610102MJX0123458", "52610102MJX6789010", "53610000MJ0001234K",
        "91610102MA6TG1234B", " 5161 0102 mjx0 1234 58 ",
    ]

    @Test(arguments: valid)
    func aCodeWithTheRightCheckCharacterIsAccepted(code: String) throws {
        let parsed = try CreditCode.parse(code).get()
        #expect(parsed.text.count == 18 && parsed.text == parsed.text.uppercased())
    }

    static let invalid: [(String, CreditCodeRefusal)] = [
        ("91350100M000100Y44", .check),            // last character changed
        ("51610102MJX0123459", .check),
        ("51610102MJX0132458", .check),            // two characters swapped
        ("52610102MJX678901", .length(17)),
        ("52610102MJX67890100", .length(19)),
        ("", .length(0)),
        ("5161O102MJX0123458", .character(5, "O")),  // the letter O is not in the alphabet
        ("51610102MJX012345I", .character(18, "I")),
        ("516101Z2MJX0123458", .character(7, "Z")),
        ("5161A102MJX0123458", .division),
        ("51６10102MJX0123458", .character(3, "６")),
    ]

    @Test(arguments: invalid)
    func aWrongCodeIsRefusedWithItsReason(code: String, refusal: CreditCodeRefusal) {
        #expect(CreditCode.parse(code) == .failure(refusal))
        #expect(!refusal.message.isEmpty)
    }

    @Test func theCheckCharacterRefusalTellsTheClerkWhatToCheck() {
        #expect(CreditCodeRefusal.check.message == "统一社会信用代码校验位不正确，请核对营业执照或登记证书")
    }

    static let registrations: [(OrganisationKind, String?, String?, Result<String?, OrganisationRegistrationRefusal>)] = [
        (.association, "51610102MJX0123458", nil, .success("51610102MJX0123458")),
        (.serviceAgency, "52610102MJX6789010", nil, .success("52610102MJX6789010")),
        (.foundation, "53610000MJ0001234K", nil, .success("53610000MJ0001234K")),
        (.association, "52610102MJX6789010", nil, .failure(.kindMismatch(.association))),
        (.foundation, "91610102MA6TG1234B", nil, .failure(.kindMismatch(.foundation))),
        (.serviceAgency, nil, "备案 2026-01", .failure(.codeMissing)),
        (.serviceAgency, "52610102MJX6789011", nil, .failure(.code(.check))),
        (.communityFiled, nil, "东关备 2026-003", .success(nil)),
        (.communityFiled, "", "", .failure(.filingMissing)),
        (.communityFiled, "51610102MJX0123458", nil, .success("51610102MJX0123458")),
    ]

    @Test(arguments: registrations)
    func aRegistrationNumberMustFitTheKind(kind: OrganisationKind, code: String?, filing: String?,
                                           expected: Result<String?, OrganisationRegistrationRefusal>) {
        let result = OrganisationKind.checkRegistration(kind: kind, creditCode: code, filingNumber: filing).map { $0?.text }
        #expect(result == expected)
    }
}
