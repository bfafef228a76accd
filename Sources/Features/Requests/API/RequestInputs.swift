import Foundation
import LinliKit

/// Reads a request draft from a form, a JSON body or a multipart upload — the same fields
/// for the console, the resident's phone page and the API.
struct DraftInput {
    var draft: RequestDraft

    /// `answers.<code>` fields (repeated for multiple choice) become the answers.
    init(_ fields: inout Fields, channel: IntakeChannel?, photos: [Data]) {
        draft = RequestDraft()
        draft.itemId = fields.integer("itemId", "服务事项")
        draft.itemCode = fields.text("itemCode", "服务事项代码", maxLength: 20)
        draft.description = fields.text("description", "诉求描述", maxLength: IntakeRules.maxDescription) ?? ""
        draft.regionId = fields.integer("regionId", "地点")
        draft.address = fields.text("address", "具体位置", maxLength: 200)
        draft.latitude = fields.decimal("lat", "纬度", range: IntakeRules.latitudes)
        draft.longitude = fields.decimal("long", "经度", range: IntakeRules.longitudes)
        draft.contactName = fields.text("contactName", "联系人", maxLength: 50)
        draft.phone = fields.text("phone", "联系电话", maxLength: 20)
        draft.anonymous = fields.bool("anonymous")
        draft.idempotencyKey = fields.text("idempotencyKey", "幂等键", maxLength: 100)
        draft.origin = fields.text("origin", "来源", maxLength: 40)
        draft.channel = channel ?? fields.choice("channel", "受理渠道", parse: IntakeChannel.init(rawValue:)) ?? .selfService
        for name in fields.values.keys where name.hasPrefix("answers.") {
            let code = String(name.dropFirst("answers.".count))
            draft.answers[code] = fields.list(name, "问题", maxCount: 20, maxLength: AnswerRules.maxTextLength)
        }
        // Answers come flattened, as `answers.floor`, in forms and JSON alike (docs/api.md).
        if fields.has("answers") {
            fields.skip("answers")
            fields.fail("answers", "请用 answers.<问题代码> 字段提交答案")
        }
        draft.photos = photos
    }
}

/// Reads one workflow step.
struct ActionInput {
    let action: RequestAction
    /// The page's 确认 box for an irreversible step (`RequestActionKind.irreversible`).
    let confirmed: Bool

    init(_ fields: inout Fields) throws {
        var action: RequestAction?
        let kind = fields.choice("action", "操作", required: true, parse: RequestActionKind.init(rawValue:))
        let note = fields.text("note", "说明", maxLength: 1000)
        confirmed = fields.bool("confirm")
        func required(_ label: String) -> String {
            if note == nil { fields.fail("note", "请填写\(label)") }
            return note ?? ""
        }
        switch kind {
        case .register?: action = .register(note: note)
        case .reject?: action = .reject(reason: required("不予受理的原因"))
        case .void?: action = .void(reason: required("作废原因"))
        case .withdraw?: action = .withdraw(reason: note)
        case .dispatch?:
            let handler = fields.integer("handlerId", "主办人", required: true)
            let coHandlers = fields.list("coHandlers", "协办人", maxCount: 10, maxLength: 20).compactMap { Int64($0) }
            action = handler.map { .dispatch(handler: $0, coHandlers: coHandlers, note: note) }
        case .claim?: action = .claim
        case .sendBack?: action = .sendBack(reason: required("回退原因"))
        case .requestExtension?:
            let hours = fields.decimal("hours", "延期时长（工作小时）", required: true, range: Workflow.extensionHours)
            action = hours.map { .requestExtension(minutes: Int(($0 * 60).rounded()), reason: required("延期原因")) }
        case .approveExtension?: action = .approveExtension(note: note)
        case .denyExtension?: action = .denyExtension(reason: required("驳回原因"))
        case .requestSuspension?: action = .requestSuspension(reason: required("挂起原因"))
        case .approveSuspension?: action = .approveSuspension(note: note)
        case .denySuspension?: action = .denySuspension(reason: required("驳回原因"))
        case .resume?: action = .resume(note: note)
        case .report?: action = .report(result: required("处置结果"))
        case .verifyPass?: action = .verifyPass(note: note)
        case .verifyFail?: action = .verifyFail(reason: required("核查不通过的原因"))
        case .rate?:
            let score = fields.integer("score", "评价", required: true, range: 1...5)
            action = score.map { .rate(score: Int($0), comment: note) }
        case .addInformation?: action = .addInformation(text: required("补充内容"))
        case .comment?: action = .comment(text: required("备注内容"))
        case nil: action = nil
        }
        self.action = try fields.present(action)
    }
}

/// Photos come as `photos` parts of a multipart form (the console and the API alike).
enum PhotoInput {
    static func fromMultipart(_ form: MultipartForm) -> [Data] {
        form.files(named: "photos")
    }
}

/// 批量派遣: the same handler for several requests.
/// 批量派遣: the same for the queue page's form and the API.
/// 确定地点: the place chosen for a 待定位 request.
struct PlaceInput {
    let regionId: Int64

    init(_ fields: inout Fields) throws {
        regionId = try fields.present(fields.integer("regionId", "地点", required: true))
    }
}

struct BulkDispatchInput {
    let ids: [Int64]
    let handler: Int64
    let coHandlers: [Int64]
    let note: String?

    init(_ fields: inout Fields) throws {
        ids = fields.list("ids", "诉求", maxCount: 200, maxLength: 20).compactMap { Int64($0) }
        let handler = fields.integer("handlerId", "主办人", required: true)
        coHandlers = fields.list("coHandlers", "协办人", maxCount: 10, maxLength: 20).compactMap { Int64($0) }
        note = fields.text("note", "说明", maxLength: Self.noteLength)
        if ids.isEmpty { fields.fail("ids", "请勾选要派遣的诉求") }
        self.handler = try fields.present(handler)
    }

    static let noteLength = 1000
}

/// One day of the work calendar: a holiday or a working day moved onto a weekend (调休).
struct CalendarDayInput {
    let kind: DayKind
    let name: String

    init(_ fields: inout Fields) throws {
        let kind = fields.choice("kind", "类型", required: true, parse: DayKind.init(rawValue:))
        let name = fields.text("name", "名称", required: true, maxLength: 20)
        self.kind = try fields.present(kind)
        self.name = try fields.present(name)
    }
}

/// The same with its day, as the calendar page's form gives it (the API names the day in its path).
struct DatedCalendarDayInput {
    let day: LocalDay
    let entry: CalendarDayInput

    init(_ fields: inout Fields) throws {
        let text = fields.text("day", "日期", required: true, maxLength: 10)
        let day = text.flatMap(LocalDay.init)
        if text != nil && day == nil { fields.fail("day", "日期应写作 2027-01-01") }
        let entry = try? CalendarDayInput(&fields)
        self.day = try fields.present(day)
        self.entry = try fields.present(entry)
    }
}

/// The work calendar's year (this year when absent).
struct CalendarYearInput {
    let year: Int?
    init(_ fields: inout Fields) { year = fields.integer("year", "年份", range: 2000...2100).map(Int.init) }
}
