import Hummingbird
import LinliKit

/// The console home: who you are, each feature's block for you (`HomeSection`), and the
/// pages you may open.
struct HomePage {
    let sections: [any HomeSection]
    let web: Web
    let navigation: [NavigationItem]

    struct Link { let label: String, href: String }
    struct Block {
        let id: String, title: String, text: String?, href: String?, figures: [HomeContent.Figure], hasFigures: Bool
    }
    struct Model { let displayName: String, roleLabel: String, blocks: [Block], links: [Link] }

    func addRoutes(to router: Router<AppContext>) {
        router.get("/", use: home)
    }

    @Sendable func home(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        var contents: [HomeContent] = []
        for section in sections {
            if let content = try await section.content(for: actor) { contents.append(content) }
        }
        let blocks = contents.sorted { $0.order < $1.order }.map {
            Block(id: $0.id, title: $0.title, text: $0.text, href: $0.href, figures: $0.figures, hasFigures: !$0.figures.isEmpty)
        }
        let links = navigation.sorted { $0.order < $1.order }
            .filter { item in item.href != "/" && (item.permission.map(actor.may) ?? true) }
            .map { Link(label: $0.label, href: $0.href) }
        let model = Model(displayName: actor.displayName, roleLabel: actor.role?.label ?? "系统", blocks: blocks, links: links)
        return web.page("home", title: "首页", model: model, request: request, context: context)
    }
}
