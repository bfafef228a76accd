import Foundation
import LinliKit
import Regions
import Requests

/// 孵化: an organisation applies to a hub at its node or above; the hub's staff take each step
/// in order (`Incubation.apply`), under the incubation's row lock, with the record's line
/// and the audit entry in the same transaction.
extension ResourcesService {
    /// 申请入孵: by the organisation's own staff or by staff who keep or see its record.
    public func applyForIncubation(organisationId: Int64, hubRegionId: Int64, hubName: String, note: String,
                                   actor: Actor) async throws -> IncubationRecord {
        guard actor.may(.resourcesManage) || actor.may(.organisationOwn) else { throw DomainError.forbidden }
        let name = hubName.trimmingWhitespace, note = note.trimmingWhitespace
        if name.count < 2 || name.count > 50 { throw DomainError.invalid("hubName", "请填写孵化基地名称（2–50 字）") }
        if note.count > 500 { throw DomainError.invalid("note", "申请说明请在 500 字以内") }
        guard let hub = try await regions.lookup(hubRegionId), !hub.retired else { throw DomainError.notFound("孵化基地所在区域") }
        let calendar = try await self.calendar.calendar()
        let now = clock.now()
        let due = calendar.adding(workingMinutes: settings.initialCheckWorkingDays * calendar.minutesPerDay, to: now).millis
        return try await database.write { tx in
            guard let organisation = try await OrganisationStore.find(tx, id: organisationId, lock: true),
                  try await Self.readable(tx, organisation, actor: actor) else { throw actor.may(.resourcesView) ? DomainError.notFound("社会组织") : .forbidden }
            let own = try await Self.isStaff(tx, organisation.id, actor)
            guard own || actor.may(.resourcesManage) else { throw DomainError.forbidden }
            guard organisation.regionPath.hasPrefix(hub.path) else {
                throw DomainError.invalid("hubRegionId", "孵化基地应在该组织登记地或其上级（街道社工站、区社工总站）")
            }
            guard organisation.status == .active else { throw DomainError.conflict("该组织现为「\(organisation.status.label)」，不能申请入孵") }
            if let current = try await IncubationStore.current(tx, organisationId: organisation.id) {
                throw DomainError.conflict("该组织已在「\(current.hubName)」孵化（\(current.stage.label)），同时只能有一个孵化")
            }
            let id = try await IncubationStore.insert(tx, organisationId: organisation.id, hubName: name, regionPath: hub.path, checkDue: due,
                                                      now: now.millis)
            try await IncubationStore.appendEvent(tx, incubationId: id, kind: "apply", stage: .applied,
                                                  text: "申请入孵" + (note.isEmpty ? "" : "：\(note)"), by: actor.displayName, now: now.millis)
            try await OrganisationStore.appendEvent(tx, organisationId: organisation.id, kind: "incubation", text: "申请入驻「\(name)」",
                                                    by: actor.displayName, now: now.millis)
            try await audit.append(tx, actor: actor, action: .incubationApply, entityId: String(id), regionPath: hub.path,
                                   after: ["organisation": String(organisation.id), "hub": name, "stage": IncubationStage.applied.rawValue])
            return try await IncubationStore.find(tx, id: id)!
        }
    }

    /// 孵化协议: its period, the space given (none when empty) and the support promised.
    public struct Agreement: Sendable {
        public var from: String, to: String, space: String, support: String
        public init(from: String, to: String, space: String = "", support: String) {
            (self.from, self.to, self.space, self.support) = (from, to, space, support)
        }
    }

