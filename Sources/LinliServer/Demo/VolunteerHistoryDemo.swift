import Foundation
import LinliKit
import Residents
import Volunteers

/// Volunteers of the district-scale demo (and the benchmarks in `bench/`): adult residents
/// drawn at random from the registry, a third with skills, and service records of the last
/// three years as a paper ledger would hold them — most volunteers with a few, some regulars
/// with many (so some have stars). The records sum to exactly `records`.
enum VolunteerHistoryDemo {
    static let batch = 10_000
    static let services = ["社区环境清洁", "独居老人探访", "义诊协助", "垃圾分类宣传", "文明交通引导", "四点半课堂辅导", "防诈骗宣传",
                           "便民维修", "读书分享会", "助餐送餐", "文艺演出", "政策宣讲", "疫苗接种引导", "河道巡护"]
    static let places = ["社区党群服务中心", "小区广场", "社区养老服务站", "辖区学校门口", "社区卫生服务站", "老年活动室"]
    static let beneficiaries = ["社区居民", "独居老人", "儿童青少年", "残疾人", "困难家庭"]

    static func load(into system: LinliSystem, residents: Int, volunteers: Int, records: Int, seed: UInt64,
                     progress: @Sendable (String) -> Void) async throws -> (volunteers: Int, records: Int) {
        guard volunteers > 0 else { return (0, 0) }
        var random = DemoPeople(seed: seed &+ 2, districtPrefix: "610103")
        let counts = recordCounts(volunteers: volunteers, records: records, random: &random)
        // The bulk-loaded registry's ids are 1…residents; a shuffled walk through them finds adults.
        var ids = Array(Int64(1)...Int64(max(residents, 1)))
        ids.shuffle(using: &random.random)
        let now = system.clock.now()
        let adultBorn = Calendar.shanghai.component(.year, from: now) - 18
        var next = 0
        var made = (volunteers: 0, records: 0)
        while made.volunteers < volunteers {
            guard next < ids.count else { throw DemoDistrict.DemoError.notEnoughResidents(volunteers) }
            let chunk = Array(ids[next..<min(next + batch * 2, ids.count)])
            next += chunk.count
            let found = try await system.residents.residents(ids: chunk)
            var drafts: [HistoricVolunteer] = []
            for id in chunk where made.volunteers + drafts.count < volunteers && drafts.count < batch {
                guard let person = found[id], let born = person.birthDate.flatMap({ Int($0.prefix(4)) }), born <= adultBorn, born > adultBorn - 60 else { continue }
                let count = counts[made.volunteers + drafts.count]
                drafts.append(volunteer(id, records: count, now: now, random: &random))
            }
            let stored = try await system.volunteers.bulkLoad(drafts, actor: system.commandLineActor)
            made.volunteers += stored.volunteers
            made.records += stored.records
            progress("志愿者：\(made.volunteers) / \(volunteers)，服务记录 \(made.records)")
        }
        return made
    }

    /// How many records each volunteer has: 40% a few, 40% a dozen, 20% regulars with three
    /// times the mean — then evened out so that they sum to `records`.
    static func recordCounts(volunteers: Int, records: Int, random: inout DemoPeople) -> [Int] {
        let mean = Double(records) / Double(volunteers)
        var counts = (0..<volunteers).map { _ -> Int in
            let roll = random.below(100)
            let factor = roll < 40 ? 0.15 : roll < 80 ? 0.9 : 2.9
            return max(0, Int((mean * factor * (0.5 + Double(random.below(101)) / 100)).rounded()))
        }
        var difference = records - counts.reduce(0, +)
        var index = 0
        while difference != 0 {
            if difference > 0 { counts[index] += 1; difference -= 1 } else if counts[index] > 0 { counts[index] -= 1; difference += 1 }
            index = (index + 1) % volunteers
        }
        return counts
    }

    static func day(_ date: Date) -> String {
        let r = ChinaStandardTime.reading(date)
        return ChinaStandardTime.dayText(year: r.year, month: r.month, day: r.day)
    }

    static func volunteer(_ residentId: Int64, records: Int, now: Date, random: inout DemoPeople) -> HistoricVolunteer {
        var skills: [String] = []
        if random.chance(0.35) {
            skills.append(random.pick(VolunteerRules.suggestedSkills))
            if random.chance(0.3) {
                let second = random.pick(VolunteerRules.suggestedSkills)
                if second != skills[0] { skills.append(second) }
            }
        }
        let availability = random.chance(0.5) ? ["周末"] : random.chance(0.5) ? ["工作日晚上", "周末"] : ["随时"]
        let days = 3 * 365
        let approvedDaysAgo = days + random.below(365)
        let served = (0..<records).map { _ in
            HistoricService(date: day(now.addingTimeInterval(-Double(1 + random.below(days)) * 86_400)),
                            content: random.pick(Self.services), place: random.pick(Self.places), beneficiary: random.pick(Self.beneficiaries),
                            minutes: Int64(60 + 30 * random.below(7)), lead: random.name(male: random.chance(0.5)))
        }
        return HistoricVolunteer(residentId: residentId, skills: skills, availability: availability,
                                 approvedAt: now.addingTimeInterval(-Double(approvedDaysAgo) * 86_400), services: served)
    }
}
