import Accounts
import Foundation
import LinliKit
import LinliServer
import LinliTestSupport
import Regions
import Requests
import Resources
import Volunteers

/// Subjects for 五社资源: organisations, social workers, donors and donations at the role's own
/// node (inside) or in the foreign district (outside), made by the operator.
extension PermissionMatrixTests.Subjects {
    var resources: ResourcesService { system.resources }
    func resourcePlace(_ role: Role, _ inside: Bool) -> RegionNode { inside ? root(role) : f.foreignCommunity }

    /// A filed community organisation registered and serving at the place, offering 楼道灯 repairs.
    func organisation(_ role: Role, _ inside: Bool, intake: Bool = false) async throws -> Organisation {
        let place = resourcePlace(role, inside)
        let organisation = try await resources.registerOrganisation(
            OrganisationDraft(name: "矩阵组织", kind: .communityFiled, filingNumber: PermissionMatrixTests.unique(), fields: ["社区治理"]),
            regionId: place.id, actor: cli)
        try await resources.setOrganisationServices(organisation.id, itemIds: [try await system.catalog.item(code: "WX01").id],
                                                    areaIds: [place.id], actor: cli)
        if intake {
            let person = try await person(.socialOrganization, at: f.district)
            try await resources.setOrganisationStaff(organisation.id, userIds: [person.id], intakeUserId: person.id, actor: cli)
        }
        return organisation
    }

    /// The organisation the role's own account works for (made the first time), for the role
    /// of organisations' staff; no other role's account can work for one.
    func ownOrganisation(_ role: Role) async throws -> Organisation? {
        guard role == .socialOrganization else { return nil }
        let actor = f.actor(role)
        if let own = try await resources.ownOrganisation(actor: actor) { return own.organisation }
        let organisation = try await self.organisation(role, true)
        try await resources.setOrganisationStaff(organisation.id, userIds: [actor.userId!], intakeUserId: actor.userId, actor: cli)
        return organisation
    }

    /// The organisation at the place with its registration certificate uploaded.
    func document(_ role: Role, _ inside: Bool) async throws -> (Organisation, OrganisationDocument) {
        let organisation = try await organisation(role, inside)
        let document = try await resources.addDocument(organisationId: organisation.id,
                                                       DocumentDraft(kind: .registration, title: "登记证书", data: Data("%PDF-1.4\n".utf8)), actor: cli)
        return (organisation, document)
    }

    func socialWorker(_ role: Role, _ inside: Bool) async throws -> (SocialWorker, Account) {
        let place = resourcePlace(role, inside)
        let person = try await person(.socialWorker, at: inside && place.level > .community ? f.c1 : place)
        let worker = try await resources.saveSocialWorker(id: nil, SocialWorkerDraft(userId: person.id, post: .communityOffice, regionId: place.id),
                                                          actor: cli)
        return (worker, person)
    }

    /// An application to the hub at the place, by an organisation registered there; past 初审
    /// when `accepted`.
    func incubation(_ role: Role, _ inside: Bool, accepted: Bool = false) async throws -> IncubationRecord {
        let organisation = try await organisation(role, inside)
        let place = resourcePlace(role, inside)
        let record = try await resources.applyForIncubation(organisationId: organisation.id, hubRegionId: place.id, hubName: "矩阵孵化基地",
                                                            note: "", actor: cli)
        return accepted ? try await resources.takeIncubationStep(record.id, .pass, actor: cli) : record
    }

    /// A volunteer team at the place; none for roles bound below a community (teams are of a
    /// district, street or community, so none is ever in a grid leader's scope).
    func volunteerTeam(_ role: Role, _ inside: Bool) async throws -> VolunteerTeam? {
        let place = resourcePlace(role, inside)
        guard place.level <= .community else { return nil }
        return try await system.volunteers.createTeam(.init(name: "矩阵队伍", kind: .community, regionId: place.id), actor: cli)
    }

    func donor(_ role: Role, _ inside: Bool) async throws -> Donor {
        try await resources.registerDonor(DonorDraft(kind: .person, name: "矩阵捐赠人", regionId: resourcePlace(role, inside).id), actor: cli)
    }

    func donation(_ role: Role, _ inside: Bool) async throws -> Donation {
        let donor = try await donor(role, inside)
        return try await resources.receiveDonation(DonationDraft(donorId: donor.id, kind: .goods, item: "大米", unit: "袋", quantity: 10,
                                                                 regionId: resourcePlace(role, inside).id), actor: cli)
    }
}

