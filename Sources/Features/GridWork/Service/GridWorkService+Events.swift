import Foundation
import LinliKit
import Notifications
import Regions

/// What a declared event did: how many people in the plan it made due, and by when.
public struct EventDeclaration: Sendable {
    public let event: MajorEvent
    public let madeDue: Int
    public let dueBy: Date
}

extension GridWorkService {
    /// 发布重大事件: every high-risk person (a class that answers events) under the region is due
    /// within the rules' hours; their grid teams are told.
    public func declareEvent(kind: MajorEventKind, title: String?, note: String?, regionId: Int64, actor: Actor) async throws
        -> EventDeclaration {
        try actor.require(.gridManage)
        let region = try await regions.node(regionId, actor: actor)
        guard region.level <= .grid else { throw DomainError.invalid("regionId", "重大事件按区、街道、社区或网格发布") }
        guard !region.retired else { throw DomainError.conflict("「\(region.name)」已撤销") }
        let title = title?.trimmingWhitespace.nilIfEmpty ?? "\(region.name)\(kind.label)"
        guard title.count <= 50 else { throw DomainError.invalid("title", "标题不能超过 50 个字") }
        if let note, note.count > 500 { throw DomainError.invalid("note", "说明不能超过 500 个字") }
        let teams = try await self.teams.teams(covering: region.path)
        let now = clock.now()
        return try await database.write { tx in
            let event = try await EventStore.insert(tx, kind: kind, title: title, note: note?.trimmingWhitespace.nilIfEmpty,
                                                    region: (region.id, region.path, region.name), actor: actor, now: now.millis)
            let ids = try await PlanStore.entries(tx, within: region.path, dueBefore: nil, limit: 1_000_000).map(\.residentId)
            let planned = try await VisitPlanner.replan(tx, ids, now: now)
            let madeDue = planned.filter { $0.eventId == event.id }
            let rules = try await VisitPlanner.rulesInForce(tx).at(region.path).body
            let dueBy = now.addingTimeInterval(Double(rules.eventHours) * 3600)
            try await audit.append(tx, actor: actor, action: .eventDeclare, entityId: String(event.id), regionPath: region.path,
                                   after: ["kind": kind.label, "title": title, "region": region.name, "madeDue": String(madeDue.count)])
            // Each grid's team hears how many of their people are now due.
            var perGrid: [Int64: Int] = [:]
            for entry in madeDue { if let grid = Self.gridId(of: entry.regionPath) { perGrid[grid, default: 0] += 1 } }
            for (grid, count) in perGrid {
                let people = (teams[grid] ?? []).map(\.userId)
                guard !people.isEmpty else { continue }
                try await notifications.post(tx, to: people, Notice(
                    title: "重大事件：\(title)", body: "您网格内 \(count) 位高风险对象须在 \(dueBy.shanghaiText) 前完成探访。",
                    link: "/grid", facts: ["event": "major_event", "majorEvent": String(event.id)]))
            }
            return EventDeclaration(event: event, madeDue: madeDue.count, dueBy: dueBy)
        }
    }

    /// 结束重大事件: no one is due by it any more (the coverage report still counts who was
    /// reached within the hours while it was open).
    public func endEvent(_ id: Int64, actor: Actor) async throws -> MajorEvent {
        try actor.require(.gridManage)
        let now = clock.now()
        return try await database.write { tx in
            guard let event = try await EventStore.find(tx, id: id), actor.scope.contains(path: event.regionPath) else { throw DomainError.notFound("重大事件") }
            guard event.isOpen else { throw DomainError.conflict("该事件已经结束") }
            try await EventStore.end(tx, id: id, actor: actor, now: now.millis)
            let ids = try await PlanStore.entries(tx, within: event.regionPath, dueBefore: nil, limit: 1_000_000)
                .filter { $0.eventId == id }.map(\.residentId)
            try await VisitPlanner.replan(tx, ids, now: now)
            try await audit.append(tx, actor: actor, action: .eventEnd, entityId: String(id), regionPath: event.regionPath,
                                   after: ["title": event.title])
            return try await EventStore.find(tx, id: id)!
        }
    }

    /// Events touching the actor's scope, newest first.
    public func events(actor: Actor, limit: Int = 50) async throws -> [MajorEvent] {
        guard actor.may(.gridView) || actor.may(.gridWork) else { throw DomainError.forbidden }
        return try await database.read { tx in try await EventStore.touching(tx, path: actor.scope.path, limit: limit) }
    }

    /// The grid a path lies in: the fourth id of `/district/street/community/grid/…/`.
    static func gridId(of path: String) -> Int64? {
        let ids = path.split(separator: "/")
        return ids.count >= 4 ? Int64(ids[3]) : nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
