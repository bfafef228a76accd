import Foundation
import LinliKit

/// The inputs of 五社资源, shared by its pages and its API, with every limit.

/// 社会组织档案, new or edited; `regionId` (where it is registered) on registration only.
struct OrganisationInput {
    let draft: OrganisationDraft
    let regionId: Int64?
    init(_ fields: inout Fields) throws {
        let name = fields.text("name", "组织名称", required: true, maxLength: 100)
        let kind = fields.choice("kind", "组织类型", required: true, parse: OrganisationKind.init(rawValue:))
        let code = fields.text("creditCode", "统一社会信用代码", maxLength: 30)
        let filing = fields.text("filingNumber", "备案编号", maxLength: 40)
        let chosen = fields.list("fields", "服务领域", maxCount: 30, maxLength: 20)
        let contactName = fields.text("contactName", "联系人", maxLength: 50)
        let contactPhone = fields.text("contactPhone", "联系电话", maxLength: 30)
        let address = fields.text("address", "地址", maxLength: 200)
        let summary = fields.text("summary", "简介", maxLength: 1000)
        let party = fields.bool("partyOrganisation")
        regionId = fields.integer("regionId", "登记地")
        try fields.finish()
        draft = OrganisationDraft(name: try fields.present(name), kind: try fields.present(kind), creditCode: code ?? "", filingNumber: filing ?? "",
                                  fields: chosen, contactName: contactName ?? "", contactPhone: contactPhone ?? "", address: address ?? "",
                                  summary: summary ?? "", partyOrganisation: party)
    }
}

/// Ids given as a list (repeated form fields, a JSON array, or comma-separated).
func idList(_ fields: inout Fields, _ name: String, _ label: String, maxCount: Int) -> [Int64] {
    var ids: [Int64] = []
    for text in fields.list(name, label, maxCount: maxCount, maxLength: 20) {
        guard let id = Int64(text), id > 0 else { fields.fail(name, "「\(label)」应为编号列表"); return [] }
        ids.append(id)
    }
    return ids
}

/// 服务项目 and 服务范围.
struct OrganisationServicesInput {
    let itemIds: [Int64], areaIds: [Int64]
    init(_ fields: inout Fields) throws {
        itemIds = idList(&fields, "itemIds", "服务项目", maxCount: 200)
        areaIds = idList(&fields, "areaIds", "服务范围", maxCount: 100)
        try fields.finish()
    }
}

/// 工作人员 and 接单人.
struct OrganisationStaffInput {
    let userIds: [Int64], intakeUserId: Int64?
    init(_ fields: inout Fields) throws {
        userIds = idList(&fields, "userIds", "工作人员", maxCount: 100)
        intakeUserId = fields.integer("intakeUserId", "接单人")
        try fields.finish()
    }
}

/// 年检, 等级评估 or 状态.
struct OrganisationReviewInput {
    let review: OrganisationReview
    init(_ fields: inout Fields) throws {
        let kind = fields.choice("kind", "记录类型", required: true) { ["inspection": 0, "grade": 1, "status": 2][$0] }
        let year = fields.integer("year", "年度", range: 2000...2100)
        let result = fields.choice("result", "年检结果", parse: InspectionResult.init(rawValue:))
        let grade = fields.integer("grade", "评估等级", range: 1...5)
        let status = fields.choice("status", "状态", parse: OrganisationStatus.init(rawValue:))
        let note = fields.text("note", "原因", maxLength: 200)
        switch kind {
        case 0?:
            if year == nil { fields.fail("year", "请填写「年度」") }
            if result == nil { fields.fail("result", "请选择「年检结果」") }
        case 1?:
            if year == nil { fields.fail("year", "请填写「年度」") }
            if grade == nil { fields.fail("grade", "请选择「评估等级」") }
        case 2?:
            if status == nil { fields.fail("status", "请选择「状态」") }
        default: break
        }
        try fields.finish()
        switch try fields.present(kind) {
        case 0: review = .inspection(year: Int(try fields.present(year)), result: try fields.present(result))
        case 1: review = .grade(Int(try fields.present(grade)), year: Int(try fields.present(year)))
        default: review = .status(try fields.present(status), note: note ?? "")
        }
    }
}

/// 资源检索 of organisations.
struct OrganisationListInput {
    let filter: OrganisationFilter
    init(_ fields: inout Fields) throws {
        let field = fields.text("field", "服务领域", maxLength: 20)
        let item = fields.integer("itemId", "服务项目")
        let status = fields.choice("status", "状态", parse: OrganisationStatus.init(rawValue:))
        let term = fields.text("q", "名称", maxLength: 50)
        try fields.finish()
        filter = OrganisationFilter(field: field, itemId: item, status: status, term: term)
    }
}

