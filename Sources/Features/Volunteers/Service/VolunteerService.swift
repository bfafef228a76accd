import Crypto
import Foundation
import LinliKit
import Notifications
import Regions
import Residents

/// 志愿服务 — the volunteer register, teams, activities with sign-up and waiting lists,
/// check-in, service records, stars and certificates. A person is the registry's resident
/// (`ResidentService.identity`): the same one signs up for a resident activity, volunteers and
/// later holds points.
public struct VolunteerService: Sendable {
    let database: Database
    let audit: AuditLog
    var clock: any Clock
    let regions: RegionService
    let residents: ResidentService
    let notifications: NotificationService
    let settings: VolunteersSettings
    /// The points bank, when the district runs one: certified service and attendance earn points.
    let awards: (any PointAwarding)?
    /// Signs check-in codes and personal codes; derived from the data key, so every instance
    /// of one deployment makes and accepts the same codes.
    let codeSecret: Data
    var codeKey: SymmetricKey { SymmetricKey(data: codeSecret) }

    public init(database: Database, audit: AuditLog, clock: any Clock, regions: RegionService, residents: ResidentService,
                notifications: NotificationService, settings: VolunteersSettings, vault: PersonalDataVault,
                awards: (any PointAwarding)? = nil) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.regions = regions
        self.residents = residents
        self.notifications = notifications
        self.settings = settings
        self.awards = awards
        codeSecret = Data(vault.blindIndex("volunteers.check-in", kind: "code-key").utf8)
    }

    public var stars: StarThresholds { settings.stars }

    /// The acting person as the registry knows them, with their volunteer registration.
    public struct Person: Sendable {
        public let resident: Resident
        public let volunteer: Volunteer?
        /// Paths of the volunteer's service areas.
        let areaPaths: [String]
        /// Teams the volunteer is an active member of, and those they lead.
        let teamIds: Set<Int64>
        let ledTeamIds: Set<Int64>
    }

    /// The actor's registry person, or the error that sends them to 实名认证.
    func person(_ actor: Actor) async throws -> Person {
        guard let person = try await personIfKnown(actor) else { throw Self.identityRequired }
        return person
    }

    static var identityRequired: DomainError { ResidentService.identityRequired }

    func personIfKnown(_ actor: Actor) async throws -> Person? {
        guard let userId = actor.userId, let resident = try await residents.identity(ofUser: userId) else { return nil }
        return try await person(resident)
    }

    func person(_ resident: Resident) async throws -> Person {
        try await database.read { tx in
            guard let volunteer = try await VolunteerStore.find(tx, residentId: resident.id) else {
                return Person(resident: resident, volunteer: nil, areaPaths: [], teamIds: [], ledTeamIds: [])
            }
            let memberships = try await VolunteerTeamStore.memberships(tx, volunteerId: volunteer.id).filter { $0.status == .active }
            return Person(resident: resident, volunteer: volunteer, areaPaths: try await VolunteerStore.areaPaths(tx, volunteerId: volunteer.id),
                          teamIds: Set(memberships.map(\.teamId)), ledTeamIds: Set(memberships.filter { $0.role == .leader }.map(\.teamId)))
        }
    }

    /// The team ids the actor leads (as an active volunteer), for team leaders' authority.
    func ledTeams(_ actor: Actor) async throws -> Set<Int64> {
        guard let person = try await personIfKnown(actor), person.volunteer?.status == .active else { return [] }
        return person.ledTeamIds
    }

    /// Rule errors as field errors.
    static func checked<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as VolunteerRuleError { throw DomainError.invalid(fields: error.fields) }
    }

    /// A node the actor may name for a place, or a field error.
    func node(_ id: Int64, field: String, actor: Actor, what: String) async throws -> RegionNode {
        do {
            let node = try await regions.node(id, actor: actor)
            guard !node.retired else { throw DomainError.invalid(field, "\(what)已撤销") }
            return node
        } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid(field, "\(what)不存在或不在您的管辖范围内")
        }
    }

    /// The community at or above a path (the issuer of a certificate, the volunteer's home community).
    func community(above path: String) async throws -> RegionNode? {
        for ancestor in Scope.ancestorPaths(of: path).reversed() {
            guard let id = ancestor.split(separator: "/").last.flatMap({ Int64($0) }), let node = try await regions.lookup(id) else { continue }
            if node.level == .community { return node }
            if node.level < .community { return nil }
        }
        return nil
    }

    /// Tells the people with these accounts, inside the writing transaction.
    func tell(_ tx: Tx, _ userIds: [Int64?], title: String, body: String, link: String, event: String) async throws {
        let ids = userIds.compactMap { $0 }
        guard !ids.isEmpty else { return }
        try await notifications.post(tx, to: ids, Notice(title: title, body: body, link: link, facts: ["event": event]))
    }

    /// The background jobs act as this (holds that ran out, reminders).
    static let system = Actor(userId: nil, username: "system", displayName: "系统（志愿服务）", role: nil, scope: Scope(regionId: 0, path: "/"),
                              permissions: [], ip: nil)

    /// `yyyy-mm-dd` in Shanghai.
    static func dayText(_ millis: Int64) -> String {
        let r = ChinaStandardTime.reading(Date(millis: millis))
        return ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day)
    }

    static func shortTime(_ millis: Int64) -> String { Date(millis: millis).shanghaiText }
}
