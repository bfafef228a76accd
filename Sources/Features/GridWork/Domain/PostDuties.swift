import LinliKit
import Regions

/// 岗位定责 — the kinds of work a grid team has to cover.
public enum GridTask: String, Sendable, Codable, CaseIterable {
    /// 入户走访 — the visit plan
    case visits
    /// 日常巡查 — the patrol quota
    case patrols
    /// 事件上报 — problems found, reported as requests
    case reports
    /// 诉求办理 — requests dispatched to the grid
    case requests
    /// 队伍管理与考核 — leading the team, checking its work
    case oversight

    public var label: String {
        switch self {
        case .visits: "入户走访"
        case .patrols: "日常巡查"
        case .reports: "事件上报"
        case .requests: "诉求办理"
        case .oversight: "督导考核"
        }
    }
}

/// Which post (网格长, 专职网格员, 兼职网格员) carries which tasks: district data, with the
/// common division of Yuyang's 五定 as the default (docs/grid-work.md).
public struct PostDuties: Sendable, Codable, Equatable {
    public var tasks: [String: [GridTask]]

    public init(tasks: [GridDuty: [GridTask]]) {
        self.tasks = Dictionary(uniqueKeysWithValues: tasks.map { ($0.key.rawValue, $0.value) })
    }

    public static let defaults = PostDuties(tasks: [
        .leader: [.oversight, .requests],
        .fullTime: [.visits, .patrols, .reports, .requests],
        .partTime: [.visits, .patrols, .reports],
    ])

    public func tasks(of duty: GridDuty) -> [GridTask] { tasks[duty.rawValue] ?? [] }

    /// Every task some post carries.
    public var required: [GridTask] { GridTask.allCases.filter { task in tasks.values.contains { $0.contains(task) } } }

    /// Who in `team` carries each required task; a task with nobody is uncovered.
    public func coverage(of team: [TeamMember]) -> [(task: GridTask, people: [TeamMember])] {
        required.map { task in (task, team.filter { tasks(of: $0.duty).contains(task) }) }
    }

    public func uncovered(by team: [TeamMember]) -> [GridTask] { coverage(of: team).filter { $0.people.isEmpty }.map(\.task) }

    /// Whether `member` carries `task` in their grid.
    public func carries(_ duty: GridDuty, _ task: GridTask) -> Bool { tasks(of: duty).contains(task) }
}
