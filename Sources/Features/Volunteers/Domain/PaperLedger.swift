import Foundation

/// 纸质台账 — hours served before the platform (or elsewhere), brought in from a spreadsheet
/// with one row per service: 志愿者编号, 服务日期, 服务内容, 服务地点, 服务对象, 服务时长（小时）, 负责人.
public enum PaperLedger {
    public static let header = ["志愿者编号", "服务日期", "服务内容", "服务地点", "服务对象", "服务时长（小时）", "负责人"]
    public static let maxRows = 5000

    public struct Row: Sendable, Equatable {
        public let line: Int
        public let volunteerNumber: String
        public let serviceDate: String
        public let content: String
        public let place: String
        public let beneficiary: String
        public let minutes: Int64
        public let lead: String

        public init(line: Int, volunteerNumber: String, serviceDate: String, content: String, place: String, beneficiary: String,
                    minutes: Int64, lead: String) {
            self.line = line
            self.volunteerNumber = volunteerNumber
            self.serviceDate = serviceDate
            self.content = content
            self.place = place
            self.beneficiary = beneficiary
            self.minutes = minutes
            self.lead = lead
        }
    }

    /// The rows of a sheet, or every row's mistake (第 N 行 → message): all or nothing.
    public static func rows(header: [String], cells: [[String]], lines: (Int) -> Int, today: String) -> Result<[Row], LedgerErrors> {
        var errors: [Int: String] = [:]
        let wanted = Self.header
        let columns = wanted.map { name in header.firstIndex { $0.trimmingCharacters(in: .whitespaces) == name } }
        let missing = zip(wanted, columns).filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { return .failure(LedgerErrors(rows: [1: "缺少列：\(missing.joined(separator: "、"))（请使用导入模板）"])) }
        if cells.count > maxRows { return .failure(LedgerErrors(rows: [1: "一次最多导入 \(maxRows) 行"])) }
        if cells.isEmpty { return .failure(LedgerErrors(rows: [1: "文件里没有数据行"])) }
        var rows: [Row] = []
        for (index, row) in cells.enumerated() {
            let line = lines(index)
            func cell(_ i: Int) -> String {
                guard let column = columns[i], column < row.count else { return "" }
                return row[column].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            var problems: [String] = []
            let number = cell(0), date = cell(1), content = cell(2), hoursText = cell(5)
            if number.isEmpty { problems.append("缺少志愿者编号") }
            if !isDay(date) { problems.append("服务日期应写成 2026-03-15") } else if date > today { problems.append("服务日期不能晚于今天") }
            if content.isEmpty || content.count > 200 { problems.append("服务内容应为 1–200 个字") }
            let hours = Double(hoursText)
            if hours == nil || !(hours!.isFinite) || hours! <= 0 || hours! > 24 { problems.append("服务时长应为 0 到 24 之间的小时数") }
            if cell(3).count > 60 || cell(4).count > 40 || cell(6).count > 20 { problems.append("服务地点、服务对象或负责人过长") }
            if problems.isEmpty, let hours {
                rows.append(Row(line: line, volunteerNumber: number, serviceDate: date, content: content,
                                place: cell(3), beneficiary: cell(4).isEmpty ? "社区居民" : cell(4), minutes: Int64((hours * 60).rounded()), lead: cell(6)))
            } else {
                errors[line] = problems.joined(separator: "；")
            }
        }
        return errors.isEmpty ? .success(rows) : .failure(LedgerErrors(rows: errors))
    }

    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), parts[0].count == 4, parts[1].count == 2,
              parts[2].count == 2 else { return false }
        return (1990...2100).contains(y) && (1...12).contains(m) && (1...31).contains(d)
    }
}

/// Row-level mistakes of an import, by spreadsheet row number.
public struct LedgerErrors: Error, Sendable, Equatable {
    public let rows: [Int: String]

    /// "第 3 行：…；第 7 行：…", the first twenty.
    public var message: String {
        let shown = rows.keys.sorted().prefix(20).map { "第 \($0) 行：\(rows[$0] ?? "")" }
        return "导入未完成，没有写入任何记录。" + shown.joined(separator: "；") + (rows.count > 20 ? "；另有 \(rows.count - 20) 行有误" : "")
    }
}
