import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import SQLKit
import Testing

@Suite("Audit trail on SQLite and PostgreSQL: chained after commit by one sequencer, checked by verify and signed checkpoints")
struct AuditTrailTests {
    @Test(arguments: TestEngine.all)
    func aFreshDemoVerifies(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let logins = try await DemoDistrict.load(into: system)
            #expect(Set(logins.map(\.role)) == Set(Role.allCases))
            try await system.sequencer.drain()
            let finding = try await AuditLog.verify(system.database)
            guard case .intact(let rows) = finding else { Issue.record("\(finding)"); return }
            #expect(rows > 400)
        }
    }

    @Test(arguments: TestEngine.all)
    func anEditedRowIsNamedByVerify(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            _ = try await Fixture.build(system)
            try await system.sequencer.drain()
            try await system.database.write { tx in
                try await tx.sql.raw("UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 7").run()
            }
            #expect(try await AuditLog.verify(system.database) == .altered(seq: 7))
        }
    }

    @Test(arguments: TestEngine.all)
    func aDeletedRowIsNamedByVerify(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            _ = try await Fixture.build(system)
            try await system.sequencer.drain()
            try await system.database.write { tx in try await tx.sql.raw("DELETE FROM audit_log WHERE seq = 5").run() }
            #expect(try await AuditLog.verify(system.database) == .missing(seq: 5))
        }
    }

    @Test(arguments: TestEngine.all)
    func anEntryLeftUnsequencedPastTheMaximumDelayFailsVerifyUntilTheSequencerChainsIt(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            try await system.sequencer.drain()
            _ = try await system.regions.rename(f.g3.id, to: "改名网格", actor: f.actor(.districtAdmin))
            let written = clock.now().millis
            let delay = system.sequencer.settings.maxDelayMillis
            // Within the delay an unsequenced entry is on its way; past it, a failure.
            #expect(try await AuditLog.verify(system.database, now: written + delay).isIntact)
            #expect(try await AuditLog.verify(system.database, now: written + delay + 1) == .unsequenced(count: 1, oldestAt: written))
            // A district with a shorter delay (a setting) fails sooner.
            #expect(try await AuditLog.verify(system.database, maxDelayMillis: 5_000, now: written + 5_001) == .unsequenced(count: 1, oldestAt: written))
            #expect(try await system.sequencer.drain() == 1)
            #expect(try await AuditLog.verify(system.database, now: written + delay + 1).isIntact)

            // An entry of a long transaction (written long before its commit) is a backlog, not a
            // failure, while the sequencer keeps running.
            clock.advance(seconds: Double(delay) / 1000 + 10)
            try await system.sequencer.drain()
            try await system.database.write { tx in
                try await AuditLog(clock: ManualClock(Date(millis: written))).append(
                    tx, actor: f.cli, action: AuditAction("probe.late", on: AuditEntity("probe", "探测"), "探测"), entityId: "1", regionPath: nil)
            }
            #expect(try await AuditLog.verify(system.database, now: clock.now().millis).isIntact)
        }
    }

    /// Someone with the database rewrites the whole chain from the start (recomputing every
    /// hash and the head, and removing the kept checkpoints): the chain alone looks whole; a
    /// checkpoint exported before does not.
    @Test(arguments: TestEngine.all)
    func aChainRewrittenFromTheStartIsCaughtByACheckpointWitnessedBefore(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            _ = try await Fixture.build(system)
            try await system.sequencer.drain(checkpoint: true)
            let witnessed = try await system.sequencer.checkpoints()
            #expect(witnessed.count == 1 && witnessed[0].isSigned)
            #expect(try await AuditLog.verify(system.database, witnessed: witnessed).isIntact)

            try await system.database.write { tx in
                try await tx.sql.raw("UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 3").run()
                try await tx.sql.raw("DELETE FROM audit_checkpoints").run()
                try await Self.rechain(tx)
            }
            #expect(try await AuditLog.verify(system.database).isIntact, "the rewrite is whole in itself")
            #expect(try await AuditLog.verify(system.database, witnessed: witnessed) == .rewritten(seq: witnessed[0].seq))

            // Checkpoints the rewriter signs with a key of their own are refused where the keys are pinned.
            let (top, topHash) = try await system.database.read { tx in
                let head = try await tx.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first()!
                return (try head.decode(column: "seq", as: Int64.self), try head.decode(column: "hash", as: String.self))
            }
            let theirs = try AuditSigner(seed: Data(repeating: 9, count: 32)).sign(seq: top, hash: topHash, at: 1)
            try await system.database.write { tx in
                try await tx.sql.raw("""
                    INSERT INTO audit_checkpoints (seq, hash, at, public_key, signature)
                    VALUES (\(bind: theirs.seq), \(bind: theirs.hash), \(bind: theirs.at), \(bind: theirs.publicKey), \(bind: theirs.signature))
                    """).run()
            }
            #expect(try await AuditLog.verify(system.database, trustedKeys: system.sequencer.trustedKeys) == .badCheckpoint(seq: top))

            // A witnessed checkpoint edited to match the rewrite no longer carries its signature.
            let head = try await system.database.read { tx in
                try await tx.sql.raw("SELECT hash FROM audit_log WHERE seq = \(bind: witnessed[0].seq)").first()!.decode(column: "hash", as: String.self)
            }
            let forged = AuditCheckpoint(seq: witnessed[0].seq, hash: head, at: witnessed[0].at, publicKey: witnessed[0].publicKey,
                                         signature: witnessed[0].signature)
            #expect(try await AuditLog.verify(system.database, witnessed: [forged]) == .badCheckpoint(seq: forged.seq))
        }
    }

    @Test(arguments: TestEngine.all)
    func aCheckpointIsSignedWhenTheHeadMovedAndTheIntervalPassed(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            try await system.sequencer.drain()
            let first = try await system.sequencer.checkpoints()
            #expect(first.count == 1, "the first round signs the first head")
            _ = try await system.regions.rename(f.g3.id, to: "网格甲", actor: f.actor(.districtAdmin))
            try await system.sequencer.drain()
            #expect(try await system.sequencer.checkpoints().count == 1, "the interval has not passed")
            clock.advance(seconds: Double(system.sequencer.settings.checkpointMillis) / 1000)
            try await system.sequencer.drain()
            let second = try await system.sequencer.checkpoints()
            #expect(second.count == 2 && second[1].seq == first[0].seq + 1)
            clock.advance(seconds: Double(system.sequencer.settings.checkpointMillis) / 1000)
            try await system.sequencer.drain()
            #expect(try await system.sequencer.checkpoints().count == 2, "nothing new to sign: the head did not move")
        }
    }

    @Test func theSequencersSettingsHaveDefaultsAndTakeTheEnvironment() throws {
        let defaults = try AuditSequencer.Settings.from(environment: [:])
        #expect(defaults.maxDelayMillis == 60_000 && defaults.checkpointMillis == 300_000)
        let changed = try AuditSequencer.Settings.from(environment: ["LINLI_AUDIT_MAX_DELAY_SECONDS": "10", "LINLI_AUDIT_CHECKPOINT_SECONDS": "30"])
        #expect(changed.maxDelayMillis == 10_000 && changed.checkpointMillis == 30_000)
        #expect(throws: AuditKeyError.self) { _ = try AuditSequencer.Settings.from(environment: ["LINLI_AUDIT_MAX_DELAY_SECONDS": "0"]) }
        #expect(throws: AuditKeyError.self) { _ = try AuditSigner.load(environment: ["LINLI_AUDIT_KEY": "c2hvcnQ="], dataDirectory: "/nonexistent") }
    }

    @Test(arguments: TestEngine.all)
    func entriesAreBrowsedWithinScope(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            _ = try await system.regions.rename(f.g3.id, to: "改名网格", actor: f.actor(.districtAdmin))
            let street = try await system.auditTrail.entries(.init(limit: 200), actor: f.actor(.streetAdmin))
            #expect(!street.isEmpty)
            #expect(street.allSatisfy { $0.regionPath?.hasPrefix(f.s1.path) == true })
            let district = try await system.auditTrail.entries(.init(action: "region.rename"), actor: f.actor(.districtAdmin))
            #expect(district.count == 1 && district[0].seq == nil, "an entry shows at once, before it is sequenced")
            await #expect(throws: DomainError.forbidden) { try await system.auditTrail.entries(.init(), actor: f.actor(.gridWorker)) }
        }
    }

    @Test(arguments: TestEngine.all)
    func concurrentWritersKeepOneUnbrokenChain(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<24 {
                    group.addTask { _ = try await system.regions.create(parentId: f.c1.id, name: "并发网格\(i)", segment: nil, actor: staff) }
                }
                try await group.waitForAll()
            }
            #expect(try await system.regions.children(of: f.c1.id, actor: staff).count == 25)
            try await system.sequencer.drain()
            guard case .intact = try await AuditLog.verify(system.database) else { Issue.record("chain broken"); return }
        }
    }

    /// Appends racing from many connections while several sequencers run at once (as each
    /// instance's does): every entry is chained exactly once, into one unbroken chain.
    @Test(arguments: TestEngine.all)
    func appendsAndSequencersRacingKeepOneUnbrokenChainWithEveryEntryOnce(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            let probe = AuditAction("probe.append", on: AuditEntity("probe", "探测"), "探测")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        try await system.database.write { tx -> Void in
                            try await system.audit.append(tx, actor: staff, action: probe, entityId: String(i), regionPath: nil)
                        }
                    }
                }
                for _ in 0..<4 {
                    group.addTask { for _ in 0..<5 { try await system.sequencer.round() } }
                }
                try await group.waitForAll()
            }
            try await system.sequencer.drain()
            let (rows, sequenced, distinct) = try await system.database.read { tx in
                let row = try await tx.sql.raw("SELECT COUNT(*) AS n, COUNT(seq) AS s, COUNT(DISTINCT seq) AS d FROM audit_log").first()!
                return (try row.decode(column: "n", as: Int.self), try row.decode(column: "s", as: Int.self), try row.decode(column: "d", as: Int.self))
            }
            #expect(rows == sequenced && sequenced == distinct)
            #expect(try await AuditLog.verify(system.database) == .intact(rows: Int64(rows)))
        }
    }

    /// What a rewriter with the database does: every hash recomputed from the first row on.
    static func rechain(_ tx: Tx) async throws {
        var previous = AuditRecord.genesisHash
        var last: Int64 = 0
        for row in try await tx.sql.raw("SELECT * FROM audit_log WHERE seq IS NOT NULL ORDER BY seq").all() {
            let record = try AuditRecord(row: row)
            let hash = record.hash(seq: record.seq!, prevHash: previous)
            try await tx.sql.raw("UPDATE audit_log SET prev_hash = \(bind: previous), hash = \(bind: hash) WHERE id = \(bind: record.id)").run()
            (previous, last) = (hash, record.seq!)
        }
        try await tx.sql.raw("UPDATE audit_head SET seq = \(bind: last), hash = \(bind: previous) WHERE id = 1").run()
    }
}
