import Accounts
import Foundation
import LinliKit
import Regions
import Requests

/// A year of requests for the district-scale demo (and the benchmarks in `bench/`): staff
/// accounts for every street, community and grid, then requests submitted over the last 365
/// days and driven through the real workflow (`Workflow.apply`) with realistic delays. A step
/// whose time would fall after now is not taken, so recent requests are still open at every
/// stage, some late; overdue ones carry the 督办 level the sweep would have given them.
enum RequestHistoryDemo {
    struct Grid {
        let node: BulkRegion
        let community: BulkRegion
        let street: BulkRegion
        let households: [(BulkRegion, String)]
    }

    struct Person {
        let id: Int64
        let name: String
    }

    /// Who works where: one community worker per community (dispatches, verifies, calls
    /// back), one grid worker per grid (handles).
    struct Staff {
        var community: [Int64: Person] = [:]
        var grid: [Int64: Person] = [:]
    }

    static let batch = 20_000

    static func load(into system: LinliSystem, grids: [Grid], staff: Staff, count: Int, seed: UInt64,
                     progress: @Sendable (String) -> Void) async throws -> Int {
        let items = try await system.catalog.catalog(actor: system.commandLineActor).items.filter(\.active)
        let calendar = try await system.calendar.calendar()
        let now = system.clock.now()
        var random = DemoPeople(seed: seed &+ 1, districtPrefix: "610103")
        var written = 0
        while written < count {
            var history: [HistoricRequest] = []
            history.reserveCapacity(min(batch, count - written))
            for _ in 0..<min(batch, count - written) {
                let grid = random.pick(grids)
                history.append(try request(at: grid, items: items, staff: staff, calendar: calendar, now: now, random: &random))
            }
            written += try await system.requests.bulkLoad(history, actor: system.commandLineActor)
            progress("诉求：\(written) / \(count)")
        }
        return written
    }

    static func accounts(_ system: LinliSystem, grids: [Grid], district: BulkRegion) async throws -> (Staff, [DemoDistrict.Login]) {
        let cli = system.commandLineActor
        var staff = Staff()
        var logins: [DemoDistrict.Login] = []
        func create(_ username: String, _ name: String, _ role: Role, _ node: BulkRegion) async throws -> Person {
            let account = try await system.accounts.create(.init(username: username, displayName: name, role: role, regionId: node.id,
                                                                 password: DemoDistrict.password), actor: cli)
            if logins.count < 8 || role == .districtAdmin { logins.append(.init(username: username, role: role, displayName: name, scopeName: node.name)) }
            return Person(id: account.id, name: name)
        }
        _ = try await create("qu.admin", "区民政局 王建国", .districtAdmin, district)
        var streets: Set<Int64> = []
        var communities = 0
        for grid in grids {
            if streets.insert(grid.street.id).inserted {
                _ = try await create(String(format: "jd%02d", streets.count), "\(grid.street.name) 管理员", .streetAdmin, grid.street)
            }
            if staff.community[grid.community.id] == nil {
                communities += 1
                staff.community[grid.community.id] = try await create(String(format: "sq%03d", communities), "\(grid.community.name) 社区工作者",
                                                                      .communityStaff, grid.community)
            }
            let username = String(format: "wg%04d", staff.grid.count + 1)
            staff.grid[grid.node.id] = try await create(username, "\(grid.community.name)\(grid.node.name) 网格员", .gridWorker, grid.node)
            _ = try await system.teams.assign(gridId: grid.node.id, username: username, duty: .fullTime, actor: cli)
        }
        return (staff, logins)
    }

    static let phrases = ["已经好几天了，请尽快处理", "影响居民正常生活", "老人行动不便，希望上门", "多次反映未解决", "晚上尤其严重",
                          "楼里好几户都有这个问题", "请社区帮忙协调", "孩子放学经过这里不安全", "希望能有个答复", "周末也可以联系我"]

