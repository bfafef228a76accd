import ArgumentParser
import Foundation
import LinliKit
import LinliServer
import Logging

@main
struct Linli: AsyncParsableCommand {
    static func main() async {
        // Line-buffered stdout so the URL and demo logins show at once, even through a pipe.
        setvbuf(stdout, nil, _IOLBF, 0)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "linli",
        abstract: "邻里 Linli — 社区治理与居民服务平台",
        subcommands: [Serve.self, Migrate.self, Demo.self, Setup.self, UserCommand.self, ImportCommand.self, Backup.self, AuditCommand.self,
                      GridCommand.self,
                      LedgerCommand.self, ResourcesCommand.self, DataKeyCommand.self,
                      RecountMetricsCommand.self],
        defaultSubcommand: Serve.self)
}

/// Where the data is: flags win over `LINLI_*` environment variables, which win over defaults.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "数据目录（SQLite 文件所在），默认 ./linli-data，或 LINLI_DATA_DIR")
    var dataDirectory: String?

    @Option(name: .customLong("database-url"), help: "使用 PostgreSQL：postgres://用户:密码@主机:端口/库名，或 LINLI_DATABASE_URL")
    var databaseURL: String?

    func configuration() -> Configuration {
        var configuration = Configuration.fromEnvironment()
        if let dataDirectory { configuration.dataDirectory = dataDirectory }
        if let databaseURL { configuration.databaseURL = databaseURL }
        return configuration
    }
}

func makeLogger() -> Logger {
    var logger = Logger(label: "linli")
    logger.logLevel = ProcessInfo.processInfo.environment["LINLI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}

/// Opens the system, runs `body`, closes it; user errors print in zh-CN and exit non-zero.
/// What a writing command wrote to the audit log is chained before it exits; a command that
/// only reads (`migrate: false`: verify, checks, backup) writes nothing, not even that.
func withSystem<T>(_ configuration: Configuration, migrate: Bool = true, _ body: (LinliSystem) async throws -> T) async throws -> T {
    let sequencing = migrate
    let system: LinliSystem
    do {
        system = try await LinliSystem.open(configuration, logger: makeLogger(), migrate: migrate)
    } catch {
        throw ValidationError("\(error)")
    }
    do {
        let result = try await body(system)
        await system.close(sequencing: sequencing)
        return result
    } catch let error as DomainError {
        await system.close(sequencing: sequencing)
        throw ValidationError(error.message)
    } catch {
        await system.close(sequencing: sequencing)
        throw error
    }
}

func printLogins(_ logins: [DemoDistrict.Login]) {
    print("演示账号（密码均为 \(DemoDistrict.password)）：")
    for login in logins {
        print("  \(login.username.padding(toLength: 15, withPad: " ", startingAt: 0)) \(login.role.label)（\(login.scopeName)）\(login.displayName)")
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "启动 Web 服务（启动时自动迁移数据库）")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "监听地址，默认 127.0.0.1，或 LINLI_HOST") var host: String?
    @Option(help: "端口，默认 8080，或 LINLI_PORT") var port: Int?
    @Flag(help: "数据库为空时载入演示区并打印演示账号") var demo = false
    @Flag(name: .customLong("secure-cookies"), help: "经 https 访问时设置 Secure Cookie，或 LINLI_SECURE_COOKIES=1") var secureCookies = false
    @Flag(name: .customLong("trust-proxy"), help: "位于反向代理之后时从 X-Forwarded-For 取客户端地址，或 LINLI_TRUST_PROXY=1") var trustProxy = false

    func run() async throws {
        var configuration = database.configuration()
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if secureCookies { configuration.secureCookies = true }
        if trustProxy { configuration.trustProxy = true }
        let system: LinliSystem
        do {
            system = try await LinliSystem.open(configuration, logger: makeLogger())
        } catch {
            throw ValidationError("\(error)")
        }
        if demo {
            if try await system.regions.roots().isEmpty {
                print("正在载入演示区……")
                printLogins(try await DemoDistrict.load(into: system))
            } else {
                print("数据库中已有数据，未重新载入演示区（演示账号密码为 \(DemoDistrict.password)）")
            }
        }
        let shownHost = configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host
        let app = try buildApplication(system: system) { port in
            print("邻里已启动：http://\(shownHost):\(port)/")
        }
        try await app.runService()
        await system.close()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "把数据库迁移到本版本")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withSystem(database.configuration()) { _ in print("数据库已是最新版本") }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "向空数据库载入演示区：small（1 区 2 街道 4 社区 20 网格，各角色账号）或 district（12 街道 85 社区 700 网格、约 77 万居民）")
    @OptionGroup var database: DatabaseOptions
    @Option(help: "规模：small 或 district") var scale: String = "small"
    @Option(help: "随机种子（同一种子生成同样的数据）") var seed: UInt64 = 20261123
    @Option(help: "district 规模时另生成过去一年的诉求件数（并为各街道、社区、网格建账号），如 2000000") var requests: Int = 0
    @Option(help: "district 规模时另生成的志愿者人数（从 18–77 岁居民中随机选取），如 150000") var volunteers: Int = 0
    @Option(name: .customLong("service-records"), help: "这些志愿者近三年的服务记录条数（台账导入），如 2000000") var serviceRecords: Int = 0

    func run() async throws {
        guard ["small", "district"].contains(scale) else { throw ValidationError("规模应为 small 或 district") }
        guard requests >= 0, requests == 0 || scale == "district" else { throw ValidationError("--requests 只用于 district 规模，且不能为负数") }
        guard volunteers >= 0, volunteers == 0 || scale == "district" else { throw ValidationError("--volunteers 只用于 district 规模，且不能为负数") }
        guard serviceRecords >= 0, serviceRecords == 0 || volunteers > 0 else { throw ValidationError("--service-records 需要同时给出 --volunteers，且不能为负数") }
        try await withSystem(database.configuration()) { system in
            do {
                if scale == "district" {
                    let summary = try await DistrictScaleDemo.load(into: system, seed: seed, requests: requests, volunteers: volunteers,
                                                                   serviceRecords: serviceRecords) { print($0) }
                    print("完成：\(summary.regions) 个区域节点，\(summary.households) 户，\(summary.residents) 名居民，\(summary.volunteers) 名志愿者"
                          + "（服务记录 \(summary.serviceRecords) 条），\(summary.requests) 件诉求，用时 \(Int(summary.seconds)) 秒")
                    if !summary.logins.isEmpty { printLogins(summary.logins) }
                } else {
                    printLogins(try await DemoDistrict.load(into: system))
                }
            } catch let error as DemoDistrict.DemoError {
                throw ValidationError(error.description)
            }
        }
    }
}

