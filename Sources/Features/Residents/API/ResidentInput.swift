import LinliKit

/// The fields of a resident, shared by the form (place by code) and the API (by id). Only
/// fields that were sent are applied on update.
struct ResidentInput {
    enum PlaceField { case id, code }
    var draft: ResidentDraft
    var regionCode: String?
    /// Fields present in the request.
    var sent: Set<String>

    init(_ fields: inout Fields, place: PlaceField) {
        sent = Set(fields.values.keys)
        var draft = ResidentDraft()
        switch place {
        case .id: draft.regionId = fields.integer("regionId", "居住地")
        case .code: regionCode = fields.text("regionCode", "居住地", maxLength: 60)
        }
        draft.name = fields.text("name", "姓名", maxLength: 50)
        draft.gender = fields.choice("gender", "性别", parse: Gender.parse)
        draft.birthDate = fields.text("birthDate", "出生日期", maxLength: 10)
        draft.idNumber = fields.text("idNumber", "身份证号", maxLength: 20)
        draft.phone = fields.text("phone", "电话", maxLength: 20)
        draft.ethnicity = fields.choice("ethnicity", "民族", parse: Ethnicity.parse)
        draft.politicalStatus = fields.choice("politicalStatus", "政治面貌", parse: PoliticalStatus.parse)
        draft.relation = fields.choice("relation", "与户主关系", parse: Relation.parse)
        draft.status = fields.choice("status", "人口类别", parse: ResidenceStatus.parse)
        draft.notes = fields.text("notes", "备注", maxLength: 500)
        draft.tags = fields.list("tags", "标签", maxCount: 30, maxLength: 20)
        self.draft = draft
    }

    /// The draft to store: for an update, what was not sent stays as it is.
    func merged(over current: Resident) -> ResidentDraft {
        var d = draft
        func keep<T>(_ key: String, _ value: T?, _ old: T?) -> T? { sent.contains(key) ? value : old }
        d.regionId = sent.contains("regionId") || sent.contains("regionCode") ? draft.regionId : current.regionId
        d.name = keep("name", draft.name, current.name)
        d.gender = keep("gender", draft.gender, current.gender)
        d.birthDate = keep("birthDate", draft.birthDate, current.birthDate)
        d.ethnicity = keep("ethnicity", draft.ethnicity, current.ethnicity)
        d.politicalStatus = keep("politicalStatus", draft.politicalStatus, current.politicalStatus)
        d.relation = keep("relation", draft.relation, current.relation)
        d.status = keep("status", draft.status, current.status)
        d.notes = keep("notes", draft.notes, current.notes)
        d.tags = sent.contains("tags") ? draft.tags : current.tags
        return d
    }

    /// Personal numbers sent empty are removed; not sent, they are kept.
    var cleared: Set<PersonalField> {
        var result: Set<PersonalField> = []
        if sent.contains("idNumber") && draft.idNumber == nil { result.insert(.idNumber) }
        if sent.contains("phone") && draft.phone == nil { result.insert(.phone) }
        return result
    }
}

/// List filters shared by the residents page and the API.
struct ResidentFilter {
    var query = ResidentQuery()
    var regionCode: String?

    init(_ fields: inout Fields, place: ResidentInput.PlaceField) {
        switch place {
        case .id: query.regionId = fields.integer("regionId", "区域")
        case .code: regionCode = fields.text("regionCode", "区域", maxLength: 60)
        }
        query.name = fields.text("name", "姓名", maxLength: 20)
        query.phone = fields.text("phone", "电话", maxLength: 20)
        query.idNumber = fields.text("idNumber", "身份证号", maxLength: 20)
        query.address = fields.text("address", "地址", maxLength: 50)
        query.tags = fields.list("tag", "标签", maxCount: 10, maxLength: 20)
        query.minAge = fields.integer("minAge", "最小年龄", range: 0...150).map(Int.init)
        query.maxAge = fields.integer("maxAge", "最大年龄", range: 0...150).map(Int.init)
        query.status = fields.choice("status", "人口类别", parse: ResidenceStatus.parse)
        query.sort = fields.choice("sort", "排序", parse: ResidentQuery.Sort.init(rawValue:)) ?? .name
        query.limit = Int(fields.integer("limit", "每页条数", range: 1...500) ?? 50)
        query.offset = Int(fields.integer("offset", "起始位置", range: 0...100_000_000) ?? 0)
    }
}

/// Which protected number to show in full (audited each time).
struct RevealInput {
    let field: PersonalField
    init(_ fields: inout Fields) throws {
        field = try fields.present(fields.choice("field", "字段", required: true, parse: PersonalField.init(rawValue:)))
    }
}

struct NewTagInput {
    let name: String
    init(_ fields: inout Fields) throws { name = try fields.present(fields.text("name", "标签名", required: true, maxLength: 20)) }
}
