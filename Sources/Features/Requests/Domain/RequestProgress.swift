import Foundation

/// A decision waiting for the level above.
public enum PendingDecision: Sendable, Equatable {
    /// 延期 of the 处置 stage by this many working minutes.
    case extensionOf(minutes: Int, reason: String)
    /// 挂起
    case suspension(reason: String)

    public var label: String {
        switch self {
        case .extensionOf(let minutes, _): "延期申请（\(WorkingTime.text(minutes))）待审批"
        case .suspension: "挂起申请待审批"
        }
    }
}

/// Everything the workflow reads and writes about one request: state, who holds it, the
/// stage clocks and the counters the metrics are computed from. Stored as columns of the
/// request row; changed only by `Workflow.apply`.
public struct RequestProgress: Sendable, Equatable {
    public var state: RequestState
    public var pending: PendingDecision?
    public var handlerId: Int64?
    public var coHandlerIds: [Int64]

    public var submittedAt: Date
    /// When the clock of the current stage last started (or resumed).
    public var stageStartedAt: Date?
    public var respondDue: Date
    public var handleDue: Date?
    public var verifyDue: Date?
    /// Working minutes of the 处置 stage left when it was suspended (negative if overdue).
    public var pausedRemaining: Int?

    /// First signing for it (响应).
    public var respondedAt: Date?
    public var reportedAt: Date?
    public var closedAt: Date?
    public var ratedAt: Date?
    public var rating: Int?

    /// Working minutes spent per stage, summed over rework and 重办.
    public var respondMinutes: Int?
    public var handleMinutes: Int
    public var verifyMinutes: Int
    /// A deadline of the stage was missed at least once.
    public var respondLate: Bool
    public var handleLate: Bool
    public var verifyLate: Bool

    /// 返工 — verification failed.
    public var reworkCount: Int
    /// 重办 — the resident was not satisfied.
    public var reopenCount: Int
    public var extensionCount: Int
    /// 督办 level reached in the current stage (0 = none).
    public var escalationLevel: Int
    /// The handler was warned that the current stage is about to run out.
    public var warned: Bool

    /// A new request's progress: received, the 签收 clock running from intake.
    public static func start(at now: Date, limits: StageLimits, calendar: WorkCalendar) -> RequestProgress {
        RequestProgress(state: .received, pending: nil, handlerId: nil, coHandlerIds: [], submittedAt: now, stageStartedAt: now,
                        respondDue: calendar.adding(workingMinutes: limits.respond, to: now), handleDue: nil, verifyDue: nil,
                        pausedRemaining: nil, respondedAt: nil, reportedAt: nil, closedAt: nil, ratedAt: nil, rating: nil,
                        respondMinutes: nil, handleMinutes: 0, verifyMinutes: 0, respondLate: false, handleLate: false,
                        verifyLate: false, reworkCount: 0, reopenCount: 0, extensionCount: 0, escalationLevel: 0, warned: false)
    }

    /// The deadline of the stage whose clock is running, if any.
    public var currentDue: Date? {
        switch state.stage {
        case .respond?: respondDue
        case .handle?: handleDue
        case .verify?: verifyDue
        case nil: nil
        }
    }

    public func isOverdue(at now: Date) -> Bool { currentDue.map { now > $0 } ?? false }
}

/// Working minutes written the way staff say them: 2小时, 1小时30分钟.
public enum WorkingTime {
    public static func text(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let m = abs(minutes)
        let (h, rest) = (m / 60, m % 60)
        switch (h, rest) {
        case (0, _): return "\(sign)\(rest)分钟"
        case (_, 0): return "\(sign)\(h)小时"
        default: return "\(sign)\(h)小时\(rest)分钟"
        }
    }
}
