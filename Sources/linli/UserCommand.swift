import ArgumentParser
import Foundation
import LinliKit
import LinliServer

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "管理账号",
                                                    subcommands: [Add.self, Passwd.self, List.self, Disable.self, Enable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "创建账号")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "登录名") var username: String
        @Option(help: "姓名") var name: String
        @Option(help: "角色：\(Role.allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、"))") var role: String
        @Option(help: "所属区域编码") var region: String
        @Option(help: "初始密码（省略则随机生成并打印）") var password: String?

        func run() async throws {
            guard let role = Role.parse(role) else { throw ValidationError("未知角色：\(role)") }
            try await withSystem(database.configuration()) { system in
                guard let node = try await system.regions.lookup(code: region) else { throw ValidationError("区域编码 \(region) 不存在") }
                let secret = password ?? generatedPassword()
                let account = try await system.accounts.create(.init(username: username, displayName: name, role: role,
                                                                     regionId: node.id, password: secret),
                                                               actor: system.commandLineActor)
                print("已创建 \(account.username)（\(role.label)，\(node.name)）\(password == nil ? "，密码：\(secret)" : "")")
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "重置账号密码（该账号的会话随之失效）")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名") var username: String
        @Option(help: "新密码（省略则随机生成并打印）") var password: String?

        func run() async throws {
            try await withSystem(database.configuration()) { system in
                let secret = password ?? generatedPassword()
                try await system.accounts.setPassword(username: username, to: secret, actor: system.commandLineActor)
                print("已重置 \(username) 的密码\(password == nil ? "：\(secret)" : "")")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出账号")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await withSystem(database.configuration()) { system in
                var offset = 0
                while true {
                    let page = try await system.accounts.list(actor: system.commandLineActor, limit: 200, offset: offset)
                    for account in page.items {
                        print("\(account.username)\t\(account.role.label)\t\(account.displayName)\t\(account.disabled ? "已停用" : "正常")")
                    }
                    offset += page.items.count
                    if page.items.isEmpty || offset >= page.total { break }
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停用账号（会话立即失效）")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名") var username: String

        func run() async throws { try await UserCommand.setDisabled(username, true, database) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "启用账号")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名") var username: String

        func run() async throws { try await UserCommand.setDisabled(username, false, database) }
    }

    static func setDisabled(_ username: String, _ disabled: Bool, _ database: DatabaseOptions) async throws {
        try await withSystem(database.configuration()) { system in
            let account = try await system.accounts.account(username: username, actor: system.commandLineActor)
            _ = try await system.accounts.setDisabled(account.id, disabled: disabled, actor: system.commandLineActor)
            print(disabled ? "已停用 \(username)" : "已启用 \(username)")
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "审计日志",
                                                    subcommands: [Verify.self, Checkpoints.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "逐条校验审计哈希链和已签名的检查点，指出第一条被修改、删除或超时未入链的记录；--against 对照外部保存的检查点文件")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "外部见证保存的检查点文件（linli audit checkpoints --export 导出），证明审计链仍延续其中每个检查点")
        var against: String?

        func run() async throws {
            var witnessed: [AuditCheckpoint] = []
            if let against {
                guard let data = FileManager.default.contents(atPath: against) else { throw ValidationError("无法读取检查点文件 \(against)") }
                do { witnessed = try AuditCheckpoint.parseLines(String(decoding: data, as: UTF8.self)) } catch let error as DomainError {
                    throw ValidationError(error.message)
                }
                if witnessed.isEmpty { throw ValidationError("检查点文件 \(against) 中没有检查点") }
            }
            let finding = try await withSystem(database.configuration(), migrate: false) { system in
                try await AuditLog.verify(system.database, witnessed: witnessed, trustedKeys: system.sequencer.trustedKeys,
                                          maxDelayMillis: system.sequencer.settings.maxDelayMillis, now: system.clock.now().millis)
            }
            print(finding.message + (witnessed.isEmpty ? "" : "（对照 \(witnessed.count) 个外部检查点）"))
            if case .intact = finding { return }
            throw ExitCode(2)
        }
    }

    struct Checkpoints: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "已签名的审计链检查点：--export 写给外部见证（每行一个 JSON）")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "先把未入链的记录入链并签一个最新检查点，再导出") var export = false
        @Option(help: "写入此文件（默认打印到标准输出）") var output: String?

        func run() async throws {
            let checkpoints = try await withSystem(database.configuration()) { system in
                if export { try await system.sequencer.drain(checkpoint: true) }
                return try await system.sequencer.checkpoints()
            }
            let text = try AuditCheckpoint.exportLines(checkpoints)
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else { throw ValidationError("无法写入 \(output)") }
                print("已导出 \(checkpoints.count) 个检查点到 \(output)")
            } else {
                print(text, terminator: "")
            }
        }
    }
}

struct RecountMetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recount-metrics", abstract: "从诉求记录重新汇总办理统计（在数据库中手工改过诉求、或部分恢复备份之后）")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withSystem(database.configuration()) { system in try await system.requests.recountMetrics(actor: system.commandLineActor) }
        print("办理统计已按诉求记录重新汇总")
    }
}
