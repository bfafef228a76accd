import Foundation
import LinliKit
import Regions

/// The inputs of grid work, shared by its pages and its API, with every limit.

extension Fields {
    /// `yyyy-mm-ddThh:mm`, Shanghai time.
    mutating func moment(_ name: String, _ label: String, required: Bool = false) -> Date? {
        guard let text = text(name, label, required: required, maxLength: 25) else { return nil }
        guard let date = ChinaStandardTime.moment(String(text.prefix(16))) else {
            fail(name, "「\(label)」应写成 2026-12-01T09:00 这样的日期和时间")
            return nil
        }
        return date
    }
}

/// 登记走访: the resident, when and how, whom they saw, the checklist as
/// `findings.<check>` = ok | concern with `findings.<check>.note`, notes, a follow-up.
struct VisitInput {
    let draft: VisitDraft

    init(_ fields: inout Fields, photos: [Data], now: Date) throws {
        let residentId = fields.integer("residentId", "走访对象", required: true)
        let visitedAt = fields.moment("visitedAt", "走访时间")
        let method = fields.choice("method", "走访方式", required: true, parse: VisitMethod.parse)
        let contact = fields.choice("contact", "见到", required: true, parse: VisitContact.parse)
        var findings: [VisitFinding] = []
        for check in VisitCheck.allCases {
            let state = fields.choice("findings.\(check.rawValue)", check.label) { ["ok": false, "concern": true, "正常": false, "有问题": true][$0] }
            let note = fields.text("findings.\(check.rawValue).note", "\(check.label)情况", maxLength: 500)
            if let state { findings.append(VisitFinding(check: check, concern: state, note: note)) }
        }
        let notes = fields.text("notes", "走访情况", maxLength: 1000)
        let followUp = fields.moment("followUpBy", "下次走访")
        let key = fields.text("idempotencyKey", "幂等键", maxLength: 100)
        try fields.finish()
        draft = VisitDraft(residentId: try fields.present(residentId), visitedAt: visitedAt ?? now, method: try fields.present(method),
                           contact: try fields.present(contact), findings: findings, notes: notes, followUpBy: followUp, photos: photos,
                           idempotencyKey: key)
    }
}

/// 发布重大事件
struct EventInput {
    let kind: MajorEventKind, title: String?, note: String?, regionId: Int64
    init(_ fields: inout Fields) throws {
        let kind = fields.choice("kind", "事件类型", required: true, parse: MajorEventKind.parse)
        let title = fields.text("title", "标题", maxLength: 50)
        let note = fields.text("note", "说明", maxLength: 500)
        let regionId = fields.integer("regionId", "范围", required: true)
        try fields.finish()
        (self.kind, self.title, self.note, self.regionId) = (try fields.present(kind), title, note, try fields.present(regionId))
    }
}

/// A region and how far ahead: `regionId`, `dueWithinDays` (0 = overdue only).
struct PlanQuery {
    let regionId: Int64?, dueWithinDays: Int64?, limit: Int
    init(_ fields: inout Fields) throws {
        regionId = fields.integer("regionId", "区域")
        dueWithinDays = fields.integer("dueWithinDays", "几天内到期", range: 0...366)
        limit = Int(fields.integer("limit", "条数", range: 1...1000) ?? 200)
        try fields.finish()
    }
}

/// Visits of a region in a month: `regionId`, `month` as `2026-12`.
struct VisitsQuery {
    let regionId: Int64?, residentId: Int64?, month: (year: Int, month: Int)?
    init(_ fields: inout Fields) throws {
        regionId = fields.integer("regionId", "区域")
        residentId = fields.integer("residentId", "居民")
        var month: (year: Int, month: Int)?
        if let text = fields.text("month", "月份", maxLength: 7) {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if parts.count == 2, (2000...2100).contains(parts[0]), (1...12).contains(parts[1]) { month = (parts[0], parts[1]) } else {
                fields.fail("month", "「月份」应写成 2026-12")
            }
        }
        self.month = month
        try fields.finish()
    }
}

/// 开始巡查: which grid (may be left out by someone on one grid's team) and the form's key.
struct PatrolStartInput {
    let gridId: Int64?, idempotencyKey: String?
    init(_ fields: inout Fields) throws {
        gridId = fields.integer("gridId", "网格")
        idempotencyKey = fields.text("idempotencyKey", "幂等键", maxLength: 100)
        try fields.finish()
    }
}

/// 经过楼栋: a building picked, or a plate's code scanned.
struct CheckInInput {
    let buildingId: Int64?, plate: String?
    init(_ fields: inout Fields) throws {
        buildingId = fields.integer("buildingId", "楼栋")
        plate = fields.text("plate", "楼栋码", maxLength: 20)
        if buildingId == nil && plate == nil { fields.fail("buildingId", "请选择经过的楼栋，或扫描楼栋码") }
        try fields.finish()
    }
}

