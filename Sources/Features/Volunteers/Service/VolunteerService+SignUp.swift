import Foundation
import LinliKit
import Residents

/// 报名 — capacity decided inside the write transaction under the activity's lock (its row
/// lock on PostgreSQL, the single writer on SQLite), never by a count read before it.
extension VolunteerService {
    /// The actor signs themself up for a role (a resident activity's only one if `roleId` is nil).
    public func signUp(activityId: Int64, roleId: Int64?, actor: Actor) async throws -> SignUpResult {
        try actor.require(.volunteerJoin)
        let me = try await person(actor)
        return try await place(activityId: activityId, roleId: roleId, me, userId: actor.userId, organiser: nil, actor: actor)
    }

    /// The organiser signs up a registry resident (an elderly person without a phone).
    public func signUp(activityId: Int64, roleId: Int64?, residentId: Int64, actor: Actor) async throws -> SignUpResult {
        let led = try await ledTeams(actor)
        try Self.organises(actor, ledTeams: led)
        // Choosing someone from the registry is for those who may see it (not team leaders).
        guard actor.may(.residentView) else { throw DomainError.forbidden }
        let activity = try await database.read { tx in try await ActivityStore.find(tx, id: activityId) }
        guard let activity, mayManage(activity, actor: actor, ledTeams: led) else { throw DomainError.notFound("活动") }
        guard let resident = try await residents.residents(ids: [residentId])[residentId],
              actor.scope.contains(path: resident.regionPath) || resident.regionPath.hasPrefix(activity.targetPath) else {
            throw DomainError.invalid("residentId", "请从居民登记中选择活动面向区域的居民")
        }
        let account = try await residents.accounts(ofResidents: [resident.id])[resident.id]
        return try await place(activityId: activityId, roleId: roleId, try await person(resident), userId: account, organiser: led, actor: actor)
    }

    func place(activityId: Int64, roleId: Int64?, _ me: Person, userId: Int64?, organiser: Set<Int64>?, actor: Actor) async throws -> SignUpResult {
        let now = clock.now()
        let noShowsSince = settings.noShows.since(now).millis
        do {
            return try await database.write { tx in
                guard let activity = try await ActivityStore.find(tx, id: activityId, lock: true), activity.state != .draft,
                      organiser != nil || visible(activity, me, actor: actor) else {
                    throw DomainError.notFound("活动")
                }
                guard activity.state.takesSignUps else {
                    throw DomainError.invalid("activityId", activity.state == .cancelled ? "活动已取消" : "活动已截止报名")
                }
                let role = try Self.role(of: activity, roleId)
                if let refusal = eligibility(activity, me) { throw DomainError.invalid("activityId", refusal) }
                if let qualification = role.qualification, me.volunteer?.skills.contains(qualification) != true {
                    throw DomainError.invalid("roleId", "岗位「\(role.name)」需要「\(qualification)」资质，请选择其他岗位或在个人资料中补充特长")
                }
                var warning: String?
                let overlaps = try await SignUpStore.overlapping(tx, residentId: me.resident.id, exceptActivity: activity.id,
                                                                 from: role.startsAt, to: role.endsAt)
                if let first = overlaps.first {
                    if activity.kind == .service && first.kind == ActivityKind.service.rawValue {
                        throw DomainError.invalid("roleId", "您已报名同一时段的志愿服务「\(first.title)」，不能同时在两处服务")
                    }
                    warning = "提醒：您在同一时段还报名了「\(first.title)」"
                }
                // The role's counts were read with the activity, after its lock.
                let counts = (taken: role.confirmed + role.held, waiting: role.waiting)
                let already = try await SignUpStore.active(tx, activityId: activity.id, residentId: me.resident.id) != nil
                let outcome = SignUpRules.outcome(activity.policy(capacity: role.capacity), taken: counts.taken, waiting: counts.waiting,
                                                  now: now, opens: Date(millis: activity.signUpOpens), closes: Date(millis: activity.signUpCloses),
                                                  alreadySignedUp: already)
                let status: SignUpStatus
                switch outcome {
                case .failure(let refusal): throw DomainError.invalid(refusal == .full ? "roleId" : "activityId", refusal.message)
                case .success(let placed):
                    let noShows = organiser == nil ? try await SignUpStore.noShows(tx, residentId: me.resident.id, since: noShowsSince) : 0
                    if settings.noShows.needsApproval(noShows: noShows) {
                        status = .awaitingApproval
                    } else if case .waiting = placed { status = .waiting } else { status = .confirmed }
                }
                let signUp = try await SignUpStore.insert(tx, .init(
                    activityId: activity.id, roleId: role.id, residentId: me.resident.id, volunteerId: me.volunteer?.id, userId: userId,
                    name: me.resident.name, status: status, startsAt: role.startsAt, endsAt: role.endsAt, createdBy: actor.userId), now: now.millis)
                try await audit.append(tx, actor: actor, action: .signUpCreate, entityId: String(signUp.id), regionPath: activity.regionPath,
                                       after: ["activity": String(activity.id), "role": role.name, "status": status.rawValue])
                // The newest sign-up is last in line (the list goes by id): no need to count it.
                let position = status == .waiting ? counts.waiting + 1 : nil
                let body: String
                switch status {
                case .confirmed: body = "\(Self.shortTime(role.startsAt)) 在\(activity.placeName)，岗位：\(role.name)。请准时到场签到。"
                case .waiting: body = "名额已满，您在候补第 \(position ?? 0) 位。有人取消时会按顺序递补并通知您。"
                default: body = "您近期有 \(settings.noShows.limit) 次以上报名未到，这次报名需组织者审核。"
                }
                try await tell(tx, [userId], title: "\(status.label)：\(activity.title)", body: body, link: "/activities/\(activity.id)",
                               event: "activity.signup")
                return SignUpResult(signUp: signUp, waitingPosition: position, warning: warning)
            }
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("activityId", SignUpRefusal.alreadySignedUp.message)
        }
    }

