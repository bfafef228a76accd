import Duty
import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing

@Suite("值班安排: shifts, duty phones and who is on duty, on SQLite and PostgreSQL")
struct DutyServiceTests {
    @Test(arguments: TestEngine.all)
    func shiftsRepeatWeeklyAndTheNearestPlaceOnDutyAnswers(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(shanghai("2026-11-23", 9))) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            let night = ShiftDraft(regionId: f.c1.id, userId: f.accounts[.communityStaff]!.id, startsAt: shanghai("2026-11-23", 17, 30),
                                   endsAt: shanghai("2026-11-24", 8, 30), repeatWeeks: 2, note: "夜班")
            let added = try await system.duty.addShifts(night, actor: staff)
            #expect(added.count == 3 && added.map(\.displayName) == Array(repeating: "测试社区工作者", count: 3))
            #expect(added.last?.startsAt == "2026-12-07T17:30:00+08:00")
            // The street's own shift does not hide the community's.
            _ = try await system.duty.addShifts(ShiftDraft(regionId: f.s1.id, userId: f.accounts[.streetAdmin]!.id,
                                                           startsAt: shanghai("2026-11-23", 17, 30), endsAt: shanghai("2026-11-24", 8, 30)),
                                                actor: f.actor(.streetAdmin))
            let atNight = try await system.duty.onDuty(at: shanghai("2026-11-30", 23), path: f.h1.path)
            #expect(atNight.people.map(\.username) == ["community.staff"], "the community's, the nearest")
            let inC2 = try await system.duty.onDuty(at: shanghai("2026-11-23", 23), path: f.c2.path)
            #expect(inC2.people.map(\.username) == ["street.admin"], "a community without its own shift: the street's")
            #expect(try await system.duty.onDuty(at: shanghai("2026-11-24", 10), path: f.h1.path).people.isEmpty)
            // Cancelled, nobody.
            try await system.duty.cancel(shiftId: added[1].id, actor: staff)
            #expect(try await system.duty.onDuty(at: shanghai("2026-11-30", 23), path: f.h1.path).people.isEmpty)
            let roster = try await system.duty.roster(regionId: f.c1.id, actor: staff)
            #expect(roster.shifts.map(\.startsAt) == ["2026-11-23T17:30:00+08:00"], "the cancelled one is gone, the third beyond two weeks")
            #expect(roster.people.map(\.username).sorted() == ["community.staff", "district.admin", "street.admin"],
                    "those whose area covers the community and who keep rosters: no grid worker, volunteer or resident")
        }
    }

    @Test(arguments: TestEngine.all)
    func badShiftsPhonesAndPlacesOutsideTheScopeAreRefused(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            let worker = f.accounts[.communityStaff]!.id
            func refused(_ draft: ShiftDraft, _ field: String) async {
                do {
                    _ = try await system.duty.addShifts(draft, actor: staff)
                    Issue.record("accepted: \(draft)")
                } catch let error as DomainError {
                    #expect(error.kind == .invalid && error.fields[field] != nil, "\(field): \(error.fields)")
                } catch { Issue.record("\(error)") }
            }
            let start = shanghai("2026-11-23", 17, 30)
            await refused(ShiftDraft(regionId: f.c1.id, userId: worker, startsAt: start, endsAt: start), "endsAt")
            await refused(ShiftDraft(regionId: f.c1.id, userId: worker, startsAt: start, endsAt: start.addingTimeInterval(8 * 86_400)), "endsAt")
            await refused(ShiftDraft(regionId: f.c1.id, userId: f.accounts[.resident]!.id, startsAt: start, endsAt: start.addingTimeInterval(3600)), "userId")
            // A grid worker could not open an urgent request of another grid: not on the community's duty.
            await refused(ShiftDraft(regionId: f.c1.id, userId: f.accounts[.gridWorker]!.id, startsAt: start, endsAt: start.addingTimeInterval(3600)), "userId")
            await refused(ShiftDraft(regionId: f.c3.id, userId: worker, startsAt: start, endsAt: start.addingTimeInterval(3600)), "regionId")
            await refused(ShiftDraft(regionId: f.g1.id, userId: worker, startsAt: start, endsAt: start.addingTimeInterval(3600)), "regionId")
            await #expect(throws: DomainError.self) { try await system.duty.setPhone(regionId: f.c1.id, phone: "请打电话", actor: staff) }
            await #expect(throws: DomainError.self) { try await system.duty.setPhone(regionId: f.c1.id, phone: "1", actor: staff) }
            await #expect(throws: DomainError.self) {
                try await system.duty.setPhone(regionId: f.c1.id, phone: "029-88886666", actor: f.actor(.gridWorker))
            }
            try await system.duty.setPhone(regionId: f.c1.id, phone: " 029-88886666 ", actor: staff)
            #expect(try await system.duty.roster(regionId: f.c1.id, actor: staff).phone == "029-88886666")
            try await system.duty.setPhone(regionId: f.c1.id, phone: "", actor: staff)
            #expect(try await system.duty.roster(regionId: f.c1.id, actor: staff).phone == nil)
            let audit = try await system.database.read { tx in
                try await tx.sql.raw("SELECT action FROM audit_log WHERE action LIKE 'duty.%' ORDER BY id").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            #expect(audit == ["duty.phone.set", "duty.phone.set"])
        }
    }
}
