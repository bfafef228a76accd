import Foundation
import Hummingbird
import LinliKit
import Residents

/// JSON API under /api/v1 for volunteers, teams, activities, sign-ups, attendance, records
/// and certificates.
struct VolunteersAPI {
    let volunteers: VolunteerService
    let residents: ResidentService

    struct Identity: Encodable { let residentId: Int64, name: String, address: String }
    struct Standing: Encodable {
        let stars: Int, hours: Int, nextAt: Int?, progress: Double
        init(_ s: StarStanding) { (stars, hours, nextAt, progress) = (s.stars, s.hours, s.nextAt, s.progress) }
    }
    struct Mine: Encodable {
        let volunteer: Volunteer?
        let standing: Standing?
        let records: [ServiceRecord]
        let corrections: [Correction]
        let certificates: [Certificate]
        let signUps: [SignUp]
    }
    struct ActivityBody: Encodable {
        let activity: Activity
        let mine: SignUp?
        let waitingPosition: Int?
        let refusal: String?
        let mayManage: Bool
    }
    struct TeamBody: Encodable { let team: VolunteerTeam, members: [VolunteerTeamMember] }
    struct CertificationBody: Encodable { let activity: Activity, records: [ServiceRecord] }
    struct Done: Encodable { let ok = true }

    func addRoutes(to router: Router<AppContext>) {
        let me = router.group("api/v1/volunteer")
        me.post("identity", use: identify)
        me.get(use: mine)
        me.post(use: register)
        me.put(use: updateOwn)
        me.post("leave", use: leave)
        me.post("certificates", use: issueOwnCertificate)

        let register = router.group("api/v1/volunteers")
        register.get(use: search)
        register.post(use: registerForResident)
        register.get(":id", use: volunteer)
        register.post(":id/decision", use: decide)
        register.post(":id/status", use: changeStatus)
        register.post(":id/certificates", use: issueCertificate)

        let teams = router.group("api/v1/volunteer-teams")
        teams.get(use: teamList)
        teams.post(use: createTeam)
        teams.get(":id", use: team)
        teams.post(":id/join", use: join)
        teams.post(":id/members", use: decideMember)

        let activities = router.group("api/v1/activities")
        activities.get(use: activityList)
        activities.post(use: createActivity)
        activities.get(":id", use: activity)
        activities.patch(":id", use: changeActivity)
        activities.post(":id/transition", use: transition)
        activities.post(":id/certify", use: certify)
        activities.get(":id/signups", use: signUpList)
        activities.post(":id/signups", use: signUp)
        activities.get(":id/check-in-code", use: checkInCode)
        activities.post(":id/check-in", use: scan)
        activities.post(":id/attendance", use: attendance)

        let signUps = router.group("api/v1/signups")
        signUps.post(":id/cancel", use: cancelSignUp)
        signUps.post(":id/accept", use: acceptHold)
        signUps.post(":id/decision", use: decideSignUp)

        router.post("api/v1/service-records/import", use: importLedger)
        router.post("api/v1/service-records/:id/corrections", use: askCorrection)
        router.get("api/v1/corrections", use: pendingCorrections)
        router.post("api/v1/corrections/:id/decision", use: decideCorrection)
        router.get("api/v1/volunteer-certificates/:id", use: certificate)
        router.post("api/v1/volunteer-certificates/:id/revoke", use: revoke)
    }

    // MARK: The person

    @Sendable func identify(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let input = try await request.input(context, IdentifyInput.init)
        let resident = try await residents.identify(idNumber: input.idNumber, name: input.name, actor: actor)
        return try Web.json(Identity(residentId: resident.id, name: resident.name, address: resident.address))
    }

    func mineBody(_ actor: Actor) async throws -> Mine {
        let mine = try await volunteers.mine(actor: actor)
        return Mine(volunteer: mine.person.volunteer, standing: mine.standing.map(Standing.init), records: mine.records,
                    corrections: mine.corrections, certificates: mine.certificates,
                    signUps: try await volunteers.mySignUps(actor: actor).map(\.signUp))
    }

    @Sendable func mine(_ request: Request, context: AppContext) async throws -> Response {
        try Web.json(try await mineBody(try context.requireActor(.volunteerJoin)))
    }

    @Sendable func register(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let input = try await request.input(context, VolunteerInput.init)
        return try Web.json(try await volunteers.register(input.draft, actor: actor), status: .created)
    }

    @Sendable func updateOwn(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let input = try await request.input(context, VolunteerInput.init)
        return try Web.json(try await volunteers.updateOwn(input.draft, actor: actor))
    }

    @Sendable func leave(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        guard let own = try await volunteers.mine(actor: actor).person.volunteer else { throw DomainError.notFound("志愿者登记") }
        return try Web.json(try await volunteers.change(volunteerId: own.id, .leave, actor: actor))
    }