    static func role(of activity: Activity, _ roleId: Int64?) throws -> ActivityRole {
        if let roleId {
            guard let role = activity.roles.first(where: { $0.id == roleId }) else { throw DomainError.invalid("roleId", "所选岗位不属于这个活动") }
            return role
        }
        guard activity.roles.count == 1, let only = activity.roles.first else { throw DomainError.invalid("roleId", "请选择岗位") }
        return only
    }

    /// The person cancels their own sign-up (until the cancel deadline), or the organiser
    /// cancels anyone's; a freed place goes to the first waiting person for a hold.
    public func cancel(signUpId: Int64, actor: Actor) async throws -> SignUp {
        let led = try await ledTeams(actor)
        let me = try await personIfKnown(actor)
        let now = clock.now()
        return try await database.write { tx in
            guard let found = try await SignUpStore.find(tx, id: signUpId),
                  let activity = try await ActivityStore.find(tx, id: found.activityId, lock: true),
                  let signUp = try await SignUpStore.find(tx, id: signUpId) else { throw DomainError.notFound("报名") }
            let own = me?.resident.id == signUp.residentId
            let organiser = mayManage(activity, actor: actor, ledTeams: led)
            guard own || organiser else { throw DomainError.notFound("报名") }
            guard signUp.status.isActive else { throw DomainError(kind: .conflict, code: "not_active", message: "这份报名已\(signUp.status.label)") }
            guard activity.state.isUpcoming else { throw DomainError(kind: .conflict, code: "bad_state", message: "活动\(activity.state.label)，不能取消报名") }
            if own && !organiser && now.millis > activity.cancelDeadline && signUp.status.takesPlace {
                throw DomainError.invalid("signUpId", "已过取消报名的截止时间（\(Self.shortTime(activity.cancelDeadline))），如不能参加请联系组织者")
            }
            try await SignUpStore.setStatus(tx, id: signUp.id, status: .cancelled, now: now.millis)
            try await audit.append(tx, actor: actor, action: .signUpChange, entityId: String(signUp.id), regionPath: activity.regionPath,
                                   before: ["status": signUp.status.rawValue], after: ["status": "cancelled"])
            if !own { try await tell(tx, [try await SignUpStore.userId(tx, signUpId: signUp.id)], title: "报名已取消：\(activity.title)",
                                     body: "组织者取消了您的报名。", link: "/activities/\(activity.id)", event: "activity.signup.cancelled") }
            if signUp.status.takesPlace { try await promote(tx, activity, roleId: signUp.roleId, now: now, actor: actor) }
            return try await SignUpStore.find(tx, id: signUp.id)!
        }
    }

