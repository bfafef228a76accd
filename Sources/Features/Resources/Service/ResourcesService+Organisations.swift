import Foundation
import LinliKit
import Regions
import Requests

/// 社会组织: its record kept by the staff of the node it is registered at; seen by staff
/// whose scope it is registered in or serves; and by its own staff, who see nothing else.
extension ResourcesService {
    public func registerOrganisation(_ draft: OrganisationDraft, regionId: Int64, actor: Actor) async throws -> Organisation {
        try actor.require(.resourcesManage)
        let profile = try draft.checked(fieldsOffered: settings.fields)
        let node = try await regions.node(regionId, actor: actor)
        let now = clock.now().millis
        return try await uniquely(profile) {
            try await database.write { tx in
                try await Self.refuseTaken(tx, profile, except: nil)
                let organisation = try await OrganisationStore.insert(tx, profile, regionPath: node.path, now: now)
                try await OrganisationStore.appendEvent(tx, organisationId: organisation.id, kind: "register",
                                                        text: "登记入库（\(profile.kind.label)）", by: actor.displayName, now: now)
                try await audit.append(tx, actor: actor, action: .organisationRegister, entityId: String(organisation.id),
                                       regionPath: organisation.regionPath, after: Self.auditValues(organisation))
                return organisation
            }
        }
    }

    public func updateOrganisation(_ id: Int64, _ draft: OrganisationDraft, actor: Actor) async throws -> Organisation {
        try actor.require(.resourcesManage)
        let profile = try draft.checked(fieldsOffered: settings.fields)
        let now = clock.now().millis
        return try await uniquely(profile) {
            try await database.write { tx in
                let before = try await managed(tx, id, actor: actor)
                try await Self.refuseTaken(tx, profile, except: id)
                try await OrganisationStore.update(tx, id: id, OrganisationStore.profileValues(profile), now: now)
                let after = try await OrganisationStore.find(tx, id: id)!
                try await audit.append(tx, actor: actor, action: .organisationUpdate, entityId: String(id), regionPath: after.regionPath,
                                       before: Self.auditValues(before), after: Self.auditValues(after))
                return after
            }
        }
    }

    /// 服务项目 and 服务范围: catalog items it offers, and the nodes it serves (each in the
    /// actor's scope or the node it is registered at).
    public func setOrganisationServices(_ id: Int64, itemIds: [Int64], areaIds: [Int64], actor: Actor) async throws {
        try actor.require(.resourcesManage)
        let items = Array(Set(itemIds)).sorted(), areaIds = Array(Set(areaIds)).sorted()
        if items.count > 200 { throw DomainError.invalid("itemIds", "服务项目最多 200 项") }
        if areaIds.count > 100 { throw DomainError.invalid("areaIds", "服务范围最多 100 处") }
        let catalog = try await self.catalog.catalog(actor: actor)
        if let unknown = items.first(where: { catalog.item($0) == nil }) { throw DomainError.invalid("itemIds", "服务项目 \(unknown) 不在服务目录中") }
        var found: [String] = []
        for areaId in areaIds { found.append(try await regions.node(areaId, actor: actor).path) }
        let paths = found
        let now = clock.now().millis
        try await database.write { tx in
            let organisation = try await managed(tx, id, actor: actor)
            let before = (try await OrganisationStore.services(tx, of: [id])[id] ?? [], try await OrganisationStore.areas(tx, of: [id])[id] ?? [])
            try await OrganisationStore.replaceServices(tx, organisationId: id, items)
            try await OrganisationStore.replaceAreas(tx, organisationId: id, paths)
            try await OrganisationStore.update(tx, id: id, [], now: now)
            let names = items.compactMap { catalog.item($0)?.name }
            try await OrganisationStore.appendEvent(tx, organisationId: id, kind: "services",
                                                    text: "服务项目 \(items.count) 项、服务范围 \(paths.count) 处：" + names.prefix(5).joined(separator: "、")
                                                        + (names.count > 5 ? " 等" : ""), by: actor.displayName, now: now)
            try await audit.append(tx, actor: actor, action: .organisationServices, entityId: String(id), regionPath: organisation.regionPath,
                                   before: ["items": before.0.map(String.init).joined(separator: ","), "areas": before.1.joined(separator: ",")],
                                   after: ["items": items.map(String.init).joined(separator: ","), "areas": paths.joined(separator: ",")])
        }
    }

