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
    /// The block's element id (its link's is the same with `-link`).
    public let id: String
    public let title: String
    public let text: String?
    /// Where the text leads, if anywhere.
    public let href: String?
    public let figures: [Figure]
    /// Order on the page (lower first).
    public let order: Int

    public init(id: String, title: String, text: String? = nil, href: String? = nil, figures: [Figure] = [], order: Int) {
        self.id = id
        self.title = title
        self.text = text
        self.href = href
        self.figures = figures
        self.order = order
    }
}
