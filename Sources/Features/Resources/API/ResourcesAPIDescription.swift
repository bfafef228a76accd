import Foundation
import LinliKit

/// 五社资源 in the OpenAPI document.
extension ResourcesAPI: APIDocumenting {
    static var api: APIDescription {
        func op(_ method: String, _ path: String, _ summary: String, _ tag: String, query: RecordedFields? = nil,
                body read: ((inout Fields) throws -> Void)? = nil, answer: String, status: String = "200") -> APIOperation {
            APIOperation(method, path, summary, tag: tag, query: query, body: read.map { read in body(recorded: Fields.rules { try? read(&$0) }) },
                         answer: .json(answer), status: status)
        }
        let orgs = "社会组织", incubation = "孵化", workers = "社工", charity = "慈善资源", matching = "资源匹配"
        return APIDescription(operations: [
            op("get", "/api/v1/organisations", "辖区内登记或服务辖区的社会组织（按领域、服务项目、状态、名称检索）", orgs,
               query: Fields.rules { _ = try? OrganisationListInput(&$0) }, answer: "OrganisationList"),
            op("post", "/api/v1/organisations", "登记社会组织（统一社会信用代码或备案编号只能登记一次）", orgs,
               body: { _ = try OrganisationInput(&$0) }, answer: "Organisation", status: "201"),
            op("get", "/api/v1/organisations/mine", "本账号所属的社会组织：档案、工作人员、服务和派给本组织的诉求", orgs, answer: "OrganisationRecord"),
            op("get", "/api/v1/organisations/{id}", "一个社会组织的档案", orgs, answer: "OrganisationRecord"),
            op("put", "/api/v1/organisations/{id}", "修改社会组织档案（登记地的工作人员）", orgs, body: { _ = try OrganisationInput(&$0) }, answer: "Organisation"),
            op("put", "/api/v1/organisations/{id}/services", "设置服务项目（服务目录事项）和服务范围（区域）", orgs,
               body: { _ = try OrganisationServicesInput(&$0) }, answer: "OrganisationRecord"),
            op("put", "/api/v1/organisations/{id}/staff", "设置工作人员和接单人", orgs, body: { _ = try OrganisationStaffInput(&$0) },
               answer: "OrganisationRecord"),
            op("post", "/api/v1/organisations/{id}/reviews", "记录年检结果、等级评估或状态变更", orgs, body: { _ = try OrganisationReviewInput(&$0) },
               answer: "Organisation"),
            op("get", "/api/v1/organisations/{id}/documents", "社会组织的证照与年报（登记证书、年度报告、章程等）", orgs, answer: "DocumentList"),
            APIOperation("post", "/api/v1/organisations/{id}/documents",
                         "上传材料（登记地工作人员或本组织工作人员）：PDF 或 JPEG、PNG、WebP，单个不超过 10 MB", tag: orgs,
                         body: body(recorded: Fields.rules { _ = try? DocumentInput(&$0, file: Data()) }), answer: .json("Document"),
                         status: "201", fileField: "file"),
            APIOperation("get", "/api/v1/organisations/{id}/documents/{document}", "下载一份材料", tag: orgs,
                         answer: .file(DocumentRules.contentTypes)),
            APIOperation("delete", "/api/v1/organisations/{id}/documents/{document}", "删除一份材料", tag: orgs, answer: .empty, status: "204"),
            op("post", "/api/v1/organisations/{id}/incubations", "申请入孵（本组织或登记地工作人员），初审时限按工作日计", incubation,
               body: { _ = try IncubationApplyInput(&$0) }, answer: "Incubation", status: "201"),
            op("get", "/api/v1/incubations", "孵化基地：辖区内的孵化申请和在孵组织", incubation, answer: "IncubationList"),
            op("get", "/api/v1/incubations/{id}", "一项孵化及其记录", incubation, answer: "IncubationRecord"),
            op("post", "/api/v1/incubations/{id}/steps", "孵化步骤：初审、签订协议、进入下一阶段、出壳、交还场地、撤回；次序不对时 409 step_out_of_order",
               incubation, body: { _ = try IncubationStepInput(&$0) }, answer: "Incubation"),
            op("post", "/api/v1/incubations/{id}/notes", "记录里程碑或导师意见", incubation, body: { _ = try IncubationNoteInput(&$0) },
               answer: "IncubationRecord", status: "201"),
            op("get", "/api/v1/social-workers", "辖区内的社工", workers, answer: "SocialWorkerList"),
            op("post", "/api/v1/social-workers", "登记社工（职业资格、岗位、培训、服务数量）", workers, body: { _ = try SocialWorkerInput(&$0) },
               answer: "SocialWorker", status: "201"),
            op("get", "/api/v1/social-workers/shares", "各社区持证社工占比与目标", workers, answer: "CertifiedShareList"),
            op("put", "/api/v1/social-workers/{id}", "修改社工信息", workers, body: { _ = try SocialWorkerInput(&$0) }, answer: "SocialWorker"),
            op("get", "/api/v1/donors", "可用的捐赠方和辖区内收到的捐赠", charity, answer: "Charity"),
            op("post", "/api/v1/donors", "登记捐赠方", charity, body: { _ = try DonorInput(&$0) }, answer: "Donor", status: "201"),
            op("get", "/api/v1/donors/{id}", "捐赠方的每笔捐赠和每一项去向", charity, answer: "DonorRecord"),
            op("post", "/api/v1/donations", "接收捐赠（善款按元，最多两位小数；物资按件数），生成捐赠收据编号", charity,
               body: { _ = try DonationInput(&$0) }, answer: "Donation", status: "201"),
            op("get", "/api/v1/donations/{id}", "一笔捐赠及其去向（数量以分或物资单位计）", charity, answer: "DonationUses"),
            op("post", "/api/v1/donations/{id}/allocations", "分配捐赠去向；超过剩余时 409 over_remainder，不写入", charity,
               body: { _ = try AllocationInput(&$0) }, answer: "Allocated", status: "201"),
            op("get", "/api/v1/resource-map", "资源地图：社会组织、社工、志愿服务队、共建单位和捐赠物资（按类型、领域、服务、区域、可用检索）", matching,
               query: Fields.rules { _ = try? ResourceMapInput(&$0) }, answer: "ResourceMap"),
            op("get", "/api/v1/volunteer-teams/{id}/services", "志愿服务队的服务项目、接单队长和在办", matching, answer: "TeamResource"),
            op("put", "/api/v1/volunteer-teams/{id}/services", "设置志愿服务队的服务项目（匹配时按此计分）", matching,
               body: { _ = try TeamServicesInput(&$0) }, answer: "TeamResource"),
            op("get", "/api/v1/requests/{id}/matches", "为诉求匹配承接方：社会组织、社工和志愿服务队，按服务、范围、在办、评价、资格排序，附理由", matching,
               answer: "RequestMatch"),
            op("post", "/api/v1/requests/{id}/matches", "派给所选承接方（社会组织由其接单人签收）", matching, body: { _ = try MatchDispatchInput(&$0) },
               answer: "MatchDispatched"),
        ], schemas: schemas)
    }

