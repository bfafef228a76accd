import LinliKit

/// The console's region pages: registered and linked through these (`RoutePath`).
enum RegionsPaths {
    static let tree = RoutePath("regions")
    static let node = RoutePath("regions/:id")
    static let children = RoutePath("regions/:id/children")
    static let rename = RoutePath("regions/:id/rename")
    static let move = RoutePath("regions/:id/move")
    static let retire = RoutePath("regions/:id/retire")
    static let team = RoutePath("regions/:id/team")
    static let teamMember = RoutePath("regions/:id/team/:userId/remove")
    static let thematicGrids = RoutePath("thematic-grids")
    static let thematicGrid = RoutePath("thematic-grids/:id")
    static let thematicTeam = RoutePath("thematic-grids/:id/team")
    static let thematicTeamMember = RoutePath("thematic-grids/:id/team/:userId/remove")
    static let thematicRetire = RoutePath("thematic-grids/:id/retire")
}
