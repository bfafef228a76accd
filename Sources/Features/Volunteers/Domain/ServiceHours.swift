import Foundation

/// 服务时长 — the time a volunteer served: from check-in to check-out within the role's slot,
/// so arriving early, leaving late and travel never count, and never more than the slot.
public enum ServiceHours {
    public struct Served: Sendable, Equatable {
        public let minutes: Int
        /// No check-out: the role's default duration was counted; the organiser should look.
        public let flagged: Bool
    }

    /// nil when the person never checked in (a no-show).
    public static func served(checkIn: Date?, checkOut: Date?, slotStart: Date, slotEnd: Date, defaultMinutes: Int) -> Served? {
        guard let checkIn else { return nil }
        let slot = Int(slotEnd.timeIntervalSince(slotStart) / 60)
        guard let checkOut else { return Served(minutes: min(max(defaultMinutes, 0), max(slot, 0)), flagged: true) }
        let from = max(checkIn, slotStart), to = min(checkOut, slotEnd)
        let minutes = Int((to.timeIntervalSince(from) / 60).rounded(.down))
        return Served(minutes: min(max(minutes, 0), max(slot, 0)), flagged: false)
    }

    /// "2.5 小时", "45 分钟".
    public static func text(minutes: Int64) -> String {
        if minutes < 60 { return "\(minutes) 分钟" }
        let tenths = (minutes * 10 + 30) / 60
        return tenths % 10 == 0 ? "\(tenths / 10) 小时" : "\(tenths / 10).\(tenths % 10) 小时"
    }
}

/// 爽约 rule: after `limit` no-shows within `days`, a person's sign-ups wait for approval.
public struct NoShowRule: Sendable, Equatable {
    public var limit: Int
    public var days: Int
    /// Common practice on volunteer platforms: three no-shows in 90 days.
    public static let common = NoShowRule(limit: 3, days: 90)

    public init(limit: Int, days: Int) {
        self.limit = limit
        self.days = days
    }

    public func needsApproval(noShows: Int) -> Bool { limit > 0 && noShows >= limit }
    public func since(_ now: Date) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }
}
