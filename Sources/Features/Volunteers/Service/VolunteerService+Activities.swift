import Foundation
import LinliKit
import Regions

/// 活动 — published by community staff, a social organisation or a team leader within their
/// area; draft → published → (closed) → in progress → finished → certified, or cancelled.
extension VolunteerService {
    /// A new activity, as a draft. Staff with `activity.manage` place it within their area; a
    /// team leader places their team's activity within the team's area.
    public func create(_ draft: ActivityDraft, actor: Actor) async throws -> Activity {
        let led = try await ledTeams(actor)
        let byLeader = draft.teamId.map { led.contains($0) } ?? false
        guard actor.may(.activityManage) || byLeader else { throw DomainError.forbidden }
        let checked = try Self.checked {
            try ActivityRules.check(draft, now: clock.now(), defaultHoldHours: settings.holdHours, defaultCutoffHours: settings.cutoffHours)
        }
        // The team's leader acts within the team's area; staff within their own.
        var team: VolunteerTeam?
        if let id = draft.teamId { team = try await database.read { tx in try await VolunteerTeamStore.find(tx, id: id) } }
        if draft.teamId != nil && team == nil { throw DomainError.invalid("teamId", "所选志愿服务队不存在") }
        let within = actor.may(.activityManage) ? actor.scope.path : (team?.regionPath ?? actor.scope.path)
        guard let place = try await regions.lookup(draft.regionId), place.path.hasPrefix(within), !place.retired else {
            throw DomainError.invalid("regionId", "活动地点不存在或不在您的管辖范围内")
        }
        guard place.level >= .community else { throw DomainError.invalid("regionId", "活动地点应在社区及以下") }
        if let team, !place.path.hasPrefix(team.regionPath), !team.regionPath.hasPrefix(place.path) {
            throw DomainError.invalid("teamId", "这支队伍不在活动所在的区域")
        }
        let home = try await community(above: place.path)
        let targetId = draft.targetRegionId ?? home?.id ?? place.id
        guard let target = try await regions.lookup(targetId), target.path.hasPrefix(within) || place.path.hasPrefix(target.path) else {
            throw DomainError.invalid("targetRegionId", "面向的区域不存在或不在您的管辖范围内")
        }
        if let tag = draft.targetTag, !(try await residents.knownTags()).contains(tag) {
            throw DomainError.invalid("targetTag", "未知的居民标签：\(tag)")
        }
        let now = clock.now().millis
        return try await database.write { tx in
            let id = try await ActivityStore.insert(tx, .init(draft: draft, checked: checked, regionPath: place.path, placeName: place.name,
                                                              targetRegionId: target.id, targetPath: target.path), by: actor.userId, now: now)
            try await audit.append(tx, actor: actor, action: .activityCreate, entityId: String(id), regionPath: place.path,
                                   after: ["title": draft.title, "kind": draft.kind.rawValue, "startsAt": Date(millis: draft.startsAt.millis).iso8601CST,
                                           "places": String(checked.roles.reduce(0) { $0 + $1.capacity })])
            return try await ActivityStore.find(tx, id: id)!
        }
    }

    /// Whether the actor organises this activity: staff whose area holds its place, or a leader
    /// of its team.
    func mayManage(_ activity: Activity, actor: Actor, ledTeams: Set<Int64>) -> Bool {
        (actor.may(.activityManage) && actor.scope.contains(path: activity.regionPath)) || activity.teamId.map(ledTeams.contains) == true
    }

    /// The activity, locked, for one who organises it: 403 for those who organise nothing,
    /// 404 for an activity outside the organiser's area (its existence is not theirs to know).
    func managedActivity(_ tx: Tx, _ id: Int64, actor: Actor, ledTeams: Set<Int64>) async throws -> Activity {
        try Self.organises(actor, ledTeams: ledTeams)
        guard let activity = try await ActivityStore.find(tx, id: id, lock: true), mayManage(activity, actor: actor, ledTeams: ledTeams) else {
            throw DomainError.notFound("活动")
        }
        return activity
    }

