import Accounts
import Foundation
import LinliKit
import Regions
import Residents
import Volunteers

/// The demo's volunteering: teams from the district down, 30 volunteers of 建设社区 (three of
/// them demo accounts), paper-ledger hours from past years, activities of the last weeks run
/// through the real rules at their own times (sign-up, check-in, certification), and
/// activities to come — one of them full, with a waiting list.
enum DemoVolunteers {
    static let skills: [[String]] = [["医护"], ["教育辅导"], ["文艺"], [], ["维修"], ["摄影"], [], ["心理咨询"], ["驾驶"], []]

    static func load(into system: LinliSystem, district: RegionNode, street: RegionNode, community: RegionNode, organization: String) async throws {
        let cli = system.commandLineActor
        let service = system.volunteers
        let now = system.clock.now()

        // Demo accounts bound to the registry people behind them (代为认证).
        var people: [String: Resident] = [:]
        for (username, name) in [("zyz.volunteer", "孙伟"), ("sg.worker", "陈静"), ("dy.member", "吴磊"), ("jm.resident", "郑秀英")] {
            var query = ResidentQuery()
            query.name = name
            query.regionId = community.id
            guard let resident = try await system.residents.search(query, actor: cli).items.first(where: { $0.name == name }) else { continue }
            let account = try await system.accounts.account(username: username, actor: cli)
            try await system.residents.linkAccount(userId: account.id, accountPath: account.regionPath, residentId: resident.id, actor: cli)
            people[username] = resident
        }

        let top = try await service.createTeam(.init(name: "邻里示范区志愿服务总队", kind: .community, regionId: district.id), actor: cli)
        let streetTeam = try await service.createTeam(.init(name: "东关街道志愿服务队", kind: .community, regionId: street.id, parentId: top.id), actor: cli)
        let team = try await service.createTeam(.init(name: "建设社区志愿服务队", kind: .community, regionId: community.id, parentId: streetTeam.id), actor: cli)
        _ = try await service.createTeam(.init(name: "东关社工服务中心志愿服务队", kind: .organization, regionId: street.id, parentId: streetTeam.id,
                                               sponsor: organization), actor: cli)
        _ = try await service.createTeam(.init(name: "区住建局双报到志愿服务队", kind: .unit, regionId: community.id, parentId: team.id,
                                               sponsor: "区住房和城乡建设局"), actor: cli)

        // 30 volunteers: 孙伟 (who leads the team), 陈静, and 28 residents aged 18–70.
        var query = ResidentQuery()
        query.regionId = community.id
        query.minAge = 18
        query.maxAge = 70
        query.limit = 80
        let named = Set(people.values.map(\.id))
        let candidates = try await system.residents.search(query, actor: cli).items.filter { !named.contains($0.id) }
        var volunteers: [Volunteer] = []
        for (index, resident) in ([people["zyz.volunteer"], people["sg.worker"]].compactMap { $0 } + candidates.prefix(28)).enumerated() {
            let skill = index == 0 ? ["维修", "驾驶"] : index == 1 ? ["持证社工", "心理咨询"] : skills[index % skills.count]
            volunteers.append(try await service.register(forResident: VolunteerDraft(
                residentId: resident.id, skills: skill, availability: index % 3 == 0 ? ["周末"] : ["工作日晚上", "周末"], consent: true,
                teamId: team.id), actor: cli))
        }
        if let leader = volunteers.first { _ = try await service.decide(teamId: team.id, volunteerId: leader.id, .makeLeader, actor: cli) }
        // 吴磊 registered himself and waits for approval.
        let member = try await system.accounts.account(username: "dy.member", actor: cli)
        _ = try await service.register(VolunteerDraft(residentId: 0, skills: ["信息技术"], consent: true), actor: system.auth.actor(for: member, ip: nil))

        // Hours from the paper ledgers of 2023–2025: the regulars have stars.
        let thisYear = ChinaStandardTime.reading(now).year
        var rows: [PaperLedger.Row] = []
        for (index, v) in volunteers.enumerated() {
            guard let number = v.number else { continue }
            let sessions = index == 0 ? 110 : index < 4 ? 40 + index * 5 : index % 4 == 0 ? 12 : 3
            for s in 0..<sessions {
                let year = thisYear - 1 - s % 3, month = 1 + (s * 7) % 12, day = 1 + (s * 11) % 28
                rows.append(PaperLedger.Row(line: rows.count + 2, volunteerNumber: number,
                                            serviceDate: ChinaStandardTime.dayText(year: year, month: month, day: day),
                                            content: ["社区环境清洁", "敬老院探访", "文明交通劝导", "防疫志愿服务"][s % 4], place: community.name,
                                            beneficiary: "社区居民", minutes: 180, lead: "张丽"))
            }
        }
        _ = try await service.importRecords(rows, actor: cli)

        // Three past activities, at their own times.
        let organiser = try await system.accounts.account(username: "sq.staff", actor: cli)
        let staff = system.auth.actor(for: organiser, ip: nil)
        for (daysAgo, title, hours, count) in [(45, "敬老院探访", 3.0, 12), (30, "社区环境清洁日", 3.0, 15), (14, "冬季义诊：测血压", 2.0, 10)] {
            try await past(system, staff: staff, community: community, daysAgo: daysAgo, title: title, hours: hours, people: Array(volunteers.prefix(count + 2)))
        }

        if let sun = volunteers.first { _ = try await service.issueCertificate(volunteerId: sun.id, actor: cli) }

        // To come: a full one with a waiting list, a patrol with two roles, two for residents.
        let day = 86_400.0
        let tomorrow = ChinaStandardTime.reading(now.addingTimeInterval(day))
        let nine = ChinaStandardTime.startOfDay(year: tomorrow.year, month: tomorrow.month, day: tomorrow.day).addingTimeInterval(9 * 3600)
        let haircut = try await service.create(ActivityDraft(
            title: "周末助老义剪", kind: .service, description: "为行动不便的老人上门理发", regionId: community.id, teamId: team.id,
            beneficiary: "高龄老人", lead: "孙伟", startsAt: nine.addingTimeInterval(2 * day), endsAt: nine.addingTimeInterval(2 * day + 3 * 3600),
            roles: [.init(name: "理发", capacity: 4), .init(name: "陪同", capacity: 4)]), actor: staff)
        _ = try await service.transition(activityId: haircut.id, .publish, actor: staff)
        for (index, v) in volunteers.dropFirst(2).prefix(11).enumerated() {
            _ = try await service.signUp(activityId: haircut.id, roleId: haircut.roles[index < 4 ? 0 : 1].id, residentId: v.residentId, actor: staff)
        }
        let patrol = try await service.create(ActivityDraft(
            title: "社区安全巡查", kind: .service, description: "楼道消防通道、电动车充电检查", regionId: community.id, teamId: team.id,
            beneficiary: "社区居民", lead: "张丽", startsAt: nine.addingTimeInterval(4 * day), endsAt: nine.addingTimeInterval(4 * day + 2 * 3600),
            roles: [.init(name: "巡查", capacity: 6), .init(name: "登记", capacity: 2, qualification: "信息技术")]), actor: staff)
        _ = try await service.transition(activityId: patrol.id, .publish, actor: staff)
        if let sun = volunteers.first {
            _ = try await service.signUp(activityId: patrol.id, roleId: patrol.roles[0].id, residentId: sun.residentId, actor: staff)
        }
        let lecture = try await service.create(ActivityDraft(
            title: "冬季健康讲座", kind: .resident, description: "社区卫生服务站医生讲冬季心脑血管疾病预防", regionId: community.id,
            beneficiary: "社区居民", lead: "张丽", startsAt: nine.addingTimeInterval(5 * day + 5 * 3600), endsAt: nine.addingTimeInterval(5 * day + 6.5 * 3600),
            roles: [.init(name: "参加", capacity: 40)]), actor: staff)
        _ = try await service.transition(activityId: lecture.id, .publish, actor: staff)
        let lunch = try await service.create(ActivityDraft(
            title: "独居老人冬季关爱午餐", kind: .resident, description: "社区食堂一起吃午饭，社工陪同", regionId: community.id, targetTag: "独居老人",
            beneficiary: "独居老人", lead: "陈静", startsAt: nine.addingTimeInterval(3 * day + 2.5 * 3600), endsAt: nine.addingTimeInterval(3 * day + 4 * 3600),
            roles: [.init(name: "参加", capacity: 15)]), actor: staff)
        _ = try await service.transition(activityId: lunch.id, .publish, actor: staff)
        _ = try await service.create(ActivityDraft(
            title: "春节写春联（草稿）", kind: .resident, regionId: community.id, startsAt: nine.addingTimeInterval(30 * day),
            endsAt: nine.addingTimeInterval(30 * day + 3 * 3600), roles: [.init(name: "参加", capacity: 30)]), actor: staff)
    }

