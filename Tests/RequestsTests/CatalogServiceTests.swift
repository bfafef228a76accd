import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Requests
import Testing

@Suite("Service catalog on SQLite and PostgreSQL")
struct CatalogServiceTests {
    @Test(arguments: TestEngine.all)
    func theDefaultCatalogIsInstalledAndAdminsEditIt(engine: TestEngine) async throws {
        try await TestSystem.with(engine) { system in
            let f = try await Fixture.build(system)
            let catalog = try await system.catalog.catalog(actor: system.commandLineActor)
            #expect(catalog.categories.count == 12 && catalog.items.count == 120)
            #expect(catalog.offered(on: .selfService).items.count == 120)
            let admin = f.actor(.districtAdmin)
            var item = try await system.catalog.item(code: "WX01")
            let saved = try await system.catalog.saveItem(id: item.id, CatalogItemDraft(
                categoryId: item.categoryId, code: "WX01", name: "楼道灯不亮", description: item.description, handlerType: .gridWorker,
                assignment: "grid", respondHours: 1, handleHours: 8, verifyHours: 4,
                questions: [CatalogQuestion(code: "floor", label: "楼层", kind: .number, required: true)],
                channels: [.selfService, .hotline], allowsAnonymous: true), actor: admin)
            #expect(saved.limits == StageLimits.hours(1, 8, 4) && saved.channels == [.selfService, .hotline])
            item = try await system.catalog.item(code: "WX01")
            #expect(item.name == "楼道灯不亮" && item.questions.first?.required == true)
            #expect(try await system.catalog.catalog(actor: system.commandLineActor).offered(on: .gridWorker).items.count == 119)
            // The new limits apply to new requests.
            let request = try await f.submitStreetlight().request
            #expect(request.progress.respondDue.timeIntervalSince(request.progress.submittedAt) <= 17 * 3600)

            let category = try await system.catalog.saveCategory(id: nil, CatalogCategoryDraft(code: "WH", name: "文化体育"), actor: admin)
            let newItem = try await system.catalog.saveItem(id: nil, CatalogItemDraft(
                categoryId: category.id, code: "WH01", name: "场馆预约", handlerType: .communityStaff, respondHours: 2, handleHours: 16,
                verifyHours: 8), actor: admin)
            #expect(newItem.id > 0)
            await #expect(throws: DomainError.self) {
                _ = try await system.catalog.saveItem(id: nil, CatalogItemDraft(categoryId: category.id, code: "WH01", name: "重复", handlerType: .communityStaff,
                                                                               respondHours: 2, handleHours: 16, verifyHours: 8), actor: admin)
            }
            await #expect(throws: DomainError.forbidden) {
                _ = try await system.catalog.saveCategory(id: nil, CatalogCategoryDraft(code: "X", name: "越权"), actor: f.actor(.communityStaff))
            }
            do {
                _ = try await system.catalog.saveItem(id: nil, CatalogItemDraft(categoryId: nil, code: "坏 代码", name: "", handlerType: nil,
                                                                               assignment: "anyone", respondHours: 0, handleHours: nil, verifyHours: 8),
                                                      actor: admin)
                Issue.record("a bad item was saved")
            } catch let error as DomainError {
                #expect(Set(error.fields.keys) == ["categoryId", "code", "name", "handlerType", "assignment", "respondHours", "handleHours"])
            }
            let audit = try await system.database.read { tx in
                try await tx.sql.raw("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'catalog.%'").first()!.decode(column: "n", as: Int.self)
            }
            #expect(audit == 3)
        }
    }
}