    static var schemas: [String: Any] {
        let named = object(["id": integer, "name": string], required: ["id", "name"])
        let organisation = object([
            "id": integer, "name": string, "kind": choice(OrganisationKind.self), "creditCode": string, "filingNumber": string, "fields": array(string),
            "regionPath": string, "contactName": string, "contactPhone": string, "address": string, "summary": string, "partyOrganisation": boolean,
            "inspectionYear": integer, "inspectionResult": choice(InspectionResult.self), "grade": integer, "gradeYear": integer,
            "status": choice(OrganisationStatus.self), "createdAt": integer, "updatedAt": integer,
        ], required: ["id", "name", "kind", "fields", "regionPath", "contactName", "contactPhone", "address", "summary", "partyOrganisation",
                      "status", "createdAt", "updatedAt"])
        let record = object([
            "organisation": ref("Organisation"), "services": array(named), "areas": array(named),
            "staff": array(object(["userId": integer, "name": string, "intake": boolean], required: ["userId", "name", "intake"])),
            "events": array(object(["kind": string, "text": string, "by": string, "at": integer], required: ["kind", "text", "by", "at"])),
            "figures": object(["open": integer, "ratings": integer, "meanRating": number], required: ["open", "ratings", "meanRating"]),
            "requests": array(ref("RequestSummary")), "received": array(ref("Allocation")), "documents": array(ref("Document")),
            "mayManage": boolean, "mayKeepDocuments": boolean,
        ], required: ["organisation", "services", "areas", "staff", "events", "figures", "requests", "received", "documents", "mayManage",
                      "mayKeepDocuments"])
        let document = object([
            "id": integer, "organisationId": integer, "kind": choice(DocumentKind.self), "title": string, "contentType": string,
            "byteCount": integer, "sha256": string, "uploadedBy": string, "uploadedAt": integer,
        ], required: ["id", "organisationId", "kind", "title", "contentType", "byteCount", "sha256", "uploadedBy", "uploadedAt"])
        let worker = object([
            "id": integer, "userId": integer, "name": string, "residentId": integer, "certificate": choice(CertificateLevel.self), "certificateNumber": string,
            "post": choice(SocialWorkPost.self), "organisationId": integer, "regionPath": string, "trainingHours": integer, "trainingTopics": string,
            "individualCases": integer, "groupCases": integer, "communityCases": integer, "itemIds": array(integer),
        ], required: ["id", "userId", "name", "post", "regionPath", "trainingHours", "trainingTopics", "individualCases", "groupCases",
                      "communityCases", "itemIds"])
        let share = object(["regionId": integer, "name": string, "certified": integer, "total": integer, "percent": number,
                            "targetPercent": integer, "meetsTarget": boolean],
                           required: ["regionId", "name", "certified", "total", "percent", "targetPercent", "meetsTarget"])
        let donor = object(["id": integer, "kind": choice(DonorKind.self), "name": string, "contact": string, "anonymous": boolean,
                            "regionPath": string, "createdAt": integer],
                           required: ["id", "kind", "name", "contact", "anonymous", "regionPath", "createdAt"])
        let donation = object([
            "id": integer, "donorId": integer, "receiptNumber": string, "kind": choice(DonationBalance.Kind.self), "item": string, "unit": string,
            "quantity": integer, "allocated": integer, "remainder": integer, "regionPath": string, "note": string, "receivedBy": string,
            "receivedAt": integer,
        ], required: ["id", "donorId", "receiptNumber", "kind", "item", "unit", "quantity", "allocated", "remainder", "regionPath", "note",
                      "receivedBy", "receivedAt"])
        let allocation = object([
            "id": integer, "donationId": integer, "amount": integer, "target": choice(AllocationTarget.self), "targetId": integer, "label": string,
            "note": string, "allocatedBy": string, "allocatedAt": integer,
        ], required: ["id", "donationId", "amount", "target", "label", "note", "allocatedBy", "allocatedAt"])
        let uses = object(["donation": ref("Donation"), "uses": array(ref("Allocation"))], required: ["donation", "uses"])
        let reason = object(["factor": choice(Matching.Factor.self), "points": number, "weight": number, "text": string],
                            required: ["factor", "points", "weight", "text"])
        let candidate = object(["kind": choice(Matching.Kind.self), "id": integer, "name": string, "score": number, "fits": boolean,
                                "openLoad": integer, "reasons": array(reason)],
                               required: ["kind", "id", "name", "score", "fits", "openLoad", "reasons"])
        return [
            "Organisation": organisation, "OrganisationList": list("Organisation"), "OrganisationRecord": record,
            "Document": document, "DocumentList": list("Document"),
            "SocialWorker": worker, "SocialWorkerList": list("SocialWorker"), "CertifiedShare": share, "CertifiedShareList": list("CertifiedShare"),
            "Donor": donor, "Donation": donation, "Allocation": allocation, "DonationUses": uses,
            "Charity": object(["donors": array(ref("Donor")), "donations": array(ref("Donation"))], required: ["donors", "donations"]),
            "DonorRecord": object(["donor": ref("Donor"), "donations": array(ref("DonationUses"))], required: ["donor", "donations"]),
            "Allocated": object(["allocation": ref("Allocation"), "donation": ref("Donation")], required: ["allocation", "donation"]),
            "RequestMatch": object(["requestId": integer, "itemId": integer, "itemName": string, "placeName": string,
                                    "certificate": choice(CertificateLevel.self), "mayDispatch": boolean, "candidates": array(candidate)],
                                   required: ["requestId", "itemId", "itemName", "placeName", "mayDispatch", "candidates"]),
            "Incubation": object([
                "id": integer, "organisationId": integer, "organisationName": string, "hubName": string, "regionPath": string,
                "stage": choice(IncubationStage.self), "appliedAt": integer, "checkDue": integer, "agreementFrom": string, "agreementTo": string,
                "space": string, "support": string, "exitedAt": integer, "spaceDue": integer, "overdue": boolean,
            ], required: ["id", "organisationId", "organisationName", "hubName", "regionPath", "stage", "appliedAt", "checkDue", "space",
                          "support", "overdue"]),
            "IncubationList": list("Incubation"),
            "IncubationRecord": object(["incubation": ref("Incubation"),
                                        "events": array(object(["kind": string, "text": string, "by": string, "at": integer],
                                                               required: ["kind", "text", "by", "at"]))],
                                       required: ["incubation", "events"]),
            "ResourceMap": list("MapEntry"),
            "TeamResource": object(["teamId": integer, "name": string, "regionPath": string, "memberCount": integer, "services": array(named),
                                    "intake": object(["userId": integer, "name": string, "intake": boolean], required: ["userId", "name", "intake"]),
                                    "figures": object(["open": integer, "ratings": integer, "meanRating": number],
                                                      required: ["open", "ratings", "meanRating"])],
                                   required: ["teamId", "name", "regionPath", "memberCount", "services", "figures"]),
            "MapEntry": object(["kind": choice(ResourcesService.MapKind.self), "id": integer, "name": string, "detail": string,
                                "areas": array(string), "fields": array(string), "itemIds": array(integer), "available": boolean,
                                "availability": string, "href": string],
                               required: ["kind", "id", "name", "detail", "areas", "fields", "itemIds", "available", "availability"]),
            "MatchDispatched": object(["requestId": integer, "state": string, "handlerId": integer, "unit": string], required: ["requestId", "state"]),
        ]
    }
}
