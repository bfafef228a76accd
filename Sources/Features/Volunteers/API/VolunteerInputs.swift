import Foundation
import LinliKit

/// The inputs of the volunteers feature, shared by its pages and its API, with every limit.

/// 实名认证: the name and ID number as the resident registry has them.
struct IdentifyInput {
    let name: String
    let idNumber: String
    init(_ fields: inout Fields) throws {
        let name = fields.text("name", "姓名", required: true, maxLength: 20)
        let idNumber = fields.text("idNumber", "身份证号", required: true, maxLength: 18)
        self.name = try fields.present(name)
        self.idNumber = try fields.present(idNumber)
    }
}

/// A registration: by the person (no `residentId`) or by staff for a registry resident.
struct VolunteerInput {
    let draft: VolunteerDraft
    init(_ fields: inout Fields) throws {
        let residentId = fields.integer("residentId", "居民")
        let skills = fields.list("skills", "特长", maxCount: VolunteerRules.maxSkills, maxLength: VolunteerRules.skillLength)
        let availability = fields.list("availability", "服务时间", maxCount: VolunteerRules.availabilityChoices.count, maxLength: 10)
        let areas = fields.list("areaIds", "服务区域", maxCount: VolunteerRules.maxAreas, maxLength: 20)
        let consent = fields.bool("consent")
        let teamId = fields.integer("teamId", "申请加入的队伍")
        var areaIds: [Int64] = []
        for area in areas {
            guard let id = Int64(area), id > 0 else { fields.fail("areaIds", "服务区域应为区域编号"); break }
            areaIds.append(id)
        }
        try fields.finish()
        draft = VolunteerDraft(residentId: residentId ?? 0, skills: skills, availability: availability, areaIds: areaIds, consent: consent,
                               teamId: teamId)
    }
}

struct DecisionInput {
    let approve: Bool
    init(_ fields: inout Fields) throws {
        let decision = fields.choice("decision", "审核结果", required: true) { ["approve": true, "reject": false][$0] }
        approve = try fields.present(decision)
    }
}

struct VolunteerStatusInput {
    let change: VolunteerService.StatusChange
    init(_ fields: inout Fields) throws {
        let change = fields.choice("change", "变更", required: true, parse: VolunteerService.StatusChange.init(rawValue:))
        self.change = try fields.present(change)
    }
}

/// 志愿者查询.
struct VolunteerSearchInput {
    let query: VolunteerQuery
    init(_ fields: inout Fields) throws {
        var q = VolunteerQuery()
        q.regionId = fields.integer("regionId", "区域")
        q.status = fields.choice("status", "状态", parse: VolunteerStatus.init(rawValue:))
        q.skill = fields.text("skill", "特长", maxLength: VolunteerRules.skillLength)
        q.minStars = fields.integer("minStars", "最低星级", range: 0...5).map(Int.init)
        q.minHours = fields.integer("minHours", "最少时长（小时）", range: 0...100_000).map(Int.init)
        q.name = fields.text("name", "姓名", maxLength: 20)
        q.limit = Int(fields.integer("limit", "每页条数", range: 1...500) ?? 50)
        q.offset = Int(fields.integer("offset", "跳过条数", range: 0...1_000_000) ?? 0)
        try fields.finish()
        query = q
    }
}

struct TeamInput {
    let draft: VolunteerService.TeamDraft
    init(_ fields: inout Fields) throws {
        let name = fields.text("name", "队名", required: true, maxLength: 40)
        let kind = fields.choice("kind", "类型", parse: VolunteerTeamKind.init(rawValue:)) ?? .community
        let regionId = fields.integer("regionId", "所属区域", required: true)
        let parentId = fields.integer("parentId", "上级队伍")
        let sponsor = fields.text("sponsor", "所属组织或单位", maxLength: 60)
        draft = .init(name: try fields.present(name), kind: kind, regionId: try fields.present(regionId), parentId: parentId, sponsor: sponsor)
    }
}

struct TeamMemberInput {
    let volunteerId: Int64
    let decision: VolunteerService.MemberDecision
    init(_ fields: inout Fields) throws {
        let volunteerId = fields.integer("volunteerId", "志愿者", required: true)
        let decision = fields.choice("decision", "处理", required: true, parse: VolunteerService.MemberDecision.init(rawValue:))
        self.volunteerId = try fields.present(volunteerId)
        self.decision = try fields.present(decision)
    }
}

/// A new activity. Roles come as rows `roles.N.name`, `roles.N.capacity`, `roles.N.startsAt`,
/// `roles.N.endsAt`, `roles.N.qualification`, `roles.N.defaultMinutes` (N from 0) on the
/// page and in the API alike; a row without a name is no role.
struct ActivityInput {
    let draft: ActivityDraft
    static let descriptionLength = 1000