    /// Staff who organise activities, or leaders of a team; anyone else is refused outright.
    static func organises(_ actor: Actor, ledTeams: Set<Int64>) throws {
        guard actor.may(.activityManage) || !ledTeams.isEmpty else { throw DomainError.forbidden }
    }

    /// 发布, 截止报名, 开始, 结束, 取消 (认证 is `certify`, with its records).
    public func transition(activityId: Int64, _ action: ActivityAction, reason: String? = nil, actor: Actor) async throws -> Activity {
        guard action != .certify else { return try await certify(activityId: activityId, actor: actor).activity }
        let led = try await ledTeams(actor)
        if action == .cancel && (reason ?? "").isEmpty { throw DomainError.invalid("reason", "取消活动请写明原因，报名的人会收到") }
        let now = clock.now().millis
        return try await database.write { tx in
            let activity = try await managedActivity(tx, activityId, actor: actor, ledTeams: led)
            guard let next = ActivityWorkflow.next(activity.state, action) else {
                throw DomainError(kind: .conflict, code: "bad_state", message: ActivityWorkflow.refusal(activity.state, action))
            }
            if action == .finish && now < activity.startsAt { throw DomainError(kind: .conflict, code: "not_started", message: "活动还没开始，不能结束") }
            let told = try await SignUpStore.activeUsers(tx, activityId: activity.id)
            switch action {
            case .cancel: try await SignUpStore.cancelAll(tx, activityId: activity.id, now: now)
            case .finish: try await SignUpStore.settle(tx, activityId: activity.id, now: now)
            default: break
            }
            try await ActivityStore.setState(tx, id: activity.id, state: next, reason: action == .cancel ? reason : nil, now: now)
            try await audit.append(tx, actor: actor, action: .activityTransition, entityId: String(activity.id), regionPath: activity.regionPath,
                                   before: ["state": activity.state.rawValue], after: ["state": next.rawValue, "reason": reason ?? ""])
            if action == .cancel {
                try await tell(tx, told, title: "活动已取消：\(activity.title)", body: "原因：\(reason ?? "")。您的报名已一并取消。",
                               link: "/activities/\(activity.id)", event: "activity.cancelled")
            }
            return try await ActivityStore.find(tx, id: activity.id)!
        }
    }

    /// Activities the actor organises, or (for people) those open to them. Staff see their
    /// area's, drafts included; `from`/`to` bound the dates.
    public func activities(actor: Actor, states: [ActivityState] = [], from: Date? = nil, to: Date? = nil, limit: Int = 200) async throws -> [Activity] {
        try actor.require(.activityView)
        if actor.may(.activityManage) {
            return try await database.read { tx in
                try await ActivityStore.list(tx, within: actor.scope.path, states: states, from: from?.millis, to: to?.millis, limit: min(limit, 500))
            }
        }
        var found: [Activity] = []
        let led = try await ledTeams(actor)
        if !led.isEmpty {
            let teams = try await database.read { tx in try await VolunteerTeamStore.teams(tx, ids: Array(led)) }
            for team in teams {
                found += try await database.read { tx in
                    try await ActivityStore.list(tx, within: team.regionPath, states: states, from: from?.millis, to: to?.millis, limit: 200)
                }.filter { $0.teamId == team.id }
            }
        }
        found += try await openToMe(actor: actor, limit: limit)
        var seen = Set<Int64>()
        return found.filter { seen.insert($0.id).inserted }.sorted { ($0.startsAt, $0.id) < ($1.startsAt, $1.id) }
    }

