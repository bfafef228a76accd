import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing

/// WCAG 2.x contrast of the console's colours: AA asks 4.5:1 for body text.
@Suite("Stylesheet: text colours meet WCAG AA")
struct StylesheetTests {
    static func luminance(_ hex: String) -> Double {
        // #rgb is #rrggbb.
        let given = Array(hex.dropFirst())
        let digits = Substring(String(given.count == 3 ? given.flatMap { [$0, $0] } : given))
        guard digits.count == 6 else { return 0 }
        let channels = stride(from: 0, to: 6, by: 2).map { offset -> Double in
            let start = digits.index(digits.startIndex, offsetBy: offset)
            let value = Double(Int(digits[start..<digits.index(start, offsetBy: 2)], radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (l1, l2) = (luminance(a), luminance(b))
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }

    @Test func theFormulaGivesTheKnownRatios() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(Self.contrast("#66788a", "#f5f7fa") - 4.24) < 0.01, "issue 17 measured the old grey at 4.23:1")
    }

    /// Issue 17: grey text #66788a on #f5f7fa was 4.23:1, and the header's small text (white at 85 % on red) 4.34:1.
    @Test func everyTextColourOnItsBackgroundIsAtLeastFourAndAHalfToOne() async throws {
        let css = try await TestSystem.with(.sqlite) { system in
            try await HTTPHarness(system: system).test { client in try await client.send(.get, "/assets/linli.css").body }
        }
        let root = try #require(css.components(separatedBy: ":root{").dropFirst().first?.prefix { $0 != "}" })
        var colour: [String: String] = ["white": "#ffffff"]
        for declaration in root.split(separator: ";") {
            let parts = declaration.split(separator: ":")
            if parts.count == 2 { colour[String(parts[0].dropFirst(2))] = String(parts[1]) }
        }
        let pairs: [(String, String, String)] = [
            ("fg", "bg", "body text"), ("muted", "bg", "grey text on the page"), ("muted", "card", "grey text in a card"),
            ("accent", "bg", "links"), ("accent", "card", "links in a card"), ("white", "brand", "the header and primary buttons"),
            ("danger", "card", "danger text"),
        ]
        for (text, background, what) in pairs {
            let ratio = Self.contrast(try #require(colour[text]), try #require(colour[background]))
            #expect(ratio >= 4.5, "\(what): \(text) on \(background) is \(ratio):1")
        }
        #expect(Self.contrast(try #require(colour["danger"]), "#fdecea") >= 4.5, "error alerts")
        #expect(Self.contrast(try #require(colour["ok"]), "#e6f4ea") >= 4.5, "success alerts")
        #expect(Self.contrast("#fde8e6", try #require(colour["brand"])) >= 4.5, "the role beside the name in the header")
        let brandSmall = try #require(css.components(separatedBy: ".brand small{").dropFirst().first?.prefix { $0 != "}" })
        #expect(!brandSmall.contains("opacity"), "text made lighter by opacity falls below its colour's contrast")
    }
}
