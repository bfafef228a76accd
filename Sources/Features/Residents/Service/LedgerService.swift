import Foundation
import LinliKit
import Regions

/// Whether an import may change residents already registered (matched by ID number).
public enum ImportMode: String, Sendable, CaseIterable {
    /// Only new residents; a known ID number is an error.
    case insert
    /// New residents are added, known ones (in the actor's scope) updated.
    case upsert
}

public struct ImportReport: Sendable, Codable, Equatable {
    public var total = 0
    public var inserted = 0
    public var updated = 0
    public var problems: [ImportProblem] = []
    public var ignoredColumns: [String] = []
    public var imported: Bool { problems.isEmpty }
}

/// 台账导入导出 — the spreadsheets community workers keep, in and out. An import validates
/// every row first and reports every problem with its row and column; only a clean sheet is
/// written, in one transaction. An export is audited; full numbers need `resident.export`.
public struct LedgerService: Sendable {
    let residents: ResidentService
    var database: Database { residents.database }
    var regions: RegionService { residents.regions }

    public init(residents: ResidentService) { self.residents = residents }

    public static var template: SheetTable {
        SheetTable(header: LedgerColumn.allCases.map(\.title),
                   rows: [["张秀英", "女", "1950-03-08", IDNumber.completing("61010319500308002"), "13800138000", "汉族", "群众", "户主", "户籍",
                           "（填户的编码）", "（导入时不读此列）", "独居老人、高龄老人", "每周走访"]])
    }

    // MARK: Import

