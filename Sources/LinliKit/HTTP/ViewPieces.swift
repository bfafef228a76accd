/// `{"items": [...]}`: the API's envelope for a list without paging.
public struct ItemList<Item: Encodable>: Encodable {
    public let items: [Item]
    public init(_ items: [Item]) { self.items = items }
}

/// One choice of a `<select>` or a radio group on a page.
public struct SelectOption: Sendable {
    public let value: String
    public let label: String
    public let selected: Bool
    public init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
