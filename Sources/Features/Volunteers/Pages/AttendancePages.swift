import Foundation
import Hummingbird
import LinliKit
import Residents

/// The organiser's sign-up list with the waiting list and attendance, the check-in screen, and
/// the page a volunteer's phone opens from the code.
extension VolunteersPages {
    struct Decision { let signUpId: Int64, decision: String, label: String, csrf: String }
    struct PersonRow {
        let id: Int64, activityId: Int64, name: String, statusLabel: String, attendanceLabel: String, hasAttendance: Bool
        let checkedIn: String, checkedOut: String, canTickIn: Bool, canTickOut: Bool, canCancel: Bool, decisions: [Decision], csrf: String
    }
    struct RoleList { let name: String, slot: String, capacity: Int, people: [PersonRow], hasPeople: Bool }
    struct Candidate { let residentId: Int64, activityId: Int64, label: String, roleOptions: [SelectOption], csrf: String }
    struct SignUpsModel {
        let id: Int64, csrf: String, error: String?, title: String, when: String, stateLabel: String, takesAttendance: Bool, takesSignUps: Bool
        let roles: [RoleList], name: String, candidates: [Candidate]
    }

    @Sendable func signUpList(_ request: Request, context: AppContext) async throws -> Response {
        try await signUpPage(try context.pathID(), request, context)
    }

    func signUpPage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let list = try await volunteers.signUps(activityId: id, actor: actor)
        let a = list.activity
        let name = request.uri.queryParameters.get("name").map { String($0.trimmingWhitespace.prefix(20)) } ?? ""
        var candidates: [Candidate] = []
        if !name.isEmpty, actor.may(.residentView) {
            var query = ResidentQuery()
            query.name = name
            query.limit = 20
            let roleOptions = a.roles.map { SelectOption(value: String($0.id), label: $0.name) }
            candidates = try await residents.search(query, actor: actor).items.map {
                Candidate(residentId: $0.id, activityId: id, label: "\($0.name)（\($0.address)）", roleOptions: roleOptions, csrf: context.csrfToken)
            }
        }
        let now = clock.now().millis
        let roles = a.roles.map { role in
            // Ticks only while people can arrive or leave: the check-in window of the slot.
            let open = now >= role.startsAt - Int64(VolunteerService.earlyCheckIn * 1000) && now <= role.endsAt + Int64(VolunteerService.lateCheckOut * 1000)
            var waitingSeen = 0
            let people = list.signUps.filter { $0.roleId == role.id }.map { s in
                var decisions: [Decision] = []
                if s.status == .awaitingApproval {
                    decisions = [Decision(signUpId: s.id, decision: "approve", label: "通过", csrf: context.csrfToken),
                                 Decision(signUpId: s.id, decision: "decline", label: "不通过", csrf: context.csrfToken)]
                } else if s.status == .waiting {
                    decisions = (a.waitingList == .manual ? [Decision(signUpId: s.id, decision: "promote", label: "递补", csrf: context.csrfToken)] : [])
                        + [Decision(signUpId: s.id, decision: "decline", label: "移出候补", csrf: context.csrfToken)]
                }
                let attending = a.state.takesAttendance && s.status == .confirmed && open
                if s.status == .waiting { waitingSeen += 1 }
                return PersonRow(id: s.id, activityId: id, name: s.name, statusLabel: s.status == .waiting ? "候补第 \(waitingSeen) 位" : s.status.label, attendanceLabel: s.attendance?.label ?? "",
                                 hasAttendance: s.attendance != nil, checkedIn: s.checkedInAt.map { Self.time($0).suffix(5).description } ?? "—",
                                 checkedOut: s.checkedOutAt.map { Self.time($0).suffix(5).description } ?? "—",
                                 canTickIn: attending && s.checkedInAt == nil, canTickOut: attending && s.checkedInAt != nil && s.checkedOutAt == nil,
                                 canCancel: s.status.isActive && a.state.isUpcoming, decisions: decisions, csrf: context.csrfToken)
            }
            return RoleList(name: role.name, slot: Self.span(role.startsAt, role.endsAt), capacity: role.capacity, people: people, hasPeople: !people.isEmpty)
        }
        let model = SignUpsModel(id: id, csrf: context.csrfToken, error: error?.message, title: a.title, when: Self.span(a.startsAt, a.endsAt),
                                 stateLabel: a.state.label, takesAttendance: a.state.takesAttendance, takesSignUps: a.state.takesSignUps,
                                 roles: roles, name: name, candidates: candidates)
        return web.page("volunteers.signups", title: "报名名单 · \(a.title)", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func attendance(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, AttendanceInput.init, { input in
            let done = try await volunteers.mark(activityId: id, signUpId: input.signUpId, personalCode: input.personalCode, punch: input.punch, actor: actor)
            return ("/activities/\(id)/signups", "\(done.name)已\(input.punch == .checkIn ? "签到" : "签退")")
        }, orShow: { try await signUpPage(id, request, context, error: $0) })
    }

