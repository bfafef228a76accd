import Foundation
import Hummingbird
import LinliKit
import Regions
import Residents

/// Activities: the list, the form, an activity's page with sign-up, and its state changes.
extension VolunteersPages {
    struct MineRow { let activityId: Int64, title: String, statusLabel: String, when: String, place: String }
    struct ListModel {
        let heading: String, listTitle: String, emptyText: String, mayCreate: Bool, month: String, states: [SelectOption]
        let rows: [ActivityRow], hasRows: Bool, mine: [MineRow], hasMine: Bool, needsIdentity: Bool
    }

    @Sendable func activityList(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let input = try request.query(ActivityListInput.init)
        let organiser = actor.may(.activityManage)
        let now = clock.now()
        let reading = ChinaStandardTime.reading(now)
        let month = input.month.map { "\($0.year)-\(ChinaStandardTime.padded($0.month, 2))" }
            ?? "\(reading.year)-\(ChinaStandardTime.padded(reading.month, 2))"
        let found = try await volunteers.activities(actor: actor, states: input.states, from: input.range?.from ?? (organiser ? nil : now),
                                                    to: input.range?.to)
        let mine = try await volunteers.mySignUps(actor: actor)
        let known = try await volunteers.personIfKnown(actor) != nil
        let model = ListModel(
            heading: organiser ? "活动" : "社区活动", listTitle: organiser ? "辖区的活动" : "可以报名的活动",
            emptyText: organiser ? "还没有活动。" : "现在没有可以报名的活动。", mayCreate: organiser, month: month,
            states: ActivityState.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: input.states.contains($0)) },
            rows: found.map(row), hasRows: !found.isEmpty,
            mine: mine.map { MineRow(activityId: $0.activity.id, title: $0.activity.title, statusLabel: $0.signUp.status.label,
                                     when: Self.span($0.activity.startsAt, $0.activity.endsAt), place: $0.activity.placeName) },
            hasMine: !mine.isEmpty, needsIdentity: !known && actor.may(.volunteerJoin) && !organiser)
        return web.page("volunteers.activities", title: model.heading, model: model, request: request, context: context)
    }

    // MARK: The form

    struct RoleRow { let index: Int, name: String, capacity: String, qualification: String }
    struct FormModel {
        let csrf: String, error: String?, title: String, description: String, beneficiary: String, lead: String
        let startsAt: String, endsAt: String, signUpCloses: String, cancelDeadline: String, descriptionLength: Int
        let kinds: [SelectOption], modes: [SelectOption], places: [SelectOption], tags: [SelectOption], teams: [SelectOption], hasTeams: Bool
        let roleRows: [RoleRow], skills: [String]
    }

    @Sendable func newActivity(_ request: Request, context: AppContext) async throws -> Response {
        try await form(request, context, fields: Fields([:]), error: nil)
    }

    func form(_ request: Request, _ context: AppContext, fields: Fields, error: DomainError?) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let led = try await volunteers.ledTeams(actor)
        guard actor.may(.activityManage) || !led.isEmpty else { throw DomainError.forbidden }
        func text(_ name: String) -> String { if case .text(let v)? = fields.values[name] { v } else { "" } }
        var places: [RegionNode] = []
        for level in [RegionLevel.community, .grid] {
            places += try await regions.search(level: level, term: nil, actor: actor, limit: 200).filter { !$0.retired }
        }
        let tomorrow = ChinaStandardTime.reading(clock.now().addingTimeInterval(86_400))
        let nine = ChinaStandardTime.startOfDay(year: tomorrow.year, month: tomorrow.month, day: tomorrow.day).addingTimeInterval(9 * 3600)
        let teams = try await volunteers.teams(actor: actor).filter { actor.may(.activityManage) || led.contains($0.id) }
        let tags = try await residents.knownTags()
        let kind = ActivityKind(rawValue: text("kind")) ?? .service
        let mode = WaitingListMode(rawValue: text("waitingList")) ?? .automatic
        let model = FormModel(
            csrf: context.csrfToken, error: error?.message, title: text("title"), description: text("description"),
            beneficiary: text("beneficiary").isEmpty ? "社区居民" : text("beneficiary"), lead: text("lead").isEmpty ? actor.displayName : text("lead"),
            startsAt: text("startsAt").isEmpty ? ChinaStandardTime.localMinuteText(nine) : text("startsAt"),
            endsAt: text("endsAt").isEmpty ? ChinaStandardTime.localMinuteText(nine.addingTimeInterval(3 * 3600)) : text("endsAt"),
            signUpCloses: text("signUpCloses"), cancelDeadline: text("cancelDeadline"), descriptionLength: ActivityInput.descriptionLength,
            kinds: ActivityKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == kind) },
            modes: [(WaitingListMode.automatic, "自动递补候补（被递补的人需在时限内确认）"), (.manual, "候补由我手动递补"), (.off, "不设候补")]
                .map { SelectOption(value: $0.0.rawValue, label: $0.1, selected: $0.0 == mode) },
            places: places.map { SelectOption(value: String($0.id), label: "\($0.level.label)：\($0.name)", selected: text("regionId") == String($0.id)) },
            tags: tags.map { SelectOption(value: $0, label: $0, selected: text("targetTag") == $0) },
            teams: teams.map { SelectOption(value: String($0.id), label: $0.name, selected: text("teamId") == String($0.id)) }, hasTeams: !teams.isEmpty,
            roleRows: (0..<4).map { i in RoleRow(index: i, name: text("roles.\(i).name").isEmpty && i == 0 && fields.values.isEmpty ? "志愿者" : text("roles.\(i).name"),
                                                 capacity: text("roles.\(i).capacity").isEmpty && i == 0 && fields.values.isEmpty ? "10" : text("roles.\(i).capacity"),
                                                 qualification: text("roles.\(i).qualification")) },
            skills: VolunteerRules.suggestedSkills)
        return web.page("volunteers.newActivity", title: "新建活动", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func createActivity(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var request = request
        var fields = try await request.fields(context)
        // Empty optional choices and rows the form always sends are no values.
        var values = fields.values
        for (key, value) in values { if case .text(let t) = value, t.trimmingWhitespace.isEmpty { values.removeValue(forKey: key) } }
        fields = Fields(values)
        let shown = fields
        return try await web.formAction({
            let input = try ActivityInput(&fields)
            try fields.finish()
            let created = try await volunteers.create(input.draft, actor: actor)
            return ("/activities/\(created.id)", "已保存为草稿，确认无误后请发布")
        }, orShow: { try await form(request, context, fields: shown, error: $0) })
    }

    // MARK: One activity

    struct RoleView {
        let id: Int64, activityId: Int64, name: String, slot: String, capacity: Int, taken: Int, waiting: Int, hasWaiting: Bool
        let qualification: String, hasQualification: Bool, canSignUp: Bool, signUpLabel: String, csrf: String
    }
    struct ActionView { let activityId: Int64, action: String, label: String, danger: Bool, needsReason: Bool, csrf: String }
    struct RecordView { let name: String, role: String, hours: String, remark: String }
    struct ActivityModel {
        let id: Int64, csrf: String, error: String?, warning: String?, title: String, stateLabel: String, kindLabel: String, when: String
        let place: String, target: String, beneficiary: String, lead: String, hasLead: Bool, window: String, cancelBy: String, waitingText: String
        let isCancelled: Bool, cancelReason: String, description: String, hasDescription: Bool
        let hasMine: Bool, mineId: Int64, mineStatus: String, mineRole: String, mineSlot: String, isWaiting: Bool, position: Int
        let isHeld: Bool, holdUntil: String, isConfirmed: Bool, personalQR: String, personalCode: String, canCancel: Bool
        let hasCheckIn: Bool, checkedIn: String, hasCheckOut: Bool, checkedOut: String
        let rolesTitle: String, roles: [RoleView], showRefusal: Bool, refusal: String, needsIdentity: Bool
        let mayManage: Bool, takesAttendance: Bool, actions: [ActionView], canCertify: Bool, records: [RecordView], hasRecords: Bool
        let canChange: Bool, change: ChangeForm
    }
    /// 修改活动: today's values in the fields, places per role.
    struct ChangeForm {
        struct Places { let index: Int, id: Int64, name: String, capacity: Int, taken: Int }
        let title: String, description: String, startsAt: String, endsAt: String, signUpCloses: String, cancelDeadline: String
        let places: [Places], needsReason: Bool
    }

    @Sendable func activity(_ request: Request, context: AppContext) async throws -> Response {
        try await activityPage(try context.pathID(), request, context)
    }

    func activityPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil, warning: String? = nil) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let page = try await volunteers.activity(id, actor: actor)
        let a = page.activity, mine = page.mine.flatMap { $0.status.isActive || $0.attendance != nil ? $0 : nil }
        let now = clock.now().millis
        let mineRole = mine.flatMap { m in a.roles.first { $0.id == m.roleId } }
        let canSignUp = a.state.takesSignUps && mine == nil && page.refusal == nil && actor.may(.volunteerJoin)
        let target = try await regions.lookup(a.targetRegionId)
        let records = page.mayManage && a.state == .certified ? try await volunteers.records(activityId: a.id, actor: actor) : []
        var personalQR = ""
        if let code = page.personalCode { personalQR = (try? QRCode(code).svg(pixels: 180, label: "个人码")) ?? "" }
        let model = ActivityModel(
            id: a.id, csrf: context.csrfToken, error: error?.message, warning: warning, title: a.title, stateLabel: a.state.label,
            kindLabel: a.kind.label, when: Self.span(a.startsAt, a.endsAt), place: a.placeName,
            target: (target?.name ?? "") + (a.targetTag.map { " · \($0)" } ?? ""), beneficiary: a.beneficiary, lead: a.lead, hasLead: !a.lead.isEmpty,
            window: "\(Self.time(a.signUpOpens)) 至 \(Self.time(a.signUpCloses))", cancelBy: Self.time(a.cancelDeadline),
            waitingText: a.waitingList == .automatic ? "满员后可候补，有人取消时自动递补（需在 \(a.holdMinutes / 60) 小时内确认）"
                : a.waitingList == .manual ? "满员后可候补，由组织者递补" : "不设候补",
            isCancelled: a.state == .cancelled, cancelReason: a.cancelReason ?? "", description: a.description, hasDescription: !a.description.isEmpty,
            hasMine: mine != nil, mineId: mine?.id ?? 0, mineStatus: mine?.status.label ?? "", mineRole: mineRole?.name ?? "",
            mineSlot: mineRole.map { Self.span($0.startsAt, $0.endsAt) } ?? "", isWaiting: mine?.status == .waiting, position: page.waitingPosition ?? 0,
            isHeld: mine?.status == .held, holdUntil: mine?.holdUntil.map(Self.time) ?? "", isConfirmed: mine?.status == .confirmed && a.state.takesAttendance,
            personalQR: personalQR, personalCode: page.personalCode ?? "",
            canCancel: mine.map { $0.status.isActive && a.state.isUpcoming && (now <= a.cancelDeadline || !$0.status.takesPlace) } ?? false,
            hasCheckIn: mine?.checkedInAt != nil, checkedIn: mine?.checkedInAt.map(Self.time) ?? "", hasCheckOut: mine?.checkedOutAt != nil,
            checkedOut: mine?.checkedOutAt.map(Self.time) ?? "",
            rolesTitle: a.kind == .service ? "岗位" : "名额",
            roles: a.roles.map { r in
                RoleView(id: r.id, activityId: a.id, name: r.name, slot: Self.span(r.startsAt, r.endsAt), capacity: r.capacity, taken: r.confirmed + r.held,
                         waiting: r.waiting, hasWaiting: r.waiting > 0, qualification: r.qualification ?? "", hasQualification: r.qualification != nil,
                         canSignUp: canSignUp && (r.confirmed + r.held < r.capacity || a.waitingList != .off),
                         signUpLabel: r.confirmed + r.held < r.capacity ? "报名" : "候补报名", csrf: context.csrfToken)
            },
            showRefusal: page.refusal != nil && mine == nil && a.state.takesSignUps && !page.mayManage, refusal: page.refusal ?? "",
            needsIdentity: page.refusal == VolunteerService.identityRequired.message,
            mayManage: page.mayManage, takesAttendance: a.state.takesAttendance,
            actions: page.mayManage ? ActivityWorkflow.actions(from: a.state).filter { $0 != .certify }.map {
                ActionView(activityId: a.id, action: $0.rawValue, label: $0.label, danger: $0 == .cancel, needsReason: $0 == .cancel, csrf: context.csrfToken)
            } : [],
            canCertify: page.mayManage && a.state == .finished,
            records: records.map { RecordView(name: $0.name, role: $0.role, hours: ServiceHours.text(minutes: $0.minutes),
                                              remark: $0.supersededBy != nil ? "已更正" : $0.flagged ? "未签退，按默认时长" : "") },
            hasRecords: !records.isEmpty,
            canChange: page.mayManage && ActivityChangeRules.changeable(a.state), change: Self.changeForm(a))
        return web.page("volunteers.activity", title: a.title, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func transition(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, TransitionInput.init, { input in
            _ = try await volunteers.transition(activityId: id, input.action, reason: input.reason, actor: actor)
            let words: [ActivityAction: String] = [.publish: "活动已发布", .close: "已截止报名", .start: "活动已开始", .finish: "活动已结束",
                                                   .cancel: "活动已取消，报名的人会收到通知"]
            return ("/activities/\(id)", words[input.action] ?? "已保存")
        }, orShow: { try await activityPage(id, request, context, error: $0) })
    }

    static func changeForm(_ a: Activity) -> ChangeForm {
        func local(_ millis: Int64) -> String { Date(millis: millis).shanghaiText.replacingOccurrences(of: " ", with: "T") }
        return ChangeForm(title: a.title, description: a.description, startsAt: local(a.startsAt), endsAt: local(a.endsAt),
                          signUpCloses: local(a.signUpCloses), cancelDeadline: local(a.cancelDeadline),
                          places: a.roles.enumerated().map { .init(index: $0.offset, id: $0.element.id, name: $0.element.name,
                                                                   capacity: $0.element.capacity, taken: $0.element.confirmed + $0.element.held) },
                          needsReason: a.state != .draft)
    }

    /// 修改活动 from the page: the form sends every field, so only those that differ from the
    /// activity count (a sign-up close left as it was still follows a moved start).
    @Sendable func changeActivity(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, ActivityChangeInput.init, { input in
            let changed = try await volunteers.change(activityId: id, input.change, wholeForm: true, actor: actor)
            return ("/activities/\(id)", changed.state == .draft ? "已保存" : "活动已修改，报名的人会收到变更通知")
        }, orShow: { try await activityPage(id, request, context, error: $0) })
    }

    @Sendable func certify(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, CertifyInput.init, { input in
            let done = try await volunteers.certify(activityId: id, rating: input.rating, actor: actor)
            return ("/activities/\(id)", "已认证 \(done.records.count) 条服务记录")
        }, orShow: { try await activityPage(id, request, context, error: $0) })
    }

    @Sendable func signUp(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        var request = request
        var fields = try await request.fields(context)
        let input = try SignUpInput(&fields)
        do {
            if let residentId = input.residentId {
                let result = try await volunteers.signUp(activityId: id, roleId: input.roleId, residentId: residentId, actor: actor)
                return web.redirect(to: "/activities/\(id)/signups", flash: "已为\(result.signUp.name)报名：\(result.signUp.status.label)")
            }
            let result = try await volunteers.signUp(activityId: id, roleId: input.roleId, actor: actor)
            let flash = result.waitingPosition.map { "名额已满，您在候补第 \($0) 位" } ?? result.signUp.status.label
            return web.redirect(to: "/activities/\(id)", flash: flash + (result.warning.map { "。\($0)" } ?? ""))
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict {
            if input.residentId != nil { return try await signUpPage(id, request, context, error: error) }
            return try await activityPage(id, request, context, error: error)
        }
    }

    @Sendable func cancelSignUp(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        var request = request
        try (try await request.fields(context)).finish()
        let done = try await volunteers.cancel(signUpId: id, actor: actor)
        let organiser = try await volunteers.personIfKnown(actor)?.resident.id != done.residentId
        return web.redirect(to: organiser ? "/activities/\(done.activityId)/signups" : "/activities/\(done.activityId)", flash: "报名已取消")
    }

    @Sendable func acceptHold(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let id = try context.pathID()
        var request = request
        try (try await request.fields(context)).finish()
        let done = try await volunteers.acceptHold(signUpId: id, actor: actor)
        return web.redirect(to: "/activities/\(done.activityId)", flash: "已确认参加")
    }

    @Sendable func decideSignUp(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        var request = request
        var fields = try await request.fields(context)
        let input = try SignUpDecisionInput(&fields)
        try fields.finish()
        let done = try await volunteers.decide(signUpId: id, input.decision, actor: actor)
        return web.redirect(to: "/activities/\(done.activityId)/signups", flash: "\(done.name)：\(done.status.label)")
    }
}
