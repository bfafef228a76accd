import Foundation
import LinliKit
import Regions
import SQLKit

/// 社工: the workforce of 五社联动, kept by the staff of the post's node.
extension ResourcesService {
    public func saveSocialWorker(id: Int64?, _ draft: SocialWorkerDraft, actor: Actor) async throws -> SocialWorker {
        try actor.require(.resourcesManage)
        var problems: [String: String] = [:]
        let number = draft.certificateNumber.trimmingWhitespace
        if draft.certificate != nil && (number.isEmpty || number.count > 40) { problems["certificateNumber"] = "请填写证书编号（40 字以内）" }
        if !(0...10_000).contains(draft.trainingHours) { problems["trainingHours"] = "培训学时应在 0 到 10000 之间" }
        if draft.trainingTopics.count > 500 { problems["trainingTopics"] = "培训主题请在 500 字以内" }
        let counts = [draft.casework.individual, draft.casework.group, draft.casework.community]
        if counts.contains(where: { !(0...100_000).contains($0) }) { problems["casework"] = "服务数量应在 0 到 100000 之间" }
        if draft.itemIds.count > 200 { problems["itemIds"] = "服务项目最多 200 项" }
        if draft.post == .organisation && draft.organisationId == nil { problems["organisationId"] = "在社会组织任职的社工请选择所在组织" }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
        guard let member = try await staff.staffMembers(ids: [draft.userId])[draft.userId], !member.disabled,
              [.socialWorker, .socialOrganization].contains(member.role) else {
            throw DomainError.invalid("userId", "请选择启用的社工或社会组织账号")
        }
        let catalog = try await self.catalog.catalog(actor: actor)
        let items = Array(Set(draft.itemIds)).sorted()
        if let unknown = items.first(where: { catalog.item($0) == nil }) { throw DomainError.invalid("itemIds", "服务项目 \(unknown) 不在服务目录中") }
        let node = draft.post == .organisation ? nil : try await regions.node(draft.regionId, actor: actor)
        if let residentId = draft.residentId {
            // A link kept as it was is not checked again: the editor may not read that resident.
            let kept = try await id.asyncMap { id in
                try await database.read { tx in
                    try await SocialWorkerStore.rows(tx, where: "w.id = \(bind: id)").first?.decode(column: "resident_id", as: Int64?.self)
                }
            }
            if kept != .some(.some(residentId)) { try await checkResident(residentId, actor: actor) }
        }
        let now = clock.now().millis
        let saved = try await uniqueWorker { try await database.write { tx -> Int64 in
            var path = node?.path ?? ""
            if let organisationId = draft.post == .organisation ? draft.organisationId : nil {
                guard let organisation = try await OrganisationStore.find(tx, id: organisationId),
                      try await Self.readable(tx, organisation, actor: actor) else { throw DomainError.invalid("organisationId", "所选社会组织不存在") }
                path = organisation.regionPath
                guard actor.scope.contains(path: path) else { throw DomainError.invalid("organisationId", "该组织登记在其他辖区，请由登记地登记其社工") }
            }
            guard actor.scope.contains(path: member.regionPath) || path.hasPrefix(member.regionPath) else {
                throw DomainError.invalid("userId", "请选择本辖区的社工账号")
            }
            if let residentId = draft.residentId,
               let holder = try await SocialWorkerStore.rows(tx, where: "w.resident_id = \(bind: residentId)").first,
               try holder.decode(column: "id", as: Int64.self) != id {
                throw DomainError.invalid("residentId", "这位居民已关联另一名社工")
            }
            let values = SocialWorkerValues(userId: draft.userId, residentId: draft.residentId, certificate: draft.certificate, certificateNumber: number.isEmpty ? nil : number,
                                            post: draft.post, organisationId: draft.post == .organisation ? draft.organisationId : nil,
                                            regionPath: path, trainingHours: draft.trainingHours,
                                            trainingTopics: draft.trainingTopics.trimmingWhitespace, casework: draft.casework)
            let before = try await SocialWorkerStore.rows(tx, where: "w.user_id = \(bind: draft.userId)").first
            var previous: AuditValues = [:]
            let workerId: Int64
            if let id {
                guard let row = try await SocialWorkerStore.rows(tx, where: "w.id = \(bind: id)").first,
                      actor.scope.contains(path: try row.decode(column: "region_path", as: String.self)) else { throw DomainError.notFound("社工") }
                if let before, try before.decode(column: "id", as: Int64.self) != id {
                    throw DomainError.invalid("userId", "“\(member.displayName)”已登记为社工")
                }
                previous = Self.auditValues(row)
                previous["items"] = (try await SocialWorkerStore.services(tx, of: [id])[id] ?? []).map(String.init).joined(separator: ",")
                try await SocialWorkerStore.update(tx, id: id, values, now: now)
                workerId = id
            } else {
                if before != nil { throw DomainError.invalid("userId", "“\(member.displayName)”已登记为社工") }
                workerId = try await SocialWorkerStore.insert(tx, values, now: now)
            }
            try await SocialWorkerStore.replaceServices(tx, workerId: workerId, items)
            try await audit.append(tx, actor: actor, action: id == nil ? .socialWorkerRegister : .socialWorkerUpdate, entityId: String(workerId),
                                   regionPath: path, before: previous, after: Self.auditValues(values, items: items))
            return workerId
        } }
        return try await socialWorkers(actor: actor, ids: [saved]).first!
    }

