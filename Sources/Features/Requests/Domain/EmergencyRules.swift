import Foundation

/// 紧急诉求 — what makes a request urgent and what follows from it: the resident sees the
/// emergency numbers at once, the request's clock runs in real time, and out of working hours
/// it goes straight to whoever is on duty (docs/requests.md).
public enum EmergencyRules {
    public struct Number: Sendable, Equatable, Encodable {
        public let number: String
        public let label: String
    }

    /// The national emergency numbers: 120 急救, 110 报警, 119 火警.
    public static let numbers = [Number(number: "120", label: "急救"), Number(number: "110", label: "报警"), Number(number: "119", label: "火警")]

    /// Urgent when its item is a 紧急事项 or an answer is one of its question's urgent choices.
    public static func isUrgent(item: CatalogItem, answers: Answers) -> Bool {
        item.urgent || item.questions.contains { question in
            !question.urgentChoices.isEmpty && (answers[question.code] ?? []).contains { question.urgentChoices.contains($0) }
        }
    }

    /// The calendar an urgent request's time limits are counted in: every minute of every day.
    public static func calendar(urgent: Bool, working: WorkCalendar) -> WorkCalendar { urgent ? .roundTheClock : working }
}

extension WorkCalendar {
    /// Every minute of every day: real time.
    public static let roundTheClock = WorkCalendar(startMinute: 0, endMinute: 24 * 60, weekdays: Set(1...7))

    /// Whether `moment` falls inside working hours of a working day.
    public func isWorkingTime(_ moment: Date) -> Bool {
        guard let (open, close) = window(LocalDay(moment)) else { return false }
        return open <= moment && moment < close
    }
}

/// What an urgent request's resident is shown at once, and what happened out of hours.
public struct EmergencyNotice: Sendable, Equatable, Encodable {
    public let numbers: [EmergencyRules.Number]
    /// 值班电话 of the request's community or street, if it has one.
    public let dutyPhone: String?
    /// Submitted outside working hours.
    public let outOfHours: Bool
    /// Whoever was on duty then was told at once (out of hours only).
    public let dutyNotified: Bool
}
