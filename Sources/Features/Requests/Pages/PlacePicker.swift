import Foundation
import LinliKit
import Regions

/// Where a request happened, picked by name (never by a code): walk down street → community
/// → grid → building → unit → household within the actor's scope, or find a place by a
/// word of its name ("1号楼"). Works without JavaScript: each step is a GET that carries the
/// rest of the page's choices along (`link`).
struct PlacePicker {
    struct Crumb { let name: String, href: String }
    struct Found { let line: String, href: String }
    /// The node chosen so far, if it is one a request may be at (community or below).
    let chosenId: String, chosenLine: String?
    let crumbs: [Crumb], children: [SelectOption], hasChildren: Bool, childLevel: String
    let query: String, searched: Bool, found: [Found], hasFound: Bool

    static let searchLimit = 20

    /// `selected`: the node picked so far (nil: the actor's own); `link`: the page's URL with
    /// `regionId` set to a node.
    static func build(regions: RegionService, actor: Actor, selected: Int64?, query: String,
                      link: (Int64) -> String) async throws -> PlacePicker {
        let current: RegionNode
        if let selected {
            current = try await regions.node(selected, actor: actor)
        } else if let own = try await regions.lookup(actor.scope.regionId) {
            current = own
        } else {
            throw DomainError.notFound("地点")
        }
        let path = try await regions.breadcrumb(for: current, actor: actor)
        let children = current.level.child == nil ? [] : try await regions.children(of: current.id, actor: actor).filter { !$0.retired }
        let usable = current.level.depth >= RegionLevel.community.depth && !current.retired
        let words = query.trimmingWhitespace
        var found: [Found] = []
        if !words.isEmpty {
            let matches = try await regions.search(level: nil, term: words, actor: actor, limit: searchLimit)
                .filter { $0.level.depth >= RegionLevel.community.depth && !$0.retired }
            let lines = try await regions.addressLines(for: matches)
            found = matches.map { Found(line: lines[$0.id] ?? $0.name, href: link($0.id)) }
        }
        return PlacePicker(
            chosenId: usable ? String(current.id) : "", chosenLine: usable ? try await regions.addressLine(for: current) : nil,
            crumbs: path.map { Crumb(name: $0.name, href: link($0.id)) },
            children: children.map { SelectOption(value: String($0.id), label: $0.name) }, hasChildren: !children.isEmpty,
            childLevel: current.level.child?.label ?? "", query: words, searched: !words.isEmpty, found: found, hasFound: !found.isEmpty)
    }
}