    init(_ fields: inout Fields) throws {
        let title = fields.text("title", "活动名称", required: true, maxLength: 60)
        let kind = fields.choice("kind", "类型", parse: ActivityKind.init(rawValue:)) ?? .service
        let description = fields.text("description", "活动内容", maxLength: Self.descriptionLength) ?? ""
        let regionId = fields.integer("regionId", "活动地点", required: true)
        let targetRegionId = fields.integer("targetRegionId", "面向区域")
        let targetTag = fields.text("targetTag", "面向的居民标签", maxLength: 20)
        let teamId = fields.integer("teamId", "志愿服务队")
        let beneficiary = fields.text("beneficiary", "服务对象", maxLength: 40) ?? "社区居民"
        let lead = fields.text("lead", "活动负责人", maxLength: 20) ?? ""
        let startsAt = Self.moment(&fields, "startsAt", "开始时间", required: true)
        let endsAt = Self.moment(&fields, "endsAt", "结束时间", required: true)
        let opens = Self.moment(&fields, "signUpOpens", "报名开始", required: false)
        let closes = Self.moment(&fields, "signUpCloses", "报名截止", required: false)
        let cancel = Self.moment(&fields, "cancelDeadline", "取消报名截止", required: false)
        let waiting = fields.choice("waitingList", "候补方式", parse: WaitingListMode.init(rawValue:)) ?? .automatic
        let hold = fields.integer("holdHours", "递补确认时限（小时）", range: 1...168).map(Int.init)
        let cutoff = fields.integer("cutoffHours", "开始前停止递补（小时）", range: 0...72).map(Int.init)
        var roles: [ActivityDraft.Role] = []
        for index in Self.roleRows(fields) {
            let p = "roles.\(index)."
            let name = fields.text(p + "name", "岗位名称", maxLength: 30)
            let capacity = fields.integer(p + "capacity", "名额", range: 1...Int64(ActivityRules.maxCapacity))
            let from = Self.moment(&fields, p + "startsAt", "岗位开始", required: false)
            let to = Self.moment(&fields, p + "endsAt", "岗位结束", required: false)
            let qualification = fields.text(p + "qualification", "所需资质", maxLength: VolunteerRules.skillLength)
            let minutes = fields.integer(p + "defaultMinutes", "未签退时计入（分钟）", range: 0...(7 * 24 * 60)).map(Int.init)
            guard let name else { continue }
            guard let capacity else { fields.fail(p + "capacity", "请填写岗位「\(name)」的名额"); continue }
            roles.append(.init(name: name, capacity: Int(capacity), startsAt: from, endsAt: to, qualification: qualification, defaultMinutes: minutes))
        }
        draft = ActivityDraft(title: try fields.present(title), kind: kind, description: description, regionId: try fields.present(regionId),
                              targetRegionId: targetRegionId, targetTag: targetTag, teamId: teamId, beneficiary: beneficiary, lead: lead,
                              startsAt: try fields.present(startsAt), endsAt: try fields.present(endsAt), signUpOpens: opens, signUpCloses: closes,
                              cancelDeadline: cancel, waitingList: waiting, holdHours: hold, cutoffHours: cutoff, roles: roles)
        try fields.finish()
    }

    /// The `roles.N.*` rows sent, in order. Row 0 is always read, so that the API description
    /// lists a row's fields.
    static func roleRows(_ fields: Fields) -> [Int] {
        Set(fields.values.keys.compactMap { key -> Int? in
            guard key.hasPrefix("roles.") else { return nil }
            return key.split(separator: ".").dropFirst().first.flatMap { Int($0) }
        }.filter { (0..<ActivityRules.maxRoles).contains($0) }).union([0]).sorted()
    }

    /// `yyyy-mm-ddThh:mm` (a `datetime-local` field) in Shanghai time.
    static func moment(_ fields: inout Fields, _ name: String, _ label: String, required: Bool) -> Date? {
        guard let text = fields.text(name, label, required: required, maxLength: 25) else { return nil }
        guard let date = ChinaStandardTime.moment(String(text.prefix(16))) else {
            fields.fail(name, "\(label)应写成 2026-12-01T09:00 这样的日期和时间")
            return nil
        }
        return date
    }
}

/// 活动变更: only the fields sent change; places per role as `roles.N.id` + `roles.N.capacity`.
struct ActivityChangeInput {
    let change: ActivityChange

    init(_ fields: inout Fields) throws {
        var change = ActivityChange()
        change.title = fields.text("title", "活动名称", maxLength: 60)
        change.description = fields.text("description", "活动内容", maxLength: ActivityInput.descriptionLength)
        change.startsAt = ActivityInput.moment(&fields, "startsAt", "开始时间", required: false)
        change.endsAt = ActivityInput.moment(&fields, "endsAt", "结束时间", required: false)
        change.signUpCloses = ActivityInput.moment(&fields, "signUpCloses", "报名截止", required: false)
        change.cancelDeadline = ActivityInput.moment(&fields, "cancelDeadline", "取消报名截止", required: false)
        for index in ActivityInput.roleRows(fields) {
            let id = fields.integer("roles.\(index).id", "岗位")
            let capacity = fields.integer("roles.\(index).capacity", "名额", range: 1...Int64(ActivityRules.maxCapacity))
            if let id, let capacity { change.capacities[id] = Int(capacity) }
            else if id != nil || capacity != nil { fields.fail("roles.\(index).capacity", "请同时给出岗位和它的名额") }
        }
        change.reason = fields.text("reason", "变更原因", maxLength: ActivityChangeRules.maxReason) ?? ""
        try fields.finish()
        self.change = change
    }
}