    /// One step of the hub's; refused in words, with nothing written, when out of order.
    public func takeIncubationStep(_ id: Int64, _ step: IncubationStep, agreement: Agreement? = nil, note: String = "",
                                   actor: Actor) async throws -> IncubationRecord {
        guard actor.may(.resourcesManage) || actor.may(.organisationOwn) else { throw DomainError.forbidden }
        let note = note.trimmingWhitespace
        if note.count > 500 { throw DomainError.invalid("note", "说明请在 500 字以内") }
        var terms: [ColumnValue] = []
        if step == .sign {
            guard let agreement else { throw DomainError.invalid("agreementFrom", "签订协议请填写孵化期限和扶持内容") }
            terms = try Self.checked(agreement)
        }
        let agreed = terms
        if step == .fail && note.isEmpty { throw DomainError.invalid("note", "初审不通过请写明原因") }
        let now = clock.now().millis
        let returnDays = settings.spaceReturnDays
        return try await database.write { tx in
            let before = try await hubIncubation(tx, id, actor: actor, allowOwn: step == .withdraw)
            let next: IncubationStage
            switch Incubation.apply(before.stage, step, holdsSpace: before.holdsSpace) {
            case .success(let stage): next = stage
            case .failure(let refusal): throw DomainError(kind: .conflict, code: "step_out_of_order", message: refusal.message)
            }
            var values = agreed + [("stage", next.rawValue)]
            if step == .exit {
                values.append(("exited_at", now))
                if next == .exited { values.append(("space_due", now + Int64(returnDays) * 86_400_000)) }
            }
            try await IncubationStore.update(tx, id: id, values, now: now)
            let text = step.label + (note.isEmpty ? "" : "：\(note)") + (next == .exited ? "（场地须在 \(returnDays) 天内交还）" : "")
            try await IncubationStore.appendEvent(tx, incubationId: id, kind: step.rawValue, stage: next, text: text, by: actor.displayName, now: now)
            try await OrganisationStore.appendEvent(tx, organisationId: before.organisationId, kind: "incubation",
                                                    text: "「\(before.hubName)」\(step.label)，现为\(next.label)", by: actor.displayName, now: now)
            try await audit.append(tx, actor: actor, action: .incubationStep, entityId: String(id), regionPath: before.regionPath,
                                   before: ["stage": before.stage.rawValue], after: ["stage": next.rawValue, "step": step.rawValue])
            return try await IncubationStore.find(tx, id: id)!
        }
    }

    /// 里程碑 or 导师意见 on an incubation under way.
    public func noteIncubation(_ id: Int64, mentor: Bool, text: String, actor: Actor) async throws {
        guard actor.may(.resourcesManage) || actor.may(.organisationOwn) else { throw DomainError.forbidden }
        let text = text.trimmingWhitespace
        if text.isEmpty || text.count > 1000 { throw DomainError.invalid("text", "请填写内容（1000 字以内）") }
        let now = clock.now().millis
        try await database.write { tx in
            let incubation = try await hubIncubation(tx, id, actor: actor, allowOwn: !mentor)
            guard incubation.stage.isIncubating || incubation.stage == .accepted else {
                throw DomainError.conflict("现为「\(incubation.stage.label)」，孵化期内才能记录里程碑和导师意见")
            }
            try await IncubationStore.appendEvent(tx, incubationId: id, kind: mentor ? "mentor" : "milestone", stage: incubation.stage,
                                                  text: (mentor ? "导师意见：" : "里程碑：") + text, by: actor.displayName, now: now)
            try await audit.append(tx, actor: actor, action: .incubationNote, entityId: String(id), regionPath: incubation.regionPath,
                                   after: ["kind": mentor ? "mentor" : "milestone"])
        }
    }

    /// The hub's dashboard: incubations at the actor's node or below, with their record.
    public func incubations(actor: Actor) async throws -> [IncubationRecord] {
        try actor.require(.resourcesView)
        return try await database.read { tx in try await IncubationStore.within(tx, path: actor.scope.path, limit: 1000) }
    }

    /// The organisation's latest incubation and its record, for its page.
    func incubation(ofOrganisation id: Int64) async throws -> (IncubationRecord, [IncubationEvent])? {
        try await database.read { tx in
            guard let latest = try await IncubationStore.latest(tx, organisationId: id) else { return nil }
            return (latest, try await IncubationStore.events(tx, incubationId: latest.id))
        }
    }

    /// The incubation under its row lock, if the actor is of its hub (or, where `allowOwn`,
    /// works for the organisation or keeps its record: they apply, withdraw, note milestones).
    func hubIncubation(_ tx: Tx, _ id: Int64, actor: Actor, allowOwn: Bool) async throws -> IncubationRecord {
        guard let incubation = try await IncubationStore.find(tx, id: id, lock: true) else { throw DomainError.notFound("孵化记录") }
        if actor.may(.resourcesManage) && actor.scope.contains(path: incubation.regionPath) { return incubation }
        let organisation = try await OrganisationStore.find(tx, id: incubation.organisationId)
        let keeper = actor.may(.resourcesManage) && organisation.map { actor.scope.contains(path: $0.regionPath) } ?? false
        if allowOwn {
            if keeper { return incubation }
            if try await Self.isStaff(tx, incubation.organisationId, actor) { return incubation }
        }
        if keeper || (actor.may(.resourcesView) && actor.scope.contains(path: incubation.regionPath)) { throw DomainError.forbidden }
        // Who keeps no hub learns nothing of others' incubations (an organisation's own account).
        throw actor.may(.resourcesManage) ? DomainError.notFound("孵化记录") : DomainError.forbidden
    }

