import Foundation
import LinliKit

/// The service catalog: read by everyone who files a request, changed by admins.
public struct CatalogService: Sendable {
    let database: Database
    let audit: AuditLog
    let clock: any Clock

    public init(database: Database, audit: AuditLog, clock: any Clock) {
        self.database = database
        self.audit = audit
        self.clock = clock
    }

    public struct Catalog: Sendable {
        public let categories: [CatalogCategory]
        public let items: [CatalogItem]

        public func items(in categoryId: Int64) -> [CatalogItem] { items.filter { $0.categoryId == categoryId } }
        public func item(_ id: Int64) -> CatalogItem? { items.first { $0.id == id } }
        public func category(_ id: Int64) -> CatalogCategory? { categories.first { $0.id == id } }

        /// What a channel offers: active items of active categories listing that channel.
        public func offered(on channel: IntakeChannel) -> Catalog {
            let categoryIds = Set(categories.filter(\.active).map(\.id))
            let items = items.filter { $0.active && $0.channels.contains(channel) && categoryIds.contains($0.categoryId) }
            let used = Set(items.map(\.categoryId))
            return Catalog(categories: categories.filter { used.contains($0.id) }, items: items)
        }
    }

    /// The whole catalog, retired entries included, for anyone signed in: staff pick items
    /// from it, and every account may read what the district offers.
    public func catalog(actor: Actor) async throws -> Catalog { try await load() }

    /// What anyone may see without signing in: the active items offered on `channel` (the
    /// resident's 我要办事 page, Open311's service list). Single items are public reference
    /// data too (`item(_:)`, `item(code:)`): a request names its item.
    public func publicCatalog(on channel: IntakeChannel) async throws -> Catalog { try await load().offered(on: channel) }

    func load() async throws -> Catalog {
        try await database.read { tx in Catalog(categories: try await CatalogStore.categories(tx), items: try await CatalogStore.items(tx)) }
    }

    public func item(_ id: Int64) async throws -> CatalogItem {
        guard let item = try await database.read({ tx in try await CatalogStore.item(tx, id: id) }) else { throw DomainError.notFound("服务事项") }
        return item
    }

    /// An item with its category's name, in one read (request pages need both).
    public func itemWithCategory(_ id: Int64) async throws -> (item: CatalogItem, categoryName: String) {
        let found = try await database.read { tx -> (CatalogItem, String)? in
            guard let item = try await CatalogStore.item(tx, id: id) else { return nil }
            return (item, try await CatalogStore.category(tx, id: item.categoryId)?.name ?? "")
        }
        guard let found else { throw DomainError.notFound("服务事项") }
        return found
    }

    public func item(code: String) async throws -> CatalogItem {
        guard let item = try await database.read({ tx in try await CatalogStore.item(tx, code: code) }) else { throw DomainError.notFound("服务事项") }
        return item
    }

    // MARK: Changing the catalog

    public func saveCategory(id: Int64?, _ draft: CatalogCategoryDraft, actor: Actor) async throws -> CatalogCategory {
        try actor.require(.catalogManage)
        try CatalogRules.validate(draft)
        return try await uniqueCode { try await database.write { tx in
            let before = try await id.asyncFlatMap { try await CatalogStore.category(tx, id: $0) }
            if id != nil && before == nil { throw DomainError.notFound("服务类别") }
            let savedId: Int64
            if let id {
                try await CatalogStore.updateCategory(tx, CatalogCategory(id: id, code: draft.code, name: draft.name, description: draft.description,
                                                                          sortOrder: draft.sortOrder, active: draft.active))
                savedId = id
            } else {
                savedId = try await CatalogStore.insertCategory(tx, code: draft.code, name: draft.name, description: draft.description,
                                                                sortOrder: draft.sortOrder)
            }
            let saved = try await CatalogStore.category(tx, id: savedId)!
            try await audit.append(tx, actor: actor, action: id == nil ? .catalogCategoryCreate : .catalogCategoryUpdate, entityId: String(savedId), regionPath: nil,
                                   before: before.map(Self.values), after: Self.values(saved))
            return saved
        } }
    }

    public func saveItem(id: Int64?, _ draft: CatalogItemDraft, actor: Actor) async throws -> CatalogItem {
        try actor.require(.catalogManage)
        let valid = try CatalogRules.validate(draft)
        let now = clock.now().millis
        return try await uniqueCode { try await database.write { tx in
            guard try await CatalogStore.category(tx, id: valid.categoryId) != nil else { throw DomainError.invalid("categoryId", "请选择服务类别") }
            let before = try await id.asyncFlatMap { try await CatalogStore.item(tx, id: $0) }
            if id != nil && before == nil { throw DomainError.notFound("服务事项") }
            var item = CatalogItem(id: id ?? 0, categoryId: valid.categoryId, code: valid.code, name: valid.name, description: valid.description,
                                   handlerType: valid.handlerType, assignment: valid.assignment, limits: valid.limits,
                                   questions: valid.questions, channels: valid.channels, allowsAnonymous: valid.allowsAnonymous,
                                   active: valid.active, sortOrder: valid.sortOrder, urgent: valid.urgent)
            if id != nil {
                try await CatalogStore.updateItem(tx, item, now: now)
            } else {
                item = CatalogItem(id: try await CatalogStore.insertItem(tx, item, now: now), categoryId: item.categoryId, code: item.code,
                                   name: item.name, description: item.description, handlerType: item.handlerType, assignment: item.assignment,
                                   limits: item.limits, questions: item.questions, channels: item.channels,
                                   allowsAnonymous: item.allowsAnonymous, active: item.active, sortOrder: item.sortOrder, urgent: item.urgent)
            }
            try await audit.append(tx, actor: actor, action: id == nil ? .catalogItemCreate : .catalogItemUpdate, entityId: String(item.id), regionPath: nil,
                                   before: before.map(Self.values), after: Self.values(item))
            return item
        } }
    }

    func uniqueCode<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch where Database.isUniqueViolation(error) {
            throw DomainError.invalid("code", "代码已被使用，请换一个")
        }
    }

    static func values(_ c: CatalogCategory) -> AuditValues {
        ["code": c.code, "name": c.name, "description": c.description, "sortOrder": String(c.sortOrder), "active": String(c.active)]
    }

    static func values(_ i: CatalogItem) -> AuditValues {
        ["code": i.code, "name": i.name, "categoryId": String(i.categoryId), "handlerType": i.handlerType.rawValue,
         "assignment": i.assignment.stored, "limits": "\(i.limits.respond)/\(i.limits.handle)/\(i.limits.verify)",
         "questions": CatalogStore.encodeQuestions(i.questions), "channels": CatalogStore.encodeChannels(i.channels),
         "allowsAnonymous": String(i.allowsAnonymous), "active": String(i.active), "urgent": String(i.urgent)]
    }
}
