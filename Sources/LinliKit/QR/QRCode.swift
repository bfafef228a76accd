/// A QR code (ISO/IEC 18004) in byte mode at error-correction level M, versions 1–10 (up to
/// 213 bytes: check-in links and verification URLs). Written here because no package offers
/// one; the algorithm follows Project Nayuki's reference implementation, and a test compares
/// its modules with those of the `segno` library for the same text and mask.
public struct QRCode: Sendable, Equatable {
    public let version: Int
    public let mask: Int
    /// `size × size` modules, row by row; true is dark.
    public let modules: [[Bool]]
    public var size: Int { modules.count }

    public enum Failure: Error, Equatable { case tooLong }

    /// ECC codewords per block and the number of blocks, level M, versions 1–10.
    static let eccPerBlock = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    static let blocks = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5]
    public static let maxVersion = 10

    /// The smallest version that holds `text`; `mask` nil picks the mask with the lowest penalty.
    public init(_ text: String, mask forcedMask: Int? = nil) throws {
        let bytes = Array(text.utf8)
        guard let version = (1...Self.maxVersion).first(where: { Self.dataCapacityBits($0) >= 4 + Self.countBits($0) + bytes.count * 8 }) else {
            throw Failure.tooLong
        }
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
        append(0b0100, 4)
        append(bytes.count, Self.countBits(version))
        for byte in bytes { append(Int(byte), 8) }
        let capacity = Self.dataCapacityBits(version)
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var pad = 0xEC
        while bits.count < capacity { append(pad, 8); pad ^= 0xEC ^ 0x11 }
        var data: [UInt8] = []
        for start in stride(from: 0, to: bits.count, by: 8) {
            data.append(bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) })
        }
        var matrix = Matrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.drawCodewords(Self.interleaved(data, version: version))
        let chosen: Int
        if let forcedMask {
            chosen = forcedMask
        } else {
            var best = (mask: 0, penalty: Int.max)
            for candidate in 0..<8 {
                var trial = matrix
                trial.apply(mask: candidate)
                trial.drawFormatBits(mask: candidate)
                let penalty = trial.penalty()
                if penalty < best.penalty { best = (candidate, penalty) }
            }
            chosen = best.mask
        }
        matrix.apply(mask: chosen)
        matrix.drawFormatBits(mask: chosen)
        self.version = version
        mask = chosen
        modules = matrix.modules
    }

    static func countBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let align = version / 7 + 2
            result -= (25 * align - 10) * align - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCapacityBits(_ version: Int) -> Int {
        (rawDataModules(version) / 8 - eccPerBlock[version - 1] * blocks[version - 1]) * 8
    }

    /// The data split into blocks, each with its Reed–Solomon codewords, interleaved.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let count = blocks[version - 1], eccLength = eccPerBlock[version - 1]
        let raw = rawDataModules(version) / 8
        let shortBlocks = count - raw % count, shortLength = raw / count
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var parts: [[UInt8]] = []
        var k = 0
        for i in 0..<count {
            var block = Array(data[k..<k + shortLength - eccLength + (i < shortBlocks ? 0 : 1)])
            k += block.count
            let ecc = ReedSolomon.remainder(block, divisor)
            if i < shortBlocks { block.append(0) }
            parts.append(block + ecc)
        }
        var result: [UInt8] = []
        for i in 0..<parts[0].count {
            for (j, part) in parts.enumerated() where i != shortLength - eccLength || j >= shortBlocks { result.append(part[i]) }
        }
        return result
    }

    /// An SVG drawing with the standard 4-module quiet zone, `pixels` wide, labelled for readers.
    public func svg(pixels: Int = 240, label: String) -> String {
        let side = size + 8
        var path = ""
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" height="\(pixels)" role="img" \
        aria-label="\(escaped)" shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/>\
        <path d="\(path)" fill="#000"/></svg>
        """
    }
}

/// The module grid while it is drawn: which modules are function patterns, which are data.
struct Matrix {
    let version: Int
    let size: Int
    var modules: [[Bool]]
    var isFunction: [[Bool]]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
    }

    mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    var alignmentPositions: [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        var result = [6]
        var position = size - 7
        for _ in 1..<count {
            result.insert(position, at: 1)
            position -= step
        }
        return result
    }

    mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = cx + dx, y = cy + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    let distance = max(abs(dx), abs(dy))
                    set(x, y, distance != 2 && distance != 4)
                }
            }
        }
        let positions = alignmentPositions
        let last = positions.count - 1
        for (i, ax) in positions.enumerated() {
            for (j, ay) in positions.enumerated() where !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) {
                for dy in -2...2 { for dx in -2...2 { set(ax + dx, ay + dy, max(abs(dx), abs(dy)) != 1) } }
            }
        }
        drawFormatBits(mask: 0)
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }
    }

    /// Level M (format bits 00) and the mask, BCH-protected, in both copies, and the dark module.
    mutating func drawFormatBits(mask: Int) {
        let data = 0 << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    mutating func drawCodewords(_ data: [UInt8]) {
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x] && i < data.count * 8 {
                        modules[y][x] = (data[i >> 3] >> (7 - (i & 7))) & 1 == 1
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y][x].toggle() }
            }
        }
    }

    /// The standard's penalty: long runs, 2×2 blocks, finder-like patterns, imbalance.
    func penalty() -> Int {
        var result = 0
        func lines(_ transpose: Bool) -> [[Bool]] {
            transpose ? (0..<size).map { x in (0..<size).map { y in modules[y][x] } } : modules
        }
        for line in lines(false) + lines(true) {
            var run = 1
            for i in 1..<size {
                if line[i] == line[i - 1] {
                    run += 1
                } else {
                    if run >= 5 { result += 3 + run - 5 }
                    run = 1
                }
            }
            if run >= 5 { result += 3 + run - 5 }
            let padded = Array(repeating: false, count: 4) + line + Array(repeating: false, count: 4)
            let pattern: [Bool] = [true, false, true, true, true, false, true]
            for i in 0...(padded.count - 7) where Array(padded[i..<i + 7]) == pattern {
                let before = i >= 4 && padded[(i - 4)..<i].allSatisfy { !$0 }
                let after = i + 11 <= padded.count && padded[(i + 7)..<(i + 11)].allSatisfy { !$0 }
                if before || after { result += 40 }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = modules[y][x]
                if c == modules[y][x + 1] && c == modules[y + 1][x] && c == modules[y + 1][x + 1] { result += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }, total = size * size
        result += ((abs(dark * 20 - total * 10) + total - 1) / total - 1) * 10
        return result
    }
}

/// Reed–Solomon error correction over GF(2⁸) with the QR polynomial 0x11D.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z)
    }

    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