/// 社工登记.
struct SocialWorkerInput {
    let draft: SocialWorkerDraft
    init(_ fields: inout Fields) throws {
        let user = fields.integer("userId", "社工账号", required: true)
        let certificate = fields.choice("certificate", "职业资格", parse: CertificateLevel.init(rawValue:))
        let number = fields.text("certificateNumber", "证书编号", maxLength: 40)
        let post = fields.choice("post", "岗位", required: true, parse: SocialWorkPost.init(rawValue:))
        let organisation = fields.integer("organisationId", "所在组织")
        let region = fields.integer("regionId", "岗位所在地")
        let hours = fields.integer("trainingHours", "培训学时", range: 0...10_000)
        let topics = fields.text("trainingTopics", "培训主题", maxLength: 500)
        let individual = fields.integer("individualCases", "个案", range: 0...100_000)
        let group = fields.integer("groupCases", "小组", range: 0...100_000)
        let community = fields.integer("communityCases", "社区活动", range: 0...100_000)
        let items = idList(&fields, "itemIds", "服务项目", maxCount: 200)
        let resident = fields.integer("residentId", "居民档案")
        if post != nil && post != .organisation && region == nil { fields.fail("regionId", "请选择「岗位所在地」") }
        try fields.finish()
        draft = SocialWorkerDraft(userId: try fields.present(user), certificate: certificate, certificateNumber: number ?? "",
                                  post: try fields.present(post), organisationId: organisation, regionId: region ?? 0,
                                  trainingHours: Int(hours ?? 0), trainingTopics: topics ?? "",
                                  casework: Casework(individual: Int(individual ?? 0), group: Int(group ?? 0), community: Int(community ?? 0)),
                                  itemIds: items, residentId: resident)
    }
}

/// 登记捐赠方.
struct DonorInput {
    let draft: DonorDraft
    init(_ fields: inout Fields) throws {
        let kind = fields.choice("kind", "捐赠方类型", required: true, parse: DonorKind.init(rawValue:))
        let name = fields.text("name", "捐赠方名称", required: true, maxLength: 100)
        let contact = fields.text("contact", "联系方式", maxLength: 100)
        let anonymous = fields.bool("anonymous")
        let region = fields.integer("regionId", "登记地", required: true)
        try fields.finish()
        draft = DonorDraft(kind: try fields.present(kind), name: try fields.present(name), contact: contact ?? "", anonymous: anonymous,
                           regionId: try fields.present(region))
    }
}

/// A decimal amount in 元 kept in 分, or a whole count of goods; nil when it is neither.
func wholeUnits(_ value: Double, money: Bool) -> Int64? {
    let scaled = money ? value * 100 : value
    guard (scaled - scaled.rounded()).magnitude <= 0.000_1 else { return nil }
    return Int64(scaled.rounded())
}

/// 接收捐赠: money in 元 with at most two decimals (kept in 分), or goods in their unit.
struct DonationInput {
    let draft: DonationDraft
    init(_ fields: inout Fields) throws {
        let donor = fields.integer("donorId", "捐赠方", required: true)
        let kind = fields.choice("kind", "捐赠类型", required: true, parse: DonationBalance.Kind.init(rawValue:))
        let item = fields.text("item", "物资名称", maxLength: 100)
        let unit = fields.text("unit", "单位", maxLength: 10)
        let quantity = fields.decimal("quantity", "数量或金额（元）", required: true, range: 0.01...1_000_000_000)
        let note = fields.text("note", "说明", maxLength: 500)
        let region = fields.integer("regionId", "接收地", required: true)
        var amount: Int64?
        if let quantity, let kind {
            amount = wholeUnits(quantity, money: kind == .money)
            if amount == nil { fields.fail("quantity", kind == .money ? "金额最多到分（两位小数）" : "物资数量应为整数") }
        }
        try fields.finish()
        draft = DonationDraft(donorId: try fields.present(donor), kind: try fields.present(kind), item: item ?? "", unit: unit ?? "",
                              quantity: try fields.present(amount), note: note ?? "", regionId: try fields.present(region))
    }
}

/// 分配去向: an amount in the donation's unit (元 for money).
struct AllocationInput {
    let amount: Double, target: AllocationTarget, targetId: Int64?, label: String, note: String
    init(_ fields: inout Fields) throws {
        let amount = fields.decimal("amount", "分配数量或金额（元）", required: true, range: 0.01...1_000_000_000)
        let target = fields.choice("target", "去向类型", required: true, parse: AllocationTarget.init(rawValue:))
        targetId = fields.integer("targetId", "去向编号")
        let label = fields.text("label", "用在哪里", required: true, maxLength: 100)
        note = fields.text("note", "说明", maxLength: 500) ?? ""
        try fields.finish()
        (self.amount, self.target, self.label) = (try fields.present(amount), try fields.present(target), try fields.present(label))
    }

