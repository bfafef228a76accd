import Foundation
import LinliKit
import SQLKit

/// SQL for the service catalog.
enum CatalogStore {
    static func defaultCatalogStatements() -> [String] {
        var statements: [String] = []
        let channels = sqlLiteral(encodeChannels(Set(IntakeChannel.allCases)))
        for (c, category) in DefaultCatalog.categories.enumerated() {
            statements.append("""
                INSERT INTO request_categories (code, name, description, sort_order, active)
                VALUES (\(sqlLiteral(category.code)), \(sqlLiteral(category.name)), \(sqlLiteral(category.description)), \(c + 1), 1)
                """)
            for (i, item) in category.items.enumerated() {
                statements.append("""
                    INSERT INTO request_items (category_id, code, name, description, handler_type, assignment, respond_minutes,
                      handle_minutes, verify_minutes, questions, channels, allows_anonymous, active, sort_order, updated_at)
                    SELECT id, \(sqlLiteral(item.code)), \(sqlLiteral(item.name)), \(sqlLiteral(item.description)),
                      \(sqlLiteral(item.handler.rawValue)), \(sqlLiteral(item.assignment.stored)), \(item.limits.respond),
                      \(item.limits.handle), \(item.limits.verify), \(sqlLiteral(encodeQuestions(item.questions))), \(channels),
                      \(item.allowsAnonymous ? 1 : 0), 1, \(i + 1), 0
                    FROM request_categories WHERE code = \(sqlLiteral(category.code))
                    """)
            }
        }
        return statements
    }

    /// Default items whose questions gained urgent choices, rewritten where still as shipped.
    static func urgentChoiceStatements() -> [String] {
        DefaultCatalog.categories.flatMap(\.items).filter { $0.questions.contains { !$0.urgentChoices.isEmpty } }.map { item in
            let before = item.questions.map { question -> CatalogQuestion in
                var plain = question
                plain.urgentChoices = []
                return plain
            }
            return "UPDATE request_items SET questions = \(sqlLiteral(encodeQuestions(item.questions))) WHERE code = \(sqlLiteral(item.code))"
                + " AND questions = \(sqlLiteral(encodeQuestions(before)))"
        }
    }

    static func encodeQuestions(_ questions: [CatalogQuestion]) -> String {
        (try? JSONEncoder.canonicalText(questions)) ?? "[]"
    }

    static func encodeChannels(_ channels: Set<IntakeChannel>) -> String {
        channels.map(\.rawValue).sorted().joined(separator: ",")
    }

    static let categoryColumns = "id, code, name, description, sort_order, active"
    static let itemColumns = """
        id, category_id, code, name, description, handler_type, assignment, respond_minutes, handle_minutes, verify_minutes,
        questions, channels, allows_anonymous, active, sort_order, urgent
        """

    static func category(_ row: any SQLRow) throws -> CatalogCategory {
        CatalogCategory(id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
                        name: try row.decode(column: "name", as: String.self),
                        description: try row.decode(column: "description", as: String.self),
                        sortOrder: Int(try row.decode(column: "sort_order", as: Int64.self)),
                        active: try row.decode(column: "active", as: Int64.self) != 0)
    }

    static func item(_ row: any SQLRow) throws -> CatalogItem {
        let questions = try row.decode(column: "questions", as: String.self)
        let id = try row.decode(column: "id", as: Int64.self)
        let assignment = try row.decode(known: "assignment", row: "request_items#\(id)", parse: AssignmentRule.init(stored:))
        return CatalogItem(
            id: id, categoryId: try row.decode(column: "category_id", as: Int64.self),
            code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            handlerType: try row.decode(known: "handler_type", as: HandlerType.self, row: "request_items#\(id)"),
            assignment: assignment,
            limits: StageLimits(respond: Int(try row.decode(column: "respond_minutes", as: Int64.self)),
                                handle: Int(try row.decode(column: "handle_minutes", as: Int64.self)),
                                verify: Int(try row.decode(column: "verify_minutes", as: Int64.self))),
            questions: (try? JSONDecoder().decode([CatalogQuestion].self, from: Data(questions.utf8))) ?? [],
            channels: Set(try row.decode(column: "channels", as: String.self).split(separator: ",").compactMap { IntakeChannel(rawValue: String($0)) }),
            allowsAnonymous: try row.decode(column: "allows_anonymous", as: Int64.self) != 0,
            active: try row.decode(column: "active", as: Int64.self) != 0,
            sortOrder: Int(try row.decode(column: "sort_order", as: Int64.self)),
            urgent: try row.decode(column: "urgent", as: Int64.self) != 0)
    }

