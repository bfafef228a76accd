import Accounts
import Audit
import Foundation
import LinliKit
import Logging
import Regions
import Residents

/// The services of one Linli deployment over one database, built once and handed to the
/// HTTP application and to the command line alike.
public final class LinliSystem: Sendable {
    public let configuration: Configuration
    public let database: Database
    public let clock: any Clock
    public let audit: AuditLog
    public let regions: RegionService
    public let teams: TeamService
    public let accounts: AccountService
    public let auth: AuthService
    public let auditTrail: AuditService
    public let residents: ResidentService
    public let ledger: LedgerService
    public let logger: Logger

    /// Every feature's migrations, in the order features depend on each other.
    public static let migrations: [Migration] =
        AuditFeature.migrations + RegionsFeature.migrations + AccountsFeature.migrations + ResidentsFeature.migrations

    public static func open(_ configuration: Configuration, logger: Logger, clock: any Clock = SystemClock(),
                            migrate: Bool = true) async throws -> LinliSystem {
        let key = try PersonalDataVault.loadKey(environment: ProcessInfo.processInfo.environment,
                                                dataDirectory: configuration.dataDirectory)
        let database = try await Database.open(try configuration.databaseLocation(), logger: logger)
        do {
            let migrator = Migrator(migrations: migrations, clock: clock)
            if migrate {
                let ran = try await migrator.migrate(database)
                if !ran.isEmpty { logger.info("applied migrations", metadata: ["ids": .string(ran.joined(separator: ","))]) }
            } else if !(try await migrator.pending(database)).isEmpty {
                throw SystemError.pendingMigrations
            }
        } catch {
            await database.close()
            throw error
        }
        return LinliSystem(configuration: configuration, database: database, clock: clock, logger: logger,
                           vault: PersonalDataVault(masterKey: key))
    }

    init(configuration: Configuration, database: Database, clock: any Clock, logger: Logger, vault: PersonalDataVault) {
        self.configuration = configuration
        self.database = database
        self.clock = clock
        self.logger = logger
        audit = AuditLog(clock: clock)
        let directory = AccountDirectory(database: database)
        regions = RegionService(database: database, audit: audit, clock: clock, moveListeners: [AccountPathsListener(), ResidentPathsListener()])
        teams = TeamService(database: database, audit: audit, clock: clock, staff: directory)
        accounts = AccountService(database: database, audit: audit, clock: clock, regions: regions,
                                  permissionTable: LinliPermissions.table, bcryptCost: configuration.bcryptCost)
        auth = AuthService(database: database, audit: audit, clock: clock, permissionTable: LinliPermissions.table)
        auditTrail = AuditService(database: database)
        residents = ResidentService(database: database, audit: audit, clock: clock, regions: regions, vault: vault)
        ledger = LedgerService(residents: residents)
    }

    /// The operator at the command line: every permission, the whole tree.
    public var commandLineActor: Actor { Actor.commandLine(permissions: LinliPermissions.all) }

    public func close() async { await database.close() }
}

public enum SystemError: Error, CustomStringConvertible {
    case pendingMigrations
    public var description: String { "数据库尚未迁移到本版本，请先运行 linli migrate" }
}