    /// Offers freed places of a role to the waiting list, in order, each for a hold — on an
    /// automatic list and outside the cutoff only. Runs under the activity's lock.
    func promote(_ tx: Tx, _ activity: Activity, roleId: Int64, now: Date, actor: Actor) async throws {
        guard let role = activity.roles.first(where: { $0.id == roleId }) else { return }
        let policy = activity.policy(capacity: role.capacity)
        guard activity.state.isUpcoming, SignUpRules.mayPromote(policy, now: now, start: Date(millis: role.startsAt)) else { return }
        var taken = try await SignUpStore.counts(tx, roleId: role.id).taken
        while taken < role.capacity, let next = try await SignUpStore.firstWaiting(tx, roleId: role.id) {
            let until = SignUpRules.holdDeadline(policy, now: now, start: Date(millis: role.startsAt)).millis
            try await SignUpStore.setStatus(tx, id: next.id, status: .held, holdUntil: until, now: now.millis)
            try await audit.append(tx, actor: actor, action: .signUpChange, entityId: String(next.id), regionPath: activity.regionPath,
                                   before: ["status": "waiting"], after: ["status": "held", "holdUntil": Date(millis: until).iso8601CST])
            try await tell(tx, [try await SignUpStore.userId(tx, signUpId: next.id)], title: "候补递补：\(activity.title)",
                           body: "有名额空出，请在 \(Self.shortTime(until)) 前确认参加，逾期名额将递补给下一位。",
                           link: "/activities/\(activity.id)", event: "activity.signup.held")
            taken += 1
        }
    }

    /// The promoted person accepts the held place before the hold runs out.
    public func acceptHold(signUpId: Int64, actor: Actor) async throws -> SignUp {
        let me = try await person(actor)
        let now = clock.now().millis
        return try await database.write { tx in
            guard let found = try await SignUpStore.find(tx, id: signUpId), found.residentId == me.resident.id,
                  let activity = try await ActivityStore.find(tx, id: found.activityId, lock: true),
                  let signUp = try await SignUpStore.find(tx, id: signUpId) else { throw DomainError.notFound("报名") }
            guard signUp.status == .held, let until = signUp.holdUntil, until > now else {
                throw DomainError(kind: .conflict, code: "hold_gone", message: signUp.status == .confirmed ? "您已确认参加" : "递补名额已过期，已顺延给下一位")
            }
            try await SignUpStore.setStatus(tx, id: signUp.id, status: .confirmed, now: now)
            try await audit.append(tx, actor: actor, action: .signUpChange, entityId: String(signUp.id), regionPath: activity.regionPath,
                                   before: ["status": "held"], after: ["status": "confirmed"])
            return try await SignUpStore.find(tx, id: signUp.id)!
        }
    }

    /// Holds that ran out lapse and the place goes to the next person (each instance may run
    /// it: every activity is handled under its lock, and a lapsed hold is found once).
    public func sweepHolds(limit: Int = 200) async throws -> Int {
        let now = clock.now()
        let system = Self.system
        let activities = try await database.read { tx in try await SignUpStore.lapsedHolds(tx, now: now.millis, limit: limit) }
        var lapsed = 0
        for id in activities {
            lapsed += try await database.write { tx in
                guard let activity = try await ActivityStore.find(tx, id: id, lock: true) else { return 0 }
                let gone = try await SignUpStore.holdsRunOut(tx, activityId: id, now: now.millis)
                for signUp in gone {
                    try await SignUpStore.setStatus(tx, id: signUp.id, status: .lapsed, now: now.millis)
                    try await audit.append(tx, actor: system, action: .signUpChange, entityId: String(signUp.id), regionPath: activity.regionPath,
                                           before: ["status": "held"], after: ["status": "lapsed"])
                    try await tell(tx, [try await SignUpStore.userId(tx, signUpId: signUp.id)], title: "递补名额已过期：\(activity.title)",
                                   body: "您没有在期限内确认，名额已顺延给下一位。", link: "/activities/\(activity.id)", event: "activity.signup.lapsed")
                }
                for role in Set(gone.map(\.roleId)) { try await promote(tx, activity, roleId: role, now: now, actor: system) }
                return gone.count
            }
        }
        return lapsed
    }

    public enum SignUpDecision: String, Sendable, CaseIterable {
        /// Approve one awaiting approval (then placed or waiting as any sign-up).
        case approve
        case decline
        /// On a manual list: give a waiting person a freed place.
        case promote
    }