    static func categories(_ tx: Tx) async throws -> [CatalogCategory] {
        try await tx.sql.raw("SELECT \(unsafeRaw: categoryColumns) FROM request_categories ORDER BY sort_order, id").all().map(category)
    }

    static func items(_ tx: Tx) async throws -> [CatalogItem] {
        try await tx.sql.raw("SELECT \(unsafeRaw: itemColumns) FROM request_items ORDER BY category_id, sort_order, id").all().map(item)
    }

    static func category(_ tx: Tx, id: Int64) async throws -> CatalogCategory? {
        try await tx.sql.raw("SELECT \(unsafeRaw: categoryColumns) FROM request_categories WHERE id = \(bind: id)").first().map(category)
    }

    static func item(_ tx: Tx, id: Int64) async throws -> CatalogItem? {
        try await tx.sql.raw("SELECT \(unsafeRaw: itemColumns) FROM request_items WHERE id = \(bind: id)").first().map(item)
    }

    static func item(_ tx: Tx, code: String) async throws -> CatalogItem? {
        try await tx.sql.raw("SELECT \(unsafeRaw: itemColumns) FROM request_items WHERE code = \(bind: code)").first().map(item)
    }

    static func insertCategory(_ tx: Tx, code: String, name: String, description: String, sortOrder: Int) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO request_categories (code, name, description, sort_order, active)
            VALUES (\(bind: code), \(bind: name), \(bind: description), \(bind: sortOrder), 1) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func updateCategory(_ tx: Tx, _ c: CatalogCategory) async throws {
        try await tx.sql.raw("""
            UPDATE request_categories SET code = \(bind: c.code), name = \(bind: c.name), description = \(bind: c.description),
              sort_order = \(bind: c.sortOrder), active = \(bind: c.active ? 1 : 0) WHERE id = \(bind: c.id)
            """).run()
    }

    static func insertItem(_ tx: Tx, _ i: CatalogItem, now: Int64) async throws -> Int64 {
        try await tx.sql.raw("""
            INSERT INTO request_items (category_id, code, name, description, handler_type, assignment, respond_minutes,
              handle_minutes, verify_minutes, questions, channels, allows_anonymous, active, sort_order, updated_at, urgent)
            VALUES (\(bind: i.categoryId), \(bind: i.code), \(bind: i.name), \(bind: i.description), \(bind: i.handlerType.rawValue),
              \(bind: i.assignment.stored), \(bind: i.limits.respond), \(bind: i.limits.handle), \(bind: i.limits.verify),
              \(bind: encodeQuestions(i.questions)), \(bind: encodeChannels(i.channels)), \(bind: i.allowsAnonymous ? 1 : 0),
              \(bind: i.active ? 1 : 0), \(bind: i.sortOrder), \(bind: now), \(bind: i.urgent ? 1 : 0)) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func updateItem(_ tx: Tx, _ i: CatalogItem, now: Int64) async throws {
        try await tx.sql.raw("""
            UPDATE request_items SET category_id = \(bind: i.categoryId), code = \(bind: i.code), name = \(bind: i.name),
              description = \(bind: i.description), handler_type = \(bind: i.handlerType.rawValue), assignment = \(bind: i.assignment.stored),
              respond_minutes = \(bind: i.limits.respond), handle_minutes = \(bind: i.limits.handle), verify_minutes = \(bind: i.limits.verify),
              questions = \(bind: encodeQuestions(i.questions)), channels = \(bind: encodeChannels(i.channels)),
              allows_anonymous = \(bind: i.allowsAnonymous ? 1 : 0), active = \(bind: i.active ? 1 : 0), sort_order = \(bind: i.sortOrder),
              updated_at = \(bind: now), urgent = \(bind: i.urgent ? 1 : 0)
            WHERE id = \(bind: i.id)
            """).run()
    }
}
