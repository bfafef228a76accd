/// 积分 — what a feature earns a person in the points bank, said inside the feature's own
/// transaction so that the award commits or rolls back with the deed. The points feature
/// provides it; a composition without that feature awards nothing
/// (`ServiceRegistry.all(PointAwarding.self).first` is nil).
public protocol PointAwarding: Sendable {
    /// Credits what the earning rules give for `earning`, once per `earning.key`: a retry, or
    /// a second certification of the same record, posts nothing more.
    func award(_ tx: Tx, _ earning: PointEarning, actor: Actor) async throws
    /// Takes back what the award with `key` credited (its record was superseded), by a
    /// reversal linked to it; nothing when there was none or it was taken back before.
    func withdraw(_ tx: Tx, key: String, reason: String, actor: Actor) async throws
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

    public init(_ person: Person, deed: Deed, key: String, memo: String) {
        self.person = person
        self.deed = deed
        self.key = key
        self.memo = memo
    }
}
