import ArgumentParser
import Foundation
import LinliKit
import LinliServer
import Resources

struct ResourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resources", abstract: "五社资源", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "核对慈善捐赠账目：各笔已分配数与去向合计、无超额分配、每条去向与其审计记录相符；不一致时指出第一处并以 2 退出")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let finding = try await withSystem(database.configuration(), migrate: false) { system in try await system.resources.check() }
            print(finding.message)
            if finding.mismatch != nil { throw ExitCode(2) }
        }
    }
}
