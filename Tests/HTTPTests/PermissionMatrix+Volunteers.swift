import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Residents
import Volunteers

/// Subjects for the volunteers feature: activities, sign-ups, volunteers, records, teams and
/// certificates inside the role's area (at 一社区) or in the foreign district.
extension PermissionMatrixTests.Subjects {
    var volunteers: VolunteerService { system.volunteers }

    func place(_ inside: Bool) -> RegionNode { inside ? f.c1 : f.foreignCommunity }
    func home(_ inside: Bool) -> RegionNode { inside ? f.h1 : f.foreignHousehold }

    static func idNumber(_ sequence: Int) -> String { IDNumber.completing("61010119800101" + String(format: "%03d", sequence % 1000)) }

    /// The role's own account bound to a registry person at 101室 (once).
    func identity(_ role: Role) async throws -> Resident {
        let account = f.accounts[role]!
        if let known = try await system.residents.identity(ofUser: account.id) { return known }
        let index = Role.allCases.firstIndex(of: role)!
        let person = try await system.residents.create(ResidentDraft(regionId: f.h1.id, name: "本人\(index)", idNumber: Self.idNumber(100 + index)),
                                                       actor: cli)
        try await system.residents.linkAccount(userId: account.id, accountPath: account.regionPath, residentId: person.id, actor: cli)
        return person
    }

    /// The role's own volunteer registration, approved and active.
    func ownVolunteer(_ role: Role) async throws -> Volunteer {
        let person = try await identity(role)
        var found = try await volunteers.search(VolunteerQuery(name: person.name), actor: cli).items.first { $0.residentId == person.id }
        if found == nil { found = try await volunteers.register(forResident: VolunteerDraft(residentId: person.id), actor: cli) }
        guard var v = found else { fatalError("no volunteer") }
        if v.status == .pending { v = try await volunteers.decide(volunteerId: v.id, approve: true, actor: cli) }
        if v.status == .left || v.status == .suspended { v = try await volunteers.change(volunteerId: v.id, .restore, actor: cli) }
        if v.status == .pending { v = try await volunteers.decide(volunteerId: v.id, approve: true, actor: cli) }
        return v
    }

    /// The role's own registration gone (left), so that registering again succeeds.
    func noOwnVolunteer(_ role: Role) async throws {
        let person = try await identity(role)
        guard let v = try await volunteers.search(VolunteerQuery(name: person.name), actor: cli).items.first(where: { $0.residentId == person.id }),
              [.active, .suspended, .pending].contains(v.status) else { return }
        _ = try await volunteers.change(volunteerId: v.id, .leave, actor: cli)
    }

    /// A registry resident (no account) at the place.
    func stranger(_ inside: Bool) async throws -> Resident {
        try await system.residents.create(ResidentDraft(regionId: home(inside).id, name: "对象" + PermissionMatrixTests.unique().prefix(4)), actor: cli)
    }

    /// An approved volunteer (no account) living at the place.
    func someVolunteer(_ inside: Bool, teamId: Int64? = nil) async throws -> Volunteer {
        try await volunteers.register(forResident: VolunteerDraft(residentId: try await stranger(inside).id, teamId: teamId), actor: cli)
    }

    /// A volunteer who registered themselves with an account of their own and waits.
    func pendingVolunteer(_ inside: Bool) async throws -> Volunteer {
        let account = try await person(.resident, at: home(inside))
        let resident = try await stranger(inside)
        try await system.residents.linkAccount(userId: account.id, accountPath: account.regionPath, residentId: resident.id, actor: cli)
        return try await volunteers.register(VolunteerDraft(residentId: 0), actor: f.actor(for: account))
    }

    /// A published activity at the place, starting `startsIn` from now.
    func activity(_ inside: Bool, kind: ActivityKind = .resident, capacity: Int = 20, startsIn: TimeInterval = 3 * 86_400) async throws -> Activity {
        let start = system.clock.now().addingTimeInterval(startsIn)
        let draft = ActivityDraft(title: "矩阵活动", kind: kind, regionId: place(inside).id, startsAt: start, endsAt: start.addingTimeInterval(3 * 3600),
                                  signUpCloses: start.addingTimeInterval(3600), roles: [.init(name: "参加", capacity: capacity)])
        let created = try await volunteers.create(draft, actor: cli)
        return try await volunteers.transition(activityId: created.id, .publish, actor: cli)
    }

