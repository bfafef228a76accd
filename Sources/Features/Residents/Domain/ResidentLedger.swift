import Foundation
import LinliKit

/// The resident ledger (居民台账) as community workers keep it in Excel: the columns of the
/// template and of exports, and how a sheet's headers map onto resident fields.
public enum LedgerColumn: String, CaseIterable, Sendable {
    case name, gender, birthDate, idNumber, phone, ethnicity, politicalStatus, relation, status, regionCode, address, tags, notes

    /// The header written in templates and exports.
    public var title: String {
        switch self {
        case .name: "姓名"
        case .gender: "性别"
        case .birthDate: "出生日期"
        case .idNumber: "身份证号"
        case .phone: "联系电话"
        case .ethnicity: "民族"
        case .politicalStatus: "政治面貌"
        case .relation: "与户主关系"
        case .status: "人口类别"
        case .regionCode: "居住地编码"
        case .address: "地址"
        case .tags: "标签"
        case .notes: "备注"
        }
    }

    /// Other headers the same column goes by in the sheets people already have.
    var synonyms: [String] {
        switch self {
        case .name: ["姓名", "名字", "居民姓名"]
        case .gender: ["性别"]
        case .birthDate: ["出生日期", "出生年月", "出生年月日", "生日"]
        case .idNumber: ["身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"]
        case .phone: ["联系电话", "电话", "手机", "手机号", "手机号码", "联系方式"]
        case .ethnicity: ["民族"]
        case .politicalStatus: ["政治面貌"]
        case .relation: ["与户主关系", "关系", "家庭关系"]
        case .status: ["人口类别", "户籍类别", "人员类别", "人口类型"]
        case .regionCode: ["居住地编码", "户编码", "房屋编码", "区域编码"]
        case .address: ["地址", "住址", "居住地址", "现住址"]
        case .tags: ["标签", "人员标签", "关爱标签", "人员类型标签"]
        case .notes: ["备注", "说明"]
        }
    }

    static func match(_ header: String) -> LedgerColumn? {
        let cleaned = header.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "*", with: "")
            .replacingOccurrences(of: "（必填）", with: "").replacingOccurrences(of: "(必填)", with: "")
        return allCases.first { $0.synonyms.contains(cleaned) }
    }
}

/// One problem in an imported sheet, where a worker can find it.
public struct ImportProblem: Sendable, Equatable, Codable {
    public let row: Int
    public let column: String
    public let message: String
}

public enum LedgerRules {
    /// Maps headers to columns; an unknown header is reported, not guessed.
    public static func columns(of header: [String]) throws -> (map: [Int: LedgerColumn], ignored: [String]) {
        var map: [Int: LedgerColumn] = [:]
        var ignored: [String] = []
        var seen: Set<LedgerColumn> = []
        for (index, title) in header.enumerated() where !title.isEmpty {
            guard let column = LedgerColumn.match(title) else { ignored.append(title); continue }
            guard seen.insert(column).inserted else {
                throw DomainError.invalid("file", "表头中「\(column.title)」出现了两次，请只保留一列")
            }
            map[index] = column
        }
        guard seen.contains(.name) else {
            throw DomainError.invalid("file", "第 1 行应为表头，且须有「姓名」列（可下载导入模板对照）")
        }
        return (map, ignored)
    }

    /// A birth date as Excel may hold it: `1950-03-08`, `1950/3/8`, `19500308`, `1950年3月8日`, or a
    /// date serial number (days since 1899-12-30).
    public static func normaliseDate(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace
        if ChinaStandardTime.dayParts(trimmed) != nil { return trimmed }
        if trimmed.count <= 5, let serial = Int(trimmed), (1...80_000).contains(serial) {
            let day = ChinaStandardTime.civil(fromDays: Int64(serial - 25569))
            return ChinaStandardTime.dayText(year: day.year, month: day.month, day: day.day)
        }
        if trimmed.count == 8, trimmed.allSatisfy(\.isNumber) {
            let digits = Array(trimmed)
            return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
        }
        let parts = trimmed.split(whereSeparator: { "-/.年月日".contains($0) }).compactMap { Int($0) }
        if parts.count == 3 { return ChinaStandardTime.dayText(year: parts[0], month: parts[1], day: parts[2]) }
        return trimmed
    }

    /// An ID number Excel turned into a number has lost its last digits: say so plainly.
    public static func idNumberProblem(_ text: String) -> String? {
        if text.contains("E+") || text.contains("e+") || (text.contains(".") && text.count < 18) {
            return "身份证号被 Excel 存成了数字，末几位已丢失。请把该列设为“文本”格式后重新录入"
        }
        return nil
    }

    /// Tags in one cell: separated by 、 , ， ; or spaces.
    public static func tags(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;； ".contains($0) }).map(String.init).filter { !$0.isEmpty }
    }
}
