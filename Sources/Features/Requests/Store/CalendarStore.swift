import Foundation
import LinliKit
import SQLKit
import Synchronization

/// SQL for the working-time calendar: the settings row and the per-day exceptions table.
enum CalendarStore {
    static func officialScheduleStatements() -> [String] {
        OfficialHolidays.year2026.map {
            "INSERT INTO work_calendar_days (day, kind, name) VALUES (\(sqlLiteral($0.day)), \(sqlLiteral($0.kind.rawValue)), \(sqlLiteral($0.name)))"
        }
    }

    struct Settings: Sendable, Equatable {
        var startMinute: Int, endMinute: Int, weekdays: Set<Int>, warnMinutes: Int
    }

    static func settings(_ tx: Tx) async throws -> Settings {
        let row = try await tx.sql.raw("SELECT start_minute, end_minute, weekdays, warn_minutes FROM work_calendar_settings WHERE id = 1").first()!
        return Settings(startMinute: Int(try row.decode(column: "start_minute", as: Int64.self)),
                        endMinute: Int(try row.decode(column: "end_minute", as: Int64.self)),
                        weekdays: Set(try row.decode(column: "weekdays", as: String.self).split(separator: ",").compactMap { Int($0) }),
                        warnMinutes: Int(try row.decode(column: "warn_minutes", as: Int64.self)))
    }

    static func saveSettings(_ tx: Tx, _ s: Settings) async throws {
        let weekdays = s.weekdays.sorted().map(String.init).joined(separator: ",")
        try await tx.sql.raw("""
            UPDATE work_calendar_settings SET start_minute = \(bind: s.startMinute), end_minute = \(bind: s.endMinute),
              weekdays = \(bind: weekdays), warn_minutes = \(bind: s.warnMinutes), version = \(bind: newVersion()) WHERE id = 1
            """).run()
    }

    /// A random token, new with every change of the calendar: it names one state of one
    /// database's calendar, so a process that serves several databases (tests) never takes one
    /// calendar for another's, and every instance of a deployment sees another's change.
    static func newVersion() -> String { UUID().uuidString }

    static func changed(_ tx: Tx) async throws {
        try await tx.sql.raw("UPDATE work_calendar_settings SET version = \(bind: newVersion()) WHERE id = 1").run()
    }

    static func days(_ tx: Tx, year: Int? = nil) async throws -> [CalendarDay] {
        let rows = if let year {
            try await tx.sql.raw("SELECT day, kind, name FROM work_calendar_days WHERE day LIKE \(bind: "\(year)-%") ORDER BY day").all()
        } else {
            try await tx.sql.raw("SELECT day, kind, name FROM work_calendar_days ORDER BY day").all()
        }
        return try rows.map { row in
            let day = try row.decode(known: "day", row: "work_calendar_days", parse: LocalDay.init)
            return CalendarDay(day: day, kind: try row.decode(known: "kind", as: DayKind.self, row: "work_calendar_days \(day)"),
                               name: try row.decode(column: "name", as: String.self))
        }
    }

    static func years(_ tx: Tx) async throws -> [Int] {
        try await tx.sql.raw("SELECT DISTINCT substr(day, 1, 4) AS year FROM work_calendar_days ORDER BY year").all()
            .compactMap { Int(try $0.decode(column: "year", as: String.self)) }
    }

    static func put(_ tx: Tx, _ day: CalendarDay) async throws {
        try await tx.sql.raw("DELETE FROM work_calendar_days WHERE day = \(bind: day.day.description)").run()
        try await tx.sql.raw("INSERT INTO work_calendar_days (day, kind, name) VALUES (\(bind: day.day.description), \(bind: day.kind.rawValue), \(bind: day.name))").run()
        try await changed(tx)
    }

    @discardableResult
    static func remove(_ tx: Tx, _ day: LocalDay) async throws -> Bool {
        let existed = try await tx.sql.raw("SELECT day FROM work_calendar_days WHERE day = \(bind: day.description)").first() != nil
        try await tx.sql.raw("DELETE FROM work_calendar_days WHERE day = \(bind: day.description)").run()
        if existed { try await changed(tx) }
        return existed
    }

    /// The calendar deadlines are computed with. Every change to a request needs it; the
    /// settings row's `version` says whether the one read last is still the calendar, so a
    /// change reads one row instead of every exception day.
    static func calendar(_ tx: Tx) async throws -> (WorkCalendar, warnMinutes: Int) {
        let version = try await tx.sql.raw("SELECT version FROM work_calendar_settings WHERE id = 1").first()!
            .decode(column: "version", as: String.self)
        if let kept = lastRead.withLock({ $0 }), kept.version == version { return (kept.calendar, kept.warnMinutes) }
        let s = try await settings(tx)
        let exceptions = Dictionary(try await days(tx).map { ($0.day, $0.kind) }, uniquingKeysWith: { _, last in last })
        let calendar = WorkCalendar(startMinute: s.startMinute, endMinute: s.endMinute, weekdays: s.weekdays, exceptions: exceptions)
        lastRead.withLock { $0 = (version, calendar, s.warnMinutes) }
        return (calendar, s.warnMinutes)
    }

    private static let lastRead = Mutex<(version: String, calendar: WorkCalendar, warnMinutes: Int)?>(nil)
}

/// One exception on the calendar: a holiday or a 调休 working day.
public struct CalendarDay: Sendable, Equatable, Codable {
    public let day: LocalDay
    public let kind: DayKind
    public let name: String

    public init(day: LocalDay, kind: DayKind, name: String) {
        self.day = day
        self.kind = kind
        self.name = name
    }

    enum CodingKeys: String, CodingKey { case day, kind, name }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(day.description, forKey: .day)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let day = LocalDay(try c.decode(String.self, forKey: .day)) else {
            throw DecodingError.dataCorruptedError(forKey: .day, in: c, debugDescription: "not a date")
        }
        self.init(day: day, kind: try c.decode(DayKind.self, forKey: .kind), name: try c.decode(String.self, forKey: .name))
    }
}
