import Foundation
import LinliKit

/// 工作日历 — working hours, and the per-year table of holidays and 调休 days that admins
/// keep up to date when the State Council publishes next year's schedule.
public struct CalendarService: Sendable {
    let database: Database
    let audit: AuditLog

    public init(database: Database, audit: AuditLog) {
        self.database = database
        self.audit = audit
    }

    public struct Settings: Sendable, Equatable {
        public var startMinute: Int, endMinute: Int, weekdays: Set<Int>
        /// 即将超期: warn when this many working minutes or fewer are left.
        public var warnMinutes: Int

        public init(startMinute: Int, endMinute: Int, weekdays: Set<Int>, warnMinutes: Int) {
            self.startMinute = startMinute
            self.endMinute = endMinute
            self.weekdays = weekdays
            self.warnMinutes = warnMinutes
        }
    }

    /// The calendar as the people who keep it see it: working hours, the years that have
    /// adjustments, and the adjusted days of `year`.
    public struct View: Sendable {
        public let settings: Settings
        public let years: [Int]
        public let days: [CalendarDay]
    }

    public func view(year: Int, actor: Actor) async throws -> View {
        try actor.require(.catalogManage)
        return try await database.read { tx in
            let s = try await CalendarStore.settings(tx)
            return View(settings: Settings(startMinute: s.startMinute, endMinute: s.endMinute, weekdays: s.weekdays, warnMinutes: s.warnMinutes),
                        years: try await CalendarStore.years(tx), days: try await CalendarStore.days(tx, year: year))
        }
    }

    /// The calendar as deadlines see it now (the SLA clock's, not a person's read).
    public func calendar() async throws -> WorkCalendar {
        try await database.read { tx in try await CalendarStore.calendar(tx).0 }
    }

    /// How long before a deadline the sweep warns, in working hours.
    public static let warnHours: ClosedRange<Double> = 0...8

    public func saveSettings(_ settings: Settings, actor: Actor) async throws {
        try actor.require(.catalogManage)
        try WorkCalendar.validate(startMinute: settings.startMinute, endMinute: settings.endMinute, weekdays: settings.weekdays)
        guard (0...(8 * 60)).contains(settings.warnMinutes) else { throw DomainError.invalid("warnHours", "提醒时间应在 0 到 8 个工作小时之间") }
        try await database.write { tx in
            let before = try await CalendarStore.settings(tx)
            let after = CalendarStore.Settings(startMinute: settings.startMinute, endMinute: settings.endMinute, weekdays: settings.weekdays,
                                               warnMinutes: settings.warnMinutes)
            try await CalendarStore.saveSettings(tx, after)
            try await audit.append(tx, actor: actor, action: .calendarSettings, entityId: "settings",
                                   regionPath: nil, before: Self.values(before), after: Self.values(after))
        }
    }

    /// Marks a day as a holiday or a 调休 working day (replacing what it was).
    public func put(_ day: CalendarDay, actor: Actor) async throws {
        try actor.require(.catalogManage)
        let name = day.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 20 else { throw DomainError.invalid("name", "请填写节日名称（最多 20 字）") }
        try await database.write { tx in
            try await CalendarStore.put(tx, CalendarDay(day: day.day, kind: day.kind, name: name))
            try await audit.append(tx, actor: actor, action: .calendarDayPut, entityId: day.day.description,
                                   regionPath: nil, after: ["kind": day.kind.rawValue, "name": name])
        }
    }

    public func remove(_ day: LocalDay, actor: Actor) async throws {
        try actor.require(.catalogManage)
        try await database.write { tx in
            guard try await CalendarStore.remove(tx, day) else { throw DomainError.notFound("日历调整") }
            try await audit.append(tx, actor: actor, action: .calendarDayRemove, entityId: day.description,
                                   regionPath: nil)
        }
    }

    static func values(_ s: CalendarStore.Settings) -> AuditValues {
        ["start": String(s.startMinute), "end": String(s.endMinute), "weekdays": s.weekdays.sorted().map(String.init).joined(separator: ","),
         "warn": String(s.warnMinutes)]
    }
}
