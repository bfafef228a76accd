import Foundation
import Hummingbird
import LinliKit
import Regions
import Residents

/// The feature's HTML pages: activities, sign-up lists and check-in, the volunteer's own page,
/// the register, teams, certificates and their public verification.
struct VolunteersPages {
    let volunteers: VolunteerService
    let residents: ResidentService
    let regions: RegionService
    let web: Web
    let clock: any Clock

    func addRoutes(to router: Router<AppContext>) {
        router.get("volunteers.js", use: script)
        router.get("activities", use: activityList)
        router.get("activities/new", use: newActivity)
        router.post("activities", use: createActivity)
        router.get("activities/:id", use: activity)
        router.post("activities/:id/transition", use: transition)
        router.post("activities/:id/change", use: changeActivity)
        router.post("activities/:id/certify", use: certify)
        router.post("activities/:id/signups", use: signUp)
        router.get("activities/:id/signups", use: signUpList)
        router.post("activities/:id/attendance", use: attendance)
        router.get("activities/:id/screen", use: screen)
        router.get("activities/:id/check-in", use: checkInPage)
        router.post("activities/:id/check-in", use: checkIn)
        router.post("signups/:id/cancel", use: cancelSignUp)
        router.post("signups/:id/accept", use: acceptHold)
        router.post("signups/:id/decision", use: decideSignUp)
        router.get("volunteer", use: me)
        router.post("volunteer", use: registerSelf)
        router.post("volunteer/identify", use: identify)
        router.post("volunteer/certificates", use: issueOwnCertificate)
        router.post("service-records/:id/corrections", use: askCorrection)
        router.get("volunteers", use: register)
        router.post("volunteers", use: registerResident)
        router.get("volunteers/:id", use: profile)
        router.post("volunteers/:id/decision", use: decideVolunteer)
        router.post("volunteers/:id/status", use: changeStatus)
        router.post("volunteers/:id/certificates", use: issueCertificate)
        router.post("corrections/:id/decision", use: decideCorrection)
        router.get("volunteer-teams", use: teams)
        router.post("volunteer-teams", use: createTeam)
        router.get("volunteer-teams/:id", use: team)
        router.post("volunteer-teams/:id/join", use: joinTeam)
        router.post("volunteer-teams/:id/members", use: decideMember)
        router.get("volunteer-certificates/:id", use: certificate)
        router.post("volunteer-certificates/:id/revoke", use: revoke)
        router.get("v/:token", use: verify)
        router.get("volunteers/export.xlsx", use: exportVolunteers)
        router.get("activities/export.xlsx", use: exportActivities)
        router.get("service-records/import", use: importForm)
        router.post("service-records/import", use: importFile)
        router.get("service-records/template.xlsx", use: importTemplate)
    }

    @Sendable func script(_ request: Request, context: AppContext) async throws -> Response {
        Web.script(VolunteersScript.source)
    }

    /// A form post's fields read as `read`, then the action, then a redirect; a mistake shows
    /// `page` again with the error.
    func post<T>(_ request: Request, _ context: AppContext, _ read: (inout Fields) throws -> T,
                 _ action: (T) async throws -> (location: String, flash: String),
                 orShow page: @escaping (DomainError) async throws -> Response) async throws -> Response {
        try await web.formPost(request, context, read, action, orShow: page)
    }

    static func time(_ millis: Int64) -> String { Date(millis: millis).shanghaiText }

    static func span(_ from: Int64, _ to: Int64) -> String { VolunteersText.span(from, to) }

    static func stars(_ n: Int) -> String { n == 0 ? "暂无星级" : String(repeating: "★", count: n) + String(repeating: "☆", count: 5 - n) }
}

extension VolunteersPages {
    struct ActivityRow {
        let id: Int64, title: String, kindLabel: String, stateLabel: String, when: String, place: String, placesText: String
        let isOff: Bool, isToday: Bool
    }

    func row(_ a: Activity) -> ActivityRow {
        let capacity = a.roles.reduce(0) { $0 + $1.capacity }, taken = a.roles.reduce(0) { $0 + $1.confirmed + $1.held }
        let waiting = a.roles.reduce(0) { $0 + $1.waiting }
        let today = Date(millis: a.startsAt).shanghaiText.prefix(10) == clock.now().shanghaiText.prefix(10)
        return ActivityRow(id: a.id, title: a.title, kindLabel: a.kind.label, stateLabel: a.state.label, when: Self.span(a.startsAt, a.endsAt),
                           place: a.placeName, placesText: "已报 \(taken)/\(capacity)" + (waiting > 0 ? "，候补 \(waiting)" : ""),
                           isOff: a.state == .cancelled || a.state == .draft, isToday: today)
    }
}
