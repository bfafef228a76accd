import Foundation
import LinliKit

/// The closed loop as a pure function: given a request's progress, an action and how the
/// actor stands to the request, the next progress — or a zh-CN refusal. Nothing else changes
/// a request's state.
public enum Workflow {
    /// Where each action may be taken from, and where it leads. `rate` leads to `rated` when
    /// the resident is satisfied and back to `inProgress` (重办) when not; `addInformation`
    /// and `comment` leave the state as it is.
    public static let sources: [RequestActionKind: Set<RequestState>] = [
        .register: [.received],
        .reject: [.received],
        .void: [.received, .registered],
        .withdraw: [.received, .registered],
        .dispatch: [.registered],
        .claim: [.dispatched],
        .sendBack: [.dispatched, .inProgress],
        .requestExtension: [.inProgress],
        .approveExtension: [.inProgress],
        .denyExtension: [.inProgress],
        .requestSuspension: [.inProgress],
        .approveSuspension: [.inProgress],
        .denySuspension: [.inProgress],
        .resume: [.suspended],
        .report: [.inProgress],
        .verifyPass: [.reported],
        .verifyFail: [.reported],
        .rate: [.closed],
        .addInformation: [.received, .registered, .dispatched, .inProgress, .suspended, .reported],
        .comment: Set(RequestState.allCases),
    ]

    /// Who may take each action.
    public static let performers: [RequestActionKind: Set<Participant>] = [
        .register: [.dispatcher], .reject: [.dispatcher], .void: [.dispatcher], .dispatch: [.dispatcher],
        .withdraw: [.requester],
        .claim: [.handler], .sendBack: [.handler], .requestExtension: [.handler], .requestSuspension: [.handler],
        .report: [.handler],
        .approveExtension: [.approver], .denyExtension: [.approver], .approveSuspension: [.approver],
        .denySuspension: [.approver],
        .resume: [.handler, .approver],
        .verifyPass: [.verifier], .verifyFail: [.verifier],
        .rate: [.requester, .reviewer],
        .addInformation: [.requester, .dispatcher],
        .comment: [.dispatcher, .handler, .coHandler, .verifier, .approver, .reviewer],
    ]

    /// At most this many 延期 per request (原则上不超过两次).
    public static let maxExtensions = 2
    /// One 延期 adds 0.5 to 240 working hours.
    public static let extensionHours: ClosedRange<Double> = 0.5...240
    public static let maxCoHandlers = 5
    /// 1–2 stars: 不满意.
    public static let satisfiedFrom = 3

    /// The actions this actor could take now: what pages and the API offer.
    public static func available(_ progress: RequestProgress, roles: Set<Participant>) -> [RequestActionKind] {
        RequestActionKind.allCases.filter { kind in
            sources[kind]!.contains(progress.state) && !roles.isDisjoint(with: performers[kind]!)
                && pendingAllows(kind, progress.pending) && separationAllows(kind, roles)
        }
    }

