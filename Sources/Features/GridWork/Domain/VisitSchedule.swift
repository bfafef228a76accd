import Foundation

/// A major event (寒潮, 暴雨, 停水 …) as the plan sees it: when it was declared for a place
/// that contains the person.
public struct EventTrigger: Sendable, Equatable {
    public let eventId: Int64
    public let declaredAt: Date

    public init(eventId: Int64, declaredAt: Date) {
        self.eventId = eventId
        self.declaredAt = declaredAt
    }
}

/// When someone in the plan is due next, and why.
public struct VisitDue: Sendable, Equatable {
    /// The end of the period that still needs a visit.
    public let periodDue: Date
    /// The earliest event that still needs a visit, and by when.
    public let event: EventTrigger?
    public let eventDue: Date?
    /// The earlier of the two.
    public var due: Date { eventDue.map { min($0, periodDue) } ?? periodDue }
}

/// 走访定时 as plain arithmetic: one visit in every period of the class's cadence, and for a
/// class that answers major events one visit within `eventHours` of each event declared
/// since the last visit.
public enum VisitSchedule {
    /// - `since`: when the person came into the plan; `lastVisit`: their latest visit, if any;
    /// - `followUp`: a sooner return the last visitor asked for;
    /// - `events`: open events for their place (any order); ignored unless `visitClass.onMajorEvents`.
    public static func due(_ visitClass: VisitClass, rules: VisitRules, since: Date, lastVisit: Date?, followUp: Date? = nil,
                           events: [EventTrigger]) -> VisitDue {
        var periodDue: Date
        if let lastVisit {
            // Visited in this period: the next one is needed by the end of the period after it.
            periodDue = visitClass.cadence.period(containing: visitClass.cadence.period(containing: lastVisit).end).end
            if let followUp, followUp > lastVisit { periodDue = min(periodDue, followUp) }
        } else {
            let grace = since.addingTimeInterval(Double(rules.newcomerDays) * 86_400)
            periodDue = max(visitClass.cadence.period(containing: since).end, grace)
        }
        guard visitClass.onMajorEvents else { return VisitDue(periodDue: periodDue, event: nil, eventDue: nil) }
        let hours = Double(rules.eventHours) * 3600
        let outstanding = events.filter { event in lastVisit.map { $0 < event.declaredAt } ?? true }
            .map { ($0, max($0.declaredAt, since).addingTimeInterval(hours)) }
            .min { $0.1 < $1.1 }
        return VisitDue(periodDue: periodDue, event: outstanding?.0, eventDue: outstanding?.1)
    }
}
