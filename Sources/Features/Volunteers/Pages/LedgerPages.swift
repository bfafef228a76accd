import Foundation
import Hummingbird
import LinliKit

/// 台账 as XLSX: volunteers, a month's activities, a month's service records (in the fields of
/// 民政部令第67号). Counts and hours are numbers; codes and numbers stay text.
extension VolunteersPages {
    static func xlsx(_ data: Data, name: String) -> Response { Web.spreadsheet(data, name: name, fallback: "ledger.xlsx") }

    @Sendable func exportVolunteers(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerView)
        let rows = try await volunteers.volunteerLedger(actor: actor)
        let data = try XLSXFormat.write(header: ["志愿者编号", "姓名", "状态", "星级", "累计时长（小时）", "特长", "服务时间", "登记时间"], rows: rows.map { v in
            [.text(v.number ?? ""), .text(v.name), .text(v.status.label), .number(Double(v.stars)), .decimal(Double(v.certifiedMinutes) / 60),
             .text(v.skills.joined(separator: "、")), .text(v.availability.joined(separator: "、")), .text(Self.time(v.appliedAt))]
        }, sheetName: "志愿者台账")
        return Self.xlsx(data, name: "志愿者台账.xlsx")
    }

    /// `?month=2026-12`: the month's activities; `&records=1`: its service records instead.
    @Sendable func exportActivities(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityManage)
        var fields = Fields.query(request)
        let records = fields.bool("records")
        let input = try ActivityListInput(&fields)
        let reading = ChinaStandardTime.reading(clock.now())
        let range = input.range ?? (ChinaStandardTime.startOfDay(year: reading.year, month: reading.month, day: 1),
                                    ChinaStandardTime.startOfDay(year: reading.month == 12 ? reading.year + 1 : reading.year,
                                                                 month: reading.month == 12 ? 1 : reading.month + 1, day: 1))
        let month = String(VolunteerService.dayText(range.0.millis).prefix(7))
        if records {
            let rows = try await volunteers.recordLedger(from: range.0, to: range.1, actor: actor)
            let data = try XLSXFormat.write(header: ["志愿者编号", "姓名", "服务日期", "活动", "岗位", "服务地点", "服务对象", "服务内容",
                                                     "服务时长（小时）", "评价", "负责人", "记录人", "来源"], rows: rows.map { r in
                [.text(r.volunteerNumber ?? ""), .text(r.name), .text(r.serviceDate), .text(r.activityTitle), .text(r.role), .text(r.place),
                 .text(r.beneficiary), .text(r.content), .decimal(Double(r.minutes) / 60), r.rating.map { .number(Double($0)) } ?? .empty,
                 .text(r.lead), .text(r.recorder), .text(r.source.label)]
            }, sheetName: "服务记录")
            return Self.xlsx(data, name: "志愿服务记录-\(month).xlsx")
        }
        let rows = try await volunteers.activityLedger(from: range.0, to: range.1, actor: actor)
        let data = try XLSXFormat.write(header: ["活动", "类型", "状态", "开始", "结束", "地点", "服务对象", "负责人", "名额", "已报名", "候补"], rows: rows.map { a in
            [.text(a.title), .text(a.kind.label), .text(a.state.label), .text(Self.time(a.startsAt)), .text(Self.time(a.endsAt)), .text(a.placeName),
             .text(a.beneficiary), .text(a.lead), .number(Double(a.roles.reduce(0) { $0 + $1.capacity })),
             .number(Double(a.roles.reduce(0) { $0 + $1.confirmed + $1.held })), .number(Double(a.roles.reduce(0) { $0 + $1.waiting }))]
        }, sheetName: "活动台账")
        return Self.xlsx(data, name: "活动台账-\(month).xlsx")
    }
}
