import LinliKit

/// The resident's 我要办事 on the home page: a search box and the most asked-for items, so
/// that a request starts with one tap from home.
struct AskHomeSection: HomeSection {
    let requests: RequestService
    let catalog: CatalogService
    static let count = 6

    func content(for actor: Actor) async throws -> HomeContent? {
        // For those who ask for themselves; staff take requests in at 登记诉求.
        guard actor.may(.requestSubmit), !actor.may(.requestIntake) else { return nil }
        let offered = try await catalog.publicCatalog(on: .selfService)
        let top = CatalogSearch.top(offered.items, mostAsked: try await requests.mostAskedItemIds(), count: Self.count)
        return HomeContent(id: "ask", title: "我要办事", text: "全部事项", href: "/ask",
                           search: .init(action: "/ask", name: "q", label: "搜索", placeholder: "说说什么事，如：灯、漏水"),
                           links: top.map { HomeContent.Link($0.name, href: "/ask/\($0.id)") }, order: 1)
    }
}
