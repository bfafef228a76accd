import Foundation
import LinliKit
import Regions

/// A personal field that can be shown in full to those allowed to.
public enum PersonalField: String, Sendable, CaseIterable {
    case idNumber = "id_number", phone
    public var label: String { self == .idNumber ? "身份证号" : "电话" }
    var sealedColumn: String { self == .idNumber ? "id_sealed" : "phone_sealed" }
}

/// The resident registry (人口与房屋): residents bound to region nodes (usually a household),
/// care tags, exact search by ID number or phone through blind indexes, full values only on an
/// audited reveal.
public struct ResidentService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock
    let regions: RegionService
    let vault: PersonalDataVault
    /// Told of every change to residents, in its transaction.
    let listeners: [any ResidentChangeListener]

    public init(database: Database, audit: AuditLog, clock: any Clock, regions: RegionService, vault: PersonalDataVault,
                listeners: [any ResidentChangeListener] = []) {
        self.database = database
        self.audit = audit
        self.clock = clock
        self.regions = regions
        self.vault = vault
        self.listeners = listeners
    }

    /// Tells the listeners that `ids` changed, inside the change's transaction.
    func changed(_ tx: Tx, _ ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        let now = clock.now()
        for listener in listeners { try await listener.residentsChanged(tx, ids: ids, at: now) }
    }

    // MARK: Reading

    public func resident(_ id: Int64, actor: Actor) async throws -> Resident {
        try actor.require(.residentView)
        return try await database.read { tx in
            guard let resident = try await ResidentStore.find(tx, id: id, within: actor.scope) else { throw DomainError.notFound("居民") }
            return resident
        }
    }

    public func search(_ query: ResidentQuery, actor: Actor) async throws -> Page<Resident> {
        try actor.require(.residentView)
        var resolved = ResolvedResidentQuery(pathPrefix: actor.scope.path)
        if let regionId = query.regionId {
            resolved.pathPrefix = try await regions.node(regionId, actor: actor).path
        }
        resolved.nameTerm = query.name
        if let phone = query.phone {
            resolved.phoneIndex = vault.blindIndex(try PhoneNumber(phone).value, kind: "phone")
        }
        if let idNumber = query.idNumber {
            resolved.idIndex = vault.blindIndex(try IDNumber(idNumber, today: clock.now()).value, kind: "id")
        }
        resolved.address = query.address
        resolved.tagIds = try await tagIds(query.tags, field: "tags")
        let today = clock.now()
        if let minAge = query.minAge { resolved.bornOnOrBefore = ResidentRules.bornOnOrBefore(yearsAgo: minAge, today: today) }
        if let maxAge = query.maxAge { resolved.bornAfter = ResidentRules.bornOnOrBefore(yearsAgo: maxAge + 1, today: today) }
        if let minAge = query.minAge, let maxAge = query.maxAge, minAge > maxAge {
            throw DomainError.invalid("minAge", "最小年龄不能大于最大年龄")
        }
        resolved.status = query.status
        resolved.sort = query.sort
        resolved.limit = min(max(query.limit, 1), 500)
        resolved.offset = max(query.offset, 0)
        let final = resolved
        let (items, total) = try await database.read { tx in try await ResidentStore.search(tx, final) }
        return Page(items: items, total: total, limit: final.limit, offset: final.offset)
    }

    /// Shows one personal value in full and records that it was seen, by whom and from where.
    public func reveal(_ id: Int64, field: PersonalField, actor: Actor) async throws -> String? {
        try actor.require(.residentReveal)
        return try await database.write { tx in
            guard let resident = try await ResidentStore.find(tx, id: id, within: actor.scope) else { throw DomainError.notFound("居民") }
            guard let sealed = try await ResidentStore.sealed(tx, id: id, column: field.sealedColumn) else { return nil }
            let value = try vault.open(sealed)
            try await audit.append(tx, actor: actor, action: .residentReveal, entityId: String(id),
                                   regionPath: resident.regionPath, after: ["field": field.rawValue])
            return value
        }
    }

    // MARK: Writing

    public func create(_ draft: ResidentDraft, actor: Actor) async throws -> Resident {
        try actor.require(.residentManage)
        let valid = try ResidentRules.validate(draft, today: clock.now())
        let (stored, tagIds) = try await prepare(valid, actor: actor)
        let now = clock.now().millis
        return try await Self.duplicateIDIsAnInputError { try await database.write { tx in
            if let index = stored.idIndex { try await checkUnique(tx, idIndex: index, except: nil, actor: actor) }
            let id = try await ResidentStore.insert(tx, stored, now: now)
            try await ResidentStore.replaceGrams(tx, residentId: id, name: stored.name)
            try await ResidentStore.setTags(tx, residentId: id, tagIds: tagIds)
            try await changed(tx, [id])
            let resident = try await ResidentStore.find(tx, id: id, within: actor.scope)!
            try await audit.append(tx, actor: actor, action: .residentCreate, entityId: String(id),
                                   regionPath: resident.regionPath, after: Self.auditValues(resident))
            return resident
        } }
    }

    /// Two registrations of one ID number at the same moment both pass the check; the unique
    /// index stops the second, which must still read as the user's mistake, not a fault.
    static func duplicateIDIsAnInputError<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("idNumber", "该身份证号已登记，请勿重复登记")
        }
    }

    /// Replaces the resident's details. Personal numbers left empty in the draft are kept as
    /// they were (forms never show them in full); `clear` removes them explicitly.
    public func update(_ id: Int64, _ draft: ResidentDraft, clear: Set<PersonalField> = [], actor: Actor) async throws -> Resident {
        try actor.require(.residentManage)
        let current = try await resident(id, actor: actor)
        var draft = draft
        if draft.regionId == nil { draft.regionId = current.regionId }
        let valid = try ResidentRules.validate(draft, today: clock.now())
        let (prepared, tagIds) = try await prepare(valid, actor: actor)
        let now = clock.now().millis
        return try await Self.duplicateIDIsAnInputError { try await database.write { tx in
            var stored = prepared
            let keepID = valid.idNumber == nil && !clear.contains(.idNumber)
            let keepPhone = valid.phone == nil && !clear.contains(.phone)
            if keepID || keepPhone {
                stored = stored.keepingNumbers(from: try await ResidentStore.storedRow(tx, id: id), id: keepID, phone: keepPhone)
            }
            if let index = stored.idIndex { try await checkUnique(tx, idIndex: index, except: id, actor: actor) }
            try await ResidentStore.update(tx, id: id, stored, now: now)
            if stored.name != current.name { try await ResidentStore.replaceGrams(tx, residentId: id, name: stored.name) }
            try await ResidentStore.setTags(tx, residentId: id, tagIds: tagIds)
            try await changed(tx, [id])
            let updated = try await ResidentStore.find(tx, id: id, within: actor.scope)!
            try await audit.append(tx, actor: actor, action: .residentUpdate, entityId: String(id),
                                   regionPath: updated.regionPath, before: Self.auditValues(current), after: Self.auditValues(updated))
            return updated
        } }
    }

    func checkUnique(_ tx: Tx, idIndex: String, except: Int64?, actor: Actor) async throws {
        guard let owner = try await ResidentStore.idOwner(tx, index: idIndex), owner.id != except else { return }
        if actor.scope.contains(path: owner.regionPath) {
            throw DomainError.invalid("idNumber", "该身份证号已登记（居民编号 \(owner.id)），请勿重复登记")
        }
        throw DomainError.invalid("idNumber", "该身份证号已在其他辖区登记，如已迁入请联系上级办理迁移")
    }

    /// Resolves the place and tags, seals and indexes the personal numbers.
    func prepare(_ valid: ValidResident, actor: Actor) async throws -> (ResidentStore.Stored, [Int64]) {
        let node: RegionNode
        do {
            node = try await regions.node(valid.regionId, actor: actor)
        } catch let error as DomainError where error.kind == .notFound {
            throw DomainError.invalid("regionId", "居住地不存在或不在您的管辖范围内")
        }
        try Self.checkPlace(node)
        let address = try await regions.addressLine(for: node)
        let tagIds = try await tagIds(valid.tags, field: "tags")
        return (try stored(valid, regionId: node.id, regionPath: node.path, address: address), tagIds)
    }

    static func checkPlace(_ node: RegionNode) throws {
        guard node.level >= .community, !node.retired else {
            throw DomainError.invalid("regionId", "居民应登记到社区及以下（最好到户），且该区域不能已撤销")
        }
    }

    /// The row to store: personal numbers sealed, indexed and masked.
    func stored(_ valid: ValidResident, regionId: Int64, regionPath: String, address: String) throws -> ResidentStore.Stored {
        ResidentStore.Stored(valid, numbers: try ResidentStore.SealedNumbers(valid, vault: vault), regionId: regionId, regionPath: regionPath,
                             address: address)
    }

    /// Audit entries carry masked numbers only.
    static func auditValues(_ r: Resident) -> AuditValues {
        var values: AuditValues = ["name": r.name, "region": String(r.regionId), "status": r.status.rawValue,
                                   "tags": r.tags.joined(separator: "、")]
        values["idNumber"] = r.idNumberMasked
        values["phone"] = r.phoneMasked
        values["birthDate"] = r.birthDate
        values["gender"] = r.gender?.rawValue
        values["ethnicity"] = r.ethnicity
        values["politicalStatus"] = r.politicalStatus?.rawValue
        values["relation"] = r.relation?.rawValue
        values["notes"] = r.notes
        return values
    }

    // MARK: Tags

    /// The care and service tags (for those who see residents: they filter and tag by them).
    public func tags(actor: Actor) async throws -> [String] {
        try actor.require(.residentView)
        return try await allTags()
    }

    func allTags() async throws -> [String] {
        try await database.read { tx in try await ResidentStore.tags(tx).map(\.name) }
    }

    func tagIds(_ names: [String], field: String) async throws -> [Int64] {
        guard !names.isEmpty else { return [] }
        let all = try await database.read { tx in try await ResidentStore.tags(tx) }
        // Names equal to Swift but not to the database (NFC and NFD) keep the first.
        let byName = Dictionary(all.map { ($0.name, $0.id) }) { first, _ in first }
        let unknown = names.filter { byName[$0] == nil }
        guard unknown.isEmpty else {
            throw DomainError.invalid(field, "未知标签：\(unknown.joined(separator: "、"))（管理员可在标签管理中新增）")
        }
        return names.compactMap { byName[$0] }
    }

    public func createTag(_ raw: String?, actor: Actor) async throws -> [String] {
        try actor.require(.tagManage)
        // One spelling per name: composed (NFC), so that no two rows the database tells apart
        // are one name to Swift (decomposed "é", compatibility ideographs).
        let name = raw?.precomposedStringWithCanonicalMapping
        guard let name, !name.isEmpty, name.count <= 20, !name.contains(",") && !name.contains("、") else {
            throw DomainError.invalid("name", "标签名应为 1–20 个字，且不含逗号或顿号")
        }
        if try await allTags().contains(name) { throw DomainError.invalid("name", "标签「\(name)」已存在") }
        let now = clock.now().millis
        do {
            try await database.write { tx in
                let id = try await ResidentStore.insertTag(tx, name: name, now: now)
                try await audit.append(tx, actor: actor, action: .tagCreate, entityId: String(id),
                                       regionPath: actor.scope.path, after: ["name": name])
            }
        } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("name", "标签「\(name)」已存在")
        }
        return try await allTags()
    }
}

