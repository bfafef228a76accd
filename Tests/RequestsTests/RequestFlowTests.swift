import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("Closed-loop requests on SQLite and PostgreSQL")
struct RequestFlowTests {
    @Test(arguments: TestEngine.all)
    func aRequestGoesRoundTheWholeLoopAndEveryStepIsTracedAuditedAndTold(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(shanghai("2026-11-23", 9))) { system in
            let f = try await Fixture.build(system)
            let clock = system.clock as! ManualClock
            let submission = try await f.submitStreetlight(photos: [TestPhotos.jpeg])
            #expect(!submission.repeated && submission.request.state == .received)
            #expect(submission.request.trackingCode.count == 12 && submission.request.phoneMasked == "139****5678")
            #expect(submission.request.place == "一街道 一社区 一网格 1号楼 1单元 101室")
            let id = submission.request.id
            let staff = f.actor(.communityStaff)
            _ = try await f.requests.act(id, .register(note: nil), actor: staff)
            _ = try await f.requests.act(id, .comment(text: "住户是独居老人，优先处理"), actor: staff)
            var detail = try await f.requests.act(id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: nil), actor: staff)
            #expect(detail.handler?.username == f.username(.gridWorker))
            clock.advance(seconds: 1800)
            let worker = f.actor(.gridWorker)
            #expect(try await f.requests.detail(id, actor: worker).actions == [.claim, .sendBack, .comment])
            _ = try await f.requests.act(id, .claim, actor: worker)
            clock.advance(seconds: 3600)
            detail = try await f.requests.act(id, .report(result: "已更换灯泡，楼道恢复照明"), photos: [TestPhotos.png], actor: worker)
            #expect(detail.request.state == .reported)
            // The handler may not verify; the grid leader may.
            #expect(!detail.actions.contains(.verifyPass))
            await #expect(throws: DomainError.self) { _ = try await f.requests.act(id, .verifyPass(note: nil), actor: worker) }
            _ = try await f.requests.act(id, .verifyPass(note: "现场查看已亮"), actor: f.actor(.gridLeader))
            detail = try await f.requests.act(id, .rate(score: 5, comment: "很及时"), actor: f.actor(.resident))
            #expect(detail.request.state == .rated)
            #expect(detail.request.progress.respondMinutes == 30 && detail.request.progress.handleMinutes == 60)
            #expect(!detail.request.progress.respondLate && !detail.request.progress.handleLate)