extension PermissionMatrixTests {
    static func organisationJSON(_ regionId: Int64? = nil) -> String {
        #"{"name":"矩阵新组织","kind":"community_filed","filingNumber":"\#(unique())","fields":["养老"]"#
            + (regionId.map { #","regionId":\#($0)"# } ?? "") + "}"
    }
    static func organisationForm(_ regionId: Int64? = nil) -> [(String, String)] {
        [("name", "矩阵新组织"), ("kind", "community_filed"), ("filingNumber", unique()), ("fields", "养老")]
            + (regionId.map { [("regionId", String($0))] } ?? [])
    }

    /// 上传材料 as a page's form sends it: kind and title fields, a PDF in the part `file`.
    static func documentMultipart() -> (String, String) {
        let boundary = "linli-test-boundary"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nannual_report\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n年度报告\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
            + "%PDF-1.4\n%%EOF\n\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    static let resourcesAPICases: [String: Case] = [
        "GET /api/v1/organisations/{id}/documents": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/organisations/\(try await s.document(role, inside).0.id)/documents")
        },
        "POST /api/v1/organisations/{id}/documents": Case(.permission(.resourcesManage, success: 201)) { s, role, inside in
            Request(uri: "/api/v1/organisations/\(try await s.organisation(role, inside).id)/documents", raw: documentMultipart())
        },
        "GET /api/v1/organisations/{id}/documents/{document}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            let (organisation, document) = try await s.document(role, inside)
            return Request(uri: "/api/v1/organisations/\(organisation.id)/documents/\(document.id)")
        },
        "DELETE /api/v1/organisations/{id}/documents/{document}": Case(.permission(.resourcesManage, success: 204)) { s, role, inside in
            let (organisation, document) = try await s.document(role, inside)
            return Request(uri: "/api/v1/organisations/\(organisation.id)/documents/\(document.id)")
        },
        "GET /api/v1/organisations": Case(.permission(.resourcesView, success: 200), uri: "/api/v1/organisations"),
        "POST /api/v1/organisations": Case(.permission(.resourcesManage, success: 201)) { s, role, inside in
            Request(uri: "/api/v1/organisations", json: organisationJSON(s.resourcePlace(role, inside).id))
        },
        "GET /api/v1/organisations/mine": Case(.permission(.organisationOwn, success: 200), scoped: false) { s, role, _ in
            _ = try await s.ownOrganisation(role)
            return Request(uri: "/api/v1/organisations/mine")
        },
        "GET /api/v1/organisations/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/organisations/\(try await s.organisation(role, inside).id)")
        },
        "PUT /api/v1/organisations/{id}": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/organisations/\(try await s.organisation(role, inside).id)", json: organisationJSON())
        },
        "PUT /api/v1/organisations/{id}/services": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/organisations/\(try await s.organisation(role, inside).id)/services", json: #"{"itemIds":[],"areaIds":[]}"#)
        },
        "PUT /api/v1/organisations/{id}/staff": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/organisations/\(try await s.organisation(role, inside).id)/staff", json: #"{"userIds":[]}"#)
        },
        "POST /api/v1/organisations/{id}/reviews": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/organisations/\(try await s.organisation(role, inside).id)/reviews", json: #"{"kind":"grade","grade":4,"year":2025}"#)
        },
        "POST /api/v1/organisations/{id}/incubations": Case(.permission(.resourcesManage, success: 201)) { s, role, inside in
            let organisation = try await s.organisation(role, inside)
            return Request(uri: "/api/v1/organisations/\(organisation.id)/incubations",
                           json: #"{"hubRegionId":\#(s.resourcePlace(role, inside).id),"hubName":"矩阵孵化基地"}"#)
        },
        "GET /api/v1/incubations": Case(.permission(.resourcesView, success: 200), uri: "/api/v1/incubations"),
        "GET /api/v1/incubations/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/incubations/\(try await s.incubation(role, inside).id)")
        },
        "POST /api/v1/incubations/{id}/steps": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/incubations/\(try await s.incubation(role, inside).id)/steps", json: #"{"step":"pass"}"#)
        },
        "POST /api/v1/incubations/{id}/notes": Case(.permission(.resourcesManage, success: 201)) { s, role, inside in
            Request(uri: "/api/v1/incubations/\(try await s.incubation(role, inside, accepted: true).id)/notes",
                    json: #"{"kind":"mentor","text":"建议完善财务制度"}"#)
        },
        "GET /api/v1/social-workers": Case(.permission(.resourcesView, success: 200), uri: "/api/v1/social-workers"),
        "GET /api/v1/social-workers/shares": Case(.permission(.resourcesView, success: 200), uri: "/api/v1/social-workers/shares"),
        "POST /api/v1/social-workers": Case(.permission(.resourcesManage, success: 201)) { s, role, inside in
            let person = try await s.person(.socialWorker, at: s.f.c1)
            return Request(uri: "/api/v1/social-workers",
                           json: #"{"userId":\#(person.id),"post":"community_office","regionId":\#(s.resourcePlace(role, inside).id)}"#)
        },
        "PUT /api/v1/social-workers/{id}": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            let (worker, person) = try await s.socialWorker(role, inside)
            return Request(uri: "/api/v1/social-workers/\(worker.id)", json: #"""
                {"userId":\#(person.id),"post":"community_office","regionId":\#(s.resourcePlace(role, inside).id),"trainingHours":8}
                """#)
        },
        "GET /api/v1/donors": Case(.permission(.resourcesView, success: 200), uri: "/api/v1/donors"),
        "POST /api/v1/donors": Case(.permission(.resourcesManage, success: 201)) { s, role, inside in
            Request(uri: "/api/v1/donors", json: #"{"kind":"business","name":"矩阵企业","regionId":\#(s.resourcePlace(role, inside).id)}"#)
        },
        "GET /api/v1/donors/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/donors/\(try await s.donor(role, inside).id)")
        },
        "POST /api/v1/donations": Case(.permission(.resourcesManage, success: 201)) { s, role, inside in
            let donor = try await s.donor(role, inside)
            return Request(uri: "/api/v1/donations",
                           json: #"{"donorId":\#(donor.id),"kind":"money","quantity":12.5,"regionId":\#(s.resourcePlace(role, inside).id)}"#)
        },
        "GET /api/v1/donations/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/api/v1/donations/\(try await s.donation(role, inside).id)")
        },
        "POST /api/v1/donations/{id}/allocations": Case(.permission(.resourcesManage, success: 201)) { s, role, inside in
            Request(uri: "/api/v1/donations/\(try await s.donation(role, inside).id)/allocations",
                    json: #"{"amount":2,"target":"household","label":"困难家庭"}"#)
        },
        "GET /api/v1/resource-map": Case(.permission(.resourcesView, success: 200), uri: "/api/v1/resource-map?available=1"),
        "GET /api/v1/volunteer-teams/{id}/services": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            try await s.volunteerTeam(role, inside).map { Request(uri: "/api/v1/volunteer-teams/\($0.id)/services") }
        },
        "PUT /api/v1/volunteer-teams/{id}/services": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            try await s.volunteerTeam(role, inside).map { Request(uri: "/api/v1/volunteer-teams/\($0.id)/services", json: #"{"itemIds":[1]}"#) }
        },
        "GET /api/v1/requests/{id}/matches": Case(.permission(.requestDispatch, success: 200)) { s, role, inside in
            _ = try await s.organisation(role, inside, intake: true)
            return Request(uri: "/api/v1/requests/\(try await s.request(inside).id)/matches")
        },
        "POST /api/v1/requests/{id}/matches": Case(.permission(.requestDispatch, success: 200)) { s, role, inside in
            let organisation = try await s.organisation(role, inside, intake: true)
            return Request(uri: "/api/v1/requests/\(try await s.request(inside).id)/matches",
                           json: #"{"kind":"organisation","id":\#(organisation.id)}"#)
        },
    ]

    static let resourcesPageCases: [String: Case] = [
        "POST /resources/organisations/{id}/documents": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/organisations/\(try await s.organisation(role, inside).id)/documents", raw: documentMultipart())
        },
        "GET /resources/organisations/{id}/documents/{document}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            let (organisation, document) = try await s.document(role, inside)
            return Request(uri: "/resources/organisations/\(organisation.id)/documents/\(document.id)")
        },
        "POST /resources/organisations/{id}/documents/{document}/delete": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            let (organisation, document) = try await s.document(role, inside)
            return Request(uri: "/resources/organisations/\(organisation.id)/documents/\(document.id)/delete", form: [])
        },
        "GET /resources": Case(.permission(.resourcesView, success: 200), uri: "/resources"),
        "GET /resources/organisations/new": Case(.permission(.resourcesManage, success: 200), uri: "/resources/organisations/new"),
        "POST /resources/organisations": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/organisations", form: organisationForm(s.resourcePlace(role, inside).id))
        },
        "GET /resources/organisations/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/resources/organisations/\(try await s.organisation(role, inside).id)")
        },
        "GET /resources/organisations/{id}/edit": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            Request(uri: "/resources/organisations/\(try await s.organisation(role, inside).id)/edit")
        },
        "POST /resources/organisations/{id}": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/organisations/\(try await s.organisation(role, inside).id)", form: organisationForm())
        },
        "POST /resources/organisations/{id}/services": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/organisations/\(try await s.organisation(role, inside).id)/services", form: [])
        },
        "POST /resources/organisations/{id}/staff": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/organisations/\(try await s.organisation(role, inside).id)/staff", form: [])
        },
        "POST /resources/organisations/{id}/reviews": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/organisations/\(try await s.organisation(role, inside).id)/reviews",
                    form: [("kind", "inspection"), ("year", "2025"), ("result", "qualified")])
        },
        "GET /my/organisation": Case(.permission(.organisationOwn, success: 200), scoped: false) { s, role, _ in
            _ = try await s.ownOrganisation(role)
            return Request(uri: "/my/organisation")
        },
        "POST /resources/organisations/{id}/incubation": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            let organisation = try await s.organisation(role, inside)
            return Request(uri: "/resources/organisations/\(organisation.id)/incubation",
                           form: [("hubRegionId", String(s.resourcePlace(role, inside).id)), ("hubName", "矩阵孵化基地")])
        },
        "GET /resources/incubations": Case(.permission(.resourcesView, success: 200), uri: "/resources/incubations"),
        "GET /resources/incubations/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/resources/incubations/\(try await s.incubation(role, inside).id)")
        },
        "POST /resources/incubations/{id}/steps": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/incubations/\(try await s.incubation(role, inside).id)/steps", form: [("step", "pass")])
        },
        "POST /resources/incubations/{id}/notes": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/incubations/\(try await s.incubation(role, inside, accepted: true).id)/notes",
                    form: [("kind", "milestone"), ("text", "完成民政备案")])
        },
        "GET /resources/social-workers/new": Case(.permission(.resourcesManage, success: 200), uri: "/resources/social-workers/new"),
        "POST /resources/social-workers": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            let person = try await s.person(.socialWorker, at: s.f.c1)
            return Request(uri: "/resources/social-workers", form: [("userId", String(person.id)), ("post", "community_office"),
                                                                   ("regionId", String(s.resourcePlace(role, inside).id))])
        },
        "GET /resources/social-workers/{id}/edit": Case(.permission(.resourcesManage, success: 200)) { s, role, inside in
            Request(uri: "/resources/social-workers/\(try await s.socialWorker(role, inside).0.id)/edit")
        },
        "POST /resources/social-workers/{id}": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            let (worker, person) = try await s.socialWorker(role, inside)
            return Request(uri: "/resources/social-workers/\(worker.id)", form: [("userId", String(person.id)), ("post", "community_office"),
                                                                                ("regionId", String(s.resourcePlace(role, inside).id))])
        },
        "GET /resources/map": Case(.permission(.resourcesView, success: 200), uri: "/resources/map"),
        "GET /resources/teams/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            try await s.volunteerTeam(role, inside).map { Request(uri: "/resources/teams/\($0.id)") }
        },
        "POST /resources/teams/{id}/services": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            try await s.volunteerTeam(role, inside).map { Request(uri: "/resources/teams/\($0.id)/services", form: [("itemIds", "1")]) }
        },
        "GET /resources/charity": Case(.permission(.resourcesView, success: 200), uri: "/resources/charity"),
        "POST /resources/donors": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/donors", form: [("kind", "unit"), ("name", "矩阵单位"), ("regionId", String(s.resourcePlace(role, inside).id))])
        },
        "GET /resources/donors/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/resources/donors/\(try await s.donor(role, inside).id)")
        },
        "POST /resources/donations": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            let donor = try await s.donor(role, inside)
            return Request(uri: "/resources/donations", form: [("donorId", String(donor.id)), ("kind", "goods"), ("item", "食用油"), ("unit", "桶"),
                                                              ("quantity", "5"), ("regionId", String(s.resourcePlace(role, inside).id))])
        },
        "GET /resources/donations/{id}": Case(.permission(.resourcesView, success: 200)) { s, role, inside in
            Request(uri: "/resources/donations/\(try await s.donation(role, inside).id)")
        },
        "POST /resources/donations/{id}/allocations": Case(.permission(.resourcesManage, success: 303)) { s, role, inside in
            Request(uri: "/resources/donations/\(try await s.donation(role, inside).id)/allocations",
                    form: [("amount", "3"), ("target", "activity"), ("label", "重阳节活动")])
        },
        "GET /requests/{id}/match": Case(.permission(.requestDispatch, success: 200)) { s, role, inside in
            _ = try await s.organisation(role, inside, intake: true)
            return Request(uri: "/requests/\(try await s.request(inside).id)/match")
        },
        "POST /requests/{id}/match": Case(.permission(.requestDispatch, success: 303)) { s, role, inside in
            let organisation = try await s.organisation(role, inside, intake: true)
            return Request(uri: "/requests/\(try await s.request(inside).id)/match", form: [("kind", "organisation"), ("id", String(organisation.id))])
        },
    ]
}
