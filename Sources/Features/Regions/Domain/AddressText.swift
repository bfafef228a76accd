/// Finding a place in the tree from an address as people write it: 东关街道建设社区3号楼2单元301室,
/// 建设社区三栋二单元301, 3幢2单元301号. Text and node names are both brought to one form, then
/// matched level by level (`AddressText.step`).
public enum AddressText {
    /// One form for text and names: full-width letters and digits made plain, spaces and
    /// punctuation out, Chinese numerals before 号楼/栋/幢/单元/号/室/楼/层 made digits, 栋 and 幢
    /// (and 号 before 楼) made 号楼, and a household's trailing 室 or 号 dropped.
    public static func normalize(_ text: String) -> String {
        var plain = ""
        for scalar in text.unicodeScalars {
            var s = scalar
            if (0xFF01...0xFF5E).contains(s.value), let half = Unicode.Scalar(s.value - 0xFEE0) { s = half }
            if s.properties.isWhitespace || "，,。.、（）()·-—－#".unicodeScalars.contains(s) { continue }
            plain.unicodeScalars.append(s)
        }
        plain = arabicNumerals(plain)
        var out = ""
        let chars = Array(plain)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let afterDigit = out.last?.isNumber == true && out.last?.isASCII == true
            if afterDigit && (c == "栋" || c == "幢") {
                out += "号楼"
            } else if afterDigit && c == "号" && i + 1 < chars.count && chars[i + 1] == "楼" {
                out += "号楼"
                i += 1
            } else if afterDigit && c == "楼" && !(i + 1 < chars.count && chars[i + 1] == "层") {
                out += "号楼"  // 3楼 as a building (a floor is written 3层)
            } else if afterDigit && (c == "室" || (c == "号" && !(i + 1 < chars.count && chars[i + 1] == "楼"))) {
                // 301室 / 301号: the household's number alone.
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    static let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    static let units: Set<Character> = ["号", "栋", "幢", "单", "室", "楼", "层"]

    /// 三栋 → 3栋, 十二号楼 → 12号楼, 二十一单元 → 21单元: Chinese numerals (up to 99) right before a
    /// unit word; other Chinese numerals (三里屯) stay.
    static func arabicNumerals(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            var j = i
            while j < chars.count, digits[chars[j]] != nil || chars[j] == "十" { j += 1 }
            if j > i, j < chars.count, units.contains(chars[j]), let value = value(Array(chars[i..<j])) {
                out += String(value)
                i = j
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    static func value(_ numeral: [Character]) -> Int? {
        if let ten = numeral.firstIndex(of: "十") {
            // 十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23.
            let left = numeral[..<ten], right = numeral[(ten + 1)...]
            guard left.count <= 1, right.count <= 1 else { return nil }
            guard let tens = left.isEmpty ? 1 : digits[left.first!], let ones = right.isEmpty ? 0 : digits[right.first!] else { return nil }
            return tens * 10 + ones
        }
        // 三零一 → 301: digit by digit.
        guard numeral.count <= 4 else { return nil }
        var number = 0
        for c in numeral {
            guard let d = digits[c] else { return nil }
            number = number * 10 + d
        }
        return number
    }

    /// The forms a node's name is found by.
    public static func keys(name: String, level: RegionLevel) -> [String] {
        let key = normalize(name)
        return key.isEmpty ? [] : [key]
    }

    /// The candidate whose name comes first in `text` (already normalised), and the text after
    /// it. A name that starts with a digit is not found inside a longer number (1号楼 in 11号楼).
    /// Among names found at the same place, the longest wins.
    public static func step<ID>(_ text: String, among candidates: [(id: ID, name: String, level: RegionLevel)]) -> (id: ID, rest: String)? {
        var best: (id: ID, start: String.Index, end: String.Index, length: Int)?
        for candidate in candidates {
            for key in keys(name: candidate.name, level: candidate.level) {
                var searchFrom = text.startIndex
                while let range = text.range(of: key, range: searchFrom..<text.endIndex) {
                    let digitBefore = range.lowerBound > text.startIndex && text[text.index(before: range.lowerBound)].isASCII
                        && text[text.index(before: range.lowerBound)].isNumber && key.first?.isNumber == true
                    let digitAfter = range.upperBound < text.endIndex && text[range.upperBound].isASCII && text[range.upperBound].isNumber
                        && key.last?.isNumber == true
                    if !digitBefore && !digitAfter {
                        if best == nil || range.lowerBound < best!.start || (range.lowerBound == best!.start && key.count > best!.length) {
                            best = (candidate.id, range.lowerBound, range.upperBound, key.count)
                        }
                        break
                    }
                    searchFrom = text.index(after: range.lowerBound)
                }
            }
        }
        return best.map { ($0.id, String(text[$0.end...])) }
    }
}