    /// 工作人员 and the 接单人 among them: accounts of an organisation or a social worker,
    /// each working for this organisation only.
    public func setOrganisationStaff(_ id: Int64, userIds: [Int64], intakeUserId: Int64?, actor: Actor) async throws {
        try actor.require(.resourcesManage)
        let users = Array(Set(userIds)).sorted()
        if users.count > 100 { throw DomainError.invalid("userIds", "工作人员最多 100 人") }
        if let intakeUserId, !users.contains(intakeUserId) { throw DomainError.invalid("intakeUserId", "接单人应是本组织的工作人员") }
        let found = try await staff.staffMembers(ids: users)
        let open = try await requests.handlerFigures(units: [Organisation.unitKey(id)], people: []).units[Organisation.unitKey(id)]?.open ?? 0
        let now = clock.now().millis
        do { try await database.write { tx in
            let organisation = try await managed(tx, id, actor: actor)
            for user in users {
                // Accounts the registrar can reach: in their scope, or on the way up to the organisation.
                guard let member = found[user], !member.disabled, [.socialOrganization, .socialWorker].contains(member.role),
                      actor.scope.contains(path: member.regionPath) || organisation.regionPath.hasPrefix(member.regionPath) else {
                    throw DomainError.invalid("userIds", "工作人员应为本辖区启用的社会组织或社工账号")
                }
            }
            if let (user, other) = try await OrganisationStore.employedElsewhere(tx, userIds: users, organisationId: id).first {
                let otherName = try await OrganisationStore.find(tx, id: other)?.name ?? "另一个组织"
                throw DomainError.invalid("userIds", "“\(found[user]!.displayName)”已是「\(otherName)」的工作人员，一个账号只能属于一个组织")
            }
            let before = try await OrganisationStore.staff(tx, of: [id])[id] ?? []
            // Requests given to it are held by its 接单人: another cannot open them.
            if let held = before.first(where: \.intake)?.userId, held != intakeUserId, open > 0 {
                throw DomainError.conflict("本组织还有 \(open) 件诉求在办，由现在的接单人签收办理；请先办结或退回后再更换接单人")
            }
            try await OrganisationStore.replaceStaff(tx, organisationId: id, users, intake: intakeUserId)
            try await OrganisationStore.update(tx, id: id, [], now: now)
            let intakeName = intakeUserId.flatMap { found[$0]?.displayName }
            try await OrganisationStore.appendEvent(tx, organisationId: id, kind: "staff",
                                                    text: "工作人员 \(users.count) 人" + (intakeName.map { "，接单人 \($0)" } ?? "，未指定接单人"),
                                                    by: actor.displayName, now: now)
            try await audit.append(tx, actor: actor, action: .organisationStaff, entityId: String(id), regionPath: organisation.regionPath,
                                   before: ["staff": before.map { String($0.userId) }.joined(separator: ","),
                                            "intake": before.first(where: \.intake).map { String($0.userId) } ?? ""],
                                   after: ["staff": users.map(String.init).joined(separator: ","), "intake": intakeUserId.map(String.init) ?? ""])
        } } catch where Database.isUniqueViolation(error) {
            // Two organisations taking the same account at once: the key refuses the second.
            throw DomainError.invalid("userIds", "所选账号刚被登记为另一个组织的工作人员，一个账号只能属于一个组织")
        }
    }

