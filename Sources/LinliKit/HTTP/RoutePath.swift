import Hummingbird

/// A route's path, written once: the router registers `pattern`, and the links and redirects
/// a feature builds fill it in (`link(12)`), so a route renamed in one place is renamed
/// everywhere, and a constant removed breaks the build instead of a page.
public struct RoutePath: Sendable {
    /// As the router takes it, e.g. `regions/:id/team`.
    public let pattern: String

    public init(_ pattern: String) { self.pattern = pattern }

    public var routerPath: RouterPath { RouterPath(stringLiteral: pattern) }

    /// The path with its `:parameters` filled in order, e.g. `/regions/12/team`. Extra values
    /// are ignored and missing ones leave the segment empty, so a mistake shows as a 404 in
    /// the tests that follow every link, never as a crash.
    public func link(_ values: any CustomStringConvertible...) -> String {
        var remaining = values.makeIterator()
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? (remaining.next()?.description ?? "") : String(segment)
        }
        return "/" + segments.joined(separator: "/")
    }
}

extension Router {
    public func get(_ path: RoutePath, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) {
        get(path.routerPath, use: handler)
    }
    public func post(_ path: RoutePath, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) {
        post(path.routerPath, use: handler)
    }
}