    /// Published activities whose sign-up is open and that the person may join: where they live,
    /// or where they serve as a volunteer; resident activities for a care tag only if they carry it.
    public func openToMe(actor: Actor, limit: Int = 50) async throws -> [Activity] {
        try actor.require(.activityView)
        let now = clock.now().millis
        guard let me = try await personIfKnown(actor) else {
            // Without 实名认证 a person sees what is open where their account lives.
            return try await database.read { tx in try await ActivityStore.open(tx, homePath: actor.scope.path, areaPaths: [], now: now, limit: limit) }
                .filter { $0.targetTag == nil }
        }
        let areas = me.volunteer?.status == .active ? me.areaPaths : []
        let found = try await database.read { tx in try await ActivityStore.open(tx, homePath: me.resident.regionPath, areaPaths: areas, now: now, limit: limit) }
        return found.filter { eligibility($0, me) == nil }
    }

    /// Whether the person (or the actor's area) has anything to do with the activity: an
    /// activity they could not even see is "not found", not "not for you".
    func visible(_ activity: Activity, _ me: Person, actor: Actor) -> Bool {
        let target = activity.targetPath
        return me.resident.regionPath.hasPrefix(target) || actor.scope.contains(path: activity.regionPath)
            || actor.scope.path.hasPrefix(target) || me.areaPaths.contains { $0.hasPrefix(target) || target.hasPrefix($0) }
            || activity.teamId.map(me.teamIds.contains) == true
    }

    /// Why the person may not join the activity; nil when they may.
    func eligibility(_ activity: Activity, _ me: Person) -> String? {
        let home = me.resident.regionPath
        switch activity.kind {
        case .resident:
            guard home.hasPrefix(activity.targetPath) else { return "这个活动不面向您登记的住址所在区域" }
            if let tag = activity.targetTag, !me.resident.tags.contains(tag) { return "这个活动面向「\(tag)」居民" }
            return nil
        case .service:
            guard let volunteer = me.volunteer else { return "这是志愿服务活动，请先登记为志愿者" }
            switch volunteer.status {
            case .active: break
            case .pending: return "您的志愿者登记还在审核，通过后才能报名"
            default: return "您的志愿者身份「\(volunteer.status.label)」，不能报名"
            }
            let serves = home.hasPrefix(activity.targetPath) || me.areaPaths.contains { $0.hasPrefix(activity.targetPath) || activity.targetPath.hasPrefix($0) }
                || activity.teamId.map(me.teamIds.contains) == true
            return serves ? nil : "这个活动只招募住在或服务于活动所在区域的志愿者"
        }
    }

    public struct ActivityPage: Sendable {
        public let activity: Activity
        /// The actor organises it (sign-up list, attendance, certification).
        public let mayManage: Bool
        /// The actor's own sign-up, if any.
        public let mine: SignUp?
        public let waitingPosition: Int?
        /// Why the actor may not sign up; nil when they may (or organise it).
        public let refusal: String?
        /// The person's code for the organiser to scan.
        public let personalCode: String?
    }

    public func activity(_ id: Int64, actor: Actor) async throws -> ActivityPage {
        try actor.require(.activityView)
        let led = try await ledTeams(actor)
        let me = try await personIfKnown(actor)
        return try await database.read { tx in
            guard let activity = try await ActivityStore.find(tx, id: id) else { throw DomainError.notFound("活动") }
            let manages = mayManage(activity, actor: actor, ledTeams: led)
            var mine: SignUp?
            if let me { mine = try await SignUpStore.latest(tx, activityId: id, residentId: me.resident.id) }
            let refusal = me.map { eligibility(activity, $0) } ?? Self.identityRequired.message
            let sees = manages || (activity.state != .draft && (refusal == nil || mine != nil || actor.scope.contains(path: activity.regionPath)
                || activity.targetPath.hasPrefix(actor.scope.path) || actor.scope.path.hasPrefix(activity.targetPath)))
            guard sees else { throw DomainError.notFound("活动") }
            let position = try await mine.flatMap { $0.status == .waiting ? $0 : nil }.asyncMap { try await SignUpStore.position(tx, of: $0) }
            let personal = mine.flatMap { $0.status == .confirmed ? PersonalCode.code(signUpId: $0.id, key: codeKey) : nil }
            return ActivityPage(activity: activity, mayManage: manages, mine: mine, waitingPosition: position, refusal: refusal,
                                personalCode: personal)
        }
    }
}