    static func isStaff(_ tx: Tx, _ organisationId: Int64, _ actor: Actor) async throws -> Bool {
        guard let userId = actor.userId else { return false }
        return try await OrganisationStore.employer(tx, userId: userId)?.organisationId == organisationId
    }

    static func checked(_ a: Agreement) throws -> [ColumnValue] {
        var problems: [String: String] = [:]
        let from = LocalDay(a.from.trimmingWhitespace), to = LocalDay(a.to.trimmingWhitespace)
        if from == nil { problems["agreementFrom"] = "请填写孵化开始日期（如 2026-03-01）" }
        if to == nil { problems["agreementTo"] = "请填写孵化结束日期（如 2027-02-28）" }
        if let from, let to, to <= from { problems["agreementTo"] = "结束日期应晚于开始日期" }
        if let from, let to, to > from.adding(days: 366 * 3) { problems["agreementTo"] = "孵化期限最长三年" }
        let space = a.space.trimmingWhitespace, support = a.support.trimmingWhitespace
        if space.count > 100 { problems["space"] = "场地请在 100 字以内" }
        if support.isEmpty || support.count > 500 { problems["support"] = "请写明扶持内容（500 字以内）" }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
        return [("agreement_from", from!.description), ("agreement_to", to!.description), ("space", space), ("support", support)]
    }
}

extension ResourcesService {
    /// One incubation and its record: to staff who see its hub or its organisation, and to
    /// the organisation's own staff.
    public func incubation(_ id: Int64, actor: Actor) async throws -> (incubation: IncubationRecord, events: [IncubationEvent], mayStep: Bool) {
        try await database.read { tx in
            guard let incubation = try await IncubationStore.find(tx, id: id) else { throw DomainError.notFound("孵化记录") }
            let hub = actor.may(.resourcesView) && actor.scope.contains(path: incubation.regionPath)
            var visible = hub
            if !visible { visible = try await Self.isStaff(tx, incubation.organisationId, actor) }
            if !visible, actor.may(.resourcesView), let organisation = try await OrganisationStore.find(tx, id: incubation.organisationId) {
                visible = try await Self.readable(tx, organisation, actor: actor)
            }
            guard visible else { throw actor.may(.resourcesView) ? DomainError.notFound("孵化记录") : .forbidden }
            return (incubation, try await IncubationStore.events(tx, incubationId: id),
                    actor.may(.resourcesManage) && actor.scope.contains(path: incubation.regionPath))
        }
    }

    /// 今日待办 of a hub's staff: applications waiting for 初审 (due in working days) and
    /// spaces to come back after 出壳, overdue first.
    public func incubationDueWork(actor: Actor, window: DueWindow, limit: Int) async throws -> [DueList] {
        guard actor.may(.resourcesManage) else { return [] }
        let waiting = try await database.read { tx in
            try await IncubationStore.within(tx, path: actor.scope.path, limit: 1000).filter { $0.stage == .applied || $0.stage == .exited }
        }
        let items = waiting.map { i in
            DueItem(title: i.organisationName, status: i.stage == .applied ? "待初审" : "出壳待交还场地", detail: i.hubName,
                    href: "/resources/incubations/\(i.id)", due: Date(millis: i.stage == .applied ? i.checkDue : (i.spaceDue ?? i.checkDue)))
        }
        return [DueList.of("incubations", "孵化待办", href: "/resources/incubations", items, window: window, limit: limit, order: 45)].compactMap { $0 }
    }
}

/// 五社资源's part of 今日待办.
struct ResourcesDueWork: DueWorkSource {
    let resources: ResourcesService
    func dueWork(for actor: Actor, in window: DueWindow, limit: Int) async throws -> [DueList] {
        try await resources.incubationDueWork(actor: actor, window: window, limit: limit)
    }
}

extension ResourcesService {
    /// 本组织 for pages that only ask whether the actor works for one (nil for everyone else).
    public func ownOrganisation(ifAny actor: Actor) async throws -> OrganisationRecord? {
        actor.may(.organisationOwn) ? try await ownOrganisation(actor: actor) : nil
    }
}
