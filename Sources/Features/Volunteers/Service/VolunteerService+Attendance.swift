import Foundation
import LinliKit

/// 签到签退 — by scanning the code shown at the activity (it changes every 30 s), by the
/// organiser scanning the person's code, or by the organiser ticking the list.
extension VolunteerService {
    /// People may check in this long before their slot starts.
    public static let earlyCheckIn: TimeInterval = 30 * 60
    /// … and check out this long after it ends (hours still stop at the slot's end).
    public static let lateCheckOut: TimeInterval = 2 * 3600

    public struct ShownCode: Sendable, Codable, Equatable {
        public let code: String
        /// What the QR code holds: the check-in page with the code, for the phone's camera.
        public let path: String
        /// Seconds until the next code.
        public let refreshIn: Int
    }

    /// The code to show at the activity now, for the organiser's screen.
    public func checkInCode(activityId: Int64, actor: Actor) async throws -> ShownCode {
        let led = try await ledTeams(actor)
        try Self.organises(actor, ledTeams: led)
        let activity = try await database.read { tx in try await ActivityStore.find(tx, id: activityId) }
        guard let activity, mayManage(activity, actor: actor, ledTeams: led) else { throw DomainError.notFound("活动") }
        // A read: an activity past check-in is an unanswerable question (422), not a conflict.
        guard activity.state.takesAttendance else { throw DomainError.invalid("activityId", "活动\(activity.state.label)，不能签到") }
        let now = clock.now()
        let code = CheckInCode.code(activityId: activity.id, at: now, key: codeKey)
        let elapsed = now.timeIntervalSince1970.truncatingRemainder(dividingBy: CheckInCode.step)
        return ShownCode(code: code, path: "/activities/\(activity.id)/check-in?code=\(code)", refreshIn: max(1, Int(CheckInCode.step - elapsed)))
    }

    public enum Punch: String, Sendable, CaseIterable {
        case checkIn = "in", checkOut = "out"
        var label: String { self == .checkIn ? "签到" : "签退" }
    }

    /// The person scans the activity's code: checks in, or (already in) checks out. A second
    /// check-in (or check-out) changes nothing and answers the sign-up as it is.
    public func scan(activityId: Int64, code: String, punch: Punch, actor: Actor) async throws -> SignUp {
        try actor.require(.volunteerJoin)
        let me = try await person(actor)
        let now = clock.now()
        if let refusal = CheckInCode.refusal(code, activityId: activityId, now: now, key: codeKey) {
            throw DomainError.invalid("code", refusal.message)
        }
        return try await database.write { tx in
            guard let activity = try await ActivityStore.find(tx, id: activityId, lock: true), visible(activity, me, actor: actor) else {
                throw DomainError.notFound("活动")
            }
            guard let signUp = try await SignUpStore.active(tx, activityId: activityId, residentId: me.resident.id), signUp.status == .confirmed else {
                throw DomainError.invalid("code", "您没有这个活动的名额，不能签到")
            }
            return try await record(tx, punch, signUp, activity, method: .scan, now: now, actor: actor)
        }
    }

    /// The organiser scans (or types) a person's own code, or ticks them on the list.
    public func mark(activityId: Int64, signUpId: Int64?, personalCode: String?, punch: Punch, actor: Actor) async throws -> SignUp {
        let led = try await ledTeams(actor)
        let now = clock.now()
        let method: CheckInMethod = personalCode == nil ? .list : .personalCode
        let id: Int64
        if let personalCode {
            guard let named = PersonalCode.signUpId(personalCode, key: codeKey) else {
                throw DomainError.invalid("personalCode", "这不是有效的个人码，请让对方刷新页面后重新出示")
            }
            id = named
        } else if let signUpId { id = signUpId } else { throw DomainError.invalid("signUpId", "请选择报名的人") }
        return try await database.write { tx in
            let activity = try await managedActivity(tx, activityId, actor: actor, ledTeams: led)
            guard let signUp = try await SignUpStore.find(tx, id: id), signUp.activityId == activity.id else {
                throw DomainError.invalid(personalCode == nil ? "signUpId" : "personalCode", "这不是本活动的报名")
            }
            guard signUp.status == .confirmed else {
                throw DomainError.invalid("signUpId", "\(signUp.name)的报名「\(signUp.status.label)」，不能签到")
            }
            return try await record(tx, punch, signUp, activity, method: method, now: now, actor: actor)
        }
    }

    func record(_ tx: Tx, _ punch: Punch, _ signUp: SignUp, _ activity: Activity, method: CheckInMethod, now: Date, actor: Actor) async throws -> SignUp {
        guard activity.state.takesAttendance else {
            throw DomainError.invalid("code", "活动\(activity.state.label)，不能\(punch.label)")
        }
        let role = try Self.role(of: activity, signUp.roleId)
        switch punch {
        case .checkIn:
            if signUp.checkedInAt != nil { return signUp }
            guard now.millis >= role.startsAt - Int64(Self.earlyCheckIn * 1000) else {
                throw DomainError.invalid("code", "签到从 \(Self.shortTime(role.startsAt - Int64(Self.earlyCheckIn * 1000))) 开始")
            }
            guard now.millis <= role.endsAt else { throw DomainError.invalid("code", "岗位时段已结束，不能签到，请联系组织者") }
            try await SignUpStore.checkIn(tx, id: signUp.id, at: now.millis, method: method)
        case .checkOut:
            guard signUp.checkedInAt != nil else { throw DomainError.invalid("code", "还没有签到，不能签退") }
            if signUp.checkedOutAt != nil { return signUp }
            guard now.millis <= role.endsAt + Int64(Self.lateCheckOut * 1000) else {
                throw DomainError.invalid("code", "已超过签退时间，服务时长将按岗位默认时长计算，请联系组织者核对")
            }
            try await SignUpStore.checkOut(tx, id: signUp.id, at: now.millis)
        }
        try await audit.append(tx, actor: actor, action: .attendanceRecord, entityId: String(signUp.id), regionPath: activity.regionPath,
                               after: ["punch": punch.rawValue, "method": method.rawValue, "at": now.iso8601CST])
        return try await SignUpStore.find(tx, id: signUp.id)!
    }
}