    /// Social workers posted in the actor's scope (or only those of `ids`).
    public func socialWorkers(actor: Actor, ids: [Int64]? = nil) async throws -> [SocialWorker] {
        try actor.require(.resourcesView)
        return try await database.read { tx in
            var condition = tx.engine.pathWithin("w.region_path", actor.scope.path)
            if let ids { condition = condition + (ids.isEmpty ? " AND 1 = 0" : " AND w.id IN (\(binds: ids))") }
            return try await workers(tx, SocialWorkerStore.rows(tx, where: condition))
        }
    }

    /// What the audit keeps of a worker's record (the casework as counts only).
    static func auditValues(_ v: SocialWorkerValues, items: [Int64]) -> AuditValues {
        ["user": String(v.userId), "resident": v.residentId.map(String.init) ?? "", "certificate": v.certificate?.rawValue ?? "", "number": v.certificateNumber ?? "", "post": v.post.rawValue,
         "organisation": v.organisationId.map(String.init) ?? "", "place": v.regionPath, "hours": String(v.trainingHours),
         "topics": v.trainingTopics, "cases": "\(v.casework.individual)/\(v.casework.group)/\(v.casework.community)",
         "items": items.map(String.init).joined(separator: ",")]
    }

    static func auditValues(_ row: any SQLRow) -> AuditValues {
        func text(_ column: String) -> String {
            if let value = try? row.decode(column: column, as: String?.self) { return value ?? "" }
            return (try? row.decode(column: column, as: Int64?.self))?.map(String.init) ?? ""
        }
        return ["user": text("user_id"), "resident": text("resident_id"), "certificate": text("certificate"), "number": text("certificate_number"), "post": text("post"),
                "organisation": text("organisation_id"), "place": text("region_path"), "hours": text("training_hours"),
                "topics": text("training_topics"), "cases": "\(text("individual_cases"))/\(text("group_cases"))/\(text("community_cases"))"]
    }

    /// Two saves at once of one account or one resident: the UNIQUE index refuses the second.
    func uniqueWorker<T>(_ work: () async throws -> T) async throws -> T {
        do { return try await work() } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("userId", "所选账号或居民刚被登记为另一名社工，请刷新后再看")
        }
    }

    /// A resident the actor may read in the registry; else a mistake they can mend.
    func checkResident(_ id: Int64, actor: Actor) async throws {
        guard actor.may(.residentView) else { throw DomainError.invalid("residentId", "本账号不能查阅居民登记，无法关联居民档案") }
        do { _ = try await residents.resident(id, actor: actor) } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("residentId", "所选居民不在本辖区的居民登记中")
        }
    }

    func workers(_ tx: Tx, _ rows: [any SQLRow]) async throws -> [SocialWorker] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        let users = try rows.map { try $0.decode(column: "user_id", as: Int64.self) }
        let names = try await staff.staffMembers(ids: users).mapValues(\.displayName)
        let services = try await SocialWorkerStore.services(tx, of: ids)
        return try rows.map { try SocialWorkerStore.worker($0, names: names, services: services) }
    }

    /// 持证社工占比 of each community in the actor's scope (the actor's own node when it is
    /// one), against the district's target.
    public func certifiedShares(actor: Actor) async throws -> [(community: RegionNode, share: CertifiedShare)] {
        let workers = try await socialWorkers(actor: actor)
        let communities = try await regions.search(level: .community, term: nil, actor: actor, limit: 500)
        return communities.map { community in
            let posted = workers.filter { $0.regionPath.hasPrefix(community.path) }
            return (community, CertifiedShare(certified: posted.filter { $0.certificate != nil }.count, total: posted.count,
                                              targetPercent: settings.certifiedShareTarget))
        }
    }
}

/// 社工登记 as typed or sent.
public struct SocialWorkerDraft: Sendable {
    public var userId: Int64, certificate: CertificateLevel?, certificateNumber: String, post: SocialWorkPost
    public var organisationId: Int64?, regionId: Int64, trainingHours: Int, trainingTopics: String, casework: Casework, itemIds: [Int64]
    /// The registry resident the worker is, if the community keeps them there too.
    public var residentId: Int64?
    public init(userId: Int64, certificate: CertificateLevel? = nil, certificateNumber: String = "", post: SocialWorkPost,
                organisationId: Int64? = nil, regionId: Int64, trainingHours: Int = 0, trainingTopics: String = "",
                casework: Casework = Casework(), itemIds: [Int64] = [], residentId: Int64? = nil) {
        self.residentId = residentId
        (self.userId, self.certificate, self.certificateNumber, self.post) = (userId, certificate, certificateNumber, post)
        (self.organisationId, self.regionId, self.trainingHours, self.trainingTopics) = (organisationId, regionId, trainingHours, trainingTopics)
        (self.casework, self.itemIds) = (casework, itemIds)
    }
}
