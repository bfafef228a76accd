import LinliKit
import Regions
import SQLKit

/// Filters of the resident list, shared by the page, the API and (later) exports.
public struct ResidentQuery: Sendable {
    public enum Sort: String, Sendable, CaseIterable { case name, birthDate = "birth_date", recent }

    public var regionId: Int64?
    public var name: String?
    public var phone: String?
    public var idNumber: String?
    public var address: String?
    public var tags: [String] = []
    public var minAge: Int?
    public var maxAge: Int?
    public var status: ResidenceStatus?
    public var sort: Sort = .name
    public var limit = 50
    public var offset = 0

    public init() {}
}

/// The query after the service resolved names to ids and values to blind indexes.
struct ResolvedResidentQuery: Sendable {
    var pathPrefix: String
    var nameTerm: String?
    var phoneIndex: String?
    var idIndex: String?
    var address: String?
    var tagIds: [Int64] = []
    /// Born on or before (at least min age).
    var bornOnOrBefore: String?
    /// Born after (younger than max age + 1).
    var bornAfter: String?
    var status: ResidenceStatus?
    var sort: ResidentQuery.Sort = .name
    var limit = 50
    var offset = 0

    static func likeFragment(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
    }

    func filter(_ engine: SQLEngine) -> SQLQueryString {
        var sql = engine.pathWithin("r.region_path", pathPrefix)
        if let nameTerm {
            let grams = ResidentRules.grams(nameTerm)
            if nameTerm.count >= 2, let first = grams.first {
                // The bigram index narrows the candidates; LIKE confirms the whole term.
                sql = sql + " AND r.id IN (SELECT resident_id FROM resident_name_grams WHERE gram = \(bind: first))"
            }
            sql = sql + " AND r.name LIKE \(bind: Self.likeFragment(nameTerm))"
        }
        if let phoneIndex { sql = sql + " AND r.phone_index = \(bind: phoneIndex)" }
        if let idIndex { sql = sql + " AND r.id_index = \(bind: idIndex)" }
        if let address { sql = sql + " AND r.address LIKE \(bind: Self.likeFragment(address))" }
        // The tag's members in the scope: one range of the (tag, place) index.
        for tagId in tagIds {
            sql = sql + " AND r.id IN (SELECT t.resident_id FROM resident_tags t WHERE t.tag_id = \(bind: tagId) AND "
                + engine.pathWithin("t.region_path", pathPrefix) + ")"
        }
        if let bornOnOrBefore { sql = sql + " AND r.birth_date <= \(bind: bornOnOrBefore)" }
        if let bornAfter { sql = sql + " AND r.birth_date > \(bind: bornAfter)" }
        if let status { sql = sql + " AND r.status = \(bind: status.rawValue)" }
        return sql
    }

    var order: String {
        switch sort {
        case .name: "r.name, r.id"
        case .birthDate: "r.birth_date, r.id"
        case .recent: "r.updated_at DESC, r.id DESC"
        }
    }
}

extension ResidentStore {
    static func search(_ tx: Tx, _ query: ResolvedResidentQuery) async throws -> (items: [Resident], total: Int) {
        let filter = query.filter(tx.engine)
        let total = try await tx.sql.raw("SELECT COUNT(*) AS n FROM residents r WHERE " + filter).first()!.decode(column: "n", as: Int.self)
        let rows = try await tx.sql.raw("SELECT \(unsafeRaw: columns) FROM residents r WHERE " + filter
            + " ORDER BY \(unsafeRaw: query.order) LIMIT \(unsafeRaw: String(query.limit)) OFFSET \(unsafeRaw: String(query.offset))").all()
        return (try await residents(tx, rows: rows), total)
    }
}
