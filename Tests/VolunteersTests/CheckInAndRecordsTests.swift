import Crypto
import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing
import Volunteers

@Suite("签到、认证与更正: codes, hours, append-only records and stars")
struct CheckInAndRecordsTests {
    @Test(arguments: TestEngine.all)
    func staleForeignAndForgedCodesAreRefusedAndASecondCheckInChangesNothing(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            let (me, _) = try await v.person(.volunteer, name: "志愿者小李", number: 500, volunteer: true)
            let activity = try await v.activity(startsIn: 20 * 60)
            let other = try await v.activity("另一个活动", startsIn: 20 * 60)
            _ = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, actor: me)
            clock.advance(seconds: 25 * 60)
            let old = try await v.volunteers.checkInCode(activityId: activity.id, actor: v.staff).code
            let foreign = try await v.volunteers.checkInCode(activityId: other.id, actor: v.staff).code
            clock.advance(seconds: 95)
            let stale = await refusal("code") { _ = try await v.volunteers.scan(activityId: activity.id, code: old, punch: .checkIn, actor: me) }
            #expect(stale?.contains("已过期") == true)
            let fresh = try await v.volunteers.checkInCode(activityId: activity.id, actor: v.staff).code
            let elsewhere = await refusal("code") { _ = try await v.volunteers.scan(activityId: activity.id, code: foreign, punch: .checkIn, actor: me) }
            #expect(elsewhere?.contains("另一个活动") == true)
            let forged = String(fresh.dropLast(3)) + (fresh.hasSuffix("aaa") ? "bbb" : "aaa")
            let fake = await refusal("code") { _ = try await v.volunteers.scan(activityId: activity.id, code: forged, punch: .checkIn, actor: me) }
            #expect(fake?.contains("不是有效的签到码") == true)
            let made = CheckInCode.code(activityId: activity.id, at: clock.now(), key: SymmetricKey(size: .bits256))
            #expect(await refusal("code") { _ = try await v.volunteers.scan(activityId: activity.id, code: made, punch: .checkIn, actor: me) } != nil,
                    "a code signed with another key")

            let first = try await v.volunteers.scan(activityId: activity.id, code: fresh, punch: .checkIn, actor: me)
            #expect(first.checkedInAt == clock.now().millis && first.checkInMethod == .scan)
            let audits = try await v.auditCount()
            clock.advance(seconds: 10)
            let again = try await v.volunteers.scan(activityId: activity.id, code: fresh, punch: .checkIn, actor: me)
            #expect(again == first, "the second check-in answers the first")
            #expect(try await v.auditCount() == audits, "and writes nothing")
        }
    }

    @Test(arguments: TestEngine.all)
    func hoursRunFromCheckInToCheckOutWithinTheSlotAndACorrectionIsANewRecord(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            let (me, _) = try await v.person(.volunteer, name: "志愿者小李", number: 500, volunteer: true)
            let (_, other) = try await v.volunteer("志愿者老周", number: 501, at: v.f.h1)
            let activity = try await v.activity(startsIn: 20 * 60, hours: 3)
            _ = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, actor: me)
            let absent = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: other.residentId, actor: v.staff)
            // Checks in 10 minutes early (the slot has not begun) and out 2 h after the start.
            clock.advance(seconds: 10 * 60)
            var code = try await v.volunteers.checkInCode(activityId: activity.id, actor: v.staff).code
            _ = try await v.volunteers.scan(activityId: activity.id, code: code, punch: .checkIn, actor: me)
            clock.advance(seconds: 130 * 60)
            code = try await v.volunteers.checkInCode(activityId: activity.id, actor: v.staff).code
            _ = try await v.volunteers.scan(activityId: activity.id, code: code, punch: .checkOut, actor: me)
            clock.advance(seconds: 60 * 60)
            _ = try await v.volunteers.transition(activityId: activity.id, .finish, actor: v.staff)
            let list = try await v.volunteers.signUps(activityId: activity.id, actor: v.staff).signUps
            #expect(list.first { $0.id == absent.signUp.id }?.attendance == .noShow)
            let certified = try await v.volunteers.certify(activityId: activity.id, rating: 5, actor: v.staff)
            #expect(certified.activity.state == .certified)
            let record = try #require(certified.records.first)
            #expect(certified.records.count == 1, "the no-show has no record")
            #expect(record.minutes == 120, "from the slot's start, not from the early check-in")
            #expect(record.lead == "王队长" && record.recorder == "测试社区工作者" && record.beneficiary == "独居老人" && record.place == "一社区")
            await #expect(throws: DomainError.self) { _ = try await v.volunteers.certify(activityId: activity.id, actor: v.staff) }

            // The volunteer asks for 150 minutes; the organiser agrees.
            let asked = try await v.volunteers.askCorrection(recordId: record.id, minutes: 150, reason: "签退忘了扫，实际做到 14:50", actor: me)
            await refusal("recordId") { _ = try await v.volunteers.askCorrection(recordId: record.id, minutes: 160, reason: "再改", actor: me) }
            let decided = try await v.volunteers.decideCorrection(correctionId: asked.id, accept: true, minutes: nil, note: "组织者核实", actor: v.staff)
            #expect(decided.state == .accepted)
            let mine = try await v.volunteers.mine(actor: me)
            #expect(mine.records.count == 2, "the old record stays in the trail")
            let old = try #require(mine.records.first { $0.id == record.id })
            let new = try #require(mine.records.first { $0.id == decided.newRecordId })
            #expect(old.minutes == 120 && old.supersededBy == new.id)
            #expect(new.minutes == 150 && new.supersedes == old.id && new.source == .correction)
            #expect(mine.person.volunteer?.certifiedMinutes == 150)
            let volunteerId = try #require(mine.person.volunteer?.id)
            #expect(try await v.volunteers.recomputedStanding(volunteerId: volunteerId).hours == 2)

            // Nothing, not even a direct statement, edits or removes a record.
            await #expect(throws: (any Error).self) {
                try await system.database.write { tx in try await tx.sql.raw("UPDATE service_records SET minutes = 999").run() }
            }
            await #expect(throws: (any Error).self) {
                try await system.database.write { tx in try await tx.sql.raw("DELETE FROM service_records").run() }
            }
            let audit = try await system.database.read { tx in
                try await tx.sql.raw("SELECT action FROM audit_log WHERE action LIKE 'service_record.%' ORDER BY id").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            #expect(audit == ["service_record.certify", "service_record.correction_ask", "service_record.correction_decide"])
        }
    }

    @Test(arguments: TestEngine.all)
    func aMissingCheckOutCountsTheRolesDefaultAndIsFlagged(engine: TestEngine) async throws {
        let clock = ManualClock()
        try await TestSystem.with(engine, clock: clock) { system in
            let v = try await VolunteerFixture.build(system)
            let (_, elder) = try await v.volunteer("刘奶奶", number: 77, at: v.f.h1)
            let activity = try await v.activity(startsIn: 20 * 60, hours: 3,
                                                roles: [.init(name: "叠衣服", capacity: 3, defaultMinutes: 90)])
            let signUp = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: elder.residentId, actor: v.staff)
            clock.advance(seconds: 30 * 60)
            // She has no phone: the organiser ticks her in on the list.
            let ticked = try await v.volunteers.mark(activityId: activity.id, signUpId: signUp.signUp.id, personalCode: nil, punch: .checkIn, actor: v.staff)
            #expect(ticked.checkInMethod == .list)
            clock.advance(seconds: 4 * 3600)
            _ = try await v.volunteers.transition(activityId: activity.id, .finish, actor: v.staff)
            let record = try #require(try await v.volunteers.certify(activityId: activity.id, actor: v.staff).records.first)
            #expect(record.minutes == 90 && record.flagged)
        }
    }

    @Test(arguments: TestEngine.all)
    func theStarLevelFollowsTheDistrictsThresholds(engine: TestEngine) async throws {
        for (setting, stars) in [(nil, 0), ("1,2,3,4,5", 2)] as [(String?, Int)] {
            let clock = ManualClock()
            try await TestSystem.with(engine, clock: clock, configure: { config in
                if let setting { config[VolunteersSettings.self] = VolunteersSettings(environment: ["LINLI_VOLUNTEER_STARS": setting]) }
            }) { system in
                let v = try await VolunteerFixture.build(system)
                let (_, person) = try await v.volunteer("志愿者", number: 1, at: v.f.h1)
                let activity = try await v.activity(startsIn: 20 * 60, hours: 3)
                let signUp = try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: person.residentId, actor: v.staff)
                clock.advance(seconds: 20 * 60)
                _ = try await v.volunteers.mark(activityId: activity.id, signUpId: signUp.signUp.id, personalCode: nil, punch: .checkIn, actor: v.staff)
                clock.advance(seconds: 150 * 60)
                _ = try await v.volunteers.mark(activityId: activity.id, signUpId: signUp.signUp.id, personalCode: nil, punch: .checkOut, actor: v.staff)
                clock.advance(seconds: 3600)
                _ = try await v.volunteers.transition(activityId: activity.id, .finish, actor: v.staff)
                _ = try await v.volunteers.certify(activityId: activity.id, actor: v.staff)
                let stored = try await v.volunteers.volunteer(person.id, actor: v.staff)
                #expect(stored.certifiedMinutes == 150 && stored.stars == stars, "setting \(setting ?? "default")")
                #expect(try await v.volunteers.recomputedStanding(volunteerId: person.id).stars == stored.stars)
            }
        }
    }
}

