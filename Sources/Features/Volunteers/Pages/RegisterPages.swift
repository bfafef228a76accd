import Foundation
import Hummingbird
import LinliKit
import Residents

/// The register for staff: search, registrations to approve, corrections to decide, a
/// volunteer's page, and registering a resident who has no phone.
extension VolunteersPages {
    struct VolunteerRow { let id: Int64, name: String, number: String, statusLabel: String, starText: String, hours: String, skills: String }
    struct PendingRow { let id: Int64, name: String, applied: String, csrf: String }
    struct PendingCorrection { let id: Int64, name: String, title: String, from: String, to: String, toHours: String, reason: String, csrf: String }
    struct RegisterModel {
        let csrf: String, error: String?, mayManage: Bool, name: String, skill: String, minHours: String, residentName: String
        let starChoices: [SelectOption], statuses: [SelectOption], skills: [String]
        let rows: [VolunteerRow], total: String, hasMore: Bool, moreHref: String
        let pending: [PendingRow], hasPending: Bool, corrections: [PendingCorrection], hasCorrections: Bool, candidates: [Candidate]
    }

    @Sendable func register(_ request: Request, context: AppContext) async throws -> Response {
        try await registerPage(request, context)
    }

    func registerPage(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.volunteerView)
        var fields = Fields.query(request)
        let residentName = fields.text("residentName", "居民姓名", maxLength: 20)
        let input = try VolunteerSearchInput(&fields)
        let found = try await volunteers.search(input.query, actor: actor)
        let pending = try await volunteers.pendingRegistrations(actor: actor)
        let corrections = try await volunteers.pendingCorrections(actor: actor)
        var candidates: [Candidate] = []
        if let residentName, actor.may(.volunteerManage), actor.may(.residentView) {
            var query = ResidentQuery()
            query.name = residentName
            query.limit = 20
            candidates = try await residents.search(query, actor: actor).items.map {
                Candidate(residentId: $0.id, activityId: 0, label: "\($0.name)（\($0.address)）", roleOptions: [], csrf: context.csrfToken)
            }
        }
        let q = input.query
        var more = request.uri.queryParameters.filter { $0.key != "offset" }.map { "\($0.key)=\(String($0.value).urlQueryEscaped)" }
        more.append("offset=\(q.offset + q.limit)")
        let model = RegisterModel(
            csrf: context.csrfToken, error: error?.message, mayManage: actor.may(.volunteerManage), name: q.name ?? "", skill: q.skill ?? "",
            minHours: q.minHours.map(String.init) ?? "", residentName: residentName ?? "",
            starChoices: (0...5).map { SelectOption(value: String($0), label: $0 == 0 ? "不限星级" : "\($0) 星", selected: q.minStars == $0) },
            statuses: VolunteerStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: q.status == $0) },
            skills: VolunteerRules.suggestedSkills,
            rows: found.items.map { VolunteerRow(id: $0.id, name: $0.name, number: $0.number ?? "—", statusLabel: $0.status.label,
                                                 starText: Self.stars($0.stars), hours: ServiceHours.text(minutes: $0.certifiedMinutes),
                                                 skills: $0.skills.joined(separator: "、")) },
            total: found.totalExact ? "共 \(found.total) 人" : "超过 \(found.total - 1) 人，请缩小范围或加查询条件", hasMore: found.hasNext, moreHref: "/volunteers?" + more.joined(separator: "&"),
            pending: pending.map { PendingRow(id: $0.id, name: $0.name, applied: Self.time($0.appliedAt), csrf: context.csrfToken) },
            hasPending: !pending.isEmpty,
            corrections: corrections.map { c in
                PendingCorrection(id: c.id, name: c.name, title: c.activityTitle, from: ServiceHours.text(minutes: c.currentMinutes),
                                  to: ServiceHours.text(minutes: c.proposedMinutes), toHours: String(format: "%.1f", Double(c.proposedMinutes) / 60),
                                  reason: c.reason, csrf: context.csrfToken)
            }, hasCorrections: !corrections.isEmpty, candidates: candidates)
        return web.page("volunteers.register", title: "志愿者", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func registerResident(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        return try await post(request, context, VolunteerInput.init, { input in
            let v = try await volunteers.register(forResident: input.draft, actor: actor)
            return ("/volunteers/\(v.id)", "已登记：\(v.name)，编号 \(v.number ?? "")")
        }, orShow: { try await registerPage(request, context, error: $0) })
    }

    struct ChangeButton { let volunteerId: Int64, change: String, label: String, csrf: String }
    struct ProfileModel {
        let id: Int64, csrf: String, error: String?, name: String, statusLabel: String, number: String, hasNumber: Bool, starText: String
        let hours: String, political: String, address: String, skills: String, availability: String, applied: String, consent: String
        let mayManage: Bool, isPending: Bool, changes: [ChangeButton], records: [RecordRow], hasRecords: Bool
        let certificates: [CertificateRow], hasCertificates: Bool
    }

    @Sendable func profile(_ request: Request, context: AppContext) async throws -> Response {
        try await profilePage(try context.pathID(), request, context)
    }

    func profilePage(_ id: Int64, _ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.volunteerView)
        let profile = try await volunteers.profile(volunteerId: id, actor: actor)
        guard let v = profile.person.volunteer else { throw DomainError.notFound("志愿者") }
        let resident = profile.person.resident
        let changes: [VolunteerService.StatusChange] = switch v.status {
        case .active: [.suspend, .leave]
        case .suspended: [.restore, .leave]
        case .left: [.restore]
        case .pending: [.leave]
        case .rejected: []
        }
        let model = ProfileModel(
            id: v.id, csrf: context.csrfToken, error: error?.message, name: v.name, statusLabel: v.status.label, number: v.number ?? "",
            hasNumber: v.number != nil, starText: Self.stars(v.stars), hours: ServiceHours.text(minutes: v.certifiedMinutes),
            political: actor.may(.residentView) ? resident.politicalStatus?.label ?? "未登记" : "—",
            address: actor.may(.residentView) ? resident.address : "—",
            skills: v.skills.isEmpty ? "—" : v.skills.joined(separator: "、"), availability: v.availability.isEmpty ? "—" : v.availability.joined(separator: "、"),
            applied: Self.time(v.appliedAt), consent: v.consentAt.map { "已同意（\(Self.time($0))）" } ?? "未同意，不保存特长等信息",
            mayManage: actor.may(.volunteerManage), isPending: v.status == .pending,
            changes: changes.map { ChangeButton(volunteerId: v.id, change: $0.rawValue, label: $0.label, csrf: context.csrfToken) },
            records: recordRows(Array(profile.records.prefix(Self.recordsShown)), csrf: context.csrfToken, own: false), hasRecords: !profile.records.isEmpty,
            certificates: certificateRows(profile.certificates), hasCertificates: !profile.certificates.isEmpty)
        return web.page("volunteers.profile", title: v.name, model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func decideVolunteer(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, DecisionInput.init, { input in
            let v = try await volunteers.decide(volunteerId: id, approve: input.approve, actor: actor)
            return (actor.may(.volunteerView) ? "/volunteers" : "/volunteer-teams", "\(v.name)：\(v.status.label)")
        }, orShow: { try await registerPage(request, context, error: $0) })
    }

    @Sendable func changeStatus(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        let id = try context.pathID()
        return try await post(request, context, VolunteerStatusInput.init, { input in
            let v = try await volunteers.change(volunteerId: id, input.change, actor: actor)
            return ("/volunteers/\(id)", "\(v.name)：\(v.status.label)")
        }, orShow: { try await profilePage(id, request, context, error: $0) })
    }

    @Sendable func issueCertificate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        let id = try context.pathID()
        return try await post(request, context, { try CertificateInput(&$0) }, { _ in
            let certificate = try await volunteers.issueCertificate(volunteerId: id, actor: actor)
            return ("/volunteer-certificates/\(certificate.id)", "证明已开具")
        }, orShow: { try await profilePage(id, request, context, error: $0) })
    }

    @Sendable func decideCorrection(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        return try await post(request, context, CorrectionDecisionInput.init, { input in
            let done = try await volunteers.decideCorrection(correctionId: id, accept: input.accept, minutes: input.minutes, note: input.note, actor: actor)
            return ("/volunteers", "\(done.name)：\(done.state.label)")
        }, orShow: { try await registerPage(request, context, error: $0) })
    }
}