    /// The amount in the donation's own unit (分 for money), or the reason it is not one.
    func draft(money: Bool) throws -> AllocationDraft {
        guard let units = wholeUnits(amount, money: money) else {
            throw DomainError.invalid("amount", money ? "金额最多到分（两位小数）" : "物资数量应为整数")
        }
        return AllocationDraft(amount: units, target: target, targetId: targetId, label: label, note: note)
    }
}

/// 派给所选 from the matching list.
struct MatchDispatchInput {
    let kind: Matching.Kind, id: Int64, note: String?
    init(_ fields: inout Fields) throws {
        let kind = fields.choice("kind", "承接方类型", required: true, parse: Matching.Kind.init(rawValue:))
        let id = fields.integer("id", "承接方", required: true)
        note = fields.text("note", "派遣说明", maxLength: 1000)
        try fields.finish()
        (self.kind, self.id) = (try fields.present(kind), try fields.present(id))
    }
}

/// 申请入孵.
struct IncubationApplyInput {
    let hubRegionId: Int64, hubName: String, note: String
    init(_ fields: inout Fields) throws {
        let hub = fields.integer("hubRegionId", "孵化基地所在区域", required: true)
        let name = fields.text("hubName", "孵化基地", required: true, maxLength: 50)
        note = fields.text("note", "申请说明", maxLength: 500) ?? ""
        try fields.finish()
        (hubRegionId, hubName) = (try fields.present(hub), try fields.present(name))
    }
}

/// 孵化步骤; 签订协议 with its terms.
struct IncubationStepInput {
    let step: IncubationStep, agreement: ResourcesService.Agreement?, note: String
    init(_ fields: inout Fields) throws {
        let step = fields.choice("step", "步骤", required: true, parse: IncubationStep.init(rawValue:))
        let from = fields.text("agreementFrom", "开始日期", maxLength: 10)
        let to = fields.text("agreementTo", "结束日期", maxLength: 10)
        let space = fields.text("space", "场地", maxLength: 100)
        let support = fields.text("support", "扶持内容", maxLength: 500)
        note = fields.text("note", "说明", maxLength: 500) ?? ""
        try fields.finish()
        self.step = try fields.present(step)
        agreement = self.step == .sign ? ResourcesService.Agreement(from: from ?? "", to: to ?? "", space: space ?? "", support: support ?? "") : nil
    }
}

/// 里程碑 or 导师意见.
struct IncubationNoteInput {
    let mentor: Bool, text: String
    init(_ fields: inout Fields) throws {
        let kind = fields.choice("kind", "类型", required: true) { ["milestone": false, "mentor": true][$0] }
        let text = fields.text("text", "内容", required: true, maxLength: 1000)
        try fields.finish()
        (mentor, self.text) = (try fields.present(kind), try fields.present(text))
    }
}

/// 资源地图 search: kind, field, service, area and availability.
struct ResourceMapInput {
    let filter: ResourcesService.MapFilter
    init(_ fields: inout Fields) throws {
        let kind = fields.choice("kind", "资源类型", parse: ResourcesService.MapKind.init(rawValue:))
        let field = fields.text("field", "服务领域", maxLength: 20)
        let item = fields.integer("itemId", "服务项目")
        let area = fields.integer("areaId", "区域")
        let available = fields.bool("available")
        try fields.finish()
        filter = ResourcesService.MapFilter(kind: kind, field: field, itemId: item, areaId: area, availableOnly: available)
    }
}

/// 志愿服务队的服务项目.
struct TeamServicesInput {
    let itemIds: [Int64]
    init(_ fields: inout Fields) throws {
        itemIds = idList(&fields, "itemIds", "服务项目", maxCount: 200)
        try fields.finish()
    }
}

/// 上传材料: its kind and name as form fields, the file as the multipart part `file`.
struct DocumentInput {
    let draft: DocumentDraft
    init(_ fields: inout Fields, file: Data) throws {
        let kind = fields.choice("kind", "材料类型", required: true, parse: DocumentKind.init(rawValue:))
        let title = fields.text("title", "材料名称", required: true, maxLength: DocumentRules.maxTitle)
        try fields.finish()
        draft = DocumentDraft(kind: try fields.present(kind), title: title ?? "", data: file)
    }
}
