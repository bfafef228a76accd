import ArgumentParser
import Foundation
import LinliKit
import LinliServer

struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "积分总账", subcommands: [Verify.self])

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
}
