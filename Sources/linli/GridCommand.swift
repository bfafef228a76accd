import ArgumentParser
import Foundation
import LinliKit
import LinliServer

struct GridCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grid", abstract: "网格工作", subcommands: [Plan.self])

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "按现行走访规则重新生成全区走访计划（每天由后台自动做一次；导入大批居民或改规则后可立即执行）")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let started = Date()
            let run = try await withSystem(database.configuration()) { system in try await system.gridWork.regeneratePlans() }
            print("已核对 \(run.examined) 人，走访计划 \(run.planned) 人，移出 \(run.removed) 人，用时 \(String(format: "%.1f", Date().timeIntervalSince(started))) 秒")
        }
    }
}