    /// 年检 / 年报 result of a year, 等级评估 grade, or a change of 状态: one line each in
    /// the organisation's record.
    public func recordOrganisationReview(_ id: Int64, _ review: OrganisationReview, actor: Actor) async throws -> Organisation {
        try actor.require(.resourcesManage)
        let thisYear = ChinaStandardTime.reading(clock.now()).year
        let values: [ColumnValue], text: String
        switch review {
        case .inspection(let year, let result):
            guard (2000...thisYear).contains(year) else { throw DomainError.invalid("year", "年检年度应在 2000 到 \(thisYear) 之间") }
            (values, text) = ([("inspection_year", Int64(year)), ("inspection_result", result.rawValue)], "\(year) 年度年检：\(result.label)")
        case .grade(let grade, let year):
            guard (1...5).contains(grade) else { throw DomainError.invalid("grade", "评估等级应为 1A 到 5A") }
            guard (2000...thisYear).contains(year) else { throw DomainError.invalid("year", "评估年度应在 2000 到 \(thisYear) 之间") }
            (values, text) = ([("grade", Int64(grade)), ("grade_year", Int64(year))], "\(year) 年等级评估：\(grade)A")
        case .status(let status, let note):
            let note = note.trimmingWhitespace
            if note.isEmpty || note.count > 200 { throw DomainError.invalid("note", "请写明状态变更的原因（200 字以内）") }
            (values, text) = ([("status", status.rawValue)], "状态改为「\(status.label)」：\(note)")
        }
        let now = clock.now().millis
        return try await database.write { tx in
            let before = try await managed(tx, id, actor: actor)
            if case .status(let status, _) = review, status == before.status { throw DomainError.conflict("该组织已是「\(status.label)」") }
            try await OrganisationStore.update(tx, id: id, values, now: now)
            let after = try await OrganisationStore.find(tx, id: id)!
            try await OrganisationStore.appendEvent(tx, organisationId: id, kind: review.kind, text: text, by: actor.displayName, now: now)
            try await audit.append(tx, actor: actor, action: .organisationReview, entityId: String(id), regionPath: after.regionPath,
                                   before: Self.auditValues(before), after: Self.auditValues(after))
            return after
        }
    }

    public func organisations(_ filter: OrganisationFilter = OrganisationFilter(), actor: Actor, limit: Int = 500) async throws -> [Organisation] {
        try actor.require(.resourcesView)
        return try await database.read { tx in
            try await OrganisationStore.visible(tx, scopePath: actor.scope.path, filter: filter, limit: limit)
        }
    }

    /// An organisation's page: to staff who see it, or to its own staff.
    public func organisation(_ id: Int64, actor: Actor) async throws -> OrganisationRecord {
        // An organisation's own account learns nothing of others, not even that they exist.
        let organisation = try await database.read { tx in try await readableOrganisation(tx, id, actor: actor) }
        return try await record(organisation, actor: actor)
    }

    /// 本组织: the organisation the signed-in account works for.
    public func ownOrganisation(actor: Actor) async throws -> OrganisationRecord? {
        try actor.require(.organisationOwn)
        guard let userId = actor.userId else { return nil }
        let organisation = try await database.read { tx -> Organisation? in
            guard let employer = try await OrganisationStore.employer(tx, userId: userId) else { return nil }
            return try await OrganisationStore.find(tx, id: employer.organisationId)
        }
        guard let organisation else { return nil }
        return try await record(organisation, actor: actor)
    }

    func record(_ organisation: Organisation, actor: Actor) async throws -> OrganisationRecord {
        let id = organisation.id
        let (itemIds, areaPaths, members, events, documents) = try await database.read { tx in
            (try await OrganisationStore.services(tx, of: [id])[id] ?? [], try await OrganisationStore.areas(tx, of: [id])[id] ?? [],
             try await OrganisationStore.staff(tx, of: [id])[id] ?? [], try await OrganisationStore.events(tx, organisationId: id),
             try await DocumentStore.list(tx, organisationId: id))
        }
        let catalog = try await self.catalog.catalog(actor: actor)
        let people = try await staff.staffMembers(ids: members.map(\.userId))
        let areaNodes = try await regions.find(ids: areaPaths.compactMap(Self.nodeId))
        let areaNames = try await regions.addressLines(for: areaNodes)
        // Its own staff see every request given to it; others those in their scope.
        let ownStaff = members.contains { $0.userId == actor.userId }
        let figures = try await requests.handlerFigures(units: [organisation.unitKey], people: []).units[organisation.unitKey] ?? HandlerFigures()
        return OrganisationRecord(
            organisation: organisation, services: itemIds.compactMap { catalog.item($0).map { ($0.id, $0.name) } },
            areas: areaNodes.map { ($0.id, areaNames[$0.id] ?? $0.name) },
            staff: members.compactMap { m in people[m.userId].map { OrganisationMember(userId: m.userId, name: $0.displayName, intake: m.intake) } },
            events: events, figures: figures,
            requests: try await requests.requests(givenTo: organisation.unitKey, within: ownStaff ? nil : actor.scope.path, limit: 50),
            received: try await donationsReceived(by: id), documents: documents,
            mayManage: actor.may(.resourcesManage) && actor.scope.contains(path: organisation.regionPath),
            mayKeepDocuments: keepsDocuments(organisation, ownStaff: ownStaff, actor: actor))
    }

