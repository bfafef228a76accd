import Crypto
import Foundation
import Testing
import Volunteers

@Suite("Volunteers' stars: a pure function of certified hours and the district's thresholds")
struct StarLevelTests {
    @Test(arguments: [(0, 0, 100), (99 * 60 + 59, 0, 100), (100 * 60, 1, 300), (599 * 60, 2, 600), (1500 * 60, 5, nil)] as [(Int, Int, Int?)])
    func theNationalThresholds(minutes: Int, stars: Int, next: Int?) {
        let standing = StarStanding.of(certifiedMinutes: minutes, thresholds: .national)
        #expect(standing.stars == stars && standing.nextAt == next)
    }

    @Test func progressIsTheWayFromThisStarToTheNext() {
        let standing = StarStanding.of(certifiedMinutes: 200 * 60, thresholds: .national)
        #expect(standing.stars == 1 && abs(standing.progress - 0.5) < 1e-9, "halfway from 100 to 300")
        #expect(StarStanding.of(certifiedMinutes: 2000 * 60, thresholds: .national).progress == 1)
        #expect(StarStanding.of(certifiedMinutes: -5, thresholds: .national).stars == 0)
    }

    @Test func aDistrictsOwnRuleIsFiveIncreasingHours() {
        let local = StarThresholds(text: "30, 60,100,200,300")
        #expect(local?.hours == [30, 60, 100, 200, 300])
        #expect(StarStanding.of(certifiedMinutes: 100 * 60, thresholds: local!).stars == 3, "the changed value counts, not the default")
        for bad in ["30,60,100,200", "30,30,100,200,300", "0,60,100,200,300", "30,60,一百,200,300", ""] {
            #expect(StarThresholds(text: bad) == nil, "\(bad)")
        }
    }
}

@Suite("签到码: a signed code per activity and 30-second step, accepted for a minute")
struct CheckInCodeTests {
    static var key: SymmetricKey { SymmetricKey(data: Data(repeating: 7, count: 32)) }
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aFreshCodeIsAcceptedForAMinuteAndThenRefused() {
        let code = CheckInCode.code(activityId: 42, at: Self.start, key: Self.key)
        #expect(CheckInCode.refusal(code, activityId: 42, now: Self.start.addingTimeInterval(59), key: Self.key) == nil)
        #expect(CheckInCode.refusal(code, activityId: 42, now: Self.start.addingTimeInterval(61), key: Self.key) == .expired)
    }

    @Test func anotherActivitysForgedOrMangledCodeIsToldApart() {
        let code = CheckInCode.code(activityId: 42, at: Self.start, key: Self.key)
        #expect(CheckInCode.refusal(code, activityId: 43, now: Self.start, key: Self.key) == .otherActivity)
        let other = SymmetricKey(data: Data(repeating: 8, count: 32))
        #expect(CheckInCode.refusal(CheckInCode.code(activityId: 42, at: Self.start, key: other), activityId: 42, now: Self.start, key: Self.key)
                == .forged)
        let parts = code.split(separator: "-")
        #expect(CheckInCode.refusal("42-\(Int(parts[1])! + 2)-\(parts[2])", activityId: 42, now: Self.start, key: Self.key) == .forged,
                "a later step with the old signature")
        for mangled in ["", "42", "42-1-abc", "x-1-abcdefghjk", "42--abcdefghjk"] {
            #expect(CheckInCode.refusal(mangled, activityId: 42, now: Self.start, key: Self.key) == .malformed, "\(mangled)")
        }
        #expect(CheckInCode.Refusal.expired.message.contains("已过期"))
    }

    @Test func aCodeFromTheFutureIsRefused() {
        let code = CheckInCode.code(activityId: 42, at: Self.start.addingTimeInterval(120), key: Self.key)
        #expect(CheckInCode.refusal(code, activityId: 42, now: Self.start, key: Self.key) == .notYetValid)
    }
}
