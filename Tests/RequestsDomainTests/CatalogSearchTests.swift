import Foundation
import Requests
import Testing

@Suite("Finding an item: search words and the short list of the most asked for")
struct CatalogSearchTests {
    static func item(_ id: Int64, _ category: Int64, _ name: String, _ description: String = "") -> CatalogItem {
        CatalogItem(id: id, categoryId: category, code: "X\(id)", name: name, description: description, handlerType: .gridWorker,
                    assignment: .grid, limits: .hours(2, 24, 8), questions: [], channels: [.selfService], allowsAnonymous: false,
                    active: true, sortOrder: Int(id))
    }

    @Test func aWordInTheDescriptionFindsTheItem() {
        let light = Self.item(1, 1, "楼道照明", "楼道灯不亮、损坏")
        #expect(CatalogSearch.matches(light, categoryName: "物业维修", words: CatalogSearch.words("灯")))
        #expect(CatalogSearch.matches(light, categoryName: "物业维修", words: CatalogSearch.words("维修　灯")), "full-width space splits")
        #expect(!CatalogSearch.matches(light, categoryName: "物业维修", words: CatalogSearch.words("灯 漏水")), "every word must match")
        #expect(!CatalogSearch.matches(light, categoryName: "物业维修", words: []), "no words, no match")
        #expect(CatalogSearch.words("  a  b c d e f g ").count == 5)
    }

    @Test func theShortListTakesTheMostAskedThenOneOfEachCategory() {
        let items = [Self.item(1, 1, "甲"), Self.item(2, 1, "乙"), Self.item(3, 2, "丙"), Self.item(4, 2, "丁"), Self.item(5, 3, "戊")]
        #expect(CatalogSearch.top(items, mostAsked: [4, 99, 4], count: 3).map(\.id) == [4, 1, 3], "unknown and repeated ids skipped")
        #expect(CatalogSearch.top(items, mostAsked: [], count: 4).map(\.id) == [1, 3, 5, 2], "without history: a round over the categories")
        #expect(CatalogSearch.top(items, mostAsked: [], count: 10).count == 5)
    }
}
