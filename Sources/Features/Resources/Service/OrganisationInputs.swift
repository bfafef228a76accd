import LinliKit

/// 社会组织档案 as typed on the form or sent to the API, before it is checked.
public struct OrganisationDraft: Sendable {
    public var name: String, kind: OrganisationKind, creditCode: String, filingNumber: String, fields: [String]
    public var contactName: String, contactPhone: String, address: String, summary: String, partyOrganisation: Bool
    public init(name: String, kind: OrganisationKind, creditCode: String = "", filingNumber: String = "", fields: [String],
                contactName: String = "", contactPhone: String = "", address: String = "", summary: String = "", partyOrganisation: Bool = false) {
        (self.name, self.kind, self.creditCode, self.filingNumber, self.fields) = (name, kind, creditCode, filingNumber, fields)
        (self.contactName, self.contactPhone, self.address, self.summary) = (contactName, contactPhone, address, summary)
        self.partyOrganisation = partyOrganisation
    }

    /// The profile to write, or every field's zh-CN problem at once.
    func checked(fieldsOffered: [String]) throws -> OrganisationProfile {
        var problems: [String: String] = [:]
        let name = name.trimmingWhitespace
        if name.isEmpty || name.count > 100 { problems["name"] = "请填写组织名称（100 字以内）" }
        let code = creditCode.trimmingWhitespace.uppercased(), filing = filingNumber.trimmingWhitespace
        if filing.count > 40 { problems["filingNumber"] = "备案编号请在 40 字以内" }
        if case .failure(let refusal) = OrganisationKind.checkRegistration(kind: kind, creditCode: code, filingNumber: filing) {
            problems[refusal == .filingMissing ? "filingNumber" : "creditCode"] = refusal.message
        }
        let chosen = fields.map(\.trimmingWhitespace).filter { !$0.isEmpty }
        if chosen.isEmpty { problems["fields"] = "请至少选择一个服务领域" }
        if let unknown = chosen.first(where: { !fieldsOffered.contains($0) }) {
            problems["fields"] = "“\(unknown)”不是本区的服务领域（可选：\(fieldsOffered.joined(separator: "、"))）"
        }
        let contact = contactName.trimmingWhitespace, phone = contactPhone.trimmingWhitespace
        if contact.count > 50 { problems["contactName"] = "联系人请在 50 字以内" }
        if phone.count > 30 || phone.contains(where: { !($0.isASCII && ($0.isNumber || "-+ ".contains($0))) }) {
            problems["contactPhone"] = "联系电话只能有数字、空格和 - +，30 字以内"
        }
        if address.count > 200 { problems["address"] = "地址请在 200 字以内" }
        if summary.count > 1000 { problems["summary"] = "简介请在 1000 字以内" }
        if !problems.isEmpty { throw DomainError.invalid(fields: problems) }
        // Kept in the district's order, once each.
        let ordered = fieldsOffered.filter(chosen.contains)
        return OrganisationProfile(name: name, kind: kind, creditCode: code.isEmpty ? nil : code, filingNumber: filing.isEmpty ? nil : filing,
                                   fields: ordered, contactName: contact, contactPhone: phone, address: address.trimmingWhitespace,
                                   summary: summary.trimmingWhitespace, partyOrganisation: partyOrganisation)
    }
}

/// A checked profile.
struct OrganisationProfile: Sendable {
    let name: String, kind: OrganisationKind, creditCode: String?, filingNumber: String?, fields: [String]
    let contactName: String, contactPhone: String, address: String, summary: String, partyOrganisation: Bool
}

/// 资源检索: organisations by field, service, state and name.
public struct OrganisationFilter: Sendable {
    public var field: String?, itemId: Int64?, status: OrganisationStatus?, term: String?
    public init(field: String? = nil, itemId: Int64? = nil, status: OrganisationStatus? = nil, term: String? = nil) {
        (self.field, self.itemId, self.status, self.term) = (field, itemId, status, term)
    }
}
