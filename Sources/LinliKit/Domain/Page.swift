/// A page of results with its total, for lists in pages and the API.
public struct Page<T: Sendable & Encodable>: Sendable, Encodable {
    public let items: [T]
    public let total: Int
    public let limit: Int
    public let offset: Int

    public init(items: [T], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }

    public var hasPrevious: Bool { offset > 0 }
    public var hasNext: Bool { offset + limit < total }
}
