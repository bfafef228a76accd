/// Finding an item by words instead of scrolling 120 of them: every word of the query must
/// appear in the item's name, its description or its category's name (楼道照明 is found by
/// "灯", which only its description says).
public enum CatalogSearch {
    /// The query's words (split at spaces, full-width ones too), at most five, none empty.
    public static func words(_ query: String) -> [String] {
        Array(query.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "," || $0 == "，" })
            .map(String.init).prefix(5))
    }

    public static func matches(_ item: CatalogItem, categoryName: String, words: [String]) -> Bool {
        guard !words.isEmpty else { return false }
        let text = (item.name + " " + item.description + " " + categoryName).lowercased()
        return words.allSatisfy { text.contains($0) }
    }

    /// The items to show first: the most asked for (ids in order, most first) among those
    /// offered, then, while fewer than `count`, the first of each category and so on, in
    /// catalog order — so a new installation without history still has a short list.
    public static func top(_ offered: [CatalogItem], mostAsked: [Int64], count: Int) -> [CatalogItem] {
        let byId = Dictionary(offered.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var chosen: [CatalogItem] = []
        var seen: Set<Int64> = []
        for id in mostAsked where chosen.count < count {
            if let item = byId[id], seen.insert(id).inserted { chosen.append(item) }
        }
        let byCategory = Dictionary(grouping: offered, by: \.categoryId)
        let categories = offered.map(\.categoryId).reduce(into: [Int64]()) { if !$0.contains($1) { $0.append($1) } }
        var round = 0
        while chosen.count < count {
            let layer = categories.compactMap { byCategory[$0].flatMap { round < $0.count ? $0[round] : nil } }
            if layer.isEmpty { break }
            for item in layer where chosen.count < count && seen.insert(item.id).inserted { chosen.append(item) }
            round += 1
        }
        return chosen
    }
}
