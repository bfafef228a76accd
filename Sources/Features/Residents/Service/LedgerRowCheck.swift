import Foundation
import LinliKit
import Regions

/// One ledger row checked on its own, without the database: the resident it describes with
/// their numbers already sealed, or every problem found in it.
struct CheckedLedgerRow: Sendable {
    let index: Int
    let number: Int
    /// The row's ID number when it is a valid one, even if the row has other problems (for
    /// the check against the other rows), as `IDNumber.key`.
    let idKey: Int64?
    let resident: Accepted?
    let problems: [ImportProblem]

    struct Accepted: Sendable {
        let valid: ValidResident
        let node: RegionNode
        let present: Set<LedgerColumn>
        let numbers: ResidentStore.SealedNumbers
    }
}

/// The checks of `LedgerService.importLedger` that look at one row only. They need no
/// database and no other row, so a district's ledger is checked (and its numbers sealed —
/// AES-GCM and HMAC are most of the cost) on every core at once.
struct LedgerRowChecker: Sendable {
    let columns: [Int: LedgerColumn]
    let places: [String: RegionNode]
    let knownTags: Set<String>
    let defaultRegionCode: String?
    let todayNumber: Int
    let vault: PersonalDataVault

    /// The rows of `table` in `rows`, in order, checked on every core.
    func check(_ table: SheetTable, rows: Range<Int>) async throws -> [CheckedLedgerRow] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 2000))
        let size = (rows.count + parts - 1) / parts
        return try await withThrowingTaskGroup(of: (Int, [CheckedLedgerRow]).self) { group in
            for part in 0..<parts {
                group.addTask {
                    let range = (rows.lowerBound + part * size)..<min(rows.upperBound, rows.lowerBound + (part + 1) * size)
                    return (part, try range.map { try check(table.rows[$0], index: $0, number: table.rowNumber($0)) })
                }
            }
            var results = [[CheckedLedgerRow]](repeating: [], count: parts)
            for try await (part, rows) in group { results[part] = rows }
            return results.flatMap { $0 }
        }
    }

    func check(_ cells: [String], index: Int, number: Int) throws -> CheckedLedgerRow {
        var problems: [ImportProblem] = []
        func problem(_ column: LedgerColumn, _ message: String) {
            problems.append(ImportProblem(row: number, column: column.title, message: message))
        }
        var value: [LedgerColumn: String] = [:]
        for (position, column) in columns where position < cells.count {
            let text = cells[position].trimmingWhitespace
            if !text.isEmpty { value[column] = text }
        }
        var draft = ResidentDraft()
        draft.name = value[.name]
        func parse<T>(_ column: LedgerColumn, _ parser: (String) -> T?) -> T? {
            guard let text = value[column] else { return nil }
            guard let parsed = parser(text) else { problem(column, "无法识别「\(text.prefix(20))」"); return nil }
            return parsed
        }
        draft.gender = parse(.gender, Gender.parse)
        draft.ethnicity = parse(.ethnicity, Ethnicity.parse)
        draft.politicalStatus = parse(.politicalStatus, PoliticalStatus.parse)
        draft.relation = parse(.relation, Relation.parse)
        draft.status = parse(.status, ResidenceStatus.parse)
        draft.birthDate = value[.birthDate].map(LedgerRules.normaliseDate)
        draft.phone = value[.phone]
        draft.notes = value[.notes].map { String($0.prefix(500)) }
        if let id = value[.idNumber] {
            if let message = LedgerRules.idNumberProblem(id) { problem(.idNumber, message) } else { draft.idNumber = id }
        }
        let tags = value[.tags].map(LedgerRules.tags) ?? []
        let unknown = tags.filter { !knownTags.contains($0) }
        if !unknown.isEmpty { problem(.tags, "未知标签：\(unknown.joined(separator: "、"))") }
        draft.tags = tags.filter(knownTags.contains)
        var node: RegionNode?
        if let code = value[.regionCode] ?? defaultRegionCode {
            node = places[code]
            if node == nil { problem(.regionCode, "编码 \(code) 不存在或不在您的管辖范围内") }
            else if let node, (try? ResidentService.checkPlace(node)) == nil {
                problem(.regionCode, "「\(node.name)」不能登记居民（应为社区及以下、未撤销的区域）")
            }
        } else {
            problem(.regionCode, "请填写居住地编码")
        }
        draft.regionId = node?.id ?? 0
        do {
            let valid = try ResidentRules.validate(draft, todayNumber: todayNumber)
            guard problems.isEmpty, let node else {
                return CheckedLedgerRow(index: index, number: number, idKey: valid.idNumber?.key, resident: nil, problems: problems)
            }
            let accepted = CheckedLedgerRow.Accepted(valid: valid, node: node, present: Set(value.keys),
                                                     numbers: try ResidentStore.SealedNumbers(valid, vault: vault))
            return CheckedLedgerRow(index: index, number: number, idKey: valid.idNumber?.key, resident: accepted, problems: [])
        } catch let error as DomainError {
            let titles: [String: LedgerColumn] = ["name": .name, "idNumber": .idNumber, "phone": .phone, "birthDate": .birthDate,
                                                  "gender": .gender, "regionId": .regionCode]
            for (field, message) in error.fields.sorted(by: { $0.key < $1.key }) where !(field == "regionId" && node == nil) {
                problem(titles[field] ?? .name, message)
            }
            return CheckedLedgerRow(index: index, number: number, idKey: nil, resident: nil, problems: problems)
        }
    }
}