    public static func apply(_ progress: RequestProgress, _ action: RequestAction, roles: Set<Participant>, at now: Date,
                             limits: StageLimits, calendar: WorkCalendar) throws -> RequestProgress {
        let kind = action.kind
        guard sources[kind]!.contains(progress.state) else {
            throw DomainError.conflict("诉求当前为“\(progress.state.label)”，不能\(kind.label)")
        }
        guard !roles.isDisjoint(with: performers[kind]!) else {
            throw DomainError(kind: .forbidden, code: "not_your_step", message: "您不是此诉求的\(whoMay(kind))，不能\(kind.label)")
        }
        guard separationAllows(kind, roles) else {
            throw DomainError(kind: .forbidden, code: "separation_of_duties",
                              message: kind == .verifyPass || kind == .verifyFail ? "核查须由承办人以外的人员进行" : "承办人不能审批自己的申请")
        }
        guard pendingAllows(kind, progress.pending) else {
            throw DomainError.conflict(progress.pending == nil ? "没有待审批的申请" : "已有\(progress.pending!.label)，请先等待审批")
        }
        try validate(action, progress)

        var next = progress
        switch action {
        case .register:
            next.state = .registered
        case .reject, .void, .withdraw:
            next.state = kind == .reject ? .rejected : kind == .void ? .voided : .withdrawn
            next.stageStartedAt = nil
        case .dispatch(let handler, let coHandlers, _):
            next.state = .dispatched
            next.handlerId = handler
            next.coHandlerIds = coHandlers
        case .claim:
            next.state = .inProgress
            if next.respondedAt == nil {
                next.respondedAt = now
                next.respondMinutes = calendar.workingMinutes(from: next.submittedAt, to: now)
                next.respondLate = now > next.respondDue
            }
            next.startStage(.handle, at: now, limits: limits, calendar: calendar)
        case .sendBack:
            if next.state == .inProgress { next.stopHandleClock(at: now, calendar: calendar) }
            next.state = .registered
            next.handlerId = nil
            next.coHandlerIds = []
            next.pending = nil
            next.handleDue = nil
            next.stageStartedAt = now
            next.escalationLevel = 0
            next.warned = false
        case .requestExtension(let minutes, let reason):
            next.pending = .extensionOf(minutes: minutes, reason: reason)
        case .requestSuspension(let reason):
            next.pending = .suspension(reason: reason)
        case .approveExtension:
            guard case .extensionOf(let minutes, _)? = progress.pending, let due = progress.handleDue else { break }
            next.handleDue = calendar.adding(workingMinutes: minutes, to: max(due, now))
            next.extensionCount += 1
            next.pending = nil
            next.escalationLevel = 0
            next.warned = false
        case .denyExtension, .denySuspension:
            next.pending = nil
        case .approveSuspension:
            next.stopHandleClock(at: now, calendar: calendar)
            next.pausedRemaining = progress.handleDue.map { calendar.workingMinutes(from: now, to: $0) } ?? 0
            next.state = .suspended
            next.pending = nil
            next.stageStartedAt = nil
        case .resume:
            let remaining = progress.pausedRemaining ?? 0
            next.handleDue = remaining >= 0 ? calendar.adding(workingMinutes: remaining, to: now)
                : now.addingTimeInterval(Double(remaining) * 60)
            next.pausedRemaining = nil
            next.state = .inProgress
            next.stageStartedAt = now
        case .report:
            next.stopHandleClock(at: now, calendar: calendar)
            next.reportedAt = now
            next.pending = nil
            next.state = .reported
            next.verifyDue = calendar.adding(workingMinutes: limits.verify, to: now)
            next.stageStartedAt = now
            next.escalationLevel = 0
            next.warned = false
        case .verifyPass:
            next.stopVerifyClock(at: now, calendar: calendar)
            next.state = .closed
            next.closedAt = now
        case .verifyFail:
            next.stopVerifyClock(at: now, calendar: calendar)
            next.reworkCount += 1
            next.state = .inProgress
            next.startStage(.handle, at: now, limits: limits, calendar: calendar)
        case .rate(let score, _):
            next.rating = score
            next.ratedAt = now
            if score >= satisfiedFrom {
                next.state = .rated
            } else {
                next.reopenCount += 1
                next.closedAt = nil
                next.state = .inProgress
                next.startStage(.handle, at: now, limits: limits, calendar: calendar)
            }
        case .addInformation, .comment:
            break
        }
        return next
    }

