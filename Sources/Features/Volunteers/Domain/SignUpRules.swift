import Foundation

/// 候补 — what happens when the places are taken.
public enum WaitingListMode: String, Sendable, CaseIterable, Codable {
    /// A place that frees up is offered to the first waiting person, who must accept it
    /// within the hold (then it goes to the next).
    case automatic
    /// Staff choose whom to move up.
    case manual
    /// No waiting list: a full activity refuses sign-ups.
    case off
}

/// An activity's (or a role's) rules for signing up. The counts it is given must be read under
/// the activity's lock in the transaction that writes the sign-up: the rule decides, the lock
/// makes the decision true.
public struct SignUpPolicy: Sendable, Equatable {
    public var capacity: Int
    public var waitingList: WaitingListMode
    /// How long a promoted person has to accept the place.
    public var hold: TimeInterval
    /// Nobody is moved up later than this before the start.
    public var promotionCutoff: TimeInterval

    public init(capacity: Int, waitingList: WaitingListMode = .automatic, hold: TimeInterval = 12 * 3600,
                promotionCutoff: TimeInterval = 2 * 3600) {
        self.capacity = capacity
        self.waitingList = waitingList
        self.hold = hold
        self.promotionCutoff = promotionCutoff
    }
}

public enum SignUpOutcome: Sendable, Equatable {
    case confirmed
    /// On the waiting list at this position (1 = next).
    case waiting(position: Int)
}

public enum SignUpRules {
    /// The outcome of one more sign-up, given the places taken (confirmed or held) and the
    /// people already waiting; or the zh-CN reason it is refused.
    public static func outcome(_ policy: SignUpPolicy, taken: Int, waiting: Int, now: Date, opens: Date, closes: Date,
                               alreadySignedUp: Bool) -> Result<SignUpOutcome, SignUpRefusal> {
        if alreadySignedUp { return .failure(.alreadySignedUp) }
        if now < opens { return .failure(.notOpenYet) }
        if now >= closes { return .failure(.closed) }
        // A free place goes to whoever signs up only when nobody is waiting for it: a place
        // freed inside the cutoff, or on a list the organiser moves up, stays theirs to give.
        if taken < policy.capacity && (waiting == 0 || policy.waitingList == .off) { return .success(.confirmed) }
        if policy.waitingList == .off { return .failure(.full) }
        return .success(.waiting(position: waiting + 1))
    }

    /// Whether a freed place may be offered to the next waiting person at `now` (automatic
    /// lists only, and never inside the cutoff before the start).
    public static func mayPromote(_ policy: SignUpPolicy, now: Date, start: Date) -> Bool {
        policy.waitingList == .automatic && now < start.addingTimeInterval(-policy.promotionCutoff)
    }

    /// Until when a promoted person may accept: the hold, but never past the cutoff.
    public static func holdDeadline(_ policy: SignUpPolicy, now: Date, start: Date) -> Date {
        min(now.addingTimeInterval(policy.hold), start.addingTimeInterval(-policy.promotionCutoff))
    }
}

public enum SignUpRefusal: Error, Sendable, Equatable {
    case alreadySignedUp, notOpenYet, closed, full

    public var message: String {
        switch self {
        case .alreadySignedUp: "您已报名这个活动"
        case .notOpenYet: "报名还没开始"
        case .closed: "报名已截止"
        case .full: "名额已满，这个活动不设候补"
        }
    }
}
