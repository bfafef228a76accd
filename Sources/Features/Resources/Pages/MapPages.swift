import Foundation
import Hummingbird
import LinliKit
import Regions

/// 资源地图 as a page: the same search as the API, grouped by kind.
extension ResourcesPages {
    struct MapRow {
        let name: String, detail: String, available: Bool, availability: String, hasHref: Bool, href: String
        let hasServices: Bool, services: String, areas: String
    }
    struct MapGroup { let label: String, count: Int, entries: [MapRow] }
    struct MapModel {
        let error: String?, kinds: [SelectOption], fieldOptions: [SelectOption], itemOptions: [SelectOption], areaOptions: [SelectOption]
        let availableOnly: Bool, groups: [MapGroup], hasGroups: Bool
    }

    @Sendable func resourceMap(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.resourcesView)
        let filter = try request.query(ResourceMapInput.init).filter
        let entries = try await resources.resourceMap(filter, actor: actor)
        let catalog = try await self.catalog.catalog(actor: actor)
        let areaNodes = try await regions.find(ids: Array(Set(entries.flatMap(\.areas).compactMap(ResourcesService.nodeId))))
        let names = Dictionary(areaNodes.map { ($0.path, $0.name) }, uniquingKeysWith: { a, _ in a })
        let groups = ResourcesService.MapKind.allCases.compactMap { kind -> MapGroup? in
            let rows = entries.filter { $0.kind == kind }
            guard !rows.isEmpty else { return nil }
            return MapGroup(label: kind.label, count: rows.count, entries: rows.map { e in
                let services = e.itemIds.compactMap { catalog.item($0)?.name }
                return MapRow(name: e.name, detail: e.detail, available: e.available, availability: e.availability, hasHref: e.href != nil,
                              href: e.href ?? "", hasServices: !services.isEmpty, services: services.joined(separator: "、"),
                              areas: e.areas.map { names[$0] ?? "" }.filter { !$0.isEmpty }.joined(separator: "、"))
            })
        }
        let model = MapModel(
            error: nil, kinds: ResourcesService.MapKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.kind) },
            fieldOptions: resources.settings.fields.map { SelectOption(value: $0, label: $0, selected: $0 == filter.field) },
            itemOptions: catalog.items.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == filter.itemId) },
            areaOptions: try await places(actor, selected: filter.areaId), availableOnly: filter.availableOnly, groups: groups, hasGroups: !groups.isEmpty)
        return web.page("resources.map", title: "资源地图", model: model, request: request, context: context)
    }
}