    /// One past activity run at its own time: published three days before, signed up, ticked
    /// in and out on the day (one came without checking out, one did not come), finished and
    /// certified an hour after it ended.
    static func past(_ system: LinliSystem, staff: Actor, community: RegionNode, daysAgo: Int, title: String, hours: Double,
                     people: [Volunteer]) async throws {
        let reading = ChinaStandardTime.reading(system.clock.now().addingTimeInterval(-Double(daysAgo) * 86_400))
        let start = ChinaStandardTime.startOfDay(year: reading.year, month: reading.month, day: reading.day).addingTimeInterval(9 * 3600)
        let clock = ManualClock(start.addingTimeInterval(-3 * 86_400))
        let then = system.volunteers.at(clock)
        let draft = ActivityDraft(title: title, kind: .service, description: title, regionId: community.id, beneficiary: "社区居民", lead: "张丽",
                                  startsAt: start, endsAt: start.addingTimeInterval(hours * 3600), roles: [.init(name: "志愿者", capacity: people.count)])
        let activity = try await then.create(draft, actor: staff)
        _ = try await then.transition(activityId: activity.id, .publish, actor: staff)
        var signUps: [Int64] = []
        for v in people { signUps.append(try await then.signUp(activityId: activity.id, roleId: nil, residentId: v.residentId, actor: staff).signUp.id) }
        clock.advance(seconds: 3 * 86_400 - 600)
        for (index, id) in signUps.enumerated() where index != signUps.count - 1 {
            _ = try await then.mark(activityId: activity.id, signUpId: id, personalCode: nil, punch: .checkIn, actor: staff)
        }
        clock.advance(seconds: hours * 3600 + 900)
        for (index, id) in signUps.enumerated() where index < signUps.count - 2 {
            _ = try await then.mark(activityId: activity.id, signUpId: id, personalCode: nil, punch: .checkOut, actor: staff)
        }
        clock.advance(seconds: 3600)
        _ = try await then.transition(activityId: activity.id, .finish, actor: staff)
        _ = try await then.certify(activityId: activity.id, rating: 5, actor: staff)
    }
}
