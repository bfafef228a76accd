import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Residents
import Testing
import Volunteers

/// The shared fixture plus registry people and the volunteers feature's own helpers.
struct VolunteerFixture {
    let f: Fixture
    var system: LinliSystem { f.system }
    var volunteers: VolunteerService { f.system.volunteers }
    var staff: Actor { f.actor(.communityStaff) }

    static func build(_ system: LinliSystem) async throws -> VolunteerFixture {
        VolunteerFixture(f: try await Fixture.build(system))
    }

    static func idNumber(_ n: Int) -> String { Fixture.idNumber(n) }

    /// A registry resident (by the command line) at `node`.
    func resident(_ name: String, number: Int, at node: RegionNode, tags: [String] = []) async throws -> Resident {
        try await system.residents.create(ResidentDraft(regionId: node.id, name: name, idNumber: Self.idNumber(number), tags: tags), actor: f.cli)
    }

    /// A registry resident registered and approved as a volunteer by the community.
    func volunteer(_ name: String, number: Int, at node: RegionNode, skills: [String] = []) async throws -> (Resident, Volunteer) {
        let person = try await resident(name, number: number, at: node)
        let v = try await volunteers.register(forResident: VolunteerDraft(residentId: person.id, skills: skills, consent: !skills.isEmpty), actor: staff)
        return (person, v)
    }

    /// The fixture's account of `role` bound to a new registry person at its own place, as a
    /// volunteer (approved) when `volunteer` is set.
    func person(_ role: Role, name: String, number: Int, at node: RegionNode? = nil, volunteer: Bool = false,
                skills: [String] = []) async throws -> (actor: Actor, resident: Resident) {
        let actor = f.actor(role)
        let home = node ?? (role == .resident ? f.h1 : f.h1)
        let person = try await resident(name, number: number, at: home)
        _ = try await system.residents.identify(idNumber: Self.idNumber(number), name: name, actor: actor)
        if volunteer {
            let v = try await volunteers.register(VolunteerDraft(residentId: 0, skills: skills, consent: !skills.isEmpty), actor: actor)
            _ = try await volunteers.decide(volunteerId: v.id, approve: true, actor: staff)
        }
        return (actor, person)
    }

    /// An activity at the community, published, starting `startsIn` from now.
    func activity(_ title: String = "敬老院探访", kind: ActivityKind = .service, capacity: Int = 5, startsIn: TimeInterval = 3 * 86_400,
                  hours: TimeInterval = 3, waitingList: WaitingListMode = .automatic, roles: [ActivityDraft.Role]? = nil,
                  place: RegionNode? = nil, targetTag: String? = nil, by actor: Actor? = nil, publish: Bool = true) async throws -> Activity {
        let now = system.clock.now()
        let start = now.addingTimeInterval(startsIn)
        let draft = ActivityDraft(title: title, kind: kind, description: "陪老人聊天、整理房间", regionId: (place ?? f.c1).id, targetTag: targetTag,
                                  beneficiary: "独居老人", lead: "王队长", startsAt: start, endsAt: start.addingTimeInterval(hours * 3600),
                                  waitingList: waitingList, roles: roles ?? [.init(name: kind == .service ? "陪伴" : "参加", capacity: capacity)])
        let created = try await volunteers.create(draft, actor: actor ?? staff)
        return publish ? try await volunteers.transition(activityId: created.id, .publish, actor: actor ?? staff) : created
    }

    func auditCount() async throws -> Int { try await f.auditCount() }

    func statuses(_ activityId: Int64) async throws -> [SignUpStatus: Int] {
        let list = try await volunteers.signUps(activityId: activityId, actor: staff)
        return Dictionary(grouping: list.signUps, by: \.status).mapValues(\.count)
    }
}

/// Expects a zh-CN field error naming `field`; returns its message.
@discardableResult
func refusal(_ field: String, _ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> String? {
    do {
        try await body()
        Issue.record("accepted, expected a refusal on \(field)", sourceLocation: sourceLocation)
    } catch let error as DomainError {
        #expect(error.fields[field] != nil || error.kind != .invalid, "fields: \(error.fields)", sourceLocation: sourceLocation)
        return error.fields[field] ?? error.message
    } catch {
        Issue.record("\(error)", sourceLocation: sourceLocation)
    }
    return nil
}
