import ArgumentParser
import Foundation
import LinliKit
import LinliServer

struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "积分总账", subcommands: [Verify.self, Load.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从流水重算每个积分账户的余额，核对总和为零、每笔冲正与了结、奖励的幂等键和兑换物品的库存；不一致时指出第一处并以 2 退出")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let finding = try await withSystem(database.configuration(), migrate: false) { system in try await system.points.verify() }
            print(finding.message)
            if finding.mismatch != nil { throw ExitCode(2) }
        }
    }

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "为压测载入历史积分流水：从各社区发放账户向已有积分账户的居民随机发放，每批 1 万条（只用于演示和压测数据库）")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "载入的流水条数，如 5000000") var entries: Int
        @Option(help: "随机种子（同一种子生成同样的数据）") var seed: UInt64 = 20261202

        func run() async throws {
            let started = Date()
            let loaded = try await withSystem(database.configuration()) { system in
                try await system.points.bulkLoad(entries: entries, seed: seed, actor: system.commandLineActor)
            }
            print("已载入 \(loaded) 条积分流水，用时 \(Int(Date().timeIntervalSince(started))) 秒")
        }
    }
}
