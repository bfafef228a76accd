import Foundation
import LinliKit
import Residents

/// Keeps `visit_plans` equal to what the rules give for the registry: everything it needs is
/// read in the caller's transaction, so the registry's listener, a visit, an event and the
/// daily run all plan the same way.
enum VisitPlanner {
    static func rulesInForce(_ tx: Tx) async throws -> RulesInForce<VisitRules> {
        RulesInForce(versions: try await GridRulesStore.all(tx, kind: .visits, as: VisitRules.self), defaults: defaultVisitRules)
    }

    static let defaultVisitRules = GridRulesVersion<VisitRules>(id: nil, regionId: nil, regionPath: "/", version: 0,
                                                                body: .defaults, note: "", editedBy: "系统默认", editedAt: nil)

    /// The plan entry of one person, or nil when the rules leave them out.
    static func entry(_ facts: CareFacts, rules: VisitRules, existing: PlanEntry?, lastVisit: (at: Date, followUp: Date?)?, events: [MajorEvent],
                      now: Date) -> PlanEntry? {
        let age = facts.birthDate.flatMap { ResidentRules.age(birthDate: $0, on: now) }
        guard let visitClass = rules.classify(tags: facts.tags, age: age) else { return nil }
        let since = existing?.since ?? now
        let triggers = events.filter { facts.regionPath.hasPrefix($0.regionPath) }.map(\.trigger)
        let due = VisitSchedule.due(visitClass, rules: rules, since: since, lastVisit: lastVisit?.at, followUp: lastVisit?.followUp,
                                    events: triggers)
        return PlanEntry(residentId: facts.id, regionPath: facts.regionPath, name: facts.name, address: facts.address,
                         phoneMasked: facts.phoneMasked, tags: facts.tags.sorted(), classCode: visitClass.code,
                         className: visitClass.name, rulesVersion: rules.version, since: since, lastVisitAt: lastVisit?.at,
                         periodDue: due.periodDue, eventId: due.event?.eventId, eventDue: due.eventDue, due: due.due)
    }

    /// Plans `ids` again: in the plan with their due time, or out of it.
    @discardableResult
    static func replan(_ tx: Tx, _ ids: [Int64], now: Date, rules: RulesInForce<VisitRules>? = nil,
                       events: [MajorEvent]? = nil) async throws -> [PlanEntry] {
        guard !ids.isEmpty else { return [] }
        let rules = if let rules { rules } else { try await rulesInForce(tx) }
        let events = if let events { events } else { try await EventStore.open(tx) }
        var planned: [PlanEntry] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            start += chunk.count
            let facts = try await ResidentService.careFacts(tx, ids: chunk)
            let existing = try await PlanStore.entries(tx, residentIds: chunk)
            let last = try await PlanStore.lastVisits(tx, residentIds: chunk)
            let entries = facts.compactMap { f in
                entry(f, rules: rules.at(f.regionPath).body, existing: existing[f.id], lastVisit: last[f.id], events: events, now: now)
            }
            let kept = Set(entries.map(\.residentId))
            try await PlanStore.delete(tx, residentIds: chunk.filter { !kept.contains($0) && existing[$0] != nil })
            try await PlanStore.upsert(tx, entries, now: now.millis)
            planned += entries
        }
        return planned
    }
}

/// The registry's changes reach the plan in the same transaction; a large batch (an import)
/// is queued for the plan job, which takes the queue every minute.
struct VisitPlanListener: ResidentChangeListener {
    static let inlineLimit = 500

    func residentsChanged(_ tx: Tx, ids: [Int64], at now: Date) async throws {
        if ids.count <= Self.inlineLimit {
            try await VisitPlanner.replan(tx, ids, now: now)
        } else {
            let tagged = try await ResidentService.taggedAmong(tx, ids: ids)
            let planned = try await PlanStore.plannedAmong(tx, ids: ids)
            try await PlanStore.enqueue(tx, residentIds: Array(Set(tagged).union(planned)), now: now.millis)
        }
    }
}

/// Region moves re-root the paths copied onto plans, visits and events.
struct GridWorkPathsListener: SubtreeMoveListener {
    func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        for (table, column) in [("visit_plans", "region_path"), ("visits", "region_path"), ("major_events", "region_path"), ("patrols", "region_path"),
                                ("gridwork_rules", "region_path")] {
            try await tx.rebasePaths(table: table, column: column, from: oldPath, to: newPath)
        }
    }
}
