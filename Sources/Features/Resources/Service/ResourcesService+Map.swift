import Foundation
import LinliKit
import Regions
import Volunteers

/// 资源地图: everything a community can draw on, in one list — organisations, social workers,
/// volunteer teams, units (双报到 units and businesses among the donors) and donated stock —
/// filtered by field, service, area and whether it can be drawn on now.
extension ResourcesService {
    public enum MapKind: String, Sendable, CaseIterable, Codable {
        case organisation, socialWorker = "social_worker", volunteerTeam = "volunteer_team", unit, stock
        public var label: String {
            switch self {
            case .organisation: "社会组织"
            case .socialWorker: "社工"
            case .volunteerTeam: "志愿服务队"
            case .unit: "共建单位"
            case .stock: "捐赠物资与善款"
            }
        }
    }

    public struct MapFilter: Sendable {
        public var kind: MapKind?, field: String?, itemId: Int64?, areaId: Int64?, availableOnly: Bool
        public init(kind: MapKind? = nil, field: String? = nil, itemId: Int64? = nil, areaId: Int64? = nil, availableOnly: Bool = false) {
            (self.kind, self.field, self.itemId, self.areaId, self.availableOnly) = (kind, field, itemId, areaId, availableOnly)
        }
    }

    public struct MapEntry: Sendable, Equatable {
        public let kind: MapKind, id: Int64, name: String, detail: String
        /// Where it serves or is kept (region paths).
        public let areas: [String]
        public let fields: [String], itemIds: [Int64]
        /// Can be drawn on now: an active organisation with a 接单人 and room in its load, a
        /// worker under the load ceiling, a team with members, stock not all given out.
        public let available: Bool, availability: String
        /// Its page, where there is one.
        public let href: String?
    }

    public func resourceMap(_ filter: MapFilter, actor: Actor) async throws -> [MapEntry] {
        try actor.require(.resourcesView)
        var place: String?
        if let areaId = filter.areaId { place = try await regions.node(areaId, actor: actor).path }
        let ceiling = settings.weights.loadCeiling
        var entries: [MapEntry] = []
        let wants = { (kind: MapKind) in filter.kind == nil || filter.kind == kind }
        if wants(.organisation) {
            let organisations = try await self.organisations(OrganisationFilter(field: filter.field, itemId: filter.itemId), actor: actor)
            let ids = organisations.map(\.id)
            let (services, areas, staffed) = try await database.read { tx in
                (try await OrganisationStore.services(tx, of: ids), try await OrganisationStore.areas(tx, of: ids),
                 try await OrganisationStore.staff(tx, of: ids).filter { $0.value.contains(where: \.intake) })
            }
            let loads = try await requests.handlerFigures(units: organisations.map(\.unitKey), people: []).units
            for o in organisations {
                let open = loads[o.unitKey]?.open ?? 0
                let available = o.status == .active && staffed[o.id] != nil && open < ceiling
                let why = o.status != .active ? o.status.label : staffed[o.id] == nil ? "未指定接单人" : open >= ceiling ? "在办 \(open) 件，已满" : "在办 \(open) 件"
                entries.append(MapEntry(kind: .organisation, id: o.id, name: o.name, detail: o.kind.label + (o.gradeLabel.map { " · \($0)" } ?? ""),
                                        areas: areas[o.id] ?? [o.regionPath], fields: o.fields, itemIds: services[o.id] ?? [], available: available,
                                        availability: why, href: "/resources/organisations/\(o.id)"))
            }
        }
        if wants(.socialWorker) && filter.field == nil {
            let workers = try await socialWorkers(actor: actor)
            let loads = try await requests.handlerFigures(units: [], people: workers.map(\.userId)).people
            for w in workers where filter.itemId.map(w.services.contains) ?? true {
                let open = loads[w.userId]?.open ?? 0
                entries.append(MapEntry(kind: .socialWorker, id: w.id, name: w.name, detail: "\(w.post.label) · \(w.certificate?.label ?? "未持证")",
                                        areas: [w.regionPath], fields: [], itemIds: w.services, available: open < ceiling,
                                        availability: open >= ceiling ? "在办 \(open) 件，已满" : "在办 \(open) 件", href: nil))
            }
        }
        if wants(.volunteerTeam) && filter.field == nil, let volunteers {
            let teams = try await volunteers.teams(actor: actor)
            let services = try await database.read { tx in try await Self.teamServices(tx, of: teams.map(\.id)) }
            for team in teams where filter.itemId.map({ services[team.id]?.contains($0) ?? false }) ?? true {
                entries.append(MapEntry(kind: .volunteerTeam, id: team.id, name: team.name, detail: team.kind.label + (team.sponsor.map { " · \($0)" } ?? ""),
                                        areas: [team.regionPath], fields: [], itemIds: services[team.id] ?? [], available: team.memberCount > 0,
                                        availability: "队员 \(team.memberCount) 人", href: "/resources/teams/\(team.id)"))
            }
        }
        if (wants(.unit) || wants(.stock)) && filter.field == nil && filter.itemId == nil {
            let (donors, donations) = try await charity(actor: actor, limit: 500)
            if wants(.unit) {
                for d in donors where d.kind != .person {
                    entries.append(MapEntry(kind: .unit, id: d.id, name: d.name, detail: d.kind.label, areas: [d.regionPath], fields: [], itemIds: [],
                                            available: true, availability: "可联系共建", href: "/resources/donors/\(d.id)"))
                }
            }
            if wants(.stock) {
                for d in donations {
                    let left = d.balance.remainder
                    entries.append(MapEntry(kind: .stock, id: d.id, name: d.item, detail: "收据 \(d.receiptNumber)", areas: [d.regionPath], fields: [],
                                            itemIds: [], available: left > 0, availability: left > 0 ? "剩余 \(d.balance.describe(left))" : "已分配完",
                                            href: "/resources/donations/\(d.id)"))
                }
            }
        }
        return entries.filter { entry in
            (!filter.availableOnly || entry.available)
                && (place.map { p in entry.areas.contains { p.hasPrefix($0) || $0.hasPrefix(p) } } ?? true)
        }
    }
}
