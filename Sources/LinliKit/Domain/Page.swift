/// A page of results with its total, for lists in pages and the API.
public struct Page<T: Sendable & Encodable>: Sendable, Encodable {
    public let items: [T]
    /// All matches, or — when `totalExact` is false — a lower bound (there are at least this
    /// many): a list may stop counting once it knows there are more than anyone pages through (counting 150,000 rows costs
    /// more than reading a page).
    public let total: Int
    public let limit: Int
    public let offset: Int
    /// False when `total` is where counting stopped. Encoded only then.
    public let totalExact: Bool

    public init(items: [T], total: Int, limit: Int, offset: Int, totalExact: Bool = true) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
        self.totalExact = totalExact
    }

    public var hasPrevious: Bool { offset > 0 }
    public var hasNext: Bool { offset + limit < total }

    enum CodingKeys: String, CodingKey { case items, total, limit, offset, totalExact }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(total, forKey: .total)
        try c.encode(limit, forKey: .limit)
        try c.encode(offset, forKey: .offset)
        if !totalExact { try c.encode(false, forKey: .totalExact) }
    }
}
