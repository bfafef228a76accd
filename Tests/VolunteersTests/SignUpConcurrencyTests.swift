import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Testing
import Volunteers

@Suite("报名名额: capacity decided under the activity's lock, on SQLite and PostgreSQL")
struct SignUpConcurrencyTests {
    @Test(arguments: TestEngine.all)
    func twoHundredConcurrentSignUpsForFiftyPlacesGiveFiftyConfirmedAndOneHundredFiftyWaiting(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let v = try await VolunteerFixture.build(system)
            let activity = try await v.activity("社区健康讲座", kind: .resident, capacity: 50)
            var people: [Int64] = []
            for n in 0..<200 { people.append(try await v.resident("居民\(n)", number: n, at: v.f.h1).id) }
            let staff = v.staff
            let answers = try await withThrowingTaskGroup(of: SignUpResult.self) { group in
                for id in people {
                    group.addTask { try await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: id, actor: staff) }
                }
                var all: [SignUpResult] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            let outcomes = answers.map(\.signUp.status)
            #expect(answers.compactMap(\.waitingPosition).sorted() == Array(1...150), "each told a different place in the queue")
            #expect(outcomes.filter { $0 == .confirmed }.count == 50)
            #expect(outcomes.filter { $0 == .waiting }.count == 150)
            let stored = try await v.statuses(activity.id)
            #expect(stored == [.confirmed: 50, .waiting: 150], "what the database holds, not only what the calls answered")
            // The waiting list is one queue, 1…150, without gaps or repeats.
            let list = try await v.volunteers.signUps(activityId: activity.id, actor: staff).signUps.filter { $0.status == .waiting }
            #expect(Set(list.map(\.residentId)).count == 150)
            let role = try #require(try await v.volunteers.activity(activity.id, actor: staff).activity.roles.first)
            #expect(role.confirmed == 50 && role.waiting == 150)
        }
    }

    @Test(arguments: TestEngine.all)
    func aSecondSignUpOfOnePersonIsRefusedEvenWhenBothArriveAtOnce(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let v = try await VolunteerFixture.build(system)
            let activity = try await v.activity("义诊", kind: .resident, capacity: 10)
            let person = try await v.resident("赵大爷", number: 7, at: v.f.h1)
            let staff = v.staff
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask { (try? await v.volunteers.signUp(activityId: activity.id, roleId: nil, residentId: person.id, actor: staff)) != nil }
                }
                var all: [Bool] = []
                for await ok in group { all.append(ok) }
                return all
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await v.statuses(activity.id) == [.confirmed: 1])
        }
    }
}
