import LinliKit

/// The console's region pages: registered and linked through these (`RoutePath`).
enum RegionsPaths {
    static let tree = RoutePath("regions")
    static let node = RoutePath("regions/:id")
    static let children = RoutePath("regions/:id/children")
    static let rename = RoutePath("regions/:id/rename")
    static let move = RoutePath("regions/:id/move")
    static let retire = RoutePath("regions/:id/retire")
    static let boundaries = RoutePath("regions/:id/boundaries")
    static let team = RoutePath("regions/:id/team")
    static let teamMember = RoutePath("regions/:id/team/:userId/remove")
}

/// The thematic grids' pages (专题网格).
enum ThematicPaths {
    static let list = RoutePath("thematic-grids")
    static let grid = RoutePath("thematic-grids/:id")
    static let team = RoutePath("thematic-grids/:id/team")
    static let teamMember = RoutePath("thematic-grids/:id/team/:userId/remove")
    static let retire = RoutePath("thematic-grids/:id/retire")
}
