import Foundation

/// Checks a zip archive's directory before ZIPFoundation opens it. ZIPFoundation trusts the
/// sizes and offsets a file declares (ZIP64 fields up to 2⁶⁴) and converts them to Int64 or
/// adds them without overflow checks, which traps the process; an upload controls all of
/// them. Here every declared offset and size must lie inside the file, every declared
/// uncompressed size inside the budget, and their sum too — with checked arithmetic only.
public enum ZIPStructure {
    /// The total uncompressed size the directory declares, or a zh-CN refusal.
    public static func check(_ data: Data, maxUncompressed: UInt64) throws -> UInt64 {
        let bytes = Reader(data: data)
        let damaged = SpreadsheetError("Excel 文件已损坏，无法读取")
        guard let end = bytes.findEndOfDirectory() else { throw damaged }
        var entries = UInt64(bytes.u16(end + 10) ?? 0)
        var directorySize = UInt64(bytes.u32(end + 12) ?? 0)
        var directoryOffset = UInt64(bytes.u32(end + 16) ?? 0)
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: the locator just before the end record points at the ZIP64 end record.
            guard end >= 20, bytes.u32(end - 20) == 0x0706_4B50, let recordAt = bytes.u64(end - 12).flatMap(Int.init(exactly:)),
                  bytes.u32(recordAt) == 0x0606_4B50,
                  let count = bytes.u64(recordAt + 32), let size = bytes.u64(recordAt + 40), let offset = bytes.u64(recordAt + 48) else {
                throw damaged
            }
            (entries, directorySize, directoryOffset) = (count, size, offset)
        }
        let length = UInt64(data.count)
        guard directoryOffset <= length, directorySize <= length - directoryOffset, entries <= length / 46 else { throw damaged }
        var cursor = Int(directoryOffset)
        let directoryEnd = Int(directoryOffset + directorySize)
        var total: UInt64 = 0
        for _ in 0..<entries {
            guard cursor + 46 <= directoryEnd, bytes.u32(cursor) == 0x0201_4B50,
                  var compressed = bytes.u32(cursor + 20).map(UInt64.init), var uncompressed = bytes.u32(cursor + 24).map(UInt64.init),
                  let nameLength = bytes.u16(cursor + 28), let extraLength = bytes.u16(cursor + 30), let commentLength = bytes.u16(cursor + 32),
                  var localOffset = bytes.u32(cursor + 42).map(UInt64.init) else { throw damaged }
            let extraStart = cursor + 46 + Int(nameLength)
            let next = extraStart + Int(extraLength) + Int(commentLength)
            guard next <= directoryEnd else { throw damaged }
            // ZIP64 extra field (0x0001): 8-byte values for those fields that were 0xFFFFFFFF.
            if let zip64 = bytes.extra(0x0001, from: extraStart, length: Int(extraLength)) {
                var at = zip64.lowerBound
                func wide(_ value: inout UInt64) throws {
                    guard value == 0xFFFF_FFFF else { return }
                    guard at + 8 <= zip64.upperBound, let read = bytes.u64(at) else { throw damaged }
                    value = read
                    at += 8
                }
                try wide(&uncompressed)
                try wide(&compressed)
                try wide(&localOffset)
            }
            guard compressed <= length, uncompressed <= maxUncompressed, localOffset <= length - min(length, 30) else {
                throw uncompressed > maxUncompressed ? SpreadsheetError("文件解压后过大，已拒绝（疑似压缩炸弹）") : damaged
            }
            try checkLocalHeader(bytes, at: Int(localOffset), compressed: compressed, maxValue: max(length, maxUncompressed))
            let (sum, overflow) = total.addingReportingOverflow(uncompressed)
            guard !overflow, sum <= maxUncompressed else { throw SpreadsheetError("文件解压后过大，已拒绝（疑似压缩炸弹）") }
            total = sum
            cursor = next
        }
        return total
    }

    /// The local header an entry points at: inside the file with its data after it, and
    /// any ZIP64 values it carries no larger than the file or the budget.
    static func checkLocalHeader(_ bytes: Reader, at offset: Int, compressed: UInt64, maxValue: UInt64) throws {
        let damaged = SpreadsheetError("Excel 文件已损坏，无法读取")
        guard bytes.u32(offset) == 0x0403_4B50, let nameLength = bytes.u16(offset + 26), let extraLength = bytes.u16(offset + 28) else {
            throw damaged
        }
        let extraStart = offset + 30 + Int(nameLength)
        let dataStart = UInt64(extraStart + Int(extraLength))
        let length = UInt64(bytes.data.count)
        guard dataStart <= length, compressed <= length - dataStart else { throw damaged }
        if let zip64 = bytes.extra(0x0001, from: extraStart, length: Int(extraLength)) {
            var at = zip64.lowerBound
            while at + 8 <= zip64.upperBound {
                guard let value = bytes.u64(at), value <= maxValue else { throw damaged }
                at += 8
            }
        }
    }

    /// Little-endian reads that answer nil past the end instead of trapping.
    struct Reader {
        let data: Data

        func byte(_ offset: Int) -> UInt8? {
            guard offset >= 0, offset < data.count else { return nil }
            return data[data.startIndex + offset]
        }
        func u16(_ offset: Int) -> UInt16? {
            guard let a = byte(offset), let b = byte(offset + 1) else { return nil }
            return UInt16(a) | UInt16(b) << 8
        }
        func u32(_ offset: Int) -> UInt32? {
            guard let low = u16(offset), let high = u16(offset + 2) else { return nil }
            return UInt32(low) | UInt32(high) << 16
        }
        func u64(_ offset: Int) -> UInt64? {
            guard let low = u32(offset), let high = u32(offset + 4) else { return nil }
            return UInt64(low) | UInt64(high) << 32
        }

        /// The end-of-central-directory record: within the last 22 + 65,535 bytes.
        func findEndOfDirectory() -> Int? {
            guard data.count >= 22 else { return nil }
            var offset = data.count - 22
            let lowest = max(0, data.count - 22 - 65_535)
            while offset >= lowest {
                if u32(offset) == 0x0605_4B50 { return offset }
                offset -= 1
            }
            return nil
        }

        /// The body of the extra block with `id` inside an extra field, if there is one.
        func extra(_ id: UInt16, from start: Int, length: Int) -> Range<Int>? {
            var at = start
            let end = start + length
            while at + 4 <= end, let tag = u16(at), let size = u16(at + 2) {
                let body = at + 4
                guard body + Int(size) <= end else { return nil }
                if tag == id { return body..<(body + Int(size)) }
                at = body + Int(size)
            }
            return nil
        }
    }
}
