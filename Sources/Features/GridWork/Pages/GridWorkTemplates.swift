import Hummingbird
import LinliKit
/// Placeholder while the pages are written.
enum GridWorkTemplates { static let all: [String: String] = [:] }
struct GridWorkPages {
    let gridWork: GridWorkService
    let web: LinliKit.Web
    func addRoutes(to router: Hummingbird.Router<LinliKit.AppContext>) {}
}
