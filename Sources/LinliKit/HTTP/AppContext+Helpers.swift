import Hummingbird

extension AppContext {
    /// A numeric id from the path; anything else is "not found", never a 500.
    public func pathID(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text), id > 0 else { throw DomainError.notFound("记录") }
        return id
    }

    /// The same for a handler that serves a route with the id and one without (create or update).
    public func optionalPathID(_ name: String = "id") throws -> Int64? {
        parameters.get(name) == nil ? nil : try pathID(name)
    }

    /// The CSRF token page forms must carry: the session's, or a visitor's double-submit token.
    public var csrfToken: String { authentication?.csrfToken ?? anonymousFormToken ?? "" }
}

extension Request {
    /// Reads the body (JSON or form) into `Fields`.
    public mutating func fields(_ context: AppContext) async throws -> Fields {
        try await Fields.from(&self, context: context)
    }
}
