/// 积分 — what a feature earns people in the points bank, said inside the feature's own
/// transaction so that the awards commit or roll back with the deed. The points feature
/// provides it; a composition without that feature awards nothing
/// (`ServiceRegistry.all(PointAwarding.self).first` is nil).
public protocol PointAwarding: Sendable {
    /// Credits what the earning rules give for each earning, once per `key`: a retry, or a
    /// second certification of the same record, posts nothing more. All of one call's accounts
    /// are locked together, in one order, so two calls never wait on each other crosswise.
    /// A person the bank cannot place (no community in their address) is passed over.
    func award(_ tx: Tx, _ earnings: [PointEarning], actor: Actor) async throws
}

/// A deed that may earn points.
public struct PointEarning: Sendable, Equatable {
    public enum Deed: Sendable, Equatable {
        /// Certified service: minutes, and the service category (the role's required skill).
        case service(minutes: Int64, category: String?)
        /// Took part in a resident activity.
        case activity
        /// Handled a request that was closed with `rating` stars.
        case requestHandled(rating: Int)
    }

    /// Who earned it: a registry person, or the account of one (a handler's login; an account
    /// bound to nobody in the registry earns nothing).
    public enum Person: Sendable, Equatable {
        case resident(Int64)
        case account(Int64)
    }

    public let person: Person
    public let deed: Deed
    /// Unique for the deed, e.g. `service_record:12`: the idempotency key of the award.
    public let key: String
    /// What the statement says, e.g. 「敬老院陪护」服务 2 小时.
    public let memo: String
    /// The key of the award this one replaces (a corrected record's): that award is reversed and
    /// left out of the caps; when it never existed (the record earned nothing), neither does this.
    public let supersedes: String?

    public init(_ person: Person, deed: Deed, key: String, memo: String, supersedes: String? = nil) {
        self.person = person
        self.deed = deed
        self.key = key
        self.memo = memo
        self.supersedes = supersedes
    }
}
