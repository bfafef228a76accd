import Foundation
import Hummingbird
import LinliKit

/// 对账单 (page and XLSX, with the balance as of a day), 冲正, 积分规则, 月报 and 总账核对.
extension PointsPages {
    struct StatementModel {
        let csrf: String, error: String?, accountId: Int64, name: String, kindLabel: String, balance: String, available: String
        let pending: String, lines: [LineRow], hasLines: Bool, hasMore: Bool, nextBefore: Int64, mayManage: Bool
        let asOf: String, asOfBalance: String, hasAsOf: Bool
    }

    @Sendable func statementPage(_ request: Request, context: AppContext) async throws -> Response {
        try await statementWith(request, context)
    }

    func statementWith(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        var fields = Fields.query(request)
        let day = fields.text("date", "日期", maxLength: 10) ?? ""
        if !day.isEmpty && ChinaStandardTime.dayParts(day) == nil { fields.fail("date", "请写成「2026-05-31」") }
        let page = try StatementQuery(&fields)
        let statement = try await points.statement(accountId: id, before: page.before, limit: page.limit, actor: actor)
        var asOf: Points?
        if let d = ChinaStandardTime.dayParts(day) {
            asOf = try await points.balance(accountId: id, asOf: ChinaStandardTime.startOfDay(year: d.year, month: d.month, day: d.day)
                .addingTimeInterval(86_400 - 0.001), actor: actor)
        }
        let a = statement.account
        let mayManage = actor.may(.pointsManage) && actor.scope.contains(path: a.regionPath)
        let model = StatementModel(
            csrf: context.csrfToken, error: error?.message, accountId: a.id, name: a.name, kindLabel: a.kind == .person ? "居民账户" : "社区账户",
            balance: a.balance.posted.description, available: a.balance.available.description,
            pending: Points(hundredths: a.balance.debitsPending).description,
            lines: rows(statement.lines, csrf: context.csrfToken, reversible: mayManage), hasLines: !statement.lines.isEmpty,
            hasMore: statement.nextBefore != nil, nextBefore: statement.nextBefore ?? 0, mayManage: mayManage,
            asOf: day, asOfBalance: asOf?.description ?? "", hasAsOf: asOf != nil)
        return web.page("points.statement", title: "对账单：\(a.name)", model: model, request: request, context: context, status: Self.status(error))
    }

    /// The whole statement, oldest first, as a sheet: date, counter-account, purpose, memo, change, balance.
    @Sendable func statementSheet(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.pathID()
        var lines: [StatementLine] = []
        var before: Int64?
        var account: PointAccount?
        repeat {
            let page = try await points.statement(accountId: id, before: before, limit: 500, actor: actor)
            account = page.account
            lines += page.lines
            before = page.nextBefore
        } while before != nil && lines.count < 100_000
        let data = try XLSXFormat.write(header: ["时间", "对方账户", "类别", "摘要", "变动", "状态", "余额"], rows: lines.reversed().map { l in
            [.text(Self.time(l.transfer.createdAt)), .text(l.counterparty), .text(l.transfer.purpose.label), .text(l.transfer.memo),
             .decimal(Double(l.change.hundredths) / 100), .text(l.isHold ? (l.transfer.kind.resolvedState?.label ?? "冻结") : "已入账"),
             .decimal(Double(l.balance.hundredths) / 100)]
        })
        return Self.xlsx(data, name: "积分对账单-\(account?.name ?? String(id)).xlsx")
    }

    @Sendable func reverse(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        let id = try context.pathID()
        return try await post(request, context, ReasonInput.init, { input in
            let t = try await points.reverse(transferId: id, reason: input.reason, actor: actor)
            return ("/points/accounts/\(t.creditAccountId)", "已冲正 \(t.amount) 积分")
        }, orShow: { try await manageWith(request, context, error: $0) })
    }

    // MARK: 积分规则

    struct VersionRow { let version: Int, note: String, by: String, when: String }
    struct RulesModel {
        let csrf: String, error: String?, regionName: String, inherited: Bool, from: String, mayManage: Bool
        let perHour: String, perActivity: String, perGoodDeed: String, perRequestHandled: String, minRating: Int
        let dailyCap: String, monthlyCap: String, coefficients: String, history: [VersionRow], hasHistory: Bool
    }

