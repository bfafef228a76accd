import Foundation
import LinliKit
import LinliTestSupport
import SQLKit
import Testing

@Suite("The audit log's move to chaining after commit keeps a chain made before it")
struct AuditMigrationTests {
    /// A chain written the way every change wrote it before `kernel.audit.003`: seq, hashes and
    /// the head in the change's own transaction.
    static func chainTheOldWay(_ database: Database, count: Int) async throws {
        try await database.write { tx in
            var previous = AuditRecord.genesisHash
            for seq in 1...Int64(count) {
                let hash = AuditRecord.computeHash(seq: seq, at: 1_000 * seq, actorId: 1, actorName: "op", ip: nil, action: "x.update",
                                                   entityType: "x", entityId: "\(seq)", regionPath: "/1/", before: nil,
                                                   after: #"{"v":"\#(seq)"}"#, prevHash: previous)
                try await tx.sql.raw("""
                    INSERT INTO audit_log (seq, at, actor_id, actor_name, ip, action, entity_type, entity_id, region_path, before_json,
                      after_json, prev_hash, hash)
                    VALUES (\(bind: seq), \(bind: 1_000 * seq), 1, 'op', NULL, 'x.update', 'x', \(bind: "\(seq)"), '/1/', NULL,
                      \(bind: #"{"v":"\#(seq)"}"#), \(bind: previous), \(bind: hash))
                    """).run()
                previous = hash
            }
            try await tx.sql.raw("UPDATE audit_head SET seq = \(bind: Int64(count)), hash = \(bind: previous) WHERE id = 1").run()
        }
    }

    @Test(arguments: TestEngine.all)
    func aChainMadeBeforeTheMoveStillVerifiesAndNewEntriesExtendIt(engine: TestEngine) async throws {
        try await TestSystem.withDatabase(engine) { database in
            let clock = ManualClock()
            _ = try await Migrator(migrations: Array(AuditLog.migrations.prefix(2)), clock: clock).migrate(database)
            try await Self.chainTheOldWay(database, count: 30)
            #expect(try await Migrator(migrations: AuditLog.migrations, clock: clock).migrate(database) == ["kernel.audit.003"])
            #expect(try await AuditLog.verify(database, now: clock.now().millis) == .intact(rows: 30))

            let actor = Actor.commandLine(permissions: [])
            try await database.write { tx in
                try await AuditLog(clock: clock).append(tx, actor: actor, action: AuditAction("x.more", on: AuditEntity("x", "测试"), "测试"),
                                                        entityId: "31", regionPath: "/1/")
            }
            let ids = try await database.read { tx in
                try await tx.sql.raw("SELECT id FROM audit_log ORDER BY id").all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            #expect(ids == Array(1...31), "the insert key goes on after the kept entries' seq")
            let sequencer = AuditSequencer(database: database, clock: clock, signer: try AuditSigner(seed: Data(repeating: 1, count: 32)))
            #expect(try await sequencer.drain() == 1)
            #expect(try await AuditLog.verify(database, now: clock.now().millis) == .intact(rows: 31))
        }
    }
}