    struct ScreenModel { let title: String, when: String, code: String, qr: String, refreshIn: Int }

    /// 现场签到码: the code for the organiser's screen, as a QR code of the check-in page's
    /// address that a phone's camera opens.
    @Sendable func screen(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let id = try context.pathID()
        let shown = try await volunteers.checkInCode(activityId: id, actor: actor)
        let activity = try await volunteers.activity(id, actor: actor).activity
        let host = request.head.authority ?? "localhost"
        let scheme = web.secureCookies ? "https" : "http"
        let url = "\(scheme)://\(host)\(shown.path)"
        let model = ScreenModel(title: activity.title, when: Self.span(activity.startsAt, activity.endsAt), code: shown.code,
                                qr: try ((try? QRCode(url)) ?? QRCode(shown.path)).svg(pixels: 320, label: "签到二维码"), refreshIn: shown.refreshIn)
        return web.page("volunteers.screen", title: "现场签到码", model: model, request: request, context: context)
    }

    struct CheckInModel {
        let id: Int64, csrf: String, error: String?, title: String, when: String, place: String, code: String
        let status: String, hasStatus: Bool, canPunch: Bool, punch: String, punchLabel: String
    }

    /// What the phone opens from the code: whether the person checks in or out, one button.
    @Sendable func checkInPage(_ request: Request, context: AppContext) async throws -> Response {
        let code = request.uri.queryParameters.get("code").map { String($0.prefix(60)) } ?? ""
        return try await checkInView(try context.pathID(), code: code, request, context)
    }

    func checkInView(_ id: Int64, code: String, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let page = try await volunteers.activity(id, actor: actor)
        let mine = page.mine.flatMap { $0.status == .confirmed ? $0 : nil }
        let punch: VolunteerService.Punch = mine?.checkedInAt == nil ? .checkIn : .checkOut
        var status = ""
        if mine == nil { status = "您没有这个活动的名额，不能签到。" }
        if let m = mine, let checkedIn = m.checkedInAt { status = "已于 \(Self.time(checkedIn)) 签到" }
        if let m = mine, let out = m.checkedOutAt { status += "，\(Self.time(out)) 签退。感谢您的服务！" }
        let model = CheckInModel(id: id, csrf: context.csrfToken, error: error?.message, title: page.activity.title,
                                 when: Self.span(page.activity.startsAt, page.activity.endsAt), place: page.activity.placeName, code: code,
                                 status: status, hasStatus: !status.isEmpty, canPunch: mine != nil && mine?.checkedOutAt == nil && !code.isEmpty,
                                 punch: punch.rawValue, punchLabel: punch == .checkIn ? "签到" : "签退")
        return web.page("volunteers.checkIn", title: "签到 · \(page.activity.title)", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func checkIn(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let id = try context.pathID()
        var request = request
        var fields = try await request.fields(context)
        let code: String = if case .text(let c)? = fields.values["code"] { String(c.prefix(60)) } else { "" }
        return try await web.formAction({
            let input = try ScanInput(&fields)
            try fields.finish()
            let done = try await volunteers.scan(activityId: id, code: input.code, punch: input.punch, actor: actor)
            return ("/activities/\(id)/check-in", done.checkedOutAt != nil ? "签退成功，感谢您的服务" : "签到成功")
        }, orShow: { try await checkInView(id, code: code, request, context, error: $0) })
    }
}