    public func importLedger(_ table: SheetTable, mode: ImportMode, defaultRegionCode: String?, actor: Actor,
                             progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> ImportReport {
        try actor.require(.residentManage)
        let (columns, ignored) = try LedgerRules.columns(of: table.header)
        var report = ImportReport(total: table.rows.count, ignoredColumns: ignored)
        guard !table.rows.isEmpty else { throw DomainError.invalid("file", "表格中没有数据行") }
        guard columns.values.contains(.regionCode) || defaultRegionCode != nil else {
            throw DomainError.invalid("file", "表格没有「居住地编码」列，请在导入时指定默认社区")
        }
        let knownTags = Set(try await residents.tags())
        // Every place the sheet names, looked up together (a district's ledger names hundreds
        // of thousands of households).
        let codeColumn = columns.first(where: { $0.value == .regionCode })?.key
        var codes = Set(codeColumn.map { position in
            table.rows.compactMap { position < $0.count ? $0[position].trimmingWhitespace : nil }
        } ?? [])
        if let defaultRegionCode { codes.insert(defaultRegionCode) }
        codes.remove("")
        let places = try await regions.nodes(codes: Array(codes), actor: actor)

        let checker = LedgerRowChecker(columns: columns, places: places, knownTags: knownTags, defaultRegionCode: defaultRegionCode,
                                       todayNumber: IDNumber.dayNumber(residents.clock.now()), vault: residents.vault)
        let checked = try await checker.checkAll(table)
        var rows: [(index: Int, resident: CheckedLedgerRow.Accepted)] = []
        var seenIDs: [String: Int] = [:]
        for row in checked {
            report.problems += row.problems
            if let id = row.idNumber {
                if let first = seenIDs[id] {
                    report.problems.append(ImportProblem(row: row.number, column: LedgerColumn.idNumber.title, message: "与第 \(first) 行的身份证号重复"))
                    continue
                }
                seenIDs[id] = row.number
            }
            if let resident = row.resident { rows.append((row.index, resident)) }
        }

        // Known ID numbers: an error when only inserting, an update (inside the scope) otherwise.
        let indexes = rows.compactMap(\.resident.numbers.idIndex)
        let owners = try await database.read { tx in try await ResidentStore.idOwners(tx, indexes: indexes) }
        var targets: [Int: Int64] = [:]
        for row in rows {
            guard let index = row.resident.numbers.idIndex, let owner = owners[index] else { continue }
            let number = table.rowNumber(row.index)
            if mode == .insert {
                report.problems.append(ImportProblem(row: number, column: LedgerColumn.idNumber.title,
                                                     message: "该身份证号已登记；如要更新已有居民，请选择“新增并更新”"))
            } else if !actor.scope.contains(path: owner.regionPath) {
                report.problems.append(ImportProblem(row: number, column: LedgerColumn.idNumber.title,
                                                     message: "该身份证号已在其他辖区登记，不能在此更新"))
            } else {
                targets[row.index] = owner.id
            }
        }
        report.problems.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        guard report.problems.isEmpty else { return report }

        // Everything checked: write it all, or nothing.
        var distinct: [Int64: RegionNode] = [:]
        for row in rows { distinct[row.resident.node.id] = row.resident.node }
        let addresses = try await regions.addressLines(for: Array(distinct.values))
        let allTags = try await database.read { tx in try await ResidentStore.tags(tx) }
        let tagId = Dictionary(uniqueKeysWithValues: allTags.map { ($0.name, $0.id) })
        let prepared: [(present: Set<LedgerColumn>, stored: ResidentStore.Stored, tagIds: [Int64], target: Int64?)] = rows.map { row in
            let resident = row.resident
            return (resident.present,
                    ResidentStore.Stored(resident.valid, numbers: resident.numbers, regionId: resident.node.id, regionPath: resident.node.path,
                                         address: addresses[resident.node.id]!),
                    resident.valid.tags.compactMap { tagId[$0] }, targets[row.index])
        }
        let now = residents.clock.now().millis
        let audit = residents.audit
        let work = prepared
        let (inserted, updated) = try await database.bulkWrite { tx -> (Int, Int) in
            let prepared = work
            var updated = 0
            for item in prepared {
                guard let target = item.target else { continue }
                let current = try await ResidentStore.find(tx, id: target, within: actor.scope)!
                let stored = item.stored.keepingAbsent(item.present, from: try await ResidentStore.storedRow(tx, id: target))
                try await ResidentStore.update(tx, id: target, stored, now: now)
                try await ResidentStore.replaceGrams(tx, residentId: target, name: stored.name)
                if item.present.contains(.tags) { try await ResidentStore.setTags(tx, residentId: target, tagIds: item.tagIds) }
                let after = try await ResidentStore.find(tx, id: target, within: actor.scope)!
                try await audit.append(tx, actor: actor, action: "resident.update", entityType: "resident", entityId: String(target),
                                       regionPath: after.regionPath, before: ResidentService.auditValues(current),
                                       after: ResidentService.auditValues(after))
                updated += 1
                if updated % 500 == 0 { progress?(updated, prepared.count) }
            }
            // New residents in bulk: multi-row inserts with ids taken here, and their audit
            // entries (one each, as when added by hand) appended as one run of the chain.
            let new = prepared.filter { $0.target == nil }
            if tx.engine == .postgres { try await tx.sql.raw("LOCK TABLE residents IN EXCLUSIVE MODE").run() }
            var nextId = try await tx.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM residents").first()!.decode(column: "n", as: Int64.self) + 1
            var start = 0
            while start < new.count {
                let chunk = new[start..<min(start + 5000, new.count)]
                try await ResidentStore.bulkInsert(tx, chunk.map { ($0.stored, $0.tagIds, ResidentRules.grams($0.stored.name)) },
                                                   firstId: nextId, now: now)
                try await audit.append(tx, actor: actor, entries: chunk.enumerated().map { offset, item in
                    AuditLog.Entry(action: "resident.create", entityType: "resident", entityId: String(nextId + Int64(offset)),
                                   regionPath: item.stored.regionPath,
                                   after: ["name": item.stored.name, "idNumber": item.stored.idMasked ?? "",
                                           "phone": item.stored.phoneMasked ?? "", "source": "import"])
                })
                nextId += Int64(chunk.count)
                start += chunk.count
                progress?(updated + start, prepared.count)
            }
            try await audit.append(tx, actor: actor, action: "resident.import", entityType: "resident", entityId: "-",
                                   regionPath: actor.scope.path,
                                   after: ["rows": String(prepared.count), "inserted": String(new.count), "updated": String(updated),
                                           "mode": mode.rawValue])
            return (new.count, updated)
        }
        progress?(prepared.count, prepared.count)
        report.inserted = inserted
        report.updated = updated
        return report
    }

    // MARK: Export

    /// The filtered list as a ledger. Numbers are masked unless `full` is asked for by an actor
    /// holding `resident.export`; every export is recorded.
    public func exportLedger(_ query: ResidentQuery, full: Bool, actor: Actor, maxRows: Int = 200_000) async throws -> SheetTable {
        try actor.require(.residentView)
        if full { try actor.require(.residentExport) }
        var table = SheetTable(header: LedgerColumn.allCases.map(\.title), rows: [])
        var page = query
        page.limit = 500
        page.offset = 0
        var codes: [Int64: String] = [:]
        while table.rows.count < maxRows {
            let batch = try await residents.search(page, actor: actor)
            if batch.items.isEmpty { break }
            let numbers: [Int64: (id: String?, phone: String?)] = full
                ? try await database.read { tx in try await ResidentStore.sealedNumbers(tx, ids: batch.items.map(\.id)) } : [:]
            for resident in batch.items {
                if codes[resident.regionId] == nil { codes[resident.regionId] = try await regions.lookup(resident.regionId)?.code ?? "" }
                let idNumber = full ? try numbers[resident.id]?.id.map(residents.vault.open) : resident.idNumberMasked
                let phone = full ? try numbers[resident.id]?.phone.map(residents.vault.open) : resident.phoneMasked
                table.rows.append([resident.name, resident.gender?.label ?? "", resident.birthDate ?? "", idNumber ?? "", phone ?? "",
                                   resident.ethnicity ?? "", resident.politicalStatus?.label ?? "", resident.relation?.label ?? "",
                                   resident.status.label, codes[resident.regionId] ?? "", resident.address,
                                   resident.tags.joined(separator: "、"), resident.notes ?? ""])
            }
            if !batch.hasNext { break }
            page.offset += batch.limit
        }
        let rows = table.rows.count
        try await database.write { tx in
            try await residents.audit.append(tx, actor: actor, action: "resident.export", entityType: "resident", entityId: "-",
                                             regionPath: actor.scope.path,
                                             after: ["rows": String(rows), "full": String(full),
                                                     "filter": ResidentLedgerFilterText.describe(query)])
        }
        return table
    }
}

enum ResidentLedgerFilterText {
    static func describe(_ q: ResidentQuery) -> String {
        var parts: [String] = []
        if let id = q.regionId { parts.append("region=\(id)") }
        if let name = q.name { parts.append("name=\(name)") }
        if q.phone != nil { parts.append("phone=*") }
        if q.idNumber != nil { parts.append("idNumber=*") }
        if let address = q.address { parts.append("address=\(address)") }
        if !q.tags.isEmpty { parts.append("tags=\(q.tags.joined(separator: "、"))") }
        if let minAge = q.minAge { parts.append("minAge=\(minAge)") }
        if let maxAge = q.maxAge { parts.append("maxAge=\(maxAge)") }
        if let status = q.status { parts.append("status=\(status.rawValue)") }
        return parts.joined(separator: " ")
    }
}
