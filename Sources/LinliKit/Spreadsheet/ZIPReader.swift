import Foundation
import LinliZlib

/// Reads the entries of an uploaded zip archive (an .xlsx) by itself. ZIPFoundation, which
/// we keep for writing, trusts what a file declares: ZIP64 sizes and offsets up to 2⁶⁴ are
/// converted or added unchecked (a trap), and a damaged deflate stream makes its inflate
/// loop forever (found by fuzz/targets/XLSXTarget). Here every offset and size must lie
/// inside the file, every uncompressed size inside the budget, arithmetic is checked, and
/// inflate stops at the first call that makes no progress.
public struct ZIPReader: Sendable {
    public struct Entry: Sendable, Equatable {
        public let name: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let uncompressedSize: UInt64
        let dataOffset: Int
    }

    public let entries: [Entry]
    let data: Data
    /// What the directory declares in all, uncompressed.
    public let declaredSize: UInt64

    static let damaged = SpreadsheetError("Excel 文件已损坏，无法读取")
    static let bomb = SpreadsheetError("文件解压后过大，已拒绝（疑似压缩炸弹）")

    public init(_ data: Data, maxUncompressed: UInt64) throws {
        let bytes = Bytes(data: data)
        guard let end = bytes.findEndOfDirectory() else { throw Self.damaged }
        var count = UInt64(bytes.u16(end + 10) ?? 0)
        var directorySize = UInt64(bytes.u32(end + 12) ?? 0)
        var directoryOffset = UInt64(bytes.u32(end + 16) ?? 0)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: the locator just before the end record points at the ZIP64 end record.
            guard end >= 20, bytes.u32(end - 20) == 0x0706_4B50, let at = bytes.u64(end - 12).flatMap(Int.init(exactly:)),
                  bytes.u32(at) == 0x0606_4B50, let n = bytes.u64(at + 32), let size = bytes.u64(at + 40),
                  let offset = bytes.u64(at + 48) else { throw Self.damaged }
            (count, directorySize, directoryOffset) = (n, size, offset)
        }
        let length = UInt64(data.count)
        guard directoryOffset <= length, directorySize <= length - directoryOffset, count <= length / 46 else { throw Self.damaged }
        var cursor = Int(directoryOffset)
        let directoryEnd = Int(directoryOffset + directorySize)
        var entries: [Entry] = []
        var total: UInt64 = 0
        for _ in 0..<count {
            let entry = try Self.entry(bytes, at: &cursor, end: directoryEnd, maxUncompressed: maxUncompressed)
            let (sum, overflow) = total.addingReportingOverflow(entry.uncompressedSize)
            guard !overflow, sum <= maxUncompressed else { throw Self.bomb }
            total = sum
            entries.append(entry)
        }
        self.entries = entries
        self.data = data
        self.declaredSize = total
    }

    /// One central-directory record, with the local header it points at.
    static func entry(_ bytes: Bytes, at cursor: inout Int, end: Int, maxUncompressed: UInt64) throws -> Entry {
        let start = cursor
        guard start + 46 <= end, bytes.u32(start) == 0x0201_4B50, let method = bytes.u16(start + 10), let crc = bytes.u32(start + 16),
              var compressed = bytes.u32(start + 20).map(UInt64.init), var uncompressed = bytes.u32(start + 24).map(UInt64.init),
              let nameLength = bytes.u16(start + 28), let extraLength = bytes.u16(start + 30), let commentLength = bytes.u16(start + 32),
              var localOffset = bytes.u32(start + 42).map(UInt64.init) else { throw damaged }
        let nameStart = start + 46, extraStart = nameStart + Int(nameLength)
        cursor = extraStart + Int(extraLength) + Int(commentLength)
        guard cursor <= end else { throw damaged }
        // ZIP64 extra block (0x0001): 8-byte values for those fields that were 0xFFFFFFFF, in order.
        if let wide = bytes.extra(0x0001, from: extraStart, length: Int(extraLength)) {
            var at = wide.lowerBound
            func widen(_ value: inout UInt64) throws {
                guard value == 0xFFFF_FFFF else { return }
                guard at + 8 <= wide.upperBound, let read = bytes.u64(at) else { throw damaged }
                value = read
                at += 8
            }
            try widen(&uncompressed)
            try widen(&compressed)
            try widen(&localOffset)
        }
        guard uncompressed <= maxUncompressed else { throw bomb }
        let length = UInt64(bytes.data.count)
        guard localOffset <= length, bytes.u32(Int(localOffset)) == 0x0403_4B50,
              let localName = bytes.u16(Int(localOffset) + 26), let localExtra = bytes.u16(Int(localOffset) + 28) else { throw damaged }
        let dataOffset = localOffset + 30 + UInt64(localName) + UInt64(localExtra)
        guard dataOffset <= length, compressed <= length - dataOffset else { throw damaged }
        let name = String(decoding: bytes.data[bytes.data.startIndex + nameStart ..< bytes.data.startIndex + extraStart], as: UTF8.self)
        return Entry(name: name, method: method, crc: crc, compressedSize: Int(compressed), uncompressedSize: uncompressed,
                     dataOffset: Int(dataOffset))
    }

    public func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// An entry's bytes, inflated, CRC-checked, taking what it produced from `budget`.
    public func contents(_ entry: Entry, budget: inout UInt64) throws -> Data {
        // Checked here too: an entry may come from another reader's directory.
        guard entry.dataOffset >= 0, entry.compressedSize >= 0, entry.dataOffset <= data.count,
              entry.compressedSize <= data.count - entry.dataOffset else { throw Self.damaged }
        let start = data.startIndex + entry.dataOffset
        let stored = data[start ..< start + entry.compressedSize]
        let output: Data
        switch entry.method {
        case 0:
            guard UInt64(stored.count) <= budget else { throw Self.bomb }
            output = Data(stored)
        case 8:
            output = try Self.inflate(stored, budget: budget)
        default:
            throw SpreadsheetError("Excel 文件使用了不支持的压缩方式")
        }
        budget -= UInt64(output.count)
        let crc = output.withUnsafeBytes { raw in
            UInt32(crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
        }
        guard crc == entry.crc else { throw Self.damaged }
        return output
    }

    /// Raw deflate (no zlib header), at most `budget` bytes out. Every round either makes
    /// progress or ends: Z_BUF_ERROR (the input ended mid-stream) is a damaged file.
    static func inflate(_ input: Data, budget: UInt64) throws -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw damaged }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = Array(input)
        try input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            // 32 bits suffice: an upload is at most `SheetTable.Limits.maxFileBytes` (20 MB).
            stream.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return LinliZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard UInt64(output.count + produced) <= budget else { throw bomb }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { return }
                guard status == Z_OK else { throw damaged }
            }
        }
        return output
    }

    /// Little-endian reads that answer nil past the end instead of trapping.
    struct Bytes {
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

        /// The body of the block with `id` inside an extra field, if there is one.
        func extra(_ id: UInt16, from start: Int, length: Int) -> Range<Int>? {
            var at = start
            let end = start + length
            while at + 4 <= end, let tag = u16(at), let size = u16(at + 2) {
                let body = at + 4
                guard body + Int(size) <= end else { return nil }
                if tag == id { return body ..< body + Int(size) }
                at = body + Int(size)
            }
            return nil
        }
    }
}