struct Setup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "新部署：创建区（根节点）和第一个区管理员账号")
    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("district-code"), help: "6 位行政区划代码，例如 610103") var districtCode: String
    @Option(name: .customLong("district-name"), help: "区名，例如 碑林区") var districtName: String
    @Option(help: "管理员登录名") var admin: String = "admin"
    @Option(help: "管理员初始密码（省略则随机生成并打印）") var password: String?

    func run() async throws {
        try await withSystem(database.configuration()) { system in
            guard try await system.regions.roots().isEmpty else { throw ValidationError("数据库中已有区，不能重复初始化") }
            let district = try await system.regions.createDistrict(code: districtCode, name: districtName, actor: system.commandLineActor)
            let secret = password ?? generatedPassword()
            _ = try await system.accounts.create(.init(username: admin, displayName: "\(districtName)管理员", role: .districtAdmin,
                                                       regionId: district.id, password: secret), actor: system.commandLineActor)
            print("已创建 \(district.name)（\(district.code)）与管理员 \(admin)，密码：\(secret)")
        }
    }
}

func generatedPassword() -> String {
    "Ll" + Secrets.token(bytes: 9).filter { $0.isLetter || $0.isNumber } + "7"
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "在线备份 SQLite 数据库到一个新文件（PostgreSQL 请用 pg_dump，见 docs/operations.md）")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "备份文件路径（不能已存在）") var output: String

    func run() async throws {
        try await withSystem(database.configuration(), migrate: false) { system in
            try await system.database.backupSQLite(to: output)
            print("已备份到 \(output)")
        }
    }
}

struct DataKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "data-key", abstract: "个人信息加密密钥", subcommands: [Rotate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "轮换数据密钥：在一个事务中用新密钥重新加密全部身份证号、电话并重建检索索引（请先停止服务并备份）")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("new-key"), help: "新密钥（base64，32 字节）；密钥来自 LINLI_DATA_KEY 时必填") var newKey: String?

        func run() async throws {
            let count = try await withSystem(database.configuration()) { system in try await system.rotateDataKey(newKeyBase64: newKey) }
            print("已用新密钥重新加密 \(count) 项个人信息\(newKey == nil ? "；旧密钥文件已改名保留为 linli.key.retired-*" : "；请把各实例的 LINLI_DATA_KEY 改为新密钥后再启动")")
        }
    }
}
