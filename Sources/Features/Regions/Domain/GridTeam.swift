import LinliKit

/// A grid team is "1+1+X": one grid leader (网格长), one full-time grid worker (专职网格员),
/// and any number of part-time members (兼职网格员).
public enum GridDuty: String, Sendable, CaseIterable, Codable {
    case leader
    case fullTime = "full_time"
    case partTime = "part_time"

    public var label: String {
        switch self {
        case .leader: "网格长"
        case .fullTime: "专职网格员"
        case .partTime: "兼职网格员"
        }
    }

    public static func parse(_ text: String) -> GridDuty? {
        GridDuty(rawValue: text) ?? allCases.first { $0.label == text }
    }

    /// Duties of which a team has at most one.
    public var isSingular: Bool { self != .partTime }
}

public struct TeamMember: Sendable, Equatable, Codable {
    public let userId: Int64
    public let displayName: String
    public let duty: GridDuty
    public var dutyLabel: String { duty.label }

    public init(userId: Int64, displayName: String, duty: GridDuty) {
        self.userId = userId
        self.displayName = displayName
        self.duty = duty
    }
}

public enum GridTeamRules {
    /// Checks adding `duty` for `userId` to a team that currently has `members`.
    /// Re-assigning a member to another duty replaces their old duty.
    public static func checkAssign(userId: Int64, duty: GridDuty, members: [TeamMember]) throws {
        let others = members.filter { $0.userId != userId }
        if duty.isSingular, let holder = others.first(where: { $0.duty == duty }) {
            throw DomainError.conflict("本网格已有\(duty.label)「\(holder.displayName)」，请先移除后再指定")
        }
    }
}
