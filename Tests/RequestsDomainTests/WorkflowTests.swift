import Foundation
import LinliKit
import Requests
import Testing

/// The closed loop, every (state, action) pair: the legal ones lead where the table below
/// says, every other one is refused with a conflict naming the state.
@Suite struct WorkflowTests {
    static let calendar = WorkCalendar(exceptions: [:])
    static let limits = StageLimits.hours(2, 16, 8)
    /// Monday 2026-11-23 09:00, Asia/Shanghai.
    static let monday9 = at("2026-11-23", 9, 0)

    static let samples: [(name: String, action: RequestAction)] = [
        ("register", .register(note: nil)), ("reject", .reject(reason: "不属于社区事务")), ("void", .void(reason: "重复提交")),
        ("withdraw", .withdraw(reason: nil)), ("dispatch", .dispatch(handler: 7, coHandlers: [8], note: nil)), ("claim", .claim),
        ("sendBack", .sendBack(reason: "不属于本网格")), ("requestExtension", .requestExtension(minutes: 480, reason: "等待配件")),
        ("approveExtension", .approveExtension(note: nil)), ("denyExtension", .denyExtension(reason: "应按期完成")),
        ("requestSuspension", .requestSuspension(reason: "等待法院判决")), ("approveSuspension", .approveSuspension(note: nil)),
        ("denySuspension", .denySuspension(reason: "无须挂起")), ("resume", .resume(note: nil)), ("report", .report(result: "已修复")),
        ("verifyPass", .verifyPass(note: nil)), ("verifyFail", .verifyFail(reason: "仍不亮")),
        ("rateSatisfied", .rate(score: 5, comment: "很好")), ("rateUnsatisfied", .rate(score: 1, comment: "没修好")),
        ("addInformation", .addInformation(text: "晚上也不亮")), ("comment", .comment(text: "已电话联系")),
    ]

    /// Written out by hand from the issue's flow, independent of `Workflow.sources`.
    static let legal: [String: RequestState] = [
        "received.register": .registered, "received.reject": .rejected, "received.void": .voided, "received.withdraw": .withdrawn,
        "received.addInformation": .received, "received.comment": .received,
        "registered.void": .voided, "registered.withdraw": .withdrawn, "registered.dispatch": .dispatched,
        "registered.addInformation": .registered, "registered.comment": .registered,
        "dispatched.claim": .inProgress, "dispatched.sendBack": .registered, "dispatched.addInformation": .dispatched,
        "dispatched.comment": .dispatched,
        "in_progress.sendBack": .registered, "in_progress.requestExtension": .inProgress, "in_progress.approveExtension": .inProgress,
        "in_progress.denyExtension": .inProgress, "in_progress.requestSuspension": .inProgress,
        "in_progress.approveSuspension": .suspended, "in_progress.denySuspension": .inProgress, "in_progress.report": .reported,
        "in_progress.addInformation": .inProgress, "in_progress.comment": .inProgress,
        "suspended.resume": .inProgress, "suspended.addInformation": .suspended, "suspended.comment": .suspended,
        "reported.verifyPass": .closed, "reported.verifyFail": .inProgress, "reported.addInformation": .reported,
        "reported.comment": .reported,
        "closed.rateSatisfied": .rated, "closed.rateUnsatisfied": .inProgress, "closed.comment": .closed,
        "rated.comment": .rated, "rejected.comment": .rejected, "voided.comment": .voided, "withdrawn.comment": .withdrawn,
    ]

    /// A request in `state`, with the pending decision the action needs (if any) and a handler.
    static func progress(in state: RequestState, for action: RequestAction) -> RequestProgress {
        var p = RequestProgress.start(at: monday9, limits: limits, calendar: calendar)
        p.state = state
        if state != .received && state != .registered { p.handlerId = 7 }
        if [.inProgress, .suspended].contains(state) { p.handleDue = monday9.addingTimeInterval(3600 * 8) }
        if state == .suspended { p.pausedRemaining = 120 }
        if state == .reported { p.verifyDue = monday9.addingTimeInterval(3600 * 4) }
        switch action.kind {
        case .approveExtension, .denyExtension: p.pending = .extensionOf(minutes: 480, reason: "等待配件")
        case .approveSuspension, .denySuspension: p.pending = .suspension(reason: "等待判决")
        default: break
        }
        return p
    }

