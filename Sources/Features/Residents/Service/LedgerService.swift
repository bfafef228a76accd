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
    /// The first problems (at most 1,000), by row and column.
    public var problems: [ImportProblem] = []
    /// How many problems the sheet has in all.
    public var problemCount = 0
    public var ignoredColumns: [String] = []
    public var imported: Bool { problemCount == 0 && problems.isEmpty }
}

/// 台账导入导出 — the spreadsheets community workers keep, in and out. An import checks every
/// row and reports every problem with its row and column; only a clean sheet is kept, written in
/// one transaction while its later rows are still being checked. An export is audited; full numbers need `resident.export`.
public struct LedgerService: Sendable {
    let residents: ResidentService
    /// Rows checked before they are handed on to be written (a knob for the tests, which
    /// cross batches with small sheets).
    public var importBatchRows = 10_000
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
        let allTags = try await database.read { tx in try await ResidentStore.tags(tx) }
        // Every place the sheet names, looked up together (a district's ledger names hundreds
        // of thousands of households).
        let codeColumn = columns.first(where: { $0.value == .regionCode })?.key
        var codes = Set(codeColumn.map { position in
            table.rows.compactMap { position < $0.count ? $0[position].trimmingWhitespace : nil }
        } ?? [])
        if let defaultRegionCode { codes.insert(defaultRegionCode) }
        codes.remove("")
        let places = try await regions.nodes(codes: Array(codes), actor: actor)

        let checker = LedgerRowChecker(columns: columns, places: places, knownTags: Set(allTags.map(\.name)),
                                       defaultRegionCode: defaultRegionCode, todayNumber: IDNumber.dayNumber(residents.clock.now()),
                                       vault: residents.vault)
        let sheet = LedgerSheetCheck(checker: checker, mode: mode, actor: actor, database: database, regions: regions, batchRows: importBatchRows,
                                     tagIds: Dictionary(allTags.map { ($0.name, $0.id) }) { first, _ in first })
        // The rows are checked batch by batch while the batches already checked are written, in
        // one transaction: all rows or none. The first problem stops the writing and rolls it
        // back; the check goes on to the end of the sheet so that every problem is reported.
        let (ready, written, checking) = sheet.start(table)
        defer { written.finish() }
        let total = table.rows.count
        let now = residents.clock.now().millis
        let audit = residents.audit
        do {
            (report.inserted, report.updated) = try await database.bulkWrite { tx -> (Int, Int) in
                var (inserted, updated) = (0, 0)
                // New residents get ids taken here, written with multi-row inserts, and their
                // audit entries (one each, as when added by hand) appended as one run of the chain.
                if tx.engine == .postgres { try await tx.sql.raw("LOCK TABLE residents IN EXCLUSIVE MODE").run() }
                var nextId = try await tx.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM residents").first()!.decode(column: "n", as: Int64.self) + 1
                for try await batch in ready {
                    var changed: [Int64] = []
                    for item in batch {
                        guard let target = item.target else { continue }
                        try await update(tx, target, with: item, now: now, actor: actor)
                        changed.append(target)
                        updated += 1
                    }
                    let new = batch.filter { $0.target == nil }
                    var start = 0
                    while start < new.count {
                        let chunk = new[start..<min(start + 5000, new.count)]
                        try await ResidentStore.bulkInsert(tx, chunk.map { ($0.stored, $0.tagIds, ResidentRules.grams($0.stored.name)) },
                                                           firstId: nextId, now: now)
                        try await audit.append(tx, actor: actor, entries: chunk.enumerated().map { offset, item in
                            AuditLog.Entry(action: .residentCreate, entityId: String(nextId + Int64(offset)),
                                           regionPath: item.stored.regionPath,
                                           after: ["name": item.stored.name, "idNumber": item.stored.idMasked ?? "",
                                                   "phone": item.stored.phoneMasked ?? "", "source": "import"])
                        })
                        changed += (0..<Int64(chunk.count)).map { nextId + $0 }
                        nextId += Int64(chunk.count)
                        start += chunk.count
                    }
                    try await residents.changed(tx, changed)
                    inserted += new.count
                    progress?(inserted + updated, total)
                    written.yield()
                }
                try await audit.append(tx, actor: actor, action: .residentImport, entityId: "-",
                                       regionPath: actor.scope.path,
                                       after: ["rows": String(inserted + updated), "inserted": String(inserted), "updated": String(updated),
                                               "mode": mode.rawValue])
                return (inserted, updated)
            }
        } catch is LedgerSheetCheck.ProblemsFound {
            let found = try await checking.value
            (report.problems, report.problemCount) = (found.first, found.count)
            return report
        } catch {
            checking.cancel()
            throw error
        }
        return report
    }

    /// A known resident changed by an import row: the columns the sheet gave replace theirs,
    /// audited with before and after as when changed by hand.
    private func update(_ tx: Tx, _ id: Int64, with item: LedgerSheetCheck.Ready, now: Int64, actor: Actor) async throws {
        // Chosen before the transaction: someone may have moved the resident out of scope since.
        guard let current = try await ResidentStore.find(tx, id: id, within: actor.scope) else {
            throw DomainError.conflict("导入期间有居民被移出您的管辖范围，请重新导入")
        }
        let stored = item.stored.keepingAbsent(item.present, from: try await ResidentStore.storedRow(tx, id: id))
        try await ResidentStore.update(tx, id: id, stored, now: now)
        try await ResidentStore.replaceGrams(tx, residentId: id, name: stored.name)
        if item.present.contains(.tags) { try await ResidentStore.setTags(tx, residentId: id, tagIds: item.tagIds) }
        guard let after = try await ResidentStore.find(tx, id: id, within: actor.scope) else {
            throw DomainError.conflict("导入期间有居民被移出您的管辖范围，请重新导入")
        }
        try await residents.audit.append(tx, actor: actor, action: .residentUpdate, entityId: String(id),
                                         regionPath: after.regionPath, before: ResidentService.auditValues(current),
                                         after: ResidentService.auditValues(after))
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
            try await residents.audit.append(tx, actor: actor, action: .residentExport, entityId: "-",
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
