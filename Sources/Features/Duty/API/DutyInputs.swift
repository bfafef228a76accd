import Foundation
import LinliKit

/// Which place's roster.
struct RosterQuery {
    let regionId: Int64?
    init(_ fields: inout Fields) {
        regionId = fields.integer("regionId", "社区")
    }
}

/// 值班电话 of a place; empty removes it.
struct DutyPhoneInput {
    let regionId: Int64
    let phone: String?
    init(_ fields: inout Fields) throws {
        let regionId = fields.integer("regionId", "社区", required: true)
        phone = fields.text("phone", "值班电话", maxLength: 30)
        self.regionId = try fields.present(regionId)
    }
}

/// A new shift, as the page's form and the API send it. Times are Shanghai wall-clock minutes.
struct ShiftInput {
    static let noteLength = 100
    let draft: ShiftDraft

    init(_ fields: inout Fields) throws {
        let regionId = fields.integer("regionId", "社区", required: true)
        let userId = fields.integer("userId", "值班人员", required: true)
        let startsAt = Self.moment(&fields, "startsAt", "开始时间")
        let endsAt = Self.moment(&fields, "endsAt", "结束时间")
        let repeatWeeks = Int(fields.integer("repeatWeeks", "每周重复次数", range: Int64(DutyRules.repeatWeeks.lowerBound)...Int64(DutyRules.repeatWeeks.upperBound)) ?? 0)
        let note = fields.text("note", "备注", maxLength: Self.noteLength) ?? ""
        draft = ShiftDraft(regionId: try fields.present(regionId), userId: try fields.present(userId), startsAt: try fields.present(startsAt),
                           endsAt: try fields.present(endsAt), repeatWeeks: repeatWeeks, note: note)
    }

    /// `yyyy-mm-ddThh:mm` (a `datetime-local` field) in Shanghai time.
    static func moment(_ fields: inout Fields, _ name: String, _ label: String) -> Date? {
        guard let text = fields.text(name, label, required: true, maxLength: 20) else { return nil }
        guard let date = ChinaStandardTime.moment(text) else {
            fields.fail(name, "\(label)应写成 2026-12-01T17:30 这样的日期和时间")
            return nil
        }
        return date
    }
}
