import Foundation

/// A new shift as asked for: who, where, when, repeated weekly some more times.
public struct ShiftDraft: Sendable {
    public var regionId: Int64
    public var userId: Int64
    public var startsAt: Date
    public var endsAt: Date
    public var repeatWeeks: Int
    public var note: String

    public init(regionId: Int64, userId: Int64, startsAt: Date, endsAt: Date, repeatWeeks: Int = 0, note: String = "") {
        self.regionId = regionId
        self.userId = userId
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.repeatWeeks = repeatWeeks
        self.note = note
    }
}