    /// The organisation under its row lock, if the actor keeps its record.
    func managed(_ tx: Tx, _ id: Int64, actor: Actor) async throws -> Organisation {
        guard let organisation = try await OrganisationStore.find(tx, id: id, lock: true),
              try await Self.readable(tx, organisation, actor: actor) else { throw DomainError.notFound("社会组织") }
        guard actor.may(.resourcesManage), actor.scope.contains(path: organisation.regionPath) else {
            throw DomainError(kind: .forbidden, code: "not_registrar", message: "该组织登记在其他辖区，只有登记地的工作人员可以修改")
        }
        return organisation
    }

    static func readable(_ tx: Tx, _ organisation: Organisation, actor: Actor) async throws -> Bool {
        if let userId = actor.userId, try await OrganisationStore.employer(tx, userId: userId)?.organisationId == organisation.id { return true }
        guard actor.may(.resourcesView) else { return false }
        if actor.scope.contains(path: organisation.regionPath) { return true }
        let areas = try await OrganisationStore.areas(tx, of: [organisation.id])[organisation.id] ?? []
        return areas.contains { actor.scope.contains(path: $0) || actor.scope.path.hasPrefix($0) }
    }

    static func refuseTaken(_ tx: Tx, _ p: OrganisationProfile, except: Int64?) async throws {
        guard let holder = try await OrganisationStore.holder(tx, creditCode: p.creditCode, filingNumber: p.filingNumber, except: except) else { return }
        throw Self.taken(p, holder: holder.name)
    }

    static func taken(_ p: OrganisationProfile, holder: String?) -> DomainError {
        let what = p.creditCode.map { "统一社会信用代码 \($0)" } ?? "备案编号 \(p.filingNumber ?? "")"
        return DomainError(kind: .conflict, code: "duplicate_credit_code",
                           message: "\(what)已登记" + (holder.map { "为「\($0)」" } ?? "") + "，同一组织不能登记两次",
                           fields: [p.creditCode == nil ? "filingNumber" : "creditCode": "已登记"])
    }

    /// Two registrations of one code at once: the UNIQUE index refuses the second.
    func uniquely<T>(_ p: OrganisationProfile, _ work: () async throws -> T) async throws -> T {
        do { return try await work() } catch where Database.isUniqueViolation(error) { throw Self.taken(p, holder: nil) }
    }

    static func nodeId(_ path: String) -> Int64? { path.split(separator: "/").last.flatMap { Int64($0) } }

    static func auditValues(_ o: Organisation) -> AuditValues {
        var values: AuditValues = ["name": o.name, "kind": o.kind.rawValue, "fields": o.fields.joined(separator: ","), "status": o.status.rawValue,
                                   "party": o.partyOrganisation ? "1" : "0", "contact": o.contactName, "phone": o.contactPhone,
                                   "address": o.address, "summary": o.summary]
        if let code = o.creditCode { values["creditCode"] = code }
        if let filing = o.filingNumber { values["filingNumber"] = filing }
        if let inspection = o.inspection { values["inspection"] = "\(inspection.year):\(inspection.result.rawValue)" }
        if let grade = o.grade { values["grade"] = "\(grade):\(o.gradeYear ?? 0)" }
        return values
    }
}

/// 年检, 等级评估 or 状态.
public enum OrganisationReview: Sendable {
    case inspection(year: Int, result: InspectionResult)
    case grade(Int, year: Int)
    case status(OrganisationStatus, note: String)
    var kind: String {
        switch self {
        case .inspection: "inspection"
        case .grade: "grade"
        case .status: "status"
        }
    }
}

/// What an organisation's page shows.
public struct OrganisationRecord: Sendable {
    public let organisation: Organisation
    public let services: [(id: Int64, name: String)]
    public let areas: [(id: Int64, name: String)]
    public let staff: [OrganisationMember]
    public let events: [OrganisationEvent]
    /// 在办 and residents' ratings of what was given to it.
    public let figures: HandlerFigures
    public let requests: [RequestSummary]
    /// 收到的捐赠: uses of donations given to it, newest first.
    public let received: [(allocation: Allocation, donation: Donation)]
    /// 证照与年报, without their bytes, newest first.
    public let documents: [OrganisationDocument]
    /// The actor keeps its record (registered in their scope).
    public let mayManage: Bool
    /// The actor may add and remove its documents (its registrar or its own staff).
    public let mayKeepDocuments: Bool
    public var intake: OrganisationMember? { staff.first(where: \.intake) }
}