/// 发现问题
struct ProblemFields {
    let input: ProblemInput
    init(_ fields: inout Fields, photos: [Data]) throws {
        let description = fields.text("description", "问题", required: true, maxLength: 500)
        let buildingId = fields.integer("buildingId", "楼栋")
        let outcome = fields.choice("outcome", "处理方式", required: true, parse: ProblemOutcome.parse)
        let note = fields.text("handledNote", "现场处理情况", maxLength: 500)
        let itemId = fields.integer("itemId", "事项类别")
        let key = fields.text("idempotencyKey", "幂等键", maxLength: 100)
        let lat = fields.decimal("lat", "纬度", range: -90...90)
        let long = fields.decimal("long", "经度", range: -180...180)
        if (lat == nil) != (long == nil) { fields.fail(lat == nil ? "lat" : "long", "纬度和经度须同时给出") }
        try fields.finish()
        input = ProblemInput(description: try fields.present(description), buildingId: buildingId, outcome: try fields.present(outcome),
                             handledNote: note, itemId: itemId, photos: photos, idempotencyKey: key,
                             point: lat.flatMap { lat in long.map { GeoPoint(lon: $0, lat: lat) } })
    }
}

/// 结束巡查
struct PatrolEndInput {
    let notes: String?
    init(_ fields: inout Fields) throws {
        notes = fields.text("notes", "巡查情况", maxLength: 1000)
        try fields.finish()
    }
}

/// 补录巡查: the grid, when it began and ended, the buildings passed, notes.
struct PastPatrolInput {
    let gridId: Int64?, startedAt: Date, endedAt: Date, buildingIds: [Int64], notes: String?
    init(_ fields: inout Fields) throws {
        let gridId = fields.integer("gridId", "网格")
        let started = fields.moment("startedAt", "开始时间", required: true)
        let ended = fields.moment("endedAt", "结束时间", required: true)
        let ids = fields.list("buildingIds", "经过的楼栋", maxCount: 200, maxLength: 20)
        var buildingIds: [Int64] = []
        for id in ids {
            guard let n = Int64(id), n > 0 else { fields.fail("buildingIds", "楼栋应为编号"); break }
            buildingIds.append(n)
        }
        let notes = fields.text("notes", "巡查情况", maxLength: 1000)
        try fields.finish()
        (self.gridId, self.startedAt, self.endedAt) = (gridId, try fields.present(started), try fields.present(ended))
        (self.buildingIds, self.notes) = (buildingIds, notes)
    }
}

/// 修改巡查定量: for a district, street, community or one grid, with the reason.
struct PatrolQuotaInput {
    let regionId: Int64, quota: PatrolQuota, note: String
    init(_ fields: inout Fields) throws {
        let regionId = fields.integer("regionId", "区域", required: true)
        let perDay = fields.integer("perDay", "每日巡查次数", required: true, range: 0...10)
        let every = fields.integer("buildingEveryDays", "楼栋巡查周期（天）", required: true, range: 1...90)
        let note = fields.text("note", "修改依据", required: true, maxLength: 200)
        try fields.finish()
        self.regionId = try fields.present(regionId)
        quota = PatrolQuota(perDay: Int(try fields.present(perDay)), buildingEveryDays: Int(try fields.present(every)))
        self.note = try fields.present(note)
    }
}

/// 修改考核细则: a district's points per measure (`points.<measure>`; left empty, the measure is
/// not scored) and the points each problem found earns, with the reason.
struct ScoreRulesInput {
    let regionId: Int64, rules: ScoreRules, note: String
    init(_ fields: inout Fields) throws {
        let regionId = fields.integer("regionId", "区域", required: true)
        let perUnit = fields.decimal("perUnit", "每件分值", range: 0.1...100)
        var items: [ScoreItem] = []
        for measure in ScoreMeasure.allCases {
            guard let points = fields.decimal("points.\(measure.rawValue)", "\(measure.label)分值", range: 0...100), points > 0 else { continue }
            if measure.isCount && perUnit == nil { fields.fail("perUnit", "请填写「\(measure.label)」每件的分值") }
            items.append(ScoreItem(measure, points: points, perUnit: measure.isCount ? perUnit : nil))
        }
        let note = fields.text("note", "修改依据", required: true, maxLength: 200)
        try fields.finish()
        self.regionId = try fields.present(regionId)
        rules = ScoreRules(items: items)
        self.note = try fields.present(note)
    }
}
