import Requests
import Testing

@Suite("Request event kinds")
struct RequestEventKindTests {
    @Test func everyKindIsStoredByAUniqueNameAndReadBackAsItself() {
        let names = RequestEventKind.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        for kind in RequestEventKind.allCases { #expect(RequestEventKind(rawValue: kind.rawValue) == kind) }
        #expect(RequestEventKind(rawValue: "teleport") == nil)
    }

    @Test func everyKindHasAChineseLabelNeverItsStoredName() {
        for kind in RequestEventKind.allCases {
            #expect(!kind.label.isEmpty && kind.label != kind.rawValue, "\(kind.rawValue)")
            #expect(kind.label.unicodeScalars.contains { $0.value > 0x2E80 }, "\(kind.rawValue): \(kind.label)")
        }
    }
}
