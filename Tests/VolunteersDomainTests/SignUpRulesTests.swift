import Foundation
import Testing
import Volunteers

@Suite("Sign-up rules: places, the waiting list, holds and the cutoff (pure)")
struct SignUpRulesTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let opens = now.addingTimeInterval(-86_400), closes = now.addingTimeInterval(86_400)

    func outcome(_ policy: SignUpPolicy, taken: Int, waiting: Int = 0, at: Date = now, already: Bool = false) -> Result<SignUpOutcome, SignUpRefusal> {
        SignUpRules.outcome(policy, taken: taken, waiting: waiting, now: at, opens: Self.opens, closes: Self.closes, alreadySignedUp: already)
    }

    @Test func placesFirstThenTheWaitingListInOrder() {
        let policy = SignUpPolicy(capacity: 50)
        #expect(outcome(policy, taken: 49) == .success(.confirmed))
        #expect(outcome(policy, taken: 50) == .success(.waiting(position: 1)))
        #expect(outcome(policy, taken: 50, waiting: 149) == .success(.waiting(position: 150)))
        #expect(outcome(SignUpPolicy(capacity: 50, waitingList: .off), taken: 50) == .failure(.full))
    }

    @Test func aFreePlaceWithPeopleWaitingIsTheirsNotTheNewcomers() {
        // Freed inside the cutoff, or on a list the organiser moves up: the newcomer queues.
        #expect(outcome(SignUpPolicy(capacity: 50, waitingList: .manual), taken: 49, waiting: 3) == .success(.waiting(position: 4)))
        #expect(outcome(SignUpPolicy(capacity: 50), taken: 49, waiting: 1) == .success(.waiting(position: 2)))
        #expect(outcome(SignUpPolicy(capacity: 50, waitingList: .off), taken: 49, waiting: 0) == .success(.confirmed))
    }

    @Test func outsideTheWindowOrTwiceIsRefusedWithAReason() {
        let policy = SignUpPolicy(capacity: 50)
        #expect(outcome(policy, taken: 0, at: Self.opens.addingTimeInterval(-1)) == .failure(.notOpenYet))
        #expect(outcome(policy, taken: 0, at: Self.closes) == .failure(.closed))
        #expect(outcome(policy, taken: 0, already: true) == .failure(.alreadySignedUp))
        #expect(SignUpRefusal.full.message == "名额已满，这个活动不设候补")
    }

    @Test func nobodyIsPromotedInsideTheCutoffAndAHoldEndsBeforeIt() {
        let start = Self.now.addingTimeInterval(5 * 3600)
        let policy = SignUpPolicy(capacity: 10, hold: 12 * 3600, promotionCutoff: 2 * 3600)
        #expect(SignUpRules.mayPromote(policy, now: Self.now, start: start))
        #expect(!SignUpRules.mayPromote(policy, now: start.addingTimeInterval(-2 * 3600), start: start), "at the cutoff")
        #expect(!SignUpRules.mayPromote(SignUpPolicy(capacity: 10, waitingList: .manual), now: Self.now, start: start))
        #expect(SignUpRules.holdDeadline(policy, now: Self.now, start: start) == start.addingTimeInterval(-2 * 3600), "never past the cutoff")
        let later = Self.now.addingTimeInterval(3 * 86_400)
        #expect(SignUpRules.holdDeadline(policy, now: Self.now, start: later) == Self.now.addingTimeInterval(12 * 3600))
    }
}