    /// The organiser decides on a sign-up awaiting approval, or moves a waiting person up.
    public func decide(signUpId: Int64, _ decision: SignUpDecision, actor: Actor) async throws -> SignUp {
        let led = try await ledTeams(actor)
        let now = clock.now()
        return try await database.write { tx in
            guard let found = try await SignUpStore.find(tx, id: signUpId) else { throw DomainError.notFound("报名") }
            let activity = try await managedActivity(tx, found.activityId, actor: actor, ledTeams: led)
            let signUp = try await SignUpStore.find(tx, id: signUpId)!
            let role = try Self.role(of: activity, signUp.roleId)
            let counts = try await SignUpStore.counts(tx, roleId: role.id)
            let next: SignUpStatus
            switch (decision, signUp.status) {
            case (.approve, .awaitingApproval):
                if counts.taken < role.capacity && counts.waiting == 0 { next = .confirmed } else if activity.waitingList == .off {
                    throw DomainError.invalid("signUpId", SignUpRefusal.full.message)
                } else { next = .waiting }
            case (.decline, .awaitingApproval), (.decline, .waiting): next = .declined
            case (.promote, .waiting):
                guard counts.taken < role.capacity else { throw DomainError.invalid("signUpId", "岗位「\(role.name)」名额已满，先取消一位再递补") }
                next = .confirmed
            default:
                throw DomainError(kind: .conflict, code: "bad_status", message: "报名「\(signUp.status.label)」时不能这样处理")
            }
            try await SignUpStore.setStatus(tx, id: signUp.id, status: next, now: now.millis)
            try await audit.append(tx, actor: actor, action: .signUpChange, entityId: String(signUp.id), regionPath: activity.regionPath,
                                   before: ["status": signUp.status.rawValue], after: ["status": next.rawValue])
            try await tell(tx, [try await SignUpStore.userId(tx, signUpId: signUp.id)], title: "\(next.label)：\(activity.title)",
                           body: next == .confirmed ? "组织者已确认您的名额，请准时到场签到。" : next == .waiting ? "您已进入候补名单。" : "组织者未通过您的报名。",
                           link: "/activities/\(activity.id)", event: "activity.signup.decided")
            return try await SignUpStore.find(tx, id: signUp.id)!
        }
    }

    /// The day-before reminder to everyone with a place.
    public func remind(limit: Int = 100) async throws -> Int {
        let now = clock.now()
        let ids = try await database.read { tx in
            try await ActivityStore.dueReminders(tx, from: now.millis, to: now.addingTimeInterval(86_400).millis, limit: limit)
        }
        for id in ids {
            try await database.write { tx in
                // Another instance may have sent them while this one waited for the lock.
                guard let activity = try await ActivityStore.find(tx, id: id, lock: true),
                      try await ActivityStore.remindedAt(tx, id: id) == nil else { return }
                let people = try await SignUpStore.list(tx, activityId: id).filter { $0.status == .confirmed }.map(\.id)
                var users: [Int64?] = []
                for signUp in people { users.append(try await SignUpStore.userId(tx, signUpId: signUp)) }
                try await tell(tx, users, title: "明天的活动：\(activity.title)",
                               body: "\(Self.shortTime(activity.startsAt)) 在\(activity.placeName)。不能参加请提前取消，名额会留给候补的人。",
                               link: "/activities/\(activity.id)", event: "activity.reminder")
                try await ActivityStore.markReminded(tx, id: id, now: now.millis)
            }
        }
        return ids.count
    }

    public struct SignUpList: Sendable {
        public let activity: Activity
        public let signUps: [SignUp]
    }

    /// 报名名单 with the waiting list, for the organiser.
    public func signUps(activityId: Int64, actor: Actor) async throws -> SignUpList {
        let led = try await ledTeams(actor)
        try Self.organises(actor, ledTeams: led)
        return try await database.read { tx in
            guard let activity = try await ActivityStore.find(tx, id: activityId), mayManage(activity, actor: actor, ledTeams: led) else {
                throw DomainError.notFound("活动")
            }
            return SignUpList(activity: activity, signUps: try await SignUpStore.list(tx, activityId: activityId))
        }
    }

    public struct MySignUp: Sendable {
        public let signUp: SignUp
        public let activity: Activity
    }

    /// The person's own sign-ups that have not ended.
    public func mySignUps(actor: Actor, limit: Int = 20) async throws -> [MySignUp] {
        guard let me = try await personIfKnown(actor) else { return [] }
        let now = clock.now().millis
        return try await database.read { tx in
            var found: [MySignUp] = []
            for signUp in try await SignUpStore.upcoming(tx, residentId: me.resident.id, now: now, limit: limit) {
                if let activity = try await ActivityStore.find(tx, id: signUp.activityId) { found.append(MySignUp(signUp: signUp, activity: activity)) }
            }
            return found
        }
    }
}
