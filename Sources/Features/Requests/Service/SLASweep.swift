import Foundation
import LinliKit

/// What one sweep did.
public struct SweepReport: Sendable, Equatable {
    public var warned: Int
    public var escalated: Int
    /// Requests skipped because a stored value could not be read (`UnknownStoredValue`).
    public var unreadable = 0

    public init(warned: Int = 0, escalated: Int = 0) {
        self.warned = warned
        self.escalated = escalated
    }
}

/// 督办 levels by how far past its deadline the running stage is, in working time.
public enum EscalationRules {
    /// 1 (community) as soon as it is overdue, 2 (street) one working day later,
    /// 3 (district) after three working days.
    public static func level(overdueMinutes: Int, workingDay: Int) -> Int {
        guard overdueMinutes > 0 else { return 0 }
        if overdueMinutes >= 3 * workingDay { return 3 }
        if overdueMinutes >= workingDay { return 2 }
        return 1
    }

    /// 即将超期 is told once, when what is left falls to the warning time — or to a quarter
    /// of a short stage, so a 2-hour stage is not "about to run out" the moment it starts.
    public static func warnThreshold(stageMinutes: Int, warnMinutes: Int) -> Int {
        min(warnMinutes, max(stageMinutes / 4, 15))
    }

    public static func label(_ level: Int) -> String {
        switch level {
        case 1: "社区督办"
        case 2: "街道督办"
        default: "区级督办"
        }
    }
}

extension RequestService {
    /// Finds what is about to run out (warns the holder once) and what is overdue (督办 to
    /// the level above, once per level). Safe to run on several instances at once: each
    /// request is changed under its row lock and version.
    public func sweep() async throws -> SweepReport {
        let now = clock.now()
        let candidates = try await database.read { tx in
            let (calendar, warn) = try await CalendarStore.calendar(tx)
            return try await RequestQueries.clockCandidates(tx, cutoff: calendar.adding(workingMinutes: warn, to: now).millis, limit: 5000)
        }
        var report = SweepReport()
        for id in candidates {
            do {
                switch try await sweep(id, now: now) {
                case .warned?: report.warned += 1
                case .escalated?: report.escalated += 1
                case nil: break
                }
            } catch is UnknownStoredValue {
                // One request this version cannot read does not stop the clock for the others.
                report.unreadable += 1
            }
        }
        return report
    }

    enum SweepOutcome { case warned, escalated }

    func sweep(_ id: Int64, now: Date) async throws -> SweepOutcome? {
        let system = Actor(userId: nil, username: "system", displayName: "系统督办", role: nil, scope: Scope(regionId: 0, path: "/"),
                           permissions: [], ip: nil)
        return try await change(id) { tx, request in
            guard let due = request.progress.currentDue else { return nil }
            let (working, warn) = try await CalendarStore.calendar(tx)
            // An urgent request's lateness is counted in real time, like its limits.
            let calendar = EmergencyRules.calendar(urgent: request.urgent, working: working)
            var next = request.progress
            let kind: RequestEventKind
            let outcome: SweepOutcome
            var note: String
            if now > due {
                let level = EscalationRules.level(overdueMinutes: max(calendar.workingMinutes(from: due, to: now), 1),
                                                  workingDay: calendar.minutesPerDay)
                guard level > request.progress.escalationLevel else { return nil }
                next.escalationLevel = level
                next.warned = true
                (kind, outcome) = (.escalate, .escalated)
                note = "\(request.state.stage!.label)已超期（应于 \(due.shanghaiText) 前完成），\(EscalationRules.label(level))"
            } else {
                let item = try await CatalogStore.item(tx, id: request.itemId)!
                let threshold = EscalationRules.warnThreshold(stageMinutes: item.limits.minutes(request.state.stage!), warnMinutes: warn)
                guard !request.progress.warned, calendar.workingMinutes(from: now, to: due) <= threshold else { return nil }
                next.warned = true
                (kind, outcome) = (.warn, .warned)
                note = "\(request.state.stage!.label)将于 \(due.shanghaiText) 到期"
            }
            guard try await RequestStore.saveProgress(tx, of: request, next, handlerPath: request.handlerPath,
                                                      now: now.millis) else { return nil }
            try await RequestStore.appendEvent(tx, requestId: id, .init(kind: kind, fromState: request.state, toState: request.state,
                                                                        actorUserId: nil, actorName: "系统", actorRole: "系统",
                                                                        note: note, isInternal: false,
                                                                        data: ["level": String(next.escalationLevel)]), at: now.millis)
            try await DailyCounts.record(tx, regionPath: request.regionPath, submittedAt: next.submittedAt, before: request.progress, after: next, now: now)
            try await audit.append(tx, actor: system, action: .request(kind), entityId: String(id),
                                   regionPath: request.regionPath, after: ["level": String(next.escalationLevel), "due": String(due.millis)])
            let updated = try await RequestStore.find(tx, id: id)!
            let item = try await CatalogStore.item(tx, id: request.itemId)!
            try await notify(tx, request: updated, kind: kind, note: note, itemName: item.name)
            return outcome
        }
    }
}