@Suite("纸质台账: rows checked, all or nothing, never twice")
struct PaperLedgerImportTests {
    @Test(arguments: TestEngine.all)
    func aLedgerBroughtInTwiceIsRefusedTheSecondTimeAndABadRowKeepsEveryRowOut(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let v = try await VolunteerFixture.build(system)
            let (_, volunteer) = try await v.volunteer("老周", number: 1, at: v.f.h1)
            let number = try #require(volunteer.number)
            let sheet = SheetTable(header: PaperLedger.header, rows: [
                [number, "2025-03-15", "敬老院探访", "一社区", "独居老人", "2.5", "王队长"],
                [number, "2025-03-15", "敬老院探访", "一社区", "独居老人", "2.5", "王队长"],
            ])
            #expect(try await v.volunteers.importLedger(sheet, actor: v.staff) == 2, "two sessions on one day are two rows")
            #expect(try await v.volunteers.volunteer(volunteer.id, actor: v.staff).certifiedMinutes == 300)
            await #expect(throws: DomainError.self) { _ = try await v.volunteers.importLedger(sheet, actor: v.staff) }
            let bad = SheetTable(header: PaperLedger.header, rows: [
                [number, "2025-04-01", "社区清洁", "一社区", "", "1", ""],
                ["99999999999999", "2025-04-02", "社区清洁", "一社区", "", "1", ""],
                [number, "2025/04/03", "社区清洁", "一社区", "", "30", ""],
            ])
            do {
                _ = try await v.volunteers.importLedger(bad, actor: v.staff)
                Issue.record("a sheet with bad rows was imported")
            } catch let error as DomainError {
                #expect(error.message.contains("第 4 行") && error.message.contains("服务日期") && error.message.contains("没有写入任何记录"), "\(error.message)")
            }
            #expect(try await v.volunteers.volunteer(volunteer.id, actor: v.staff).certifiedMinutes == 300, "nothing of the bad sheet")
        }
    }
}
