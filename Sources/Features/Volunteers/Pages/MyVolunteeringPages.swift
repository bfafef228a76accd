import Foundation
import Hummingbird
import LinliKit
import Residents

/// 我的志愿服务: 实名认证, registration, stars with progress, sign-ups, records with
/// corrections, certificates.
extension VolunteersPages {
    struct RecordRow {
        let id: Int64, date: String, title: String, role: String, hours: String, source: String, recorder: String, isOld: Bool, flagged: Bool
        let canCorrect: Bool, csrf: String
    }
    struct CorrectionRow { let title: String, stateLabel: String, from: String, to: String, note: String, hasNote: Bool }
    struct CertificateRow { let id: Int64, number: String, hours: String, issuedOn: String, isRevoked: Bool }
    struct SignUpRow { let activityId: Int64, title: String, statusLabel: String, when: String }
    /// The page shows the latest records; the 台账 export has them all.
    static let recordsShown = 30

    struct MeModel {
        let csrf: String, error: String?, needsIdentity: Bool, canRegister: Bool, isVolunteer: Bool, personName: String
        let skills: [String], times: [String], teams: [SelectOption], hasTeams: Bool
        let statusLabel: String, number: String, hasNumber: Bool, stars: Int, starText: String, hours: String, hasNext: Bool, toNext: Int
        let progress: Int, canCertificate: Bool
        let signUps: [SignUpRow], hasSignUps: Bool, open: [ActivityRow], hasOpen: Bool
        let records: [RecordRow], hasRecords: Bool, corrections: [CorrectionRow], hasCorrections: Bool
        let certificates: [CertificateRow], hasCertificates: Bool
    }

    func recordRows(_ records: [ServiceRecord], csrf: String, own: Bool) -> [RecordRow] {
        records.map { r in
            RecordRow(id: r.id, date: r.serviceDate, title: r.activityTitle, role: r.role, hours: ServiceHours.text(minutes: r.minutes),
                      source: r.source.label, recorder: r.recorder, isOld: r.supersededBy != nil, flagged: r.flagged,
                      canCorrect: own && r.supersededBy == nil, csrf: csrf)
        }
    }

    func certificateRows(_ certificates: [Certificate]) -> [CertificateRow] {
        certificates.map { CertificateRow(id: $0.id, number: $0.number, hours: ServiceHours.text(minutes: $0.minutes),
                                          issuedOn: VolunteerService.dayText($0.issuedAt), isRevoked: $0.revokedAt != nil) }
    }

    @Sendable func me(_ request: Request, context: AppContext) async throws -> Response {
        try await mePage(request, context)
    }

    func mePage(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let known = try await volunteers.personIfKnown(actor)
        let mine = known == nil ? nil : try await volunteers.mine(actor: actor)
        let volunteer = mine?.person.volunteer
        let standing = mine?.standing
        let signUps = try await volunteers.mySignUps(actor: actor)
        let open = try await volunteers.openToMe(actor: actor, limit: 10).filter { a in !signUps.contains { $0.activity.id == a.id } }
        let teams = known != nil && volunteer == nil ? try await volunteers.teams(actor: actor) : []
        let progress = Int(((standing?.progress ?? 0) * 100).rounded())
        let model = MeModel(
            csrf: context.csrfToken, error: error?.message, needsIdentity: known == nil, canRegister: known != nil && volunteer == nil,
            isVolunteer: volunteer != nil, personName: known?.resident.name ?? actor.displayName,
            skills: VolunteerRules.suggestedSkills, times: VolunteerRules.availabilityChoices,
            teams: teams.map { SelectOption(value: String($0.id), label: $0.name) }, hasTeams: !teams.isEmpty,
            statusLabel: volunteer?.status.label ?? "", number: volunteer?.number ?? "", hasNumber: volunteer?.number != nil,
            stars: standing?.stars ?? 0, starText: Self.stars(standing?.stars ?? 0), hours: ServiceHours.text(minutes: volunteer?.certifiedMinutes ?? 0),
            hasNext: standing?.nextAt != nil, toNext: max(0, (standing?.nextAt ?? 0) - (standing?.hours ?? 0)), progress: progress,
            canCertificate: volunteer?.number != nil && !(mine?.records.isEmpty ?? true),
            signUps: signUps.map { SignUpRow(activityId: $0.activity.id, title: $0.activity.title, statusLabel: $0.signUp.status.label,
                                             when: Self.span($0.activity.startsAt, $0.activity.endsAt)) },
            hasSignUps: !signUps.isEmpty, open: open.map(row), hasOpen: !open.isEmpty,
            records: recordRows(Array((mine?.records ?? []).prefix(Self.recordsShown)), csrf: context.csrfToken, own: true),
            hasRecords: !(mine?.records.isEmpty ?? true),
            corrections: (mine?.corrections ?? []).map {
                CorrectionRow(title: $0.activityTitle, stateLabel: $0.state.label, from: ServiceHours.text(minutes: $0.currentMinutes),
                              to: ServiceHours.text(minutes: $0.proposedMinutes), note: $0.decisionNote ?? "", hasNote: $0.decisionNote != nil)
            }, hasCorrections: !(mine?.corrections.isEmpty ?? true),
            certificates: certificateRows(mine?.certificates ?? []), hasCertificates: !(mine?.certificates.isEmpty ?? true))
        return web.page("volunteers.me", title: "我的志愿服务", model: model, request: request, context: context,
                        status: error.map { HTTPResponse.Status(code: $0.status) } ?? .ok)
    }

    @Sendable func identify(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        return try await post(request, context, IdentifyInput.init, { input in
            let resident = try await residents.identify(idNumber: input.idNumber, name: input.name, actor: actor)
            return ("/volunteer", "实名认证成功：\(resident.name)")
        }, orShow: { try await mePage(request, context, error: $0) })
    }

    @Sendable func registerSelf(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        return try await post(request, context, VolunteerInput.init, { input in
            _ = try await volunteers.register(input.draft, actor: actor)
            return ("/volunteer", "已提交登记，社区审核后会通知您")
        }, orShow: { try await mePage(request, context, error: $0) })
    }

    @Sendable func issueOwnCertificate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        return try await post(request, context, { try CertificateInput(&$0) }, { _ in
            let certificate = try await volunteers.issueCertificate(volunteerId: nil, actor: actor)
            return ("/volunteer-certificates/\(certificate.id)", "证明已开具")
        }, orShow: { try await mePage(request, context, error: $0) })
    }

    @Sendable func askCorrection(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let id = try context.pathID()
        return try await post(request, context, CorrectionInput.init, { input in
            _ = try await volunteers.askCorrection(recordId: id, minutes: input.minutes, reason: input.reason, actor: actor)
            return ("/volunteer", "已提交更正申请，组织者处理后会通知您")
        }, orShow: { try await mePage(request, context, error: $0) })
    }
}