    /// A sign-up of a stranger for an activity at the place, starting soon (so attendance is open).
    func signUp(_ inside: Bool, startsIn: TimeInterval = 600, capacity: Int = 20) async throws -> (Activity, SignUp) {
        let activity = try await activity(inside, capacity: capacity, startsIn: startsIn)
        let result = try await volunteers.signUp(activityId: activity.id, roleId: nil, residentId: try await stranger(inside).id, actor: cli)
        return (activity, result.signUp)
    }

    /// The role's own sign-up (inside) or a stranger's in the foreign district (outside).
    func ownSignUp(_ role: Role, _ inside: Bool) async throws -> SignUp {
        guard inside else { return try await signUp(false).1 }
        let activity = try await activity(true)
        return try await volunteers.signUp(activityId: activity.id, roleId: nil, residentId: try await identity(role).id, actor: cli).signUp
    }

    /// The role's own sign-up moved up from the waiting list and held for them.
    func heldSignUp(_ role: Role, _ inside: Bool) async throws -> SignUp {
        guard inside else { return try await signUp(false).1 }
        let activity = try await activity(true, capacity: 1)
        let first = try await volunteers.signUp(activityId: activity.id, roleId: nil, residentId: try await stranger(true).id, actor: cli)
        let mine = try await volunteers.signUp(activityId: activity.id, roleId: nil, residentId: try await identity(role).id, actor: cli)
        _ = try await volunteers.cancel(signUpId: first.signUp.id, actor: cli)
        return mine.signUp
    }

    /// A waiting sign-up of a stranger.
    func waitingSignUp(_ inside: Bool) async throws -> SignUp {
        let (activity, _) = try await signUp(inside, startsIn: 3 * 86_400, capacity: 1)
        return try await volunteers.signUp(activityId: activity.id, roleId: nil, residentId: try await stranger(inside).id, actor: cli).signUp
    }

    /// A finished service activity at the place with `volunteer` attending, certified or not.
    func pastActivity(_ inside: Bool, volunteer: Volunteer? = nil, certify: Bool) async throws -> Activity {
        let clock = ManualClock(system.clock.now().addingTimeInterval(-3 * 86_400))
        let then = volunteers.at(clock)
        let start = clock.now().addingTimeInterval(86_400)
        let v: Volunteer
        if let volunteer { v = volunteer } else { v = try await someVolunteer(inside) }
        let created = try await then.create(ActivityDraft(title: "已结束的服务", kind: .service, regionId: place(inside).id, startsAt: start,
                                                          endsAt: start.addingTimeInterval(2 * 3600), roles: [.init(name: "服务", capacity: 5)]), actor: cli)
        _ = try await then.transition(activityId: created.id, .publish, actor: cli)
        let signUp = try await then.signUp(activityId: created.id, roleId: nil, residentId: v.residentId, actor: cli)
        clock.advance(seconds: 86_400)
        _ = try await then.mark(activityId: created.id, signUpId: signUp.signUp.id, personalCode: nil, punch: .checkIn, actor: cli)
        clock.advance(seconds: 3 * 3600)
        let finished = try await then.transition(activityId: created.id, .finish, actor: cli)
        return certify ? try await then.certify(activityId: created.id, actor: cli).activity : finished
    }

    /// A fresh current record of a volunteer (imported, so it needs no activity).
    func record(of volunteer: Volunteer) async throws -> ServiceRecord {
        _ = try await volunteers.importRecords([PaperLedger.Row(line: 2, volunteerNumber: volunteer.number!, serviceDate: "2025-06-01",
                                                                content: "台账服务" + PermissionMatrixTests.unique(), place: "一社区", beneficiary: "居民", minutes: 60, lead: "")], actor: cli)
        return try await volunteers.profile(volunteerId: volunteer.id, actor: cli).records.first!
    }

