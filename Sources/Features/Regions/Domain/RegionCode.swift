import LinliKit

/// Stable hierarchical codes: a node's code is its parent's code plus a fixed-width segment.
public enum RegionCode {
    /// A district code is a 6-digit administrative division code (e.g. 610103 碑林区).
    public static func validateDistrict(_ code: String) throws {
        guard code.count == 6, code.allSatisfy(\.isASCIIDigit), code != "000000" else {
            throw DomainError.invalid("code", "区编码应为 6 位行政区划代码，例如 610103")
        }
    }

    /// Checks a segment the user typed for a child of `level`.
    public static func validateSegment(_ segment: String, for level: RegionLevel) throws {
        guard segment.count == level.segmentWidth, segment.allSatisfy(\.isASCIIDigit),
              segment != String(repeating: "0", count: level.segmentWidth) else {
            throw DomainError.invalid("segment", "\(level.label)编号应为 \(level.segmentWidth) 位数字，且不能全为 0")
        }
    }

    /// The lowest free segment under a parent, given the codes its children already hold
    /// (retired children keep theirs: codes are never reused).
    public static func nextSegment(parentCode: String, existingChildCodes: [String], level: RegionLevel) throws -> String {
        let width = level.segmentWidth
        let taken = Set(existingChildCodes.compactMap { code -> Int? in
            guard code.hasPrefix(parentCode), code.count == parentCode.count + width else { return nil }
            return Int(code.dropFirst(parentCode.count))
        })
        let limit = Int(String(repeating: "9", count: width))!
        guard let free = (1...limit).first(where: { !taken.contains($0) }) else {
            throw DomainError.conflict("\(level.label)编号已用尽")
        }
        return pad(free, width: width)
    }

    static func pad(_ number: Int, width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The code a node gets when its subtree is re-rooted from `oldPrefix` to `newPrefix` (a move).
    public static func rebase(_ code: String, from oldPrefix: String, to newPrefix: String) -> String {
        precondition(code.hasPrefix(oldPrefix))
        return newPrefix + code.dropFirst(oldPrefix.count)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
