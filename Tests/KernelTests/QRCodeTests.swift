import LinliKit
import Testing

/// Our QR encoder against the `qrcode` library (PyPI): the expected modules' SHA-256 over
/// "0"/"1" rows from `qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=m)`
/// with `QRData(text.encode(), mode=MODE_8BIT_BYTE)`. (`segno` agrees for version 1 but adds a
/// zero byte after the terminator when the stream is already byte-aligned, which the standard
/// does not; decoders read both.) Whether phones read them is the browser walk's check: it
/// decodes the check-in code from a screenshot with zxing-cpp.
@Suite("QR codes: the modules the qrcode library draws for the same text and mask")
struct QRCodeTests {
    static let long = "https://linli.example/v/" + String(repeating: "x", count: 120) + "?n=ZYZM2026000001"
    static let link = "https://linli.example/activities/42/check-in?code=42-59932814-k3h7q2m9xa"
    static let expected: [(text: String, mask: Int, version: Int, digest: String)] = [
        ("P42-abcdefghjk", 0, 1, "6a0c8ab75c06ea8d471f5b67f669245a34562990c6e5032e9ded9653dbdddbeb"),
        ("P42-abcdefghjk", 3, 1, "5193e9e5bb6bae5d745d19a614067f7b3dd9f0a8c8fac2ccec3d9dd344d9211d"),
        ("P42-abcdefghjk", 5, 1, "6df77918b89f0afb8cef9f88e40b8f0923a6810b52b8ec97c71756e1b94ac43a"),
        ("P42-abcdefghjk", 7, 1, "3373bd11e8b60ad98cfd1247d3775e0269f336dc0fb662a31d474d272ec64dfa"),
        (link, 0, 5, "4a26f34079f6366773f4a161750af7381c482b6df604b09d30d654c6cf524702"),
        (link, 3, 5, "94344992f752e460c547ee10bcc1eda5f0fe6a277af32333463e292f71c10456"),
        (link, 5, 5, "f0614dc81f5f6e401ea35dc119b254b26b8636de4c93f2983dba773074324c94"),
        (link, 7, 5, "cfe46479c4c746d2af81cddce32a1267a8e5588d660b972ec5fc22ab73238583"),
        (long, 0, 9, "336911a3236b83d88bc1160b665d160cd492eeffc580902724d52ae226e725a8"),
        (long, 3, 9, "b5460cd93f80caa64aaeb0954497283ddf3ec7f3e7fe5670420c16b74a7fd920"),
        (long, 5, 9, "ef70ee8fa8cd16836e064b8a280c8bf5cb2c10cece625a9ebc96d38d868653b5"),
        (long, 7, 9, "8200b11d4a81091f4592bfb945b300aa72546118917cd80cff7886ea2f0da168"),
    ]

    static func digest(_ code: QRCode) -> String {
        Secrets.sha256Hex(code.modules.map { row in row.map { $0 ? "1" : "0" }.joined() }.joined())
    }

    @Test(arguments: 0..<expected.count)
    func theModulesAreTheReferencesForTheSameTextAndMask(index: Int) throws {
        let e = Self.expected[index]
        let code = try QRCode(e.text, mask: e.mask)
        #expect(code.version == e.version && code.size == e.version * 4 + 17)
        #expect(Self.digest(code) == e.digest, "version \(e.version), mask \(e.mask)")
    }

    @Test func textBeyondVersionTenIsRefusedNotTruncated() {
        #expect(throws: QRCode.Failure.tooLong) { try QRCode(String(repeating: "a", count: 214)) }
        #expect((try? QRCode(String(repeating: "a", count: 213)))?.version == 10)
    }

    @Test func theDrawingHasAQuietZoneAndALabel() throws {
        let svg = try QRCode("P1-x").svg(pixels: 200, label: "签到码 <1>")
        #expect(svg.contains(#"viewBox="0 0 29 29""#) && svg.contains("aria-label=\"签到码 &lt;1>\""))
    }
}
