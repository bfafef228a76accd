import Foundation
import LinliKit

/// 巡查定量 — a grid's quota: so many patrols a day, every building passed within so many days.
/// District data (any level down to a grid may set its own), versioned like the visit rules.
public struct PatrolQuota: Sendable, Codable, Equatable {
    public var perDay: Int
    public var buildingEveryDays: Int

    public init(perDay: Int, buildingEveryDays: Int) {
        self.perDay = perDay
        self.buildingEveryDays = buildingEveryDays
    }

    /// Yuyang's 巡查定量 as the issue states it: two patrols a day, each building once a week.
    public static let defaults = PatrolQuota(perDay: 2, buildingEveryDays: 7)

    public func problems() -> [String: String] {
        var problems: [String: String] = [:]
        if !(0...10).contains(perDay) { problems["perDay"] = "每日巡查次数应在 0–10 之间" }
        if !(1...90).contains(buildingEveryDays) { problems["buildingEveryDays"] = "楼栋巡查周期应在 1–90 天之间" }
        return problems
    }
}

/// How a building was marked as passed.
public enum CheckInWay: String, Sendable, Codable, CaseIterable {
    /// 手动勾选
    case picked
    /// 扫楼栋码
    case plate

    public var label: String { self == .picked ? "手动勾选" : "扫楼栋码" }
}

/// What was done about a problem found on patrol.
public enum ProblemOutcome: String, Sendable, Codable, CaseIterable {
    /// 即时处理 — handled on the spot
    case handled
    /// 上报诉求 — raised as a request
    case reported

    public var label: String { self == .handled ? "即时处理" : "上报诉求" }

    public static func parse(_ text: String) -> ProblemOutcome? { ProblemOutcome(rawValue: text) ?? allCases.first { $0.label == text } }
}

public struct PatrolCheckIn: Sendable, Codable, Equatable {
    public let buildingId: Int64
    public let buildingName: String
    public let at: Date
    public let way: CheckInWay
}

public struct PatrolProblem: Sendable, Codable, Equatable {
    public let id: Int64
    public let description: String
    public let buildingId: Int64?
    public let outcome: ProblemOutcome
    /// What was done on the spot.
    public let handledNote: String?
    /// The request it became.
    public let requestId: Int64?
    public let at: Date
}

/// 巡查记录
public struct PatrolRecord: Sendable, Codable, Equatable {
    public let id: Int64
    public let gridId: Int64
    public let gridName: String
    public let regionPath: String
    public let patrollerId: Int64?
    public let patrollerName: String
    public let startedAt: Date
    public let endedAt: Date?
    public let notes: String?
    public let checkIns: [PatrolCheckIn]
    public let problems: [PatrolProblem]

    public var isOpen: Bool { endedAt == nil }
}

/// Where a grid stands against its quota on a day.
public struct PatrolProgress: Sendable, Equatable {
    public let quota: PatrolQuota
    /// Patrols ended today.
    public let doneToday: Int
    /// Buildings not passed within `buildingEveryDays`, the longest waiting first.
    public let buildingsDue: [(id: Int64, name: String, lastPassed: Date?)]

    public var patrolsLeft: Int { max(0, quota.perDay - doneToday) }

    public static func == (a: PatrolProgress, b: PatrolProgress) -> Bool {
        a.quota == b.quota && a.doneToday == b.doneToday && a.buildingsDue.map(\.id) == b.buildingsDue.map(\.id)
    }
}

public enum PatrolRules {
    /// A patrol lasts at most this long; one left open longer is ended at this length when read.
    public static let maxHours: TimeInterval = 12 * 3600

    /// The buildings of `all` (id, name) not passed since `cutoff`, by their last pass (never first).
    public static func due(_ all: [(id: Int64, name: String)], lastPassed: [Int64: Date], cutoff: Date)
        -> [(id: Int64, name: String, lastPassed: Date?)] {
        all.compactMap { b -> (id: Int64, name: String, lastPassed: Date?)? in
            let last = lastPassed[b.id]
            if let last, last >= cutoff { return nil }
            return (b.id, b.name, last)
        }.sorted { ($0.lastPassed ?? .distantPast, $0.id) < ($1.lastPassed ?? .distantPast, $1.id) }
    }

    /// The checks on ending a patrol.
    public static func checkEnd(startedAt: Date, endedAt: Date, now: Date) throws {
        if endedAt > now.addingTimeInterval(VisitChecks.clockSkew) { throw DomainError.invalid("endedAt", "结束时间不能晚于现在") }
        if endedAt < startedAt { throw DomainError.invalid("endedAt", "结束时间不能早于开始时间") }
        if endedAt.timeIntervalSince(startedAt) > maxHours { throw DomainError.invalid("endedAt", "一次巡查最长 12 小时") }
    }
}
