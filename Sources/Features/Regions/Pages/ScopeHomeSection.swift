import LinliKit

/// The home page's 管辖范围 block: the actor's node and, for those who may see the tree, the
/// number of nodes of each level below it.
struct ScopeHomeSection: HomeSection {
    let regions: RegionService

    func content(for actor: Actor) async throws -> HomeContent? {
        guard let node = try await regions.lookup(actor.scope.regionId) else { return nil }
        var figures: [HomeContent.Figure] = []
        if actor.may(.regionView) {
            let byLevel = try await regions.counts(actor: actor)
            figures = RegionLevel.allCases.dropFirst().compactMap { level in
                byLevel[level].map { HomeContent.Figure("\(level.label)数", $0) }
            }
        }
        // Residents, volunteers and party members have a place, not a jurisdiction.
        return HomeContent(id: "scope", title: actor.may(.regionView) ? "管辖范围" : "所在地", text: "\(node.name)（\(node.level.label)）",
                           href: actor.may(.regionView) ? RegionsPaths.node.link(node.id) : nil, figures: figures, order: 10)
    }
}
