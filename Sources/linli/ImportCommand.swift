import ArgumentParser
import Foundation
import LinliKit
import LinliServer
import Residents

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "导入台账", subcommands: [ResidentsImport.self])

    struct ResidentsImport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "residents",
            abstract: "导入居民台账（.xlsx 或 UTF-8/GBK 的 .csv）：全表校验无误才写入，否则列出每个问题、一行不导入")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "台账文件") var file: String
        @Option(help: "默认居住地编码（表中没有「居住地编码」列时使用，通常是社区编码）") var community: String?
        @Flag(help: "身份证号已登记的按表更新（默认视为错误）") var update = false

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("读不到文件：\(file)") }
            let table: SheetTable
            do {
                // A file on the server's own disk may be the whole district's ledger; uploads
                // through the web stay at the default 20 MB.
                var limits = SheetTable.Limits()
                limits.maxFileBytes = 512 * 1024 * 1024
                limits.maxUncompressedBytes = 2 * 1024 * 1024 * 1024
                table = file.lowercased().hasSuffix(".csv") ? try CSVFormat.read(data, limits: limits) : try XLSXFormat.read(data, limits: limits)
            } catch let error as SpreadsheetError {
                throw ValidationError(error.message)
            }
            print("读取 \(table.rows.count) 行，边校验边写入（有问题则全部不导入）……")
            let report = try await withSystem(database.configuration()) { system in
                try await system.ledger.importLedger(table, mode: update ? .upsert : .insert, defaultRegionCode: community,
                                                     actor: system.commandLineActor) { done, total in
                    let width = 30
                    let filled = total == 0 ? width : done * width / total
                    print("\r写入 [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)",
                          terminator: done == total ? "\n" : "")
                    fflush(stdout)
                }
            }
            if !report.ignoredColumns.isEmpty { print("未识别、未导入的列：\(report.ignoredColumns.joined(separator: "、"))") }
            guard report.imported else {
                print("发现 \(report.problemCount) 处问题，未导入任何数据：")
                for problem in report.problems.prefix(200) { print("  第 \(problem.row) 行「\(problem.column)」：\(problem.message)") }
                if report.problemCount > 200 { print("  ……另有 \(report.problemCount - 200) 处") }
                throw ExitCode(2)
            }
            print("已导入 \(report.total) 行：新增 \(report.inserted) 人，更新 \(report.updated) 人")
        }
    }
}
