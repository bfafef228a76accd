import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("Who may do what to a request, on SQLite and PostgreSQL")
struct RequestActorTests {
    @Test(arguments: TestEngine.all)
    func staffOutsideTheRegionCannotSeeOrTouchARequest(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let request = try await f.submitStreetlight().request
            let outsider = try await system.accounts.create(.init(username: "c3.staff", displayName: "三社区 工作人员", role: .communityStaff,
                                                                  regionId: f.c3.id, password: Fixture.password), actor: f.cli)
            let actor = f.actor(for: outsider)
            let audit = try await f.auditCount()
            await #expect(throws: DomainError.notFound("诉求")) { _ = try await f.requests.detail(request.id, actor: actor) }
            await #expect(throws: DomainError.notFound("诉求")) { _ = try await f.requests.act(request.id, .register(note: nil), actor: actor) }
            await #expect(throws: DomainError.forbidden) { _ = try await f.requests.detail(request.id, actor: f.actor(.socialWorker)) }
            let queue = try await f.requests.queue(RequestQuery(queue: .all), actor: actor)
            #expect(queue.total == 0)
            #expect(try await f.requests.queue(RequestQuery(queue: .dispatch), actor: f.actor(.communityStaff)).total == 1)
            #expect(try await f.auditCount() == audit)
        }
    }

    @Test(arguments: TestEngine.all)
    func aRequestGoesOnlyToStaffWhoCanActWhereItIs(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let request = try await f.submitStreetlight().request
            let staff = f.actor(.communityStaff)
            _ = try await f.requests.act(request.id, .register(note: nil), actor: staff)
            let elsewhere = try await system.accounts.create(.init(username: "g2.worker", displayName: "二网格 网格员", role: .gridWorker,
                                                                   regionId: f.g2.id, password: Fixture.password), actor: f.cli)
            for handler in [elsewhere.id, f.accounts[.resident]!.id, 987_654] {
                await #expect(throws: DomainError.self) {
                    _ = try await f.requests.act(request.id, .dispatch(handler: handler, coHandlers: [], note: nil), actor: staff)
                }
            }
            // The grid worker cannot dispatch; the social organization of the street can be a 协办.
            await #expect(throws: DomainError.self) {
                _ = try await f.requests.act(request.id, .dispatch(handler: f.accounts[.gridWorker]!.id, coHandlers: [], note: nil),
                                             actor: f.actor(.gridWorker))
            }
            let detail = try await f.requests.act(request.id, .dispatch(handler: f.accounts[.gridWorker]!.id,
                                                                         coHandlers: [f.accounts[.socialOrganization]!.id], note: nil), actor: staff)
            #expect(detail.coHandlers.map(\.role) == [.socialOrganization])
            // The 协办 sees it (without request.view) and may comment but not report.
            let org = f.actor(.socialOrganization)
            #expect(try await f.requests.detail(request.id, actor: org).actions == [.comment])
            #expect(try await f.requests.queue(RequestQuery(queue: .mine), actor: org).total == 1)
        }
    }

    @Test(arguments: TestEngine.all)
    func extensionsAndSuspensionsAreApprovedOnlyFromAboveTheHandler(engine: TestEngine) async throws {
        try await TestSystem.with(engine, clock: ManualClock(shanghai("2026-11-23", 9))) { system in
            let f = try await Fixture.build(system)
            let id = try await f.dispatchedStreetlight().id
            let worker = f.actor(.gridWorker)
            _ = try await f.requests.act(id, .claim, actor: worker)
            _ = try await f.requests.act(id, .requestSuspension(reason: "等待物业采购灯具"), actor: worker)
            // The grid leader is at the worker's own level; the community is above it.
            #expect(!(try await f.requests.detail(id, actor: f.actor(.gridLeader)).actions.contains(.approveSuspension)))
            await #expect(throws: DomainError.self) {
                _ = try await f.requests.act(id, .approveSuspension(note: nil), actor: f.actor(.gridLeader))
            }
            #expect(try await f.inbox(.communityStaff).contains { $0.hasSuffix("申请挂起") })
            let detail = try await f.requests.act(id, .approveSuspension(note: "同意"), actor: f.actor(.communityStaff))
            #expect(detail.request.state == .suspended && detail.request.progress.currentDue == nil)
            let resumed = try await f.requests.act(id, .resume(note: nil), actor: worker)
            #expect(resumed.request.state == .inProgress)
            _ = try await f.requests.act(id, .requestExtension(minutes: 480, reason: "灯具到货需两天"), actor: worker)
            let extended = try await f.requests.act(id, .approveExtension(note: nil), actor: f.actor(.streetAdmin))
            #expect(extended.request.progress.extensionCount == 1)
        }
    }

    @Test(arguments: TestEngine.all)
    func twoPeopleTakingTheSameStepAtOnceApplyItOnce(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let request = try await f.submitStreetlight().request
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for role in [Role.communityStaff, .gridLeader, .streetAdmin, .districtAdmin] {
                    group.addTask { (try? await f.requests.act(request.id, .register(note: nil), actor: f.actor(role))) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let events = try await f.requests.detail(request.id, actor: f.actor(.communityStaff)).events
            #expect(events.filter { $0.kind == .action(.register) }.count == 1)
        }
    }

    @Test(arguments: TestEngine.all)
    func theHolderOfTheTrackingCodeMayWithdrawBeforeDispatchAndRateAfterClosure(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            // A hotline caller has no account: the code is what they hold.
            let call = try await f.submitStreetlight(by: .communityStaff, channel: .hotline).request
            var view = try await f.requests.track(code: call.trackingCode, ip: "192.0.2.1")
            #expect(view.canWithdraw && view.canAddInformation && !view.canRate)
            view = try await f.requests.actByTrackingCode(call.trackingCode, .addInformation(text: "晚上九点后完全不亮"), photos: [TestPhotos.jpeg], ip: nil)
            #expect(view.steps.last?.note == "晚上九点后完全不亮" && view.steps.last?.photoIds.count == 1)
            view = try await f.requests.actByTrackingCode(call.trackingCode, .withdraw(reason: "已自行修好"), ip: nil)
            #expect(view.state == .withdrawn)
            // Staff-only steps are refused to the code, whatever the state.
            let other = try await f.dispatchedStreetlight()
            await #expect(throws: DomainError.self) {
                _ = try await f.requests.actByTrackingCode(other.trackingCode, .withdraw(reason: nil), ip: nil)
            }
            await #expect(throws: DomainError.forbidden) {
                _ = try await f.requests.actByTrackingCode(other.trackingCode, .claim, ip: nil)
            }
            await #expect(throws: DomainError.self) { _ = try await f.requests.track(code: "ABCDEFGHJKMN", ip: "192.0.2.1") }
        }
    }

    @Test(arguments: TestEngine.all)
    func aNeighbourFollowsTheOpenRequestInsteadOfAskingAgain(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let request = try await f.submitStreetlight().request
            let neighbour = try await system.accounts.create(.init(username: "h1.neighbour", displayName: "居民 邻居", role: .resident,
                                                                   regionId: f.h1.id, password: Fixture.password), actor: f.cli)
            let actor = f.actor(for: neighbour)
            let similar = try await f.requests.similar(itemId: request.itemId, regionId: nil, actor: actor)
            #expect(similar.map(\.id) == [request.id])
            try await f.requests.follow(request.id, actor: actor)
            try await f.requests.follow(request.id, actor: actor)  // twice is once
            _ = try await f.requests.act(request.id, .register(note: nil), actor: f.actor(.communityStaff))
            let inbox = try await system.notifications.inbox(actor: actor).page.items.map(\.title)
            #expect(inbox.count == 1 && inbox[0].hasSuffix("已受理"))
            let view = try await f.requests.track(request.id, actor: actor)
            #expect(view.trackingCode.isEmpty && !view.canWithdraw)
            #expect(try await f.requests.mine(actor: actor).map(\.id) == [request.id])
            await #expect(throws: DomainError.self) { _ = try await f.requests.act(request.id, .withdraw(reason: nil), actor: actor) }
        }
    }
}
