import Foundation
import Hummingbird
import LinliKit

/// The console home: who you are, 今日待办 merged from every feature's `DueWorkSource`
/// (overdue first, then due today, then within the week), each feature's block for you
/// (`HomeSection`), and the pages you may open.
struct HomePage {
    let sections: [any HomeSection]
    let dueWork: [any DueWorkSource]
    let clock: any Clock
    let web: Web
    let navigation: [NavigationItem]
    /// Items shown in the merged list; each list's own page has the rest.
    static let itemLimit = 10

    struct Link { let label: String, href: String }
    struct Block {
        let id: String, title: String, text: String?, href: String?, figures: [HomeContent.Figure], hasFigures: Bool
        let search: HomeContent.Search?, links: [HomeContent.Link], hasLinks: Bool
    }
    /// A template section opens on any number and on an empty string, and a nil field is looked
    /// up in the enclosing contexts instead: the rows say what to show with `Bool`s and names
    /// no enclosing model has.
    struct DueRow {
        let title: String, status: String, detail: String?, href: String, list: String, dueText: String?, dueLabel: String
        let bucketLabel: String?, overdue: Bool, dueToday: Bool
    }
    struct DueListRow {
        let id: String, title: String, href: String, total: Int, overdueCount: Int, dueTodayCount: Int, hasOverdue: Bool, hasDueToday: Bool
    }
    struct Today {
        let title: String, counted: Bool
        let overdue: Int, today: Int, week: Int, total: Int, rows: [DueRow], lists: [DueListRow], hasRows: Bool
    }
    struct Model { let displayName: String, roleLabel: String, today: Today?, blocks: [Block], links: [Link] }

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
            Block(id: $0.id, title: $0.title, text: $0.text, href: $0.href, figures: $0.figures, hasFigures: !$0.figures.isEmpty,
                  search: $0.search, links: $0.links, hasLinks: !$0.links.isEmpty)
        }
        let links = navigation.sorted { $0.order < $1.order }
            .filter { item in item.href != "/" && item.isShown(to: actor) }
            .map { Link(label: $0.label, href: $0.href) }
        let model = Model(displayName: actor.displayName, roleLabel: actor.role?.label ?? "系统",
                          today: try await today(for: actor), blocks: blocks, links: links)
        return web.page("home", title: "首页", model: model, request: request, context: context)
    }

    /// Every source's lists for the actor, merged; nil when no feature keeps a list for them.
    func today(for actor: Actor) async throws -> Today? {
        let window = DueWindow(now: clock.now())
        var lists: [DueList] = []
        for source in dueWork { lists += try await source.dueWork(for: actor, in: window, limit: Self.itemLimit) }
        guard !lists.isEmpty else { return nil }
        lists.sort { $0.order < $1.order }
        let counts = lists.map(\.counts).reduce(DueList.Counts(), +)
        let merged = Self.merge(lists, window: window)
        let counted = lists.contains(where: \.hasTimeLimits)
        return Today(title: counted ? ShellTemplates.todayTitle : ShellTemplates.mineTitle, counted: counted, overdue: counts.overdue, today: counts.today, week: counts.week, total: counts.total,
                     rows: merged.prefix(Self.itemLimit).map { $0 }, lists: lists.map {
                         DueListRow(id: $0.id, title: $0.title, href: $0.href, total: $0.counts.total, overdueCount: $0.counts.overdue,
                                    dueTodayCount: $0.counts.today, hasOverdue: $0.counts.overdue > 0, hasDueToday: $0.counts.today > 0)
                     }, hasRows: !merged.isEmpty)
    }

    /// One list of every list's items: overdue, today, this week, later; by due time within each.
    static func merge(_ lists: [DueList], window: DueWindow) -> [DueRow] {
        let tagged = lists.flatMap { list in list.items.map { (list.title, $0) } }
        let sorted = tagged.enumerated().sorted { a, b in
            let (x, y) = (a.element.1, b.element.1)
            let (bx, by) = (window.bucket(of: x.due), window.bucket(of: y.due))
            if bx != by { return bx < by }
            if let dx = x.due, let dy = y.due, dx != dy { return dx < dy }
            return a.offset < b.offset
        }
        return sorted.map { _, pair in
            let (list, item) = pair
            let bucket = window.bucket(of: item.due)
            let label = ShellTemplates.label(of: bucket)
            return DueRow(title: item.title, status: item.status, detail: item.detail, href: item.href, list: list,
                          dueText: item.due?.shanghaiText, dueLabel: item.dueLabel, bucketLabel: label.isEmpty ? nil : label,
                          overdue: bucket == .overdue, dueToday: bucket == .today)
        }
    }
}
