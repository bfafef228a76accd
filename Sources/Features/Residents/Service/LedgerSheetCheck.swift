import Foundation
import LinliKit
import Regions

/// The checks of an import that span the sheet, run in order over batches of rows that
/// `LedgerRowChecker` has checked on every core: an ID number given twice in the sheet, one
/// already registered (an error when only inserting, an update inside the actor's scope
/// otherwise). Each batch free of problems is handed to the writer as soon as it is ready, so
/// that the writing of earlier rows runs beside the checking of later ones; after the first
/// problem no batch is handed on, and the rest of the sheet is only checked, so that the report
/// still names every problem.
struct LedgerSheetCheck: Sendable {
    let checker: LedgerRowChecker
    let mode: ImportMode
    let actor: Actor
    let database: Database
    let regions: RegionService
    let batchRows: Int
    /// Tag names to ids, for the rows' tags (all known: the row checks refuse unknown ones).
    let tagIds: [String: Int64]

    /// A row ready to write: what it holds, which columns the sheet gave, and the resident it
    /// updates (nil for a new one).
    struct Ready: Sendable {
        let present: Set<LedgerColumn>
        let stored: ResidentStore.Stored
        let tagIds: [Int64]
        let target: Int64?
    }

    /// Thrown by the stream of ready batches once a problem is found: the writer stops and
    /// rolls back; `problems` then gives the whole report.
    struct ProblemsFound: Error {}

    /// Batches checked ahead of the writer at most: without a bound the checking, which runs on
    /// every core, ran ahead of the one writer and a district's ledger waited in memory as
    /// ready rows (docs/benchmarks.md, sixth round).
    static let batchesAhead = 2

    /// Starts checking `table`. `ready` yields the clean batches in order, and the writer says
    /// `written` after each; `problems` ends with every problem of the sheet, sorted by row and
    /// column (none: the sheet may be kept).
    func start(_ table: SheetTable) -> (ready: AsyncThrowingStream<[Ready], any Error>, written: AsyncStream<Void>.Continuation,
                                        problems: Task<ProblemList, any Error>) {
        let (ready, continuation) = AsyncThrowingStream<[Ready], any Error>.makeStream()
        let (credits, written) = AsyncStream<Void>.makeStream()
        let task = Task {
            do {
                let problems = try await run(table, to: continuation, credits: credits)
                continuation.finish()
                return problems
            } catch {
                continuation.finish(throwing: error)
                throw error
            }
        }
        return (ready, written, task)
    }

    /// The first problems of a sheet, by row and column, and how many there are in all: a
    /// sheet of a million bad rows must not become a report of a million lines in memory.
    struct ProblemList: Sendable {
        static let kept = 1000
        private(set) var first: [ImportProblem] = []
        private(set) var count = 0

        mutating func add(_ batch: [ImportProblem]) {
            guard !batch.isEmpty else { return }
            count += batch.count
            first = Array((first + batch).sorted { ($0.row, $0.column) < ($1.row, $1.column) }.prefix(Self.kept))
        }
    }

    private func run(_ table: SheetTable, to writer: AsyncThrowingStream<[Ready], any Error>.Continuation,
                     credits: AsyncStream<Void>) async throws -> ProblemList {
        var list = ProblemList()
        var writtenSignals = credits.makeAsyncIterator()
        var unwritten = 0
        // By `IDNumber.key`: a district's million numbers as strings were ~100 MB of the import.
        var seenIDs: [Int64: Int] = [:]
        var addresses: [Int64: String] = [:]
        var start = 0
        while start < table.rows.count {
            try Task.checkCancellation()
            let range = start..<min(start + batchRows, table.rows.count)
            start = range.upperBound
            var rows: [(index: Int, resident: CheckedLedgerRow.Accepted)] = []
            var problems: [ImportProblem] = []
            for row in try await checker.check(table, rows: range) {
                problems += row.problems
                if let id = row.idKey {
                    if let first = seenIDs[id] {
                        problems.append(ImportProblem(row: row.number, column: LedgerColumn.idNumber.title, message: "与第 \(first) 行的身份证号重复"))
                        continue
                    }
                    seenIDs[id] = row.number
                }
                if let resident = row.resident { rows.append((row.index, resident)) }
            }
            let targets = try await registered(rows, table: table, problems: &problems)
            list.add(problems)
            // Once the sheet cannot be kept the writer is stopped (its transaction rolls back
            // and lets go of the database), and nothing more is prepared for writing.
            guard list.count == 0 else {
                writer.finish(throwing: ProblemsFound())
                continue
            }
            var unknown: [Int64: RegionNode] = [:]
            for row in rows where addresses[row.resident.node.id] == nil { unknown[row.resident.node.id] = row.resident.node }
            if !unknown.isEmpty {
                let lines = try await regions.addressLines(for: Array(unknown.values))
                addresses.merge(lines) { a, _ in a }
            }
            if unwritten == Self.batchesAhead {
                // Ends with nil when the import is cancelled or its writer has stopped.
                guard await writtenSignals.next() != nil else { throw CancellationError() }
                unwritten -= 1
            }
            unwritten += 1
            writer.yield(rows.map { row in
                let resident = row.resident
                return Ready(present: resident.present,
                             stored: ResidentStore.Stored(resident.valid, numbers: resident.numbers, regionId: resident.node.id,
                                                          regionPath: resident.node.path, address: addresses[resident.node.id]!),
                             tagIds: resident.valid.tags.compactMap { tagIds[$0] }, target: targets[row.index])
            })
        }
        return list
    }

    /// Rows whose ID number is registered already: the resident each one updates, by row
    /// index; a problem for each that may not be updated. Read outside the import's
    /// transaction: a number repeated within the sheet was caught above.
    private func registered(_ rows: [(index: Int, resident: CheckedLedgerRow.Accepted)], table: SheetTable,
                            problems: inout [ImportProblem]) async throws -> [Int: Int64] {
        let indexes = rows.compactMap(\.resident.numbers.idIndex)
        let owners = try await database.read { tx in try await ResidentStore.idOwners(tx, indexes: indexes) }
        var targets: [Int: Int64] = [:]
        for row in rows {
            guard let index = row.resident.numbers.idIndex, let owner = owners[index] else { continue }
            let number = table.rowNumber(row.index)
            if mode == .insert {
                problems.append(ImportProblem(row: number, column: LedgerColumn.idNumber.title,
                                              message: "该身份证号已登记；如要更新已有居民，请选择“新增并更新”"))
            } else if !actor.scope.contains(path: owner.regionPath) {
                problems.append(ImportProblem(row: number, column: LedgerColumn.idNumber.title,
                                              message: "该身份证号已在其他辖区登记，不能在此更新"))
            } else {
                targets[row.index] = owner.id
            }
        }
        return targets
    }
}
