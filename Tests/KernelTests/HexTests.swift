import Crypto
import Foundation
import LinliKit
import Testing

/// Hashes and blind indexes are stored as hex: the fast encoding must write exactly what
/// `String(format: "%02x")` wrote, or every stored audit hash and index would stop matching.
@Suite struct HexTests {
    @Test func everyByteIsTwoLowerCaseDigitsAsBefore() {
        let bytes = (0...255).map(UInt8.init)
        #expect(bytes.hex == bytes.map { String(format: "%02x", $0) }.joined())
        #expect([UInt8]().hex == "")
        #expect(Secrets.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
