import LinliKit
import LinliServer
import LinliTestSupport
import Testing

@Suite("Audit trail on SQLite and PostgreSQL")
struct AuditTrailTests {
    @Test(arguments: TestEngine.all)
    func aFreshDemoVerifies(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let logins = try await DemoDistrict.load(into: system)
            #expect(Set(logins.map(\.role)) == Set(Role.allCases))
            let finding = try await AuditLog.verify(system.database)
            guard case .intact(let rows) = finding else { Issue.record("\(finding)"); return }
            #expect(rows > 400)
        }
    }

    @Test(arguments: TestEngine.all)
    func anEditedRowIsNamedByVerify(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            _ = try await Fixture.build(system)
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
            try await system.database.write { tx in try await tx.sql.raw("DELETE FROM audit_log WHERE seq = 5").run() }
            #expect(try await AuditLog.verify(system.database) == .missing(seq: 5))
        }
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
            #expect(district.count == 1)
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
            guard case .intact = try await AuditLog.verify(system.database) else { Issue.record("chain broken"); return }
        }
    }

    /// Appends racing from many connections at once: each must chain onto the one committed
    /// before it (on PostgreSQL the head row's lock; without it two would take the same place).
    @Test(arguments: TestEngine.all)
    func appendsRacingFromManyConnectionsKeepOneUnbrokenChain(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        try await system.database.write { tx -> Void in
                            _ = try await system.audit.append(tx, actor: staff, action: AuditAction("probe.append", on: AuditEntity("probe", "探测"), "探测"), entityId: String(i),
                                                          regionPath: nil)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let appended = try await system.database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'probe.append'").first()!.decode(column: "n", as: Int.self)
            }
            #expect(appended == 40)
            guard case .intact = try await AuditLog.verify(system.database) else { Issue.record("chain broken"); return }
        }
    }
}