    /// A pending correction of an activity record, asked by the volunteer (who has an account).
    func correction(_ inside: Bool) async throws -> Correction {
        let account = try await person(.resident, at: home(inside))
        let resident = try await stranger(inside)
        try await system.residents.linkAccount(userId: account.id, accountPath: account.regionPath, residentId: resident.id, actor: cli)
        let v = try await volunteers.register(forResident: VolunteerDraft(residentId: resident.id), actor: cli)
        let activity = try await pastActivity(inside, volunteer: v, certify: true)
        let record = try await volunteers.records(activityId: activity.id, actor: cli).first!
        return try await volunteers.askCorrection(recordId: record.id, minutes: record.minutes + 30, reason: "少算了", actor: f.actor(for: account))
    }

    func team(_ inside: Bool) async throws -> VolunteerTeam {
        try await volunteers.createTeam(.init(name: "矩阵队" + PermissionMatrixTests.unique().prefix(4), kind: .community, regionId: place(inside).id),
                                        actor: cli)
    }

    func certificate(_ inside: Bool) async throws -> Certificate {
        let v = try await someVolunteer(inside)
        _ = try await record(of: v)
        return try await volunteers.issueCertificate(volunteerId: v.id, actor: cli)
    }

    static func ledgerCSV(_ number: String) -> String {
        PaperLedger.header.joined(separator: ",") + "\r\n\(number),2025-05-01,台账服务,一社区,居民,2,王队长\r\n"
    }
}

extension PermissionMatrixTests {
    typealias S = Subjects

    static func activityForm(_ s: S, _ inside: Bool) -> [(String, String)] {
        [("title", "矩阵新活动"), ("kind", "resident"), ("regionId", String(s.place(inside).id)), ("startsAt", "2030-01-05T09:00"),
         ("endsAt", "2030-01-05T11:00"), ("roles.0.name", "参加"), ("roles.0.capacity", "10")]
    }

    static func json(_ fields: [(String, String)]) -> String {
        "{" + fields.map { name, value in
            Int64(value) != nil && !name.hasSuffix("Number") ? "\"\(name)\":\(value)" : "\"\(name)\":\"\(value)\""
        }.joined(separator: ",") + "}"
    }

