import Foundation
import LinliKit
import Regions
import Residents

/// 志愿者登记 — registration by the person or by staff for them, approval, suspension, leaving.
extension VolunteerService {
    /// 实名认证 then registration, for the person themself: a resident binds their account to
    /// the registry (`ResidentService.identify`) and registers; it waits for approval.
    public func register(_ draft: VolunteerDraft, actor: Actor) async throws -> Volunteer {
        try actor.require(.volunteerJoin)
        let me = try await person(actor)
        var draft = draft
        draft.residentId = me.resident.id
        return try await write(draft, resident: me.resident, userId: actor.userId, approvedBy: nil, actor: actor)
    }

    /// Registration by community staff for a resident in their area (who may have no phone):
    /// the community registers them, so they are approved at once.
    public func register(forResident draft: VolunteerDraft, actor: Actor) async throws -> Volunteer {
        try actor.require(.volunteerManage)
        let resident: Resident
        do { resident = try await residents.resident(draft.residentId, actor: actor) } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("residentId", "请从居民登记中选择本辖区的居民")
        }
        let account = try await residents.accounts(ofResidents: [resident.id])[resident.id]
        return try await write(draft, resident: resident, userId: account, approvedBy: actor, actor: actor)
    }

    func write(_ raw: VolunteerDraft, resident: Resident, userId: Int64?, approvedBy: Actor?, actor: Actor) async throws -> Volunteer {
        let draft = try Self.checked { try VolunteerRules.check(raw) }
        var areas: [(id: Int64, path: String)] = []
        for id in draft.areaIds {
            guard let node = try await regions.lookup(id), !node.retired, node.level >= .street else {
                throw DomainError.invalid("areaIds", "服务区域应为街道、社区或网格")
            }
            areas.append((node.id, node.path))
        }
        let places = areas
        if let teamId = draft.teamId {
            let team = try await database.read { tx in try await VolunteerTeamStore.find(tx, id: teamId) }
            let person = Person(resident: resident, volunteer: nil, areaPaths: areas.map(\.path), teamIds: [], ledTeamIds: [])
            guard let team, Self.sees(team, actor: actor, me: person) else { throw DomainError.invalid("teamId", "所选志愿服务队不存在") }
        }
        let now = clock.now()
        let code = try await districtCode(of: resident.regionPath)
        do {
            return try await database.write { tx in
                if let existing = try await VolunteerStore.find(tx, residentId: resident.id) {
                    // Registered by staff before the person had an account: the account joins it.
                    if existing.userId == nil, let userId, approvedBy == nil {
                        try await VolunteerStore.linkUser(tx, id: existing.id, userId: userId, now: now.millis)
                        try await audit.append(tx, actor: actor, action: .volunteerUpdate, entityId: String(existing.id),
                                               regionPath: existing.regionPath, after: ["account": actor.username])
                        return try await VolunteerStore.find(tx, id: existing.id)!
                    }
                    // One who left of their own will may apply again: back to 待审核, records kept.
                    if existing.status == .left, approvedBy == nil, existing.userId == userId || existing.userId == nil {
                        try await VolunteerStore.setStatus(tx, id: existing.id, status: .pending, now: now.millis)
                        if let userId { try await VolunteerStore.linkUser(tx, id: existing.id, userId: userId, now: now.millis) }
                        try await audit.append(tx, actor: actor, action: .volunteerRegister, entityId: String(existing.id),
                                               regionPath: existing.regionPath, before: ["status": "left"], after: ["status": "pending"])
                        return try await VolunteerStore.find(tx, id: existing.id)!
                    }
                    throw DomainError.invalid("residentId", existing.status == .left || existing.status == .rejected
                        ? "\(resident.name)曾登记为志愿者（\(existing.status.label)），请联系社区恢复" : "\(resident.name)已登记为志愿者")
                }
                let id = try await VolunteerStore.insert(tx, .init(
                    residentId: resident.id, userId: userId, name: resident.name, regionId: resident.regionId, regionPath: resident.regionPath,
                    status: .pending, availability: draft.availability, consentAt: draft.consent ? now.millis : nil, teamRequest: draft.teamId),
                    now: now.millis)
                try await VolunteerStore.setSkills(tx, id: id, skills: draft.skills, regionPath: resident.regionPath)
                try await VolunteerStore.setAreas(tx, id: id, areas: places)
                if let teamId = draft.teamId {
                    try await VolunteerTeamStore.upsert(tx, teamId: teamId, volunteerId: id, role: .member,
                                                        status: approvedBy == nil ? .pending : .active, now: now.millis)
                }
                try await audit.append(tx, actor: actor, action: .volunteerRegister, entityId: String(id), regionPath: resident.regionPath,
                                       after: ["name": resident.name, "skills": draft.skills.joined(separator: "、"),
                                               "consent": draft.consent ? "同意" : "未同意"])
                if let approvedBy {
                    try await VolunteerStore.approve(tx, id: id, number: VolunteerRules.number(districtCode: code, id: id), by: approvedBy.userId,
                                                     now: now.millis)
                    try await audit.append(tx, actor: actor, action: .volunteerApprove, entityId: String(id), regionPath: resident.regionPath,
                                           after: ["status": VolunteerStatus.active.rawValue])
                }
                return try await VolunteerStore.find(tx, id: id)!
            }
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("residentId", "\(resident.name)已登记为志愿者")
        }
    }

    func districtCode(of path: String) async throws -> String {
        guard let first = path.split(separator: "/").first.flatMap({ Int64($0) }), let root = try await regions.lookup(first) else { return "000000" }
        return root.code
    }

    /// A volunteer the actor may manage: staff with `volunteer.manage` whose area holds the
    /// volunteer's home, or a leader of the team the volunteer asked to join.
    func managedVolunteer(_ tx: Tx, _ id: Int64, actor: Actor, ledTeams: Set<Int64>) async throws -> Volunteer {
        guard let volunteer = try await VolunteerStore.find(tx, id: id, lock: true) else { throw DomainError.notFound("志愿者") }
        if actor.may(.volunteerManage) && actor.scope.contains(path: volunteer.regionPath) { return volunteer }
        if let team = try await VolunteerStore.teamRequest(tx, id: id), ledTeams.contains(team) { return volunteer }
        if actor.may(.volunteerView) && actor.scope.contains(path: volunteer.regionPath) { throw DomainError.forbidden }
        throw DomainError.notFound("志愿者")
    }

    /// 审核: approve (gives the volunteer number) or reject a pending registration.
    public func decide(volunteerId: Int64, approve: Bool, actor: Actor) async throws -> Volunteer {
        let led = try await ledTeams(actor)
        guard actor.may(.volunteerManage) || !led.isEmpty else { throw DomainError.forbidden }
        let now = clock.now().millis
        let path = try await database.read { tx in try await VolunteerStore.find(tx, id: volunteerId)?.regionPath } ?? "/"
        let code = try await districtCode(of: path)
        return try await database.write { tx in
            let volunteer = try await managedVolunteer(tx, volunteerId, actor: actor, ledTeams: led)
            guard volunteer.status == .pending else { throw DomainError(kind: .conflict, code: "not_pending", message: "这份登记已经审核过了") }
            if approve {
                try await VolunteerStore.approve(tx, id: volunteer.id, number: VolunteerRules.number(districtCode: code, id: volunteer.id),
                                                 by: actor.userId, now: now)
                if let team = try await VolunteerStore.teamRequest(tx, id: volunteer.id) {
                    try await VolunteerTeamStore.decide(tx, teamId: team, volunteerId: volunteer.id, status: .active, now: now)
                }
            } else {
                try await VolunteerStore.setStatus(tx, id: volunteer.id, status: .rejected, now: now)
            }
            try await audit.append(tx, actor: actor, action: approve ? .volunteerApprove : .volunteerReject, entityId: String(volunteer.id),
                                   regionPath: volunteer.regionPath, before: ["status": volunteer.status.rawValue],
                                   after: ["status": approve ? "active" : "rejected"])
            try await tell(tx, [volunteer.userId], title: approve ? "志愿者登记已通过" : "志愿者登记未通过",
                           body: approve ? "您已成为注册志愿者，可以报名参加志愿服务。" : "您的志愿者登记未通过审核，如有疑问请联系社区。",
                           link: "/volunteer", event: "volunteer.decided")
            return try await VolunteerStore.find(tx, id: volunteer.id)!
        }
    }

    public enum StatusChange: String, Sendable, CaseIterable {
        case suspend, restore, leave
        var label: String {
            switch self {
            case .suspend: "暂停"
            case .restore: "恢复"
            case .leave: "退出"
            }
        }
    }

    /// 暂停 / 恢复 by staff; 退出 by staff or by the volunteer themself.
    public func change(volunteerId: Int64, _ change: StatusChange, actor: Actor) async throws -> Volunteer {
        let me = try await personIfKnown(actor)
        let ownLeave = change == .leave && me?.volunteer?.id == volunteerId
        if !ownLeave { try actor.require(.volunteerManage) }
        let now = clock.now().millis
        return try await database.write { tx in
            let volunteer: Volunteer
            if ownLeave {
                volunteer = try await VolunteerStore.find(tx, id: volunteerId, lock: true)!
            } else {
                volunteer = try await managedVolunteer(tx, volunteerId, actor: actor, ledTeams: [])
            }
            let next: VolunteerStatus
            switch (change, volunteer.status) {
            case (.suspend, .active): next = .suspended
            case (.restore, .suspended), (.restore, .left): next = volunteer.approvedAt == nil ? .pending : .active
            case (.leave, .active), (.leave, .suspended), (.leave, .pending): next = .left
            default:
                throw DomainError(kind: .conflict, code: "bad_status", message: "志愿者「\(volunteer.status.label)」时不能\(change.label)")
            }
            try await VolunteerStore.setStatus(tx, id: volunteer.id, status: next, now: now)
            try await audit.append(tx, actor: actor, action: .volunteerStatus, entityId: String(volunteer.id), regionPath: volunteer.regionPath,
                                   before: ["status": volunteer.status.rawValue], after: ["status": next.rawValue])
            return try await VolunteerStore.find(tx, id: volunteer.id)!
        }
    }

    /// The volunteer's own details: skills, availability, areas (with consent).
    public func updateOwn(_ raw: VolunteerDraft, actor: Actor) async throws -> Volunteer {
        try actor.require(.volunteerJoin)
        let me = try await person(actor)
        guard let volunteer = me.volunteer else { throw DomainError.notFound("志愿者登记") }
        let draft = try Self.checked { try VolunteerRules.check(raw) }
        var areas: [(id: Int64, path: String)] = []
        for id in draft.areaIds {
            guard let node = try await regions.lookup(id), !node.retired, node.level >= .street else {
                throw DomainError.invalid("areaIds", "服务区域应为街道、社区或网格")
            }
            areas.append((node.id, node.path))
        }
        let places = areas
        let now = clock.now().millis
        return try await database.write { tx in
            try await VolunteerStore.setDetails(tx, id: volunteer.id, availability: draft.availability,
                                                consentAt: draft.consent ? (volunteer.consentAt ?? now) : nil, now: now)
            try await VolunteerStore.setSkills(tx, id: volunteer.id, skills: draft.skills, regionPath: volunteer.regionPath)
            try await VolunteerStore.setAreas(tx, id: volunteer.id, areas: places)
            try await audit.append(tx, actor: actor, action: .volunteerUpdate, entityId: String(volunteer.id), regionPath: volunteer.regionPath,
                                   before: ["skills": volunteer.skills.joined(separator: "、")], after: ["skills": draft.skills.joined(separator: "、")])
            return try await VolunteerStore.find(tx, id: volunteer.id)!
        }
    }

    // MARK: Reading

    /// 志愿者查询 within the actor's area.
    public func search(_ query: VolunteerQuery, actor: Actor) async throws -> Page<Volunteer> {
        try actor.require(.volunteerView)
        var path = actor.scope.path
        if let regionId = query.regionId { path = try await node(regionId, field: "regionId", actor: actor, what: "区域").path }
        let resolved = VolunteerQuery.Resolved(path: path, status: query.status, skill: query.skill, minStars: query.minStars,
                                               minMinutes: query.minHours.map { Int64($0) * 60 }, name: query.name,
                                               limit: min(max(query.limit, 1), 500), offset: max(query.offset, 0))
        let (items, total, exact) = try await database.read { tx in try await VolunteerStore.search(tx, resolved) }
        return Page(items: items, total: total, limit: resolved.limit, offset: resolved.offset, totalExact: exact)
    }

    /// One volunteer, for staff who see the register there.
    public func volunteer(_ id: Int64, actor: Actor) async throws -> Volunteer {
        try actor.require(.volunteerView)
        return try await database.read { tx in
            guard let v = try await VolunteerStore.find(tx, id: id), actor.scope.contains(path: v.regionPath) else {
                throw DomainError.notFound("志愿者")
            }
            return v
        }
    }

    /// Registrations waiting for the actor's approval (staff's area, or the teams they lead).
    public func pendingRegistrations(actor: Actor, limit: Int = 50) async throws -> [Volunteer] {
        guard actor.may(.volunteerManage) else { return [] }
        return try await database.read { tx in try await VolunteerStore.pending(tx, within: actor.scope.path, limit: limit) }
    }
}
