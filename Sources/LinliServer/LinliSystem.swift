import Accounts
import Audit
import Crypto
import Foundation
import LinliKit
import Logging
import Notifications
import Regions
import Requests
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
    public let notifications: NotificationService
    public let catalog: CatalogService
    public let calendar: CalendarService
    public let requests: RequestService
    public let delivery: OutboundDelivery
    public let logger: Logger

    /// Every feature's migrations, in the order features depend on each other.
    public static let migrations: [Migration] =
        AuditFeature.migrations + RegionsFeature.migrations + AccountsFeature.migrations + ResidentsFeature.migrations
        + NotificationsFeature.migrations + RequestsFeature.migrations

    public static func open(_ configuration: Configuration, logger: Logger, clock: any Clock = SystemClock(),
                            migrate: Bool = true) async throws -> LinliSystem {
        // A mistyped mail server is said at start, not discovered when the first notice waits.
        if let smtp = configuration.smtpURL { _ = try SMTPAdapter(url: smtp, from: configuration.mailFrom) }
        let database = try await Database.open(try configuration.databaseLocation(), logger: logger, sqliteSync: configuration.sqliteSync)
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
        let key: SymmetricKey
        do {
            if migrate {
                try await DataKeyRotation.settle(database, dataDirectory: configuration.dataDirectory, owners: sealedDataOwners)
            }
            key = try PersonalDataVault.loadKey(environment: ProcessInfo.processInfo.environment,
                                                dataDirectory: configuration.dataDirectory)
        } catch {
            await database.close()
            throw error
        }
        return LinliSystem(configuration: configuration, database: database, clock: clock, logger: logger,
                           vault: PersonalDataVault(masterKey: key), key: key.withUnsafeBytes { Data($0) })
    }

    /// Every feature that keeps values sealed by the data key.
    public static let sealedDataOwners: [any SealedDataOwner] = [ResidentSealedData(), RequestSealedData()]

    /// The master key in use (for rotation only).
    let key: Data

    /// Re-seals all personal data under a new key (see `DataKeyRotation`). `newKeyBase64` is
    /// required when the key comes from `LINLI_DATA_KEY`; otherwise a new key file is made.
    public func rotateDataKey(newKeyBase64: String?) async throws -> Int {
        var newKey: SymmetricKey?
        if let newKeyBase64 {
            guard let data = Data(base64Encoded: newKeyBase64), data.count == 32 else {
                throw DomainError.invalid("key", "新密钥应为 32 字节的 base64 编码（openssl rand -base64 32）")
            }
            newKey = SymmetricKey(data: data)
        } else if ProcessInfo.processInfo.environment["LINLI_DATA_KEY"]?.isEmpty == false {
            throw DomainError.invalid("key", "密钥来自 LINLI_DATA_KEY：请用 --new-key 给出新密钥，轮换后把各实例的 LINLI_DATA_KEY 改为它")
        }
        return try await DataKeyRotation.rotate(database, dataDirectory: configuration.dataDirectory, current: SymmetricKey(data: key),
                                                newKey: newKey, owners: Self.sealedDataOwners, audit: audit, actor: commandLineActor)
    }

    init(configuration: Configuration, database: Database, clock: any Clock, logger: Logger, vault: PersonalDataVault, key: Data) {
        self.key = key
        self.configuration = configuration
        self.database = database
        self.clock = clock
        self.logger = logger
        audit = AuditLog(clock: clock)
        let directory = AccountDirectory(database: database)
        regions = RegionService(database: database, audit: audit, clock: clock, moveListeners: [AccountPathsListener(), ResidentPathsListener(), RequestPathsListener()])
        teams = TeamService(database: database, audit: audit, clock: clock, staff: directory)
        accounts = AccountService(database: database, audit: audit, clock: clock, regions: regions,
                                  permissionTable: LinliPermissions.table, bcryptCost: configuration.bcryptCost)
        auth = AuthService(database: database, audit: audit, clock: clock, permissionTable: LinliPermissions.table)
        auditTrail = AuditService(database: database)
        residents = ResidentService(database: database, audit: audit, clock: clock, regions: regions, vault: vault)
        ledger = LedgerService(residents: residents)
        notifications = NotificationService(database: database, audit: audit, clock: clock, districtWebhook: configuration.districtWebhook,
                                            outbound: configuration.outboundPolicy)
        catalog = CatalogService(database: database, audit: audit, clock: clock)
        calendar = CalendarService(database: database, audit: audit)
        delivery = OutboundDelivery(database: database, clock: clock, adapters: [WebhookAdapter(policy: configuration.outboundPolicy,
                                                                                trustedTargets: Set([configuration.districtWebhook].compactMap { $0 }))
                                                                 as any OutboundAdapter]
                                    + (configuration.smtpURL.flatMap { try? SMTPAdapter(url: $0, from: configuration.mailFrom) }.map { [$0] } ?? []))
        requests = RequestService(database: database, audit: audit, clock: clock, regions: regions, teams: teams, staff: directory,
                                  vault: vault, catalog: catalog, notifications: notifications, permissionTable: LinliPermissions.table,
                                  trackingLookupRule: configuration.trackingLookupRule)
    }

    /// The operator at the command line: every permission, the whole tree.
    public var commandLineActor: Actor { Actor.commandLine(permissions: LinliPermissions.all) }

    public func close() async { await database.close() }
}

public enum SystemError: Error, CustomStringConvertible {
    case pendingMigrations
    public var description: String { "数据库尚未迁移到本版本，请先运行 linli migrate" }
}