    static func ledgerMultipart(_ number: String) -> (String, String) {
        let boundary = "linli-test-boundary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + S.ledgerCSV(number) + "\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    static let volunteerPageCases: [String: Case] = [
        "GET /volunteers.js": Case(.open(200), uri: "/volunteers.js"),
        "GET /v/{token}": Case(.open(404), uri: "/v/no-such-certificate"),
        "GET /activities": Case(.permission(.activityView, success: 200), uri: "/activities"),
        "GET /activities/new": Case(.permission(.activityManage, success: 200), uri: "/activities/new"),
        "POST /activities": Case(.permission(.activityManage, success: 303, outside: 422)) { s, _, inside in
            Request(uri: "/activities", form: activityForm(s, inside))
        },
        "GET /activities/{id}": Case(.permission(.activityView, success: 200)) { s, _, inside in
            Request(uri: "/activities/\(try await s.activity(inside).id)")
        },
        "POST /activities/{id}/change": Case(.permission(.activityManage, success: 303)) { s, _, inside in
            Request(uri: "/activities/\(try await s.activity(inside).id)/change", form: [("title", "矩阵活动（改）"), ("reason", "改名")])
        },
        "POST /activities/{id}/transition": Case(.permission(.activityManage, success: 303)) { s, _, inside in
            Request(uri: "/activities/\(try await s.activity(inside).id)/transition", form: [("action", "close")])
        },
        "POST /activities/{id}/certify": Case(.permission(.activityManage, success: 303)) { s, _, inside in
            Request(uri: "/activities/\(try await s.pastActivity(inside, certify: false).id)/certify", form: [("rating", "5")])
        },
        "POST /activities/{id}/signups": Case(.permission(.volunteerJoin, success: 303)) { s, role, inside in
            _ = try await s.identity(role)
            return Request(uri: "/activities/\(try await s.activity(inside).id)/signups", form: [])
        },
        "GET /activities/{id}/signups": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/activities/\(try await s.activity(inside).id)/signups")
        },
        "POST /activities/{id}/attendance": Case(.permission(.activityManage, success: 303)) { s, _, inside in
            let (activity, signUp) = try await s.signUp(inside)
            return Request(uri: "/activities/\(activity.id)/attendance", form: [("signUpId", String(signUp.id)), ("punch", "in")])
        },
        "GET /activities/{id}/screen": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/activities/\(try await s.activity(inside).id)/screen")
        },
        "GET /activities/{id}/check-in": Case(.permission(.volunteerJoin, success: 200)) { s, role, inside in
            _ = try await s.identity(role)
            return Request(uri: "/activities/\(try await s.activity(inside).id)/check-in?code=x")
        },
        "POST /activities/{id}/check-in": Case(.permission(.volunteerJoin, success: 303)) { s, role, inside in
            let activity = try await s.activity(inside, startsIn: 600)
            let person = inside ? try await s.identity(role) : try await s.stranger(false)
            _ = try await s.identity(role)
            _ = try await s.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: person.id, actor: s.cli)
            let code = try await s.volunteers.checkInCode(activityId: activity.id, actor: s.cli).code
            return Request(uri: "/activities/\(activity.id)/check-in", form: [("code", code), ("punch", "in")])
        },
        "POST /signups/{id}/cancel": Case(.permission(.volunteerJoin, success: 303)) { s, role, inside in
            Request(uri: "/signups/\(try await s.ownSignUp(role, inside).id)/cancel", form: [])
        },
        "POST /signups/{id}/accept": Case(.permission(.volunteerJoin, success: 303)) { s, role, inside in
            Request(uri: "/signups/\(try await s.heldSignUp(role, inside).id)/accept", form: [])
        },
        "POST /signups/{id}/decision": Case(.permission(.activityManage, success: 303)) { s, _, inside in
            Request(uri: "/signups/\(try await s.waitingSignUp(inside).id)/decision", form: [("decision", "decline")])
        },
        "GET /volunteer": Case(.permission(.volunteerJoin, success: 200), scoped: false) { s, role, _ in
            _ = try await s.identity(role)
            return Request(uri: "/volunteer")
        },
        "POST /volunteer": Case(.permission(.volunteerJoin, success: 303), scoped: false) { s, role, _ in
            try await s.noOwnVolunteer(role)
            return Request(uri: "/volunteer", form: [("skills", "摄影"), ("consent", "on")])
        },
        "POST /volunteer/identify": Case(.permission(.volunteerJoin, success: 303, outside: 422)) { s, role, inside in
            _ = try await s.identity(role)
            let index = Role.allCases.firstIndex(of: role)!
            if !inside { _ = try await s.system.residents.create(ResidentDraft(regionId: s.f.foreignHousehold.id, name: "外人", idNumber: S.idNumber(300 + index)), actor: s.cli) }
            return Request(uri: "/volunteer/identify", form: [("name", inside ? "本人\(index)" : "外人"), ("idNumber", S.idNumber((inside ? 100 : 300) + index))])
        },
        "POST /volunteer/certificates": Case(.permission(.volunteerJoin, success: 303), scoped: false) { s, role, _ in
            _ = try await s.record(of: try await s.ownVolunteer(role))
            return Request(uri: "/volunteer/certificates", form: [])
        },
        "POST /service-records/{id}/corrections": Case(.permission(.volunteerJoin, success: 303)) { s, role, inside in
            let owner = inside ? try await s.ownVolunteer(role) : try await s.someVolunteer(false)
            return Request(uri: "/service-records/\(try await s.record(of: owner).id)/corrections", form: [("hours", "2.5"), ("reason", "少算了")])
        },
        "GET /volunteers": Case(.permission(.volunteerView, success: 200), uri: "/volunteers"),
        "POST /volunteers": Case(.permission(.volunteerManage, success: 303, outside: 422)) { s, _, inside in
            Request(uri: "/volunteers", form: [("residentId", String(try await s.stranger(inside).id))])
        },
        "GET /volunteers/{id}": Case(.permission(.volunteerView, success: 200)) { s, _, inside in
            Request(uri: "/volunteers/\(try await s.someVolunteer(inside).id)")
        },
        "POST /volunteers/{id}/decision": Case(.permission(.volunteerManage, success: 303)) { s, _, inside in
            Request(uri: "/volunteers/\(try await s.pendingVolunteer(inside).id)/decision", form: [("decision", "approve")])
        },
        "POST /volunteers/{id}/status": Case(.permission(.volunteerManage, success: 303)) { s, _, inside in
            Request(uri: "/volunteers/\(try await s.someVolunteer(inside).id)/status", form: [("change", "suspend")])
        },
        "POST /volunteers/{id}/certificates": Case(.permission(.volunteerManage, success: 303)) { s, _, inside in
            let v = try await s.someVolunteer(inside)
            _ = try await s.record(of: v)
            return Request(uri: "/volunteers/\(v.id)/certificates", form: [])
        },
        "POST /corrections/{id}/decision": Case(.permission(.activityManage, success: 303)) { s, _, inside in
            Request(uri: "/corrections/\(try await s.correction(inside).id)/decision", form: [("decision", "reject"), ("note", "核实无误")])
        },
        "GET /volunteer-teams": Case(.permission(.activityView, success: 200), uri: "/volunteer-teams"),
        "POST /volunteer-teams": Case(.permission(.volunteerManage, success: 303, outside: 422)) { s, _, inside in
            Request(uri: "/volunteer-teams", form: [("name", "新队伍" + unique().prefix(4)), ("regionId", String(s.place(inside).id))])
        },
        "GET /volunteer-teams/{id}": Case(.permission(.activityView, success: 200)) { s, _, inside in
            Request(uri: "/volunteer-teams/\(try await s.team(inside).id)")
        },
        "POST /volunteer-teams/{id}/join": Case(.permission(.volunteerJoin, success: 303)) { s, role, inside in
            _ = try await s.ownVolunteer(role)
            return Request(uri: "/volunteer-teams/\(try await s.team(inside).id)/join", form: [])
        },
        "POST /volunteer-teams/{id}/members": Case(.permission(.volunteerManage, success: 303)) { s, _, inside in
            let team = try await s.team(inside)
            let member = try await s.someVolunteer(inside, teamId: team.id)
            return Request(uri: "/volunteer-teams/\(team.id)/members", form: [("volunteerId", String(member.id)), ("decision", "remove")])
        },
        "GET /volunteer-certificates/{id}": Case(.permission(.volunteerView, success: 200)) { s, _, inside in
            Request(uri: "/volunteer-certificates/\(try await s.certificate(inside).id)")
        },
        "POST /volunteer-certificates/{id}/revoke": Case(.permission(.volunteerManage, success: 303)) { s, _, inside in
            Request(uri: "/volunteer-certificates/\(try await s.certificate(inside).id)/revoke", form: [("reason", "重复开具")])
        },
        "GET /volunteers/export.xlsx": Case(.permission(.volunteerView, success: 200), uri: "/volunteers/export.xlsx"),
        "GET /activities/export.xlsx": Case(.permission(.activityManage, success: 200), uri: "/activities/export.xlsx?month=2026-09"),
        "GET /service-records/import": Case(.permission(.volunteerManage, success: 200), uri: "/service-records/import"),
        "GET /service-records/template.xlsx": Case(.permission(.volunteerManage, success: 200), uri: "/service-records/template.xlsx"),
        "POST /service-records/import": Case(.permission(.volunteerManage, success: 200, outside: 422)) { s, _, inside in
            Request(uri: "/service-records/import", raw: ledgerMultipart(try await s.someVolunteer(inside).number!))
        },
    ]
}

