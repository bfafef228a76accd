import Foundation
import Hummingbird
import LinliKit
import Residents

/// The points bank's HTML pages: the resident's phone view (/points), and staff's pages for
/// people's points, the shop, pickups, good deeds, rules, the monthly report and the check.
struct PointsPages {
    let points: PointsService
    let residents: ResidentService
    let web: Web

    func addRoutes(to router: Router<AppContext>) {
        router.get("points.js", use: script)
        router.get("points", use: mine)
        router.post("points/shop/:id/redeem", use: redeem)
        router.post("points/redemptions/:id/cancel", use: cancel)
        router.post("points/good-deeds", use: askGoodDeed)
        router.get("points/manage", use: manage)
        router.post("points/grants", use: grant)
        router.post("points/counter-redemptions", use: counterRedeem)
        router.post("points/good-deeds/:id/decision", use: decideGoodDeed)
        router.get("points/pickup", use: pickupPage)
        router.post("points/pickup", use: pickUp)
        router.get("points/items", use: itemsPage)
        router.post("points/items", use: createItem)
        router.get("points/items/:id", use: itemPage)
        router.post("points/items/:id", use: changeItem)
        router.post("points/items/:id/stock", use: restock)
        router.get("points/accounts/:id", use: statementPage)
        router.get("points/accounts/:id/statement.xlsx", use: statementSheet)
        router.post("points/transfers/:id/reverse", use: reverse)
        router.get("points/rules", use: rulesPage)
        router.post("points/rules", use: editRules)
        router.get("points/monthly", use: monthlyPage)
        router.get("points/monthly.xlsx", use: monthlySheet)
        router.get("points/verify", use: verifyPage)
    }

    @Sendable func script(_ request: Request, context: AppContext) async throws -> Response {
        Web.script(PointsScript.source)
    }

    /// A form post's fields read as `read`, then the action, then a redirect; a mistake shows
    /// `page` again with the error.
    func post<T>(_ request: Request, _ context: AppContext, _ read: (inout Fields) throws -> T,
                 _ action: (T) async throws -> (location: String, flash: String),
                 orShow page: @escaping (DomainError) async throws -> Response) async throws -> Response {
        try await web.formPost(request, context, read, action, orShow: page)
    }

    static func time(_ millis: Int64) -> String { Date(millis: millis).shanghaiText }

    static func status(_ error: DomainError?) -> HTTPResponse.Status { error.map { HTTPResponse.Status(code: $0.status) } ?? .ok }

    static func xlsx(_ data: Data, name: String) -> Response { Web.spreadsheet(data, name: name, fallback: "points.xlsx") }

    /// The pickup page's address, which a phone's camera opens from the code's QR.
    func pickupURL(_ code: String, request: Request) -> String {
        let scheme = web.secureCookies ? "https" : "http"
        return "\(scheme)://\(request.head.authority ?? "localhost")/points/pickup?code=\(code)"
    }
}

extension PointsPages {
    struct LineRow {
        let date: String, memo: String, purpose: String, counterparty: String, change: String, balance: String, isPlus: Bool, isHold: Bool
        let transferId: Int64, canReverse: Bool, csrf: String
    }

    func rows(_ lines: [StatementLine], csrf: String, reversible: Bool) -> [LineRow] {
        lines.map { l in
            let t = l.transfer
            let change = l.isHold ? (t.kind == .pending ? "冻结 \(t.amount)" : "\(t.kind.resolvedState?.label ?? "")，解冻 \(t.amount)")
                                  : (l.change > .zero ? "+\(l.change)" : l.change.description)
            return LineRow(date: Self.time(t.createdAt), memo: t.memo, purpose: t.purpose.label, counterparty: l.counterparty, change: change,
                           balance: l.balance.description, isPlus: l.change > .zero, isHold: l.isHold, transferId: t.id,
                           canReverse: reversible && t.kind == .posted && t.purpose != .reversal, csrf: csrf)
        }
    }
}
