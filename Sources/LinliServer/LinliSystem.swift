import Crypto
import Foundation
import LinliKit
import Logging

/// The features of one Linli deployment over one database, built once (`LinliFeatures`)
/// and handed to the HTTP application and to the command line alike.
public final class LinliSystem: ServiceProvider, Sendable {
    public let configuration: Configuration
    public let database: Database
    public let clock: any Clock
    public let audit: AuditLog
    public let logger: Logger
    public let composition: Composition
    /// Every feature, built, in the list's order.
    public let features: [any Feature]
    let services: ServiceRegistry

    /// Every feature's migrations, in the order features depend on each other.
    public static var migrations: [Migration] { get throws { try LinliFeatures.composition.get().migrations } }

    public static func open(_ configuration: Configuration, logger: Logger, clock: any Clock = SystemClock(),
                            migrate: Bool = true) async throws -> LinliSystem {
        let composition = try LinliFeatures.composition.get()
        let database = try await Database.open(try configuration.databaseLocation(), logger: logger, sqliteSync: configuration.sqliteSync)
        do {
            let migrator = Migrator(migrations: composition.migrations, clock: clock)
            if migrate {
                let ran = try await migrator.migrate(database)
                if !ran.isEmpty { logger.info("applied migrations", metadata: ["ids": .string(ran.joined(separator: ","))]) }
            } else if !(try await migrator.pending(database)).isEmpty {
                throw SystemError.pendingMigrations
            }
            if migrate {
                try await DataKeyRotation.settle(database, dataDirectory: configuration.dataDirectory, owners: composition.sealedDataOwners)
            }
            let environment = ProcessInfo.processInfo.environment
            let key = try PersonalDataVault.loadKey(environment: environment, dataDirectory: configuration.dataDirectory)
            // A command that only reads (no migration) leaves no key file behind.
            let signer = try AuditSigner.load(environment: environment, dataDirectory: configuration.dataDirectory, create: migrate)
            let sequencer = AuditSequencer(database: database, clock: clock, signer: signer,
                                           settings: try AuditSequencer.Settings.from(environment: environment))
            return try LinliSystem(configuration: configuration, composition: composition, database: database, clock: clock,
                                   logger: logger, key: key, sequencer: sequencer)
        } catch {
            await database.close()
            throw error
        }
    }

    /// The master key in use (for rotation only).
    let key: Data

    /// Chains the audit entries after their changes commit (`AuditSequencer`).
    public let sequencer: AuditSequencer

    init(configuration: Configuration, composition: Composition, database: Database, clock: any Clock, logger: Logger,
         key: SymmetricKey, sequencer: AuditSequencer) throws {
        self.sequencer = sequencer
        self.configuration = configuration
        self.composition = composition
        self.database = database
        self.clock = clock
        self.logger = logger
        self.key = key.withUnsafeBytes { Data($0) }
        audit = AuditLog(clock: clock)
        (features, services) = try composition.build(configuration: configuration, database: database, audit: audit, clock: clock,
                                                     vault: PersonalDataVault(masterKey: key), logger: logger)
    }

    /// The one service of type `T` a feature published. Every feature's needs were met when
    /// the system was built, so a missing one is a mistake in the caller, not in input.
    public func service<T>(_ type: T.Type) -> T {
        do {
            return try services.require(type, by: "the caller")
        } catch {
            preconditionFailure("\(error)")
        }
    }

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
                                                newKey: newKey, owners: composition.sealedDataOwners, audit: audit,
                                                actor: commandLineActor)
    }

    /// The operator at the command line: every permission, the whole tree.
    public var commandLineActor: Actor { Actor.commandLine(permissions: Set(composition.permissions)) }

    /// Every feature's background work, and the audit sequencer every second (each instance
    /// tries; one at a time gets the lock and chains what all of them wrote, round after round
    /// while a round finds a full batch).
    public var jobs: [BackgroundJob] {
        let sequencer = sequencer
        return features.flatMap(\.jobs) + [.every(.seconds(1), "audit-sequencer") { _ in _ = try await sequencer.drain() }]
    }

    /// Closes the database; first chains what is left to chain unless `sequencing` is false
    /// (`audit verify` reads the log as it finds it).
    public func close(sequencing: Bool = true) async {
        if sequencing {
            do { try await sequencer.drain() } catch { logger.warning("audit sequencer failed at close", metadata: ["error": .string("\(error)")]) }
        }
        await database.close()
    }
}

public enum SystemError: Error, CustomStringConvertible {
    case pendingMigrations
    public var description: String { "数据库尚未迁移到本版本，请先运行 linli migrate" }
}
