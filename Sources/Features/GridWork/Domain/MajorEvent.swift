import Foundation

/// 重大事件 — what makes high-risk people due within hours.
public enum MajorEventKind: String, Sendable, Codable, CaseIterable {
    case coldWave = "cold_wave", heatWave = "heat_wave", rainstorm, flood, waterCut = "water_cut", powerCut = "power_cut", other

    public var label: String {
        switch self {
        case .coldWave: "寒潮"
        case .heatWave: "高温"
        case .rainstorm: "暴雨"
        case .flood: "洪涝预警"
        case .waterCut: "停水"
        case .powerCut: "停电"
        case .other: "其他"
        }
    }

    public static func parse(_ text: String) -> MajorEventKind? { MajorEventKind(rawValue: text) ?? allCases.first { $0.label == text } }
}

/// A major event declared for a region by its staff; open until they end it.
public struct MajorEvent: Sendable, Codable, Equatable {
    public let id: Int64
    public let kind: MajorEventKind
    public let title: String
    public let note: String?
    public let regionId: Int64
    public let regionPath: String
    public let regionName: String
    public let declaredAt: Date
    public let declaredBy: String
    public let endedAt: Date?

    public var kindLabel: String { kind.label }
    public var isOpen: Bool { endedAt == nil }
    public var trigger: EventTrigger { EventTrigger(eventId: id, declaredAt: declaredAt) }
}
