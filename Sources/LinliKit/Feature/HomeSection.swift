/// One block of the home page a feature contributes: nil when it has nothing for the actor.
public protocol HomeSection: Sendable {
    func content(for actor: Actor) async throws -> HomeContent?
}

/// What a home block shows: a heading, a line of text, figures and links.
public struct HomeContent: Sendable {
    public struct Figure: Sendable {
        public let label: String
        public let value: Int
        public init(_ label: String, _ value: Int) {
            self.label = label
            self.value = value
        }
    }
    /// A button-like link: one tap to start something.
    public struct Link: Sendable {
        public let label: String, href: String, note: String?
        public init(_ label: String, href: String, note: String? = nil) {
            self.label = label
            self.href = href
            self.note = note
        }
    }
    /// A search box that sends `name=…` to `action` by GET.
    public struct Search: Sendable {
        public let action: String, name: String, label: String, placeholder: String
        public init(action: String, name: String, label: String, placeholder: String) {
            self.action = action
            self.name = name
            self.label = label
            self.placeholder = placeholder
        }
    }
    /// The block's element id (its link's is the same with `-link`).
    public let id: String
    public let title: String
    public let text: String?
    /// Where the text leads, if anywhere.
    public let href: String?
    public let figures: [Figure]
    public let search: Search?
    public let links: [Link]
    /// Order on the page (lower first).
    public let order: Int

    public init(id: String, title: String, text: String? = nil, href: String? = nil, figures: [Figure] = [], search: Search? = nil,
                links: [Link] = [], order: Int) {
        self.id = id
        self.title = title
        self.text = text
        self.href = href
        self.figures = figures
        self.search = search
        self.links = links
        self.order = order
    }
}