    /// Checks the words and numbers that come with an action.
    static func validate(_ action: RequestAction, _ progress: RequestProgress) throws {
        switch action {
        case .reject(let text), .void(let text), .sendBack(let text), .denyExtension(let text), .requestSuspension(let text),
             .denySuspension(let text), .verifyFail(let text):
            if text.trimmingWhitespace.isEmpty { throw DomainError.invalid("reason", "请填写原因") }
        case .report(let text):
            if text.trimmingWhitespace.isEmpty { throw DomainError.invalid("result", "请填写处置结果") }
        case .addInformation(let text), .comment(let text):
            if text.trimmingWhitespace.isEmpty { throw DomainError.invalid("text", "请填写内容") }
        case .requestExtension(let minutes, let reason):
            if reason.trimmingWhitespace.isEmpty { throw DomainError.invalid("reason", "请填写原因") }
            if !(30...(30 * 8 * 60)).contains(minutes) { throw DomainError.invalid("hours", "延期时长应在 0.5 到 240 个工作小时之间") }
            if progress.extensionCount >= maxExtensions { throw DomainError.conflict("此诉求已延期 \(maxExtensions) 次，不能再申请延期") }
        case .dispatch(let handler, let coHandlers, _):
            if coHandlers.contains(handler) { throw DomainError.invalid("coHandlers", "主办人不能同时是协办人") }
            if Set(coHandlers).count != coHandlers.count { throw DomainError.invalid("coHandlers", "协办人有重复") }
            if coHandlers.count > maxCoHandlers { throw DomainError.invalid("coHandlers", "协办人最多 \(maxCoHandlers) 个") }
        case .rate(let score, _):
            if !(1...5).contains(score) { throw DomainError.invalid("score", "评价应为 1 到 5 星") }
        case .register, .withdraw, .claim, .approveExtension, .approveSuspension, .resume, .verifyPass:
            break
        }
    }

    /// Extensions and suspensions wait for one decision at a time; a decision needs a request.
    static func pendingAllows(_ kind: RequestActionKind, _ pending: PendingDecision?) -> Bool {
        switch kind {
        case .requestExtension, .requestSuspension: pending == nil
        case .approveExtension, .denyExtension: if case .extensionOf? = pending { true } else { false }
        case .approveSuspension, .denySuspension: if case .suspension? = pending { true } else { false }
        default: true
        }
    }

    /// Nobody verifies their own work or approves their own application.
    static func separationAllows(_ kind: RequestActionKind, _ roles: Set<Participant>) -> Bool {
        switch kind {
        case .verifyPass, .verifyFail: roles.isDisjoint(with: [.handler, .coHandler])
        case .approveExtension, .denyExtension, .approveSuspension, .denySuspension: !roles.contains(.handler)
        default: true
        }
    }

    static func whoMay(_ kind: RequestActionKind) -> String {
        performers[kind]!.sorted { $0.rawValue < $1.rawValue }.map(\.label).joined(separator: "或")
    }
}

extension Participant {
    public var label: String {
        switch self {
        case .requester: "诉求人"
        case .dispatcher: "派遣员"
        case .handler: "主办人"
        case .coHandler: "协办人"
        case .verifier: "核查员"
        case .approver: "上级审批人"
        case .reviewer: "回访员"
        }
    }

    /// Who did a step, as the resident's tracking page says it (no desk titles, no names).
    public var publicLabel: String {
        switch self {
        case .requester: "提交人"
        case .dispatcher, .verifier, .approver, .reviewer: "社区工作人员"
        case .handler: "处理人"
        case .coHandler: "协助处理人"
        }
    }
}

extension RequestProgress {
    mutating func startStage(_ stage: Stage, at now: Date, limits: StageLimits, calendar: WorkCalendar) {
        let due = calendar.adding(workingMinutes: limits.minutes(stage), to: now)
        switch stage {
        case .respond: respondDue = due
        case .handle: handleDue = due
        case .verify: verifyDue = due
        }
        stageStartedAt = now
        escalationLevel = 0
        warned = false
    }

    mutating func stopHandleClock(at now: Date, calendar: WorkCalendar) {
        if let started = stageStartedAt { handleMinutes += max(calendar.workingMinutes(from: started, to: now), 0) }
        if let due = handleDue, now > due { handleLate = true }
    }

    mutating func stopVerifyClock(at now: Date, calendar: WorkCalendar) {
        if let started = stageStartedAt { verifyMinutes += max(calendar.workingMinutes(from: started, to: now), 0) }
        if let due = verifyDue, now > due { verifyLate = true }
    }
}