struct TransitionInput {
    let action: ActivityAction
    let reason: String?
    init(_ fields: inout Fields) throws {
        let action = fields.choice("action", "操作", required: true, parse: ActivityAction.init(rawValue:))
        reason = fields.text("reason", "原因", maxLength: 200)
        self.action = try fields.present(action)
    }
}

struct CertifyInput {
    let rating: Int?
    init(_ fields: inout Fields) throws {
        rating = fields.integer("rating", "评价（1–5 星）", range: 1...5).map(Int.init)
        try fields.finish()
    }
}

/// 报名: for oneself, or (organisers) for a registry resident.
struct SignUpInput {
    let roleId: Int64?
    let residentId: Int64?
    init(_ fields: inout Fields) throws {
        roleId = fields.integer("roleId", "岗位")
        residentId = fields.integer("residentId", "居民")
        try fields.finish()
    }
}

struct SignUpDecisionInput {
    let decision: VolunteerService.SignUpDecision
    init(_ fields: inout Fields) throws {
        let decision = fields.choice("decision", "处理", required: true, parse: VolunteerService.SignUpDecision.init(rawValue:))
        self.decision = try fields.present(decision)
    }
}

/// Scanning the activity's code.
struct ScanInput {
    let code: String
    let punch: VolunteerService.Punch
    init(_ fields: inout Fields) throws {
        let code = fields.text("code", "签到码", required: true, maxLength: 60)
        punch = fields.choice("punch", "签到或签退", parse: VolunteerService.Punch.init(rawValue:)) ?? .checkIn
        self.code = try fields.present(code)
    }
}

/// The organiser's check-in: a person's own code, or a tick on the list.
struct AttendanceInput {
    let signUpId: Int64?
    let personalCode: String?
    let punch: VolunteerService.Punch
    init(_ fields: inout Fields) throws {
        signUpId = fields.integer("signUpId", "报名")
        personalCode = fields.text("personalCode", "个人码", maxLength: 40)
        punch = fields.choice("punch", "签到或签退", parse: VolunteerService.Punch.init(rawValue:)) ?? .checkIn
        if signUpId == nil && personalCode == nil { fields.fail("signUpId", "请选择报名的人，或扫描对方的个人码") }
        try fields.finish()
    }
}

struct CorrectionInput {
    let minutes: Int64
    let reason: String
    init(_ fields: inout Fields) throws {
        let hours = fields.decimal("hours", "更正后的时长（小时）", required: true, range: 0...168)
        let reason = fields.text("reason", "更正理由", required: true, maxLength: 300)
        minutes = Int64(((try fields.present(hours)) * 60).rounded())
        self.reason = try fields.present(reason)
    }
}

struct CorrectionDecisionInput {
    let accept: Bool
    let minutes: Int64?
    let note: String?
    init(_ fields: inout Fields) throws {
        let decision = fields.choice("decision", "处理结果", required: true) { ["accept": true, "reject": false][$0] }
        let hours = fields.decimal("hours", "核定时长（小时）", range: 0...168)
        note = fields.text("note", "说明", maxLength: 300)
        minutes = hours.map { Int64(($0 * 60).rounded()) }
        accept = try fields.present(decision)
    }
}

struct RevokeInput {
    let reason: String
    init(_ fields: inout Fields) throws {
        let reason = fields.text("reason", "撤销原因", required: true, maxLength: 200)
        self.reason = try fields.present(reason)
    }
}

struct CertificateInput {
    let volunteerId: Int64?
    init(_ fields: inout Fields) throws {
        volunteerId = fields.integer("volunteerId", "志愿者")
        try fields.finish()
    }
}

struct ActivityListInput {
    let states: [ActivityState]
    let month: (year: Int, month: Int)?
    init(_ fields: inout Fields) throws {
        let states = fields.list("state", "状态", maxCount: ActivityState.allCases.count, maxLength: 20)
        let month = fields.text("month", "月份", maxLength: 7)
        var parsed: [ActivityState] = []
        for state in states {
            guard let s = ActivityState(rawValue: state) else { fields.fail("state", "「状态」的取值无效：\(state.prefix(20))"); break }
            parsed.append(s)
        }
        self.states = parsed
        if let month {
            let parts = month.split(separator: "-")
            if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (2000...2100).contains(y), (1...12).contains(m) {
                self.month = (y, m)
            } else {
                fields.fail("month", "月份应写成 2026-12 这样")
                self.month = nil
            }
        } else { self.month = nil }
        try fields.finish()
    }

    /// The month's first instant and the next month's, in Shanghai.
    var range: (from: Date, to: Date)? {
        guard let month else { return nil }
        let next = month.month == 12 ? (month.year + 1, 1) : (month.year, month.month + 1)
        return (ChinaStandardTime.startOfDay(year: month.year, month: month.month, day: 1), ChinaStandardTime.startOfDay(year: next.0, month: next.1, day: 1))
    }
}