    @Sendable func rulesPage(_ request: Request, context: AppContext) async throws -> Response {
        try await rulesWith(request, context)
    }

    func rulesWith(_ request: Request, _ context: AppContext, error: DomainError? = nil) async throws -> Response {
        let actor = try context.requireActor(.pointsView)
        let view = try await points.rules(regionId: actor.scope.regionId, actor: actor)
        let r = view.effective.rules
        let model = RulesModel(
            csrf: context.csrfToken, error: error?.message, regionName: view.region.name, inherited: view.history.isEmpty,
            from: view.effective.id == nil ? "系统默认" : view.effective.note,
            mayManage: actor.may(.pointsManage) && view.region.level <= .community, perHour: r.perHour.description,
            perActivity: r.perActivity.description, perGoodDeed: r.perGoodDeed.description, perRequestHandled: r.perRequestHandled.description,
            minRating: r.minRating, dailyCap: r.dailyCap?.description ?? "", monthlyCap: r.monthlyCap?.description ?? "",
            coefficients: r.coefficients.sorted { $0.key < $1.key }.map { "\($0.key)=\(Points(hundredths: Int64($0.value)))" }.joined(separator: "，"),
            history: view.history.map { VersionRow(version: $0.rules.version, note: $0.note, by: $0.editedBy, when: $0.editedAt.map(Self.time) ?? "") },
            hasHistory: !view.history.isEmpty)
        return web.page("points.rules", title: "积分规则", model: model, request: request, context: context, status: Self.status(error))
    }

    @Sendable func editRules(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsManage)
        return try await post(request, context, RulesInput.init, { input in
            let v = try await points.editRules(regionId: actor.scope.regionId, input.rules, note: input.note, actor: actor)
            return ("/points/rules", "积分规则已更新为第 \(v.rules.version) 版，此后的积分按新规则计算")
        }, orShow: { try await rulesWith(request, context, error: $0) })
    }

    // MARK: 月报

    struct MonthRow { let name: String, issued: String, redeemed: String, expired: String, outstanding: String }
    struct MonthlyModel { let month: String, rows: [MonthRow], hasRows: Bool }

    func month(_ request: Request) throws -> (year: Int, month: Int) {
        var fields = Fields.query(request)
        if !fields.has("month") {
            let r = ChinaStandardTime.reading(Date())
            return (r.year, r.month)
        }
        let q = try MonthQuery(&fields)
        return (q.year, q.month)
    }

    @Sendable func monthlyPage(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsView)
        let (year, month) = try month(request)
        let report = try await points.monthly(year: year, month: month, actor: actor)
        let model = MonthlyModel(month: String(format: "%04d-%02d", year, month), rows: report.map {
            MonthRow(name: $0.community.name, issued: $0.issued.description, redeemed: $0.redeemed.description, expired: $0.expired.description,
                     outstanding: $0.outstanding.description)
        }, hasRows: !report.isEmpty)
        return web.page("points.monthly", title: "积分兑换月报", model: model, request: request, context: context)
    }

    @Sendable func monthlySheet(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsView)
        let (year, month) = try month(request)
        let report = try await points.monthly(year: year, month: month, actor: actor)
        let data = try XLSXFormat.write(header: ["社区", "发放积分", "兑换积分", "过期积分", "月末结余"], rows: report.map { m in
            [.text(m.community.name), .decimal(Double(m.issued.hundredths) / 100), .decimal(Double(m.redeemed.hundredths) / 100),
             .decimal(Double(m.expired.hundredths) / 100), .decimal(Double(m.outstanding.hundredths) / 100)]
        })
        return Self.xlsx(data, name: String(format: "积分兑换月报-%04d-%02d.xlsx", year, month))
    }

    // MARK: 核对

    struct VerifyModel { let ran: Bool, ok: Bool, message: String }

    @Sendable func verifyPage(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.pointsVerify)
        let ran = request.uri.queryParameters["run"] != nil
        let finding = ran ? try await points.verify(actor: actor) : nil
        let model = VerifyModel(ran: ran, ok: finding?.mismatch == nil, message: finding?.message ?? "")
        return web.page("points.verify", title: "核对积分总账", model: model, request: request, context: context)
    }
}
