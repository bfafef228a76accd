import LinliKit
import LinliServer
import LinliTestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test(arguments: TestEngine.all)
    func migratingTwiceChangesNothing(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let ran = try await Migrator(migrations: (try LinliSystem.migrations)).migrate(system.database)
            #expect(ran.isEmpty)
            #expect(try await Migrator(migrations: (try LinliSystem.migrations)).pending(system.database).isEmpty)
        }
    }

    @Test(arguments: TestEngine.all)
    func aDatabaseMigratedByANewerVersionIsRefused(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            try await system.database.write { tx in
                try await tx.sql.raw("INSERT INTO schema_migrations (id, applied_at) VALUES ('future.001', 0)").run()
            }
            await #expect(throws: MigrationError.self) {
                try await Migrator(migrations: (try LinliSystem.migrations)).migrate(system.database)
            }
            do {
                try await Migrator(migrations: (try LinliSystem.migrations)).migrate(system.database)
            } catch {
                #expect("\(error)".contains("future.001"))
                #expect("\(error)".contains("请升级 Linli"))
            }
        }
    }

    @Test(arguments: TestEngine.all)
    func aFailedTransactionLeavesNothingBehind(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await system.database.write { tx in
                    try await AuditLog(clock: system.clock).append(tx, actor: system.commandLineActor, action: AuditAction("test", on: AuditEntity("t", "测试"), "测试"),
                                                                   entityId: "1", regionPath: "/")
                    throw Boom()
                }
            }
            let count = try await system.database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }
}

@Suite("Migrations from two instances at once")
struct ConcurrentMigrationTests {
    @Test(arguments: TestEngine.all)
    func twoInstancesStartingTogetherBothSucceed(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let newStep = Migration("test.001") { _ in ["CREATE TABLE test_once (x BIGINT)"] }
            let migrator = Migrator(migrations: (try LinliSystem.migrations) + [newStep])
            async let first = migrator.migrate(system.database)
            async let second = migrator.migrate(system.database)
            let ran = try await first + second
            #expect(ran == ["test.001"])
        }
    }
}