    @Sendable func issueOwnCertificate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        return try Web.json(try await volunteers.issueCertificate(volunteerId: nil, actor: actor), status: .created)
    }

    // MARK: The register

    @Sendable func search(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerView)
        let input = try request.query(VolunteerSearchInput.init)
        return try Web.json(try await volunteers.search(input.query, actor: actor))
    }

    @Sendable func registerForResident(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        let input = try await request.input(context, VolunteerInput.init)
        return try Web.json(try await volunteers.register(forResident: input.draft, actor: actor), status: .created)
    }

    @Sendable func volunteer(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerView)
        return try Web.json(try await volunteers.volunteer(try context.pathID(), actor: actor))
    }

    @Sendable func decide(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, DecisionInput.init)
        return try Web.json(try await volunteers.decide(volunteerId: try context.pathID(), approve: input.approve, actor: actor))
    }

    @Sendable func changeStatus(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        let input = try await request.input(context, VolunteerStatusInput.init)
        return try Web.json(try await volunteers.change(volunteerId: try context.pathID(), input.change, actor: actor))
    }

    @Sendable func issueCertificate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        return try Web.json(try await volunteers.issueCertificate(volunteerId: try context.pathID(), actor: actor), status: .created)
    }

    // MARK: Teams

    @Sendable func teamList(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        return try Web.json(ItemList(try await volunteers.teams(actor: actor)))
    }

    @Sendable func createTeam(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        let input = try await request.input(context, TeamInput.init)
        return try Web.json(try await volunteers.createTeam(input.draft, actor: actor), status: .created)
    }

    @Sendable func team(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let page = try await volunteers.team(try context.pathID(), actor: actor)
        return try Web.json(TeamBody(team: page.team, members: page.members))
    }

    @Sendable func join(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        try await volunteers.askToJoin(teamId: try context.pathID(), actor: actor)
        return try Web.json(Done())
    }

    @Sendable func decideMember(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, TeamMemberInput.init)
        return try Web.json(ItemList(try await volunteers.decide(teamId: try context.pathID(), volunteerId: input.volunteerId, input.decision,
                                                                 actor: actor)))
    }

    // MARK: Activities

    @Sendable func activityList(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let input = try request.query(ActivityListInput.init)
        return try Web.json(ItemList(try await volunteers.activities(actor: actor, states: input.states, from: input.range?.from, to: input.range?.to)))
    }

    @Sendable func createActivity(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, ActivityInput.init)
        return try Web.json(try await volunteers.create(input.draft, actor: actor), status: .created)
    }

    @Sendable func activity(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let page = try await volunteers.activity(try context.pathID(), actor: actor)
        return try Web.json(ActivityBody(activity: page.activity, mine: page.mine, waitingPosition: page.waitingPosition, refusal: page.refusal,
                                         mayManage: page.mayManage))
    }

    @Sendable func changeActivity(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, ActivityChangeInput.init)
        return try Web.json(try await volunteers.change(activityId: try context.pathID(), input.change, actor: actor))
    }

    @Sendable func transition(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, TransitionInput.init)
        return try Web.json(try await volunteers.transition(activityId: try context.pathID(), input.action, reason: input.reason, actor: actor))
    }

    @Sendable func certify(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, CertifyInput.init)
        let done = try await volunteers.certify(activityId: try context.pathID(), rating: input.rating, actor: actor)
        return try Web.json(CertificationBody(activity: done.activity, records: done.records))
    }

    @Sendable func signUpList(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        return try Web.json(ItemList(try await volunteers.signUps(activityId: try context.pathID(), actor: actor).signUps))
    }

    @Sendable func signUp(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, SignUpInput.init)
        let id = try context.pathID()
        let result = if let residentId = input.residentId {
            try await volunteers.signUp(activityId: id, roleId: input.roleId, residentId: residentId, actor: actor)
        } else {
            try await volunteers.signUp(activityId: id, roleId: input.roleId, actor: actor)
        }
        return try Web.json(result, status: .created)
    }

    @Sendable func checkInCode(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        return try Web.json(try await volunteers.checkInCode(activityId: try context.pathID(), actor: actor))
    }

    @Sendable func scan(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let input = try await request.input(context, ScanInput.init)
        return try Web.json(try await volunteers.scan(activityId: try context.pathID(), code: input.code, punch: input.punch, actor: actor))
    }

    @Sendable func attendance(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, AttendanceInput.init)
        return try Web.json(try await volunteers.mark(activityId: try context.pathID(), signUpId: input.signUpId, personalCode: input.personalCode,
                                                      punch: input.punch, actor: actor))
    }

    @Sendable func cancelSignUp(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        return try Web.json(try await volunteers.cancel(signUpId: try context.pathID(), actor: actor))
    }

    @Sendable func acceptHold(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        return try Web.json(try await volunteers.acceptHold(signUpId: try context.pathID(), actor: actor))
    }

    @Sendable func decideSignUp(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, SignUpDecisionInput.init)
        return try Web.json(try await volunteers.decide(signUpId: try context.pathID(), input.decision, actor: actor))
    }

    // MARK: Records and certificates

    struct Imported: Encodable { let imported: Int }

    /// 导入纸质台账: the body is the xlsx or csv file; all rows or none.
    @Sendable func importLedger(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        var query = Fields.query(request)
        let format = query.choice("format", "格式", parse: { ["xlsx", "csv"].contains($0) ? $0 : nil })
        try query.finish()
        var request = request
        let count = try await volunteers.importLedger(try await request.uploadedSheet(format: format), actor: actor)
        return try Web.json(Imported(imported: count))
    }

    @Sendable func askCorrection(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerJoin)
        let input = try await request.input(context, CorrectionInput.init)
        return try Web.json(try await volunteers.askCorrection(recordId: try context.pathID(), minutes: input.minutes, reason: input.reason,
                                                               actor: actor), status: .created)
    }

    @Sendable func pendingCorrections(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityManage)
        return try Web.json(ItemList(try await volunteers.pendingCorrections(actor: actor)))
    }

    @Sendable func decideCorrection(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await request.input(context, CorrectionDecisionInput.init)
        return try Web.json(try await volunteers.decideCorrection(correctionId: try context.pathID(), accept: input.accept, minutes: input.minutes,
                                                                  note: input.note, actor: actor))
    }

    @Sendable func certificate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        return try Web.json(try await volunteers.certificate(try context.pathID(), actor: actor))
    }

    @Sendable func revoke(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        let input = try await request.input(context, RevokeInput.init)
        return try Web.json(try await volunteers.revokeCertificate(try context.pathID(), reason: input.reason, actor: actor))
    }
}