/// Region moves re-root the region path copied onto each resident and each of their tags.
public struct ResidentPathsListener: SubtreeMoveListener {
    public init() {}
    public func subtreeMoved(_ tx: Tx, from oldPath: String, to newPath: String) async throws {
        try await tx.rebasePaths(table: "residents", column: "region_path", from: oldPath, to: newPath)
        try await tx.rebasePaths(table: "resident_tags", column: "region_path", from: oldPath, to: newPath)
    }
}

extension ResidentStore.Stored {
    /// Takes the ID number and/or phone as they are stored in `old` (forms never show them in
    /// full, so an empty field means "unchanged"). A kept ID number still decides birth date and sex.
    func keepingNumbers(from old: Self, id keepID: Bool, phone keepPhone: Bool) -> Self {
        let idFromOld = keepID && old.idSealed != nil
        return .init(regionId: regionId, regionPath: regionPath, address: address, name: name,
                     gender: idFromOld ? old.gender : gender, birthDate: idFromOld ? old.birthDate : birthDate,
                     idSealed: keepID ? old.idSealed : idSealed, idIndex: keepID ? old.idIndex : idIndex,
                     idMasked: keepID ? old.idMasked : idMasked,
                     phoneSealed: keepPhone ? old.phoneSealed : phoneSealed, phoneIndex: keepPhone ? old.phoneIndex : phoneIndex,
                     phoneMasked: keepPhone ? old.phoneMasked : phoneMasked,
                     ethnicity: ethnicity, politicalStatus: politicalStatus, relation: relation, status: status, notes: notes)
    }
}