extension PermissionMatrixTests {
    static let volunteerAPICases: [String: Case] = [
        "POST /api/v1/volunteer/identity": Case(.permission(.volunteerJoin, success: 200, outside: 422)) { s, role, inside in
            _ = try await s.identity(role)
            let index = Role.allCases.firstIndex(of: role)!
            if !inside { _ = try await s.system.residents.create(ResidentDraft(regionId: s.f.foreignHousehold.id, name: "外人", idNumber: S.idNumber(400 + index)), actor: s.cli) }
            return Request(uri: "/api/v1/volunteer/identity", json: #"{"name":"\#(inside ? "本人\(index)" : "外人")","idNumber":"\#(S.idNumber((inside ? 100 : 400) + index))"}"#)
        },
        "GET /api/v1/volunteer": Case(.permission(.volunteerJoin, success: 200), scoped: false) { s, role, _ in
            _ = try await s.identity(role)
            return Request(uri: "/api/v1/volunteer")
        },
        "POST /api/v1/volunteer": Case(.permission(.volunteerJoin, success: 201), scoped: false) { s, role, _ in
            try await s.noOwnVolunteer(role)
            return Request(uri: "/api/v1/volunteer", json: #"{"skills":["摄影"],"consent":true}"#)
        },
        "PUT /api/v1/volunteer": Case(.permission(.volunteerJoin, success: 200), scoped: false) { s, role, _ in
            _ = try await s.ownVolunteer(role)
            return Request(uri: "/api/v1/volunteer", json: #"{"skills":["摄影","维修"],"availability":["周末"],"consent":true}"#)
        },
        "POST /api/v1/volunteer/leave": Case(.permission(.volunteerJoin, success: 200), scoped: false) { s, role, _ in
            _ = try await s.ownVolunteer(role)
            return Request(uri: "/api/v1/volunteer/leave")
        },
        "POST /api/v1/volunteer/certificates": Case(.permission(.volunteerJoin, success: 201), scoped: false) { s, role, _ in
            _ = try await s.record(of: try await s.ownVolunteer(role))
            return Request(uri: "/api/v1/volunteer/certificates")
        },
        "GET /api/v1/volunteers": Case(.permission(.volunteerView, success: 200), uri: "/api/v1/volunteers?minStars=0"),
        "POST /api/v1/volunteers": Case(.permission(.volunteerManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/volunteers", json: #"{"residentId":\#(try await s.stranger(inside).id)}"#)
        },
        "GET /api/v1/volunteers/{id}": Case(.permission(.volunteerView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/volunteers/\(try await s.someVolunteer(inside).id)")
        },
        "POST /api/v1/volunteers/{id}/decision": Case(.permission(.volunteerManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/volunteers/\(try await s.pendingVolunteer(inside).id)/decision", json: #"{"decision":"reject"}"#)
        },
        "POST /api/v1/volunteers/{id}/status": Case(.permission(.volunteerManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/volunteers/\(try await s.someVolunteer(inside).id)/status", json: #"{"change":"suspend"}"#)
        },
        "POST /api/v1/volunteers/{id}/certificates": Case(.permission(.volunteerManage, success: 201)) { s, _, inside in
            let v = try await s.someVolunteer(inside)
            _ = try await s.record(of: v)
            return Request(uri: "/api/v1/volunteers/\(v.id)/certificates")
        },
        "GET /api/v1/volunteer-teams": Case(.permission(.activityView, success: 200), uri: "/api/v1/volunteer-teams"),
        "POST /api/v1/volunteer-teams": Case(.permission(.volunteerManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/volunteer-teams", json: #"{"name":"接口队\#(unique().prefix(4))","regionId":\#(s.place(inside).id)}"#)
        },
        "GET /api/v1/volunteer-teams/{id}": Case(.permission(.activityView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/volunteer-teams/\(try await s.team(inside).id)")
        },
        "POST /api/v1/volunteer-teams/{id}/join": Case(.permission(.volunteerJoin, success: 200)) { s, role, inside in
            _ = try await s.ownVolunteer(role)
            return Request(uri: "/api/v1/volunteer-teams/\(try await s.team(inside).id)/join")
        },
        "POST /api/v1/volunteer-teams/{id}/members": Case(.permission(.volunteerManage, success: 200)) { s, _, inside in
            let team = try await s.team(inside)
            let member = try await s.someVolunteer(inside, teamId: team.id)
            return Request(uri: "/api/v1/volunteer-teams/\(team.id)/members", json: #"{"volunteerId":\#(member.id),"decision":"remove"}"#)
        },
        "GET /api/v1/activities": Case(.permission(.activityView, success: 200), uri: "/api/v1/activities"),
        "POST /api/v1/activities": Case(.permission(.activityManage, success: 201, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/activities", json: json(activityForm(s, inside)))
        },
        "GET /api/v1/activities/{id}": Case(.permission(.activityView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/activities/\(try await s.activity(inside).id)")
        },
        "PATCH /api/v1/activities/{id}": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/activities/\(try await s.activity(inside).id)", json: #"{"title":"矩阵活动（改）","reason":"改名"}"#)
        },
        "POST /api/v1/activities/{id}/transition": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/activities/\(try await s.activity(inside).id)/transition", json: #"{"action":"cancel","reason":"下雨"}"#)
        },
        "POST /api/v1/activities/{id}/certify": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/activities/\(try await s.pastActivity(inside, certify: false).id)/certify", json: "{}")
        },
        "GET /api/v1/activities/{id}/signups": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/activities/\(try await s.signUp(inside).0.id)/signups")
        },
        "POST /api/v1/activities/{id}/signups": Case(.permission(.volunteerJoin, success: 201)) { s, role, inside in
            _ = try await s.identity(role)
            return Request(uri: "/api/v1/activities/\(try await s.activity(inside).id)/signups", json: "{}")
        },
        "GET /api/v1/activities/{id}/check-in-code": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/activities/\(try await s.activity(inside).id)/check-in-code")
        },
        "POST /api/v1/activities/{id}/check-in": Case(.permission(.volunteerJoin, success: 200)) { s, role, inside in
            let activity = try await s.activity(inside, startsIn: 600)
            let person = inside ? try await s.identity(role) : try await s.stranger(false)
            _ = try await s.identity(role)
            _ = try await s.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: person.id, actor: s.cli)
            let code = try await s.volunteers.checkInCode(activityId: activity.id, actor: s.cli).code
            return Request(uri: "/api/v1/activities/\(activity.id)/check-in", json: #"{"code":"\#(code)","punch":"in"}"#)
        },
        "POST /api/v1/activities/{id}/attendance": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            let (activity, signUp) = try await s.signUp(inside)
            return Request(uri: "/api/v1/activities/\(activity.id)/attendance", json: #"{"signUpId":\#(signUp.id),"punch":"in"}"#)
        },
        "POST /api/v1/signups/{id}/cancel": Case(.permission(.volunteerJoin, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/signups/\(try await s.ownSignUp(role, inside).id)/cancel")
        },
        "POST /api/v1/signups/{id}/accept": Case(.permission(.volunteerJoin, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/signups/\(try await s.heldSignUp(role, inside).id)/accept")
        },
        "POST /api/v1/signups/{id}/decision": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/signups/\(try await s.waitingSignUp(inside).id)/decision", json: #"{"decision":"decline"}"#)
        },
        "POST /api/v1/service-records/import": Case(.permission(.volunteerManage, success: 200, outside: 422)) { s, _, inside in
            Request(uri: "/api/v1/service-records/import", raw: ("text/csv", S.ledgerCSV(try await s.someVolunteer(inside).number!)))
        },
        "POST /api/v1/service-records/{id}/corrections": Case(.permission(.volunteerJoin, success: 201)) { s, role, inside in
            let owner = inside ? try await s.ownVolunteer(role) : try await s.someVolunteer(false)
            return Request(uri: "/api/v1/service-records/\(try await s.record(of: owner).id)/corrections", json: #"{"hours":2.5,"reason":"少算了"}"#)
        },
        "GET /api/v1/corrections": Case(.permission(.activityManage, success: 200), uri: "/api/v1/corrections"),
        "POST /api/v1/corrections/{id}/decision": Case(.permission(.activityManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/corrections/\(try await s.correction(inside).id)/decision", json: #"{"decision":"accept"}"#)
        },
        "GET /api/v1/volunteer-certificates/{id}": Case(.permission(.volunteerView, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/volunteer-certificates/\(try await s.certificate(inside).id)")
        },
        "POST /api/v1/volunteer-certificates/{id}/revoke": Case(.permission(.volunteerManage, success: 200)) { s, _, inside in
            Request(uri: "/api/v1/volunteer-certificates/\(try await s.certificate(inside).id)/revoke", json: #"{"reason":"重复开具"}"#)
        },
    ]
}