            let kinds = try await f.requests.detail(id, actor: staff).events.map(\.kind.rawValue)
            #expect(kinds == ["submit", "register", "comment", "dispatch", "claim", "report", "verify_pass", "rate"])
            let audit = try await system.database.read { tx in
                try await tx.sql.raw("SELECT action FROM audit_log WHERE entity_type = 'request' AND entity_id = \(bind: String(id)) ORDER BY id").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            #expect(audit == kinds.map { "request." + $0 })

            // The resident's page: no internal note, no staff names, the photos they may see.
            let view = try await f.requests.track(code: submission.request.trackingCode.lowercased(), ip: "192.0.2.1")
            #expect(view.state == .rated && view.rating == 5)
            #expect(!view.steps.contains { $0.label == "内部备注" || ($0.note ?? "").contains("独居老人") })
            #expect(!view.steps.contains { $0.who.contains("测试") })
            #expect(Set(view.steps.map(\.who)).isSubset(of: ["提交人", "社区工作人员", "处理人"]), "\(view.steps.map(\.who))")
            #expect(view.steps.first { $0.label == "已处理，等待复查" }?.note == "已更换灯泡，楼道恢复照明")
            #expect(view.steps.allSatisfy { !["立案", "派遣", "签收", "反馈结果", "核查通过"].contains($0.label) }, "no desk terms")
            #expect(view.steps.flatMap(\.photoIds).count == 2)

            // Who was told: the nearest dispatcher (grid leader) of the new request, the handler of
            // the dispatch, the resident at each public step.
            #expect(try await f.inbox(.gridLeader).contains { $0.hasSuffix("提交诉求") })
            #expect(try await f.inbox(.gridWorker).contains { $0.hasSuffix("派遣") })
            let resident = try await f.inbox(.resident)
            // In the resident's words (issue 17: they saw 立案, 派遣, 待核查).
            for step in ["已受理", "已送达处理人", "处理人已接手，正在处理", "已处理，等待复查", "复查通过，已办好"] {
                #expect(resident.contains { $0.hasSuffix(step) }, "\(step)")
            }
            #expect(!resident.contains { $0.hasSuffix("立案") || $0.hasSuffix("派遣") })
            #expect(!resident.contains { $0.hasSuffix("内部备注") })
        }
    }

    /// A request is not read back after its insert or a step: what they answer must be what a read gives.
    @Test(arguments: TestEngine.all)
    func submissionsAndStepsAnswerWithTheRequestExactlyAsStored(engine: TestEngine) async throws {
        // A clock between milliseconds: times are stored at milliseconds.
        let clock = ManualClock(shanghai("2026-11-23", 9).addingTimeInterval(0.1234567))
        try await TestSystem.with(engine, clock: clock) { system in
            let f = try await Fixture.build(system)
            let staff = f.actor(.communityStaff)
            let submission = try await f.submitStreetlight(photos: [TestPhotos.jpeg])
            let id = submission.request.id
            #expect(try await f.requests.detail(id, actor: staff).request == submission.request)
            clock.advance(seconds: 61.0004321)
            let registered = try await f.requests.act(id, .register(note: nil), actor: staff)
            #expect(try await f.requests.detail(id, actor: staff).request == registered.request)
            clock.advance(seconds: 7.7654)
            let dispatched = try await f.requests.act(id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: nil), actor: staff)
            #expect(dispatched.request.handlerPath != nil)
            #expect(try await f.requests.detail(id, actor: staff).request == dispatched.request)
            clock.advance(seconds: 300.00049)
            let claimed = try await f.requests.act(id, .claim, actor: f.actor(.gridWorker))
            #expect(claimed.request.progress.handleDue != nil && claimed.request.progress.respondedAt != nil)
            #expect(try await f.requests.detail(id, actor: staff).request == claimed.request)
        }
    }

    @Test(arguments: TestEngine.all)
    func aRetriedOrDoubleClickedSubmitMakesOneRequest(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let first = try await f.submitStreetlight(key: "form-7f3a9c21")
            let again = try await f.submitStreetlight(key: "form-7f3a9c21")
            #expect(again.repeated && again.request.id == first.request.id)
            // Ten at once with one key.
            let results = try await withThrowingTaskGroup(of: Submission.self) { group in
                for _ in 0..<10 { group.addTask { try await f.submitStreetlight(key: "form-concurrent-1") } }
                return try await group.reduce(into: [Submission]()) { $0.append($1) }
            }
            #expect(Set(results.map(\.request.id)).count == 1)
            #expect(results.filter { !$0.repeated }.count <= 1)
            #expect(try await f.requestCount() == 2)
            // Another person's identical key is theirs alone.
            let staff = try await f.submitStreetlight(by: .communityStaff, channel: .hotline, key: "form-7f3a9c21")
            #expect(!staff.repeated && staff.request.id != first.request.id)
        }
    }

    @Test(arguments: TestEngine.all)
    func badIntakeIsRefusedInZhCNAndWritesNothing(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let lift = try await system.catalog.item(code: "WX02")  // asks whether someone is trapped (required)
            let noAnonymous = try await system.catalog.item(code: "JZ01")
            let audit = try await f.auditCount()
            let resident = f.actor(.resident)
            let cases: [(RequestDraft, Actor, String)] = [
                (RequestDraft(itemId: 999_999, description: "x"), resident, "itemId"),
                (RequestDraft(itemId: lift.id, description: "电梯停了"), resident, "answers.trapped"),
                (RequestDraft(itemId: lift.id, description: "电梯停了", answers: ["trapped": ["也许"]]), resident, "answers.trapped"),
                (RequestDraft(itemId: lift.id, description: " ", answers: ["trapped": ["否"]]), resident, "description"),
                (RequestDraft(itemId: lift.id, description: "电梯停了", answers: ["trapped": ["否"]], photos: [Data("<html>not a photo</html>".utf8)]), resident, "photos"),
                (RequestDraft(itemId: lift.id, description: "电梯停了", answers: ["trapped": ["否"]], photos: [TestPhotos.jpeg + Data(count: 5 * 1024 * 1024)]), resident, "photos"),
                (RequestDraft(itemId: noAnonymous.id, description: "申请低保", answers: ["household_size": ["3"]], anonymous: true), resident, "anonymous"),
                (RequestDraft(itemId: lift.id, description: "电梯停了", answers: ["trapped": ["否"]], regionId: f.g3.id), resident, "regionId"),
                (RequestDraft(itemId: lift.id, description: "电梯停了", answers: ["trapped": ["否"]], regionId: f.foreignHousehold.id, channel: .hotline),
                 f.actor(.communityStaff), "regionId"),
                (RequestDraft(itemId: lift.id, description: "电梯停了", answers: ["trapped": ["否"]], phone: "12345"), resident, "phone"),
            ]
            for (draft, actor, field) in cases {
                do {
                    _ = try await f.requests.submit(draft, actor: actor)
                    Issue.record("accepted a draft that should fail on \(field)")
                } catch let error as DomainError {
                    #expect(error.kind == .invalid && error.fields[field] != nil, "\(field): \(error.message)")
                }
            }
            // Only staff take hotline calls; a resident cannot pose as the hotline.
            await #expect(throws: DomainError.forbidden) {
                _ = try await f.requests.submit(RequestDraft(itemId: lift.id, description: "x", answers: ["trapped": ["否"]], regionId: f.h1.id,
                                                             channel: .hotline), actor: resident)
            }
            #expect(try await f.requestCount() == 0)
            #expect(try await f.auditCount() == audit)
        }
    }

    @Test(arguments: TestEngine.all)
    func htmlInTextIsKeptAsTextNotMarkup(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let item = try await f.streetlightItem()
            let request = try await f.requests.submit(RequestDraft(itemId: item.id, description: "<script>alert(1)</script>灯坏了"),
                                                      actor: f.actor(.resident)).request
            #expect(request.description == "<script>alert(1)</script>灯坏了")
        }
    }
}
