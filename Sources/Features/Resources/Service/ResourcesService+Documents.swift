import Foundation
import LinliKit

/// 证照与年报: kept by the organisation's registrar and by its own staff (who send their
/// 年报 themselves); read by whoever may read the organisation.
extension ResourcesService {
    public func addDocument(organisationId: Int64, _ draft: DocumentDraft, actor: Actor) async throws -> OrganisationDocument {
        let document = try DocumentRules.validate(draft)
        let now = clock.now().millis
        return try await database.write { tx in
            let organisation = try await documentKeeper(tx, organisationId, actor: actor)
            if try await DocumentStore.count(tx, organisationId: organisationId) >= DocumentRules.maxPerOrganisation {
                throw DomainError.conflict("每个组织最多保存 \(DocumentRules.maxPerOrganisation) 份材料，请先删除过期的材料")
            }
            let saved = try await DocumentStore.insert(tx, organisationId: organisationId, document, by: actor.displayName, now: now)
            try await OrganisationStore.appendEvent(tx, organisationId: organisationId, kind: "document",
                                                    text: "上传材料：\(saved.title)（\(saved.kind.label)）", by: actor.displayName, now: now)
            try await audit.append(tx, actor: actor, action: .organisationDocumentAdd, entityId: String(organisationId),
                                   regionPath: organisation.regionPath, after: Self.auditValues(saved))
            return saved
        }
    }

    public func removeDocument(organisationId: Int64, documentId: Int64, actor: Actor) async throws {
        let now = clock.now().millis
        try await database.write { tx in
            let organisation = try await documentKeeper(tx, organisationId, actor: actor)
            guard let document = try await DocumentStore.find(tx, id: documentId, organisationId: organisationId) else {
                throw DomainError.notFound("材料")
            }
            try await DocumentStore.delete(tx, id: documentId)
            try await OrganisationStore.appendEvent(tx, organisationId: organisationId, kind: "document",
                                                    text: "删除材料：\(document.title)", by: actor.displayName, now: now)
            try await audit.append(tx, actor: actor, action: .organisationDocumentRemove, entityId: String(organisationId),
                                   regionPath: organisation.regionPath, before: Self.auditValues(document))
        }
    }

    public func documents(organisationId: Int64, actor: Actor) async throws -> [OrganisationDocument] {
        try await database.read { tx in
            _ = try await readableOrganisation(tx, organisationId, actor: actor)
            return try await DocumentStore.list(tx, organisationId: organisationId)
        }
    }

    /// A document with its bytes, for a download.
    public func document(organisationId: Int64, documentId: Int64, actor: Actor) async throws -> (OrganisationDocument, Data) {
        try await database.read { tx in
            _ = try await readableOrganisation(tx, organisationId, actor: actor)
            guard let document = try await DocumentStore.find(tx, id: documentId, organisationId: organisationId),
                  let data = try await DocumentStore.data(tx, id: documentId) else { throw DomainError.notFound("材料") }
            return (document, data)
        }
    }

    /// Whether the actor may add and remove documents of an organisation they can read.
    public func keepsDocuments(_ organisation: Organisation, ownStaff: Bool, actor: Actor) -> Bool {
        ownStaff || (actor.may(.resourcesManage) && actor.scope.contains(path: organisation.regionPath))
    }

    func readableOrganisation(_ tx: Tx, _ id: Int64, lock: Bool = false, actor: Actor) async throws -> Organisation {
        guard let organisation = try await OrganisationStore.find(tx, id: id, lock: lock),
              try await Self.readable(tx, organisation, actor: actor) else {
            throw actor.may(.resourcesView) ? DomainError.notFound("社会组织") : DomainError.forbidden
        }
        return organisation
    }

    /// The organisation under its row lock, if the actor keeps its documents.
    func documentKeeper(_ tx: Tx, _ id: Int64, actor: Actor) async throws -> Organisation {
        // Who can keep no organisation's documents learns nothing of this one.
        guard actor.may(.resourcesManage) || actor.may(.organisationOwn) else { throw Self.notKeeper }
        let organisation = try await readableOrganisation(tx, id, lock: true, actor: actor)
        var ownStaff = false
        if let userId = actor.userId { ownStaff = try await OrganisationStore.employer(tx, userId: userId)?.organisationId == id }
        guard keepsDocuments(organisation, ownStaff: ownStaff, actor: actor) else { throw Self.notKeeper }
        return organisation
    }

    static let notKeeper = DomainError(kind: .forbidden, code: "not_document_keeper",
                                       message: "只有登记地的工作人员或本组织的工作人员可以上传、删除材料")

    static func auditValues(_ d: OrganisationDocument) -> AuditValues {
        ["document": String(d.id), "kind": d.kind.rawValue, "title": d.title, "type": d.contentType, "bytes": String(d.byteCount), "sha256": d.sha256]
    }
}
