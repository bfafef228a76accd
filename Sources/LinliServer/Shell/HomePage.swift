import Hummingbird
import LinliKit
import Regions

/// The console home: who you are, what you oversee, the figures of your subtree.
struct HomePage {
    let regions: RegionService
    let web: Web
    let navigation: [NavigationItem]

    struct Count { let label: String, value: Int }
    struct ScopeView { let id: Int64, name: String, levelLabel: String, code: String }
    struct Link { let label: String, href: String }
    struct Model {
        let displayName: String, roleLabel: String, scope: ScopeView?, counts: [Count], hasCounts: Bool, links: [Link]
    }

    func addRoutes(to router: Router<AppContext>) {
        router.get("/") { request, context in
            let actor = try context.requireActor()
            let scope = try await regions.lookup(actor.scope.regionId)
            var counts: [Count] = []
            if actor.may(.regionView) {
                let byLevel = try await regions.counts(actor: actor)
                counts = RegionLevel.allCases.dropFirst().compactMap { level in
                    byLevel[level].map { Count(label: "\(level.label)数", value: $0) }
                }
            }
            let links = navigation.filter { item in item.href != "/" && (item.permission.map(actor.may) ?? true) }
                .map { Link(label: $0.label, href: $0.href) }
            let model = Model(displayName: actor.displayName, roleLabel: actor.role?.label ?? "系统",
                              scope: scope.map { ScopeView(id: $0.id, name: $0.name, levelLabel: $0.level.label, code: $0.code) },
                              counts: counts, hasCounts: !counts.isEmpty, links: links)
            return web.page("home", title: "首页", model: model, request: request, context: context)
        }
    }
}
