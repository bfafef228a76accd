/// A link one feature adds to another's page, at a named place on it (a slot), so the page's
/// feature need not know the later one: 匹配五社资源 on a request's dispatch box is Resources'.
/// `href` may hold `{id}`, replaced by the id of what the page shows.
public struct PageLink: Sendable {
    public let slot: PageSlot
    public let label: String
    public let href: String
    public let permission: Permission

    public init(_ slot: PageSlot, _ label: String, href: String, permission: Permission) {
        (self.slot, self.label, self.href, self.permission) = (slot, label, href, permission)
    }
}

/// A place on a page where links may be added; the page's feature declares its slots.
public struct PageSlot: Hashable, Sendable {
    public let name: String
    public init(_ name: String) { self.name = name }
}

/// The links of every feature, found by slot.
public struct PageLinks: Sendable {
    let links: [PageLink]
    public init(_ links: [PageLink]) { self.links = links }

    /// The links at `slot` the actor may follow, each with the page's subject in its address.
    public func at(_ slot: PageSlot, subject id: Int64, actor: Actor) -> [(label: String, href: String)] {
        links.filter { $0.slot == slot && actor.may($0.permission) }
            .map { ($0.label, $0.href.replacingOccurrences(of: "{id}", with: String(id))) }
    }
}