    /// One request's life up to now.
    static func request(at grid: Grid, items: [CatalogItem], staff: Staff, calendar: WorkCalendar, now: Date, days: Int = 365,
                        random: inout DemoPeople) throws -> HistoricRequest {
        let item = random.pick(items)
        let (household, address) = random.pick(grid.households)
        let worker = staff.grid[grid.node.id]!
        let desk = staff.community[grid.community.id]!
        let channel: IntakeChannel = random.chance(0.6) ? .hotline : random.chance(0.75) ? .gridWorker : .onBehalf
        let enteredBy = channel == .gridWorker ? worker : desk
        // Over the last `days` days, mostly in the daytime.
        let day = now.addingTimeInterval(-Double(random.below(days) + 1) * 86_400)
        let startOfDay = Calendar.shanghai.startOfDay(for: day)
        let minute = random.chance(0.85) ? 8 * 60 + random.below(12 * 60) : random.below(24 * 60)
        var at = startOfDay.addingTimeInterval(Double(minute * 60 + random.below(60)))
        if at > now { at = now.addingTimeInterval(-3600) }
        let contact = random.name(male: random.chance(0.5))
        var progress = RequestProgress.start(at: at, limits: item.limits, calendar: calendar)
        var events = [HistoricEvent(kind: .submit, fromState: nil, toState: .received, actorUserId: enteredBy.id, actorName: enteredBy.name,
                                    actorRole: channel.label, note: nil, isInternal: false, data: ["item": item.code], at: at)]
        var handlerPath: String?

        func minutes(_ low: Int, _ high: Int) -> Int { low + random.below(high - low + 1) }
        /// Takes the step `minutes` after the last one, unless that is in the future.
        func step(_ action: RequestAction, by person: Person, as participant: Participant, after delay: Int,
                  data: [String: String] = [:]) throws -> Bool {
            let when = at.addingTimeInterval(Double(delay * 60))
            guard when < now else { return false }
            let before = progress.state
            progress = try Workflow.apply(progress, action, roles: [participant], at: when, limits: item.limits, calendar: calendar)
            events.append(HistoricEvent(kind: .action(action.kind), fromState: before, toState: progress.state, actorUserId: person.id,
                                        actorName: person.name, actorRole: participant.label,
                                        note: action.text, isInternal: action.kind.isInternal, data: data, at: when))
            at = when
            return true
        }
        var going = true
        var steps = 0
        while going && steps < 16 {
            steps += 1
            switch progress.state {
            case .received:
                let roll = random.below(100)
                if roll < 3 {
                    _ = try step(.reject(reason: "不属于受理范围，已告知诉求人"), by: desk, as: .dispatcher, after: minutes(10, 240))
                    going = false
                } else if roll < 4 {
                    _ = try step(.void(reason: "重复诉求"), by: desk, as: .dispatcher, after: minutes(10, 240))
                    going = false
                } else {
                    going = try step(.register(note: nil), by: desk, as: .dispatcher, after: minutes(5, 300))
                }
            case .registered:
                handlerPath = grid.node.path
                going = try step(.dispatch(handler: worker.id, coHandlers: [], note: nil), by: desk, as: .dispatcher, after: minutes(5, 120),
                                 data: ["handler": worker.name, "handlerId": String(worker.id)])
            case .dispatched:
                let delay = random.chance(0.7) ? minutes(10, 240) : random.chance(0.85) ? minutes(240, 1440) : minutes(1440, 5760)
                going = try step(.claim, by: worker, as: .handler, after: delay)
            case .inProgress:
                if progress.extensionCount == 0 && progress.pending == nil && random.chance(0.03) {
                    going = try step(.requestExtension(minutes: 960, reason: "需要协调物业和相关部门"), by: worker, as: .handler, after: minutes(60, 1440),
                                     data: ["minutes": "960"])
                } else if progress.pending != nil {
                    going = try step(.approveExtension(note: nil), by: desk, as: .approver, after: minutes(30, 600))
                } else {
                    let delay = random.chance(0.75) ? minutes(120, 2880) : minutes(2880, 10_080)
                    going = try step(.report(result: "已到现场处置：\(random.pick(["已维修完毕", "已协调解决", "已清理干净", "已上门走访并落实", "已联系相关部门处理"]))"),
                                     by: worker, as: .handler, after: delay)
                }
            case .reported:
                if random.chance(0.04) {
                    going = try step(.verifyFail(reason: "现场复查未处理到位"), by: desk, as: .verifier, after: minutes(30, 2880))
                } else {
                    going = try step(.verifyPass(note: nil), by: desk, as: .verifier, after: minutes(30, 2880))
                }
            case .closed:
                guard random.chance(0.8) else { going = false; break }
                let roll = random.below(100)
                let score = roll < 60 ? 5 : roll < 85 ? 4 : roll < 94 ? 3 : roll < 98 ? 2 : 1
                going = try step(.rate(score: score, comment: nil), by: desk, as: .reviewer, after: minutes(1440, 7200),
                                 data: ["score": String(score)])
            case .suspended:
                going = try step(.resume(note: nil), by: worker, as: .handler, after: minutes(600, 4800))
            case .rated, .rejected, .voided, .withdrawn:
                going = false
            }
        }
        superviseOverdue(&progress, &events, item: item, calendar: calendar, now: now)
        return HistoricRequest(item: item, channel: channel, description: "\(item.name)：\(random.pick(phrases))", regionId: household.id,
                               regionPath: household.path, place: address, contactName: contact, phone: random.phone(),
                               enteredBy: enteredBy.id, handlerPath: handlerPath, progress: progress, events: events)
    }

    /// What the clock sweep would have done by now: 督办 at the level the overdue time
    /// reaches (one event per level), or 即将超期 once.
    static func superviseOverdue(_ progress: inout RequestProgress, _ events: inout [HistoricEvent], item: CatalogItem,
                                 calendar: WorkCalendar, now: Date) {
        guard let due = progress.currentDue, let stage = progress.state.stage else { return }
        let state = progress.state
        if now > due {
            let level = EscalationRules.level(overdueMinutes: max(calendar.workingMinutes(from: due, to: now), 1), workingDay: calendar.minutesPerDay)
            for l in 1...max(level, 1) where level > 0 {
                events.append(HistoricEvent(kind: .escalate, fromState: state, toState: state, actorUserId: nil, actorName: "系统", actorRole: "系统",
                                            note: "\(stage.label)已超期，\(EscalationRules.label(l))", isInternal: false,
                                            data: ["level": String(l)], at: min(now, max(due, events.last!.at).addingTimeInterval(Double(l * 60)))))
            }
            progress.escalationLevel = level
            progress.warned = true
        } else if calendar.workingMinutes(from: now, to: due) <= EscalationRules.warnThreshold(stageMinutes: item.limits.minutes(stage), warnMinutes: 120) {
            events.append(HistoricEvent(kind: .warn, fromState: state, toState: state, actorUserId: nil, actorName: "系统", actorRole: "系统",
                                        note: "\(stage.label)即将到期", isInternal: false, data: ["level": "0"], at: now))
            progress.warned = true
        }
    }
}