    static func roles(for action: RequestAction) -> Set<Participant> { Workflow.performers[action.kind]! }

    @Test func everyLegalTransitionLeadsWhereTheFlowSays() throws {
        var checked = 0
        for state in RequestState.allCases {
            for sample in Self.samples {
                guard let target = Self.legal["\(state.rawValue).\(sample.name)"] else { continue }
                let next = try Workflow.apply(Self.progress(in: state, for: sample.action), sample.action, roles: Self.roles(for: sample.action),
                                              at: Self.monday9.addingTimeInterval(600), limits: Self.limits, calendar: Self.calendar)
                #expect(next.state == target, "\(state) + \(sample.name)")
                checked += 1
            }
        }
        #expect(checked == Self.legal.count)
    }

    @Test func everyOtherTransitionIsRefusedAsAConflictNamingTheState() {
        var refused = 0
        for state in RequestState.allCases {
            for sample in Self.samples where Self.legal["\(state.rawValue).\(sample.name)"] == nil {
                #expect(throws: DomainError.self, "\(state) + \(sample.name)") {
                    _ = try Workflow.apply(Self.progress(in: state, for: sample.action), sample.action, roles: Set(Participant.allCases),
                                           at: Self.monday9, limits: Self.limits, calendar: Self.calendar)
                }
                do {
                    _ = try Workflow.apply(Self.progress(in: state, for: sample.action), sample.action, roles: Self.roles(for: sample.action),
                                           at: Self.monday9, limits: Self.limits, calendar: Self.calendar)
                } catch let error as DomainError {
                    #expect(error.kind == .conflict && error.message.contains(state.label), "\(state) + \(sample.name): \(error.message)")
                    refused += 1
                } catch {
                    Issue.record("unexpected \(error)")
                }
            }
        }
        #expect(refused == RequestState.allCases.count * Self.samples.count - Self.legal.count)
    }

    @Test func theWrongPersonIsRefusedForEveryAction() throws {
        for sample in Self.samples {
            let source = Workflow.sources[sample.action.kind]!.sorted { $0.rawValue < $1.rawValue }.first!
            let others = Set(Participant.allCases).subtracting(Workflow.performers[sample.action.kind]!)
            for other in others {
                #expect(throws: DomainError.self) {
                    _ = try Workflow.apply(Self.progress(in: source, for: sample.action), sample.action, roles: [other],
                                           at: Self.monday9, limits: Self.limits, calendar: Self.calendar)
                }
            }
        }
        // The messages say who may.
        do {
            _ = try Workflow.apply(Self.progress(in: .dispatched, for: .claim), .claim, roles: [.dispatcher], at: Self.monday9,
                                   limits: Self.limits, calendar: Self.calendar)
            Issue.record("a dispatcher signed for a handler")
        } catch let error as DomainError {
            #expect(error.kind == .forbidden && error.message.contains("主办人"))
        }
    }

    @Test func theHandlerCannotVerifyTheirOwnWorkNorApproveTheirOwnApplication() {
        for action in [RequestAction.verifyPass(note: nil), .verifyFail(reason: "x")] {
            for own in [Participant.handler, .coHandler] {
                #expect(throws: DomainError.self) {
                    _ = try Workflow.apply(Self.progress(in: .reported, for: action), action, roles: [.verifier, own], at: Self.monday9,
                                           limits: Self.limits, calendar: Self.calendar)
                }
            }
        }
        let approve = RequestAction.approveExtension(note: nil)
        #expect(throws: DomainError.self) {
            _ = try Workflow.apply(Self.progress(in: .inProgress, for: approve), approve, roles: [.approver, .handler], at: Self.monday9,
                                   limits: Self.limits, calendar: Self.calendar)
        }
        #expect(!Workflow.available(Self.progress(in: .reported, for: .claim), roles: [.verifier, .handler]).contains(.verifyPass))
    }

    @Test func decisionsNeedAnApplicationAndApplicationsWaitForTheirDecision() throws {
        var p = Self.progress(in: .inProgress, for: .claim)
        #expect(throws: DomainError.self) {
            _ = try Workflow.apply(p, .approveExtension(note: nil), roles: [.approver], at: Self.monday9, limits: Self.limits, calendar: Self.calendar)
        }
        p = try Workflow.apply(p, .requestExtension(minutes: 240, reason: "等待配件"), roles: [.handler], at: Self.monday9,
                               limits: Self.limits, calendar: Self.calendar)
        #expect(throws: DomainError.self) {
            _ = try Workflow.apply(p, .requestSuspension(reason: "再等等"), roles: [.handler], at: Self.monday9, limits: Self.limits, calendar: Self.calendar)
        }
        #expect(throws: DomainError.self) {
            _ = try Workflow.apply(p, .approveSuspension(note: nil), roles: [.approver], at: Self.monday9, limits: Self.limits, calendar: Self.calendar)
        }
        #expect(Workflow.available(p, roles: [.approver]).contains(.approveExtension))
        #expect(!Workflow.available(p, roles: [.approver]).contains(.approveSuspension))
    }

    @Test func reasonsScoresAndExtensionsAreChecked() throws {
        let inProgress = Self.progress(in: .inProgress, for: .claim)
        for (action, roles) in [(RequestAction.sendBack(reason: "  "), Set([Participant.handler])),
                                (.requestExtension(minutes: 10, reason: "太短"), [.handler]),
                                (.requestExtension(minutes: 480, reason: ""), [.handler]),
                                (.report(result: "\n"), [.handler])] {
            #expect(throws: DomainError.self) {
                _ = try Workflow.apply(inProgress, action, roles: roles, at: Self.monday9, limits: Self.limits, calendar: Self.calendar)
            }
        }
        var twice = inProgress
        twice.extensionCount = Workflow.maxExtensions
        #expect(throws: DomainError.self) {
            _ = try Workflow.apply(twice, .requestExtension(minutes: 480, reason: "再延"), roles: [.handler], at: Self.monday9,
                                   limits: Self.limits, calendar: Self.calendar)
        }
        let closed = Self.progress(in: .closed, for: .claim)
        for score in [0, 6, -1] {
            #expect(throws: DomainError.self) {
                _ = try Workflow.apply(closed, .rate(score: score, comment: nil), roles: [.requester], at: Self.monday9,
                                       limits: Self.limits, calendar: Self.calendar)
            }
        }
        let registered = Self.progress(in: .registered, for: .claim)
        for action in [RequestAction.dispatch(handler: 7, coHandlers: [7], note: nil), .dispatch(handler: 7, coHandlers: [8, 8], note: nil),
                       .dispatch(handler: 7, coHandlers: Array(10...15), note: nil)] {
            #expect(throws: DomainError.self) {
                _ = try Workflow.apply(registered, action, roles: [.dispatcher], at: Self.monday9, limits: Self.limits, calendar: Self.calendar)
            }
        }
    }

    @Test func reworkAndReopeningAreCountedAndRestartTheHandlingClock() throws {
        let c = Self.calendar, l = Self.limits
        var p = RequestProgress.start(at: Self.monday9, limits: l, calendar: c)
        p = try Workflow.apply(p, .register(note: nil), roles: [.dispatcher], at: Self.monday9, limits: l, calendar: c)
        p = try Workflow.apply(p, .dispatch(handler: 7, coHandlers: [], note: nil), roles: [.dispatcher], at: Self.monday9, limits: l, calendar: c)
        let claimAt = Self.at("2026-11-23", 10, 0)
        p = try Workflow.apply(p, .claim, roles: [.handler], at: claimAt, limits: l, calendar: c)
        #expect(p.respondMinutes == 60 && !p.respondLate)
        #expect(p.handleDue == Self.at("2026-11-24", 17, 0))  // 16 working hours from Mon 10:00
        p = try Workflow.apply(p, .report(result: "已修复"), roles: [.handler], at: Self.at("2026-11-23", 15, 0), limits: l, calendar: c)
        #expect(p.handleMinutes == 300)
        p = try Workflow.apply(p, .verifyFail(reason: "仍不亮"), roles: [.verifier], at: Self.at("2026-11-23", 16, 0), limits: l, calendar: c)
        #expect(p.reworkCount == 1 && p.state == .inProgress && p.verifyMinutes == 60)
        p = try Workflow.apply(p, .report(result: "换了灯管"), roles: [.handler], at: Self.at("2026-11-24", 9, 0), limits: l, calendar: c)
        #expect(p.handleMinutes == 300 + 120)
        p = try Workflow.apply(p, .verifyPass(note: nil), roles: [.verifier], at: Self.at("2026-11-24", 9, 30), limits: l, calendar: c)
        #expect(p.state == .closed && p.closedAt != nil)
        p = try Workflow.apply(p, .rate(score: 2, comment: "又坏了"), roles: [.requester], at: Self.at("2026-11-24", 10, 0), limits: l, calendar: c)
        #expect(p.state == .inProgress && p.reopenCount == 1 && p.closedAt == nil && p.rating == 2)
        #expect(p.handleDue == Self.at("2026-11-25", 17, 0))
    }

    @Test func aSuspensionStopsTheClockAndResumingGivesBackWhatWasLeft() throws {
        let c = Self.calendar, l = Self.limits
        var p = Self.progress(in: .inProgress, for: .claim)
        p.stageStartedAt = Self.monday9
        p.handleDue = Self.at("2026-11-23", 13, 0)  // 4 working hours left at 09:00
        p = try Workflow.apply(p, .requestSuspension(reason: "等待法院判决"), roles: [.handler], at: Self.at("2026-11-23", 10, 0), limits: l, calendar: c)
        p = try Workflow.apply(p, .approveSuspension(note: nil), roles: [.approver], at: Self.at("2026-11-23", 11, 0), limits: l, calendar: c)
        #expect(p.state == .suspended && p.pausedRemaining == 120 && p.handleMinutes == 120 && p.currentDue == nil)
        // Two weeks later, the two hours that were left start again.
        p = try Workflow.apply(p, .resume(note: nil), roles: [.handler], at: Self.at("2026-12-07", 16, 30), limits: l, calendar: c)
        #expect(p.state == .inProgress && p.handleDue == Self.at("2026-12-08", 9, 30))
    }

    @Test func anApprovedExtensionMovesTheHandlingDeadline() throws {
        let c = Self.calendar, l = Self.limits
        var p = Self.progress(in: .inProgress, for: .claim)
        p.handleDue = Self.at("2026-11-23", 17, 0)
        p = try Workflow.apply(p, .requestExtension(minutes: 120, reason: "等待配件"), roles: [.handler], at: Self.monday9, limits: l, calendar: c)
        p = try Workflow.apply(p, .approveExtension(note: nil), roles: [.approver], at: Self.monday9, limits: l, calendar: c)
        #expect(p.handleDue == Self.at("2026-11-24", 10, 0) && p.extensionCount == 1 && p.pending == nil)
    }

    @Test func lateStagesAreMarkedWhenTheyEnd() throws {
        let c = Self.calendar, l = Self.limits
        var p = RequestProgress.start(at: Self.monday9, limits: l, calendar: c)
        p.state = .dispatched
        p.handlerId = 7
        p = try Workflow.apply(p, .claim, roles: [.handler], at: Self.at("2026-11-23", 14, 0), limits: l, calendar: c)
        #expect(p.respondLate && p.respondMinutes == 300)
        #expect(!p.isOverdue(at: Self.at("2026-11-24", 9, 0)))
    }

    static func at(_ day: String, _ hour: Int, _ minute: Int) -> Date {
        LocalDay(day)!.start!.addingTimeInterval(Double(hour * 3600 + minute * 60))
    }
}
