import Accounts
import Foundation
import LinliKit
import Regions
import Requests
import Resources

/// The demo's 五社资源: twelve organisations of 东关街道 at every stage of the street's hub
/// (东关社工服务中心 the one requests are given to, its 接单人 the `zz.org` account), eight
/// social workers (three of them certified in 建设社区), and three donors whose donations
/// went to households, an activity and the points shop — all through the real services.
enum DemoResources {
    /// Name, kind, fields, the items it offers, and where its incubation has got to (nil: never applied).
    static let organisations: [(String, OrganisationKind, [String], [String], [IncubationStep]?)] = [
        ("东关社工服务中心", .serviceAgency, ["养老", "儿童", "社会救助"], ["YL05", "YL04", "ET02", "ET03", "JZ03", "CJ06"], nil),
        ("建设社区老年协会", .communityFiled, ["养老"], ["YL05", "YL01"], []),
        ("东关街道儿童之家服务社", .serviceAgency, ["儿童"], ["ET01", "ET07", "ET08"], [.pass]),
        ("邻里互助睦邻会", .communityFiled, ["社区治理"], ["HZ07", "HZ06"], [.pass, .sign]),
        ("安心助残服务中心", .serviceAgency, ["社会救助"], ["CJ02", "CJ07"], [.pass, .sign, .advance]),
        ("平安东关志愿者协会", .association, ["平安建设"], ["ET05"], [.pass, .sign, .advance, .advance]),
        ("暖阳心理咨询服务中心", .serviceAgency, ["社会事务", "儿童"], ["YJ06", "ET04"], [.pass, .sign, .advance, .advance, .advance]),
        ("夕阳红文体队", .communityFiled, ["养老", "社区治理"], ["YJ05"], [.pass, .sign, .advance, .advance, .exit]),
        ("东关社区营造促进会", .association, ["社区治理"], ["HZ10"], [.pass, .sign, .advance, .advance, .exit, .returnSpace]),
        ("爱心厨房互助社", .communityFiled, ["养老"], ["YL01"], [.fail]),
        ("碑林区慈善助学基金会", .foundation, ["儿童", "社会救助"], ["JZ05"], nil),
        ("光明社区楼栋长联谊会", .communityFiled, ["社区治理"], [], nil),
    ]

    static func load(into system: LinliSystem, district: RegionNode, street: RegionNode, communities: [RegionNode]) async throws {
        let cli = system.commandLineActor
        let resources = system.resources
        let community = communities[0]
        let hub = "东关街道社会组织孵化基地"
        var created: [Organisation] = []
        for (index, entry) in organisations.enumerated() {
            let (name, kind, fields, codes, steps) = entry
            let category = kind == .association ? "1" : kind == .foundation ? "3" : "2"
            let code = kind == .communityFiled ? nil : CreditCode.completing("5\(category)610103MJX\(String(format: "%06d", 100 + index))")
            let home = kind == .communityFiled ? (name.hasPrefix("光明") ? communities[2] : community) : street
            let organisation = try await resources.registerOrganisation(OrganisationDraft(
                name: name, kind: kind, creditCode: code ?? "", filingNumber: code == nil ? "东关备字 2026-\(String(format: "%03d", index + 1))" : "",
                fields: fields, contactName: ["王", "李", "张", "刘", "陈", "杨"][index % 6] + "老师",
                contactPhone: "029-8765\(String(format: "%04d", 4300 + index))", address: "\(home.name)\(index + 1)号",
                summary: "\(name)扎根\(home.name)，服务\(fields.joined(separator: "、"))。", partyOrganisation: index % 3 == 0),
                regionId: home.id, actor: cli)
            var items: [Int64] = []
            for code in codes { items.append(try await system.catalog.item(code: code).id) }
            try await resources.setOrganisationServices(organisation.id, itemIds: items, areaIds: [home.id], actor: cli)
            if index < 6 {
                _ = try await resources.recordOrganisationReview(organisation.id, .inspection(year: 2025, result: index == 4 ? .basicallyQualified : .qualified),
                                                                 actor: cli)
            }
            if [0, 6, 10].contains(index) { _ = try await resources.recordOrganisationReview(organisation.id, .grade(index == 0 ? 4 : 3, year: 2025), actor: cli) }
            if let steps {
                let record = try await resources.applyForIncubation(organisationId: organisation.id, hubRegionId: street.id, hubName: hub,
                                                                    note: "希望获得场地和督导支持", actor: cli)
                for step in steps {
                    let agreement = step == .sign ? ResourcesService.Agreement(from: "2026-03-01", to: "2027-02-28", space: index % 2 == 0 ? "孵化基地 20\(index) 室" : "",
                                                                               support: "督导每月一次、能力建设培训、种子资金 1 万元") : nil
                    _ = try await resources.takeIncubationStep(record.id, step, agreement: agreement,
                                                               note: step == .fail ? "尚无固定成员和活动场所，建议先在社区备案活动" : "", actor: cli)
                    if step == .sign { try await resources.noteIncubation(record.id, mentor: true, text: "建议先做好两三个品牌活动，再扩大服务范围", actor: cli) }
                }
            }
            created.append(organisation)
        }
        // 东关社工服务中心: its 接单人 is the demo account zz.org.
        let intake = try await system.accounts.account(username: "zz.org", actor: cli)
        try await resources.setOrganisationStaff(created[0].id, userIds: [intake.id], intakeUserId: intake.id, actor: cli)
        // Its registration certificate on file (a one-page PDF), as the 证照与年报 card shows it.
        let certificate = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
        _ = try await resources.addDocument(organisationId: created[0].id,
                                            DocumentDraft(kind: .registration, title: "民办非企业单位登记证书", data: certificate), actor: cli)

        // Eight social workers: 陈静 and two more certified in 建设社区, others in the street and its centre.
        let workers: [(String, String, CertificateLevel?, SocialWorkPost, RegionNode)] = [
            ("sg.worker", "社工 陈静", .intermediate, .communityOffice, community),
            ("sg.wang", "社工 王宁", .assistant, .communityOffice, community),
            ("sg.li", "社工 李想", nil, .communityOffice, community),
            ("sg.zhao", "社工 赵雪", .senior, .streetStation, street),
            ("sg.sun", "社工 孙悦", .assistant, .organisation, street),
            ("sg.zhou", "社工 周航", nil, .organisation, street),
            ("sg.wu", "社工 吴桐", .intermediate, .communityOffice, communities[1]),
            ("sg.zheng", "社工 郑好", nil, .communityOffice, communities[2]),
        ]
        let centreItems = try await resources.organisation(created[0].id, actor: cli).services.map(\.id)
        for (index, worker) in workers.enumerated() {
            let (username, name, level, post, node) = worker
            let account: Account
            if username == "sg.worker" {
                account = try await system.accounts.account(username: username, actor: cli)
            } else {
                account = try await system.accounts.create(.init(username: username, displayName: name, role: .socialWorker, regionId: node.id,
                                                                 password: "linli2026"), actor: cli)
            }
            _ = try await resources.saveSocialWorker(id: nil, SocialWorkerDraft(
                userId: account.id, certificate: level, certificateNumber: level == nil ? "" : "SW2024610103\(String(format: "%04d", index + 1))",
                post: post, organisationId: post == .organisation ? created[0].id : nil, regionId: node.id, trainingHours: 24 + index * 8,
                trainingTopics: "个案管理、老年社会工作", casework: Casework(individual: 6 + index * 3, group: index, community: 2 + index),
                itemIds: post == .organisation ? [] : Array(centreItems.prefix(3))), actor: cli)
        }
        let centreStaff = try await resources.socialWorkers(actor: cli).filter { $0.post == .organisation }.map(\.userId)
        try await resources.setOrganisationStaff(created[0].id, userIds: [intake.id] + centreStaff, intakeUserId: intake.id, actor: cli)

        // Three donors and where their gifts went.
        let business = try await resources.registerDonor(DonorDraft(kind: .business, name: "秦川粮油有限公司", contact: "029-88886666",
                                                                    regionId: district.id), actor: cli)
        let unit = try await resources.registerDonor(DonorDraft(kind: .pairedUnit, name: "区住房和城乡建设局", contact: "029-87651234",
                                                                regionId: community.id), actor: cli)
        let person = try await resources.registerDonor(DonorDraft(kind: .person, name: "热心居民 马先生", contact: "", anonymous: true,
                                                                  regionId: community.id), actor: cli)
        let rice = try await resources.receiveDonation(DonationDraft(donorId: business.id, kind: .goods, item: "大米", unit: "袋", quantity: 40,
                                                                     note: "重阳节慰问", regionId: community.id), actor: cli)
        _ = try await resources.allocate(donationId: rice.id, AllocationDraft(amount: 20, target: .household, label: "独居老人 20 户",
                                                                              note: "网格员入户送达"), actor: cli)
        _ = try await resources.allocate(donationId: rice.id, AllocationDraft(amount: 10, target: .shop, label: "积分超市 大米"), actor: cli)
        let money = try await resources.receiveDonation(DonationDraft(donorId: unit.id, kind: .money, quantity: 1_000_000, note: "双报到共建经费",
                                                                      regionId: community.id), actor: cli)
        _ = try await resources.allocate(donationId: money.id, AllocationDraft(amount: 300_000, target: .activity, label: "四点半课堂 暑期班"), actor: cli)
        let gift = try await resources.receiveDonation(DonationDraft(donorId: person.id, kind: .money, quantity: 50_000, regionId: community.id), actor: cli)
        _ = try await resources.allocate(donationId: gift.id, AllocationDraft(amount: 50_000, target: .household, label: "困难家庭 临时救助"), actor: cli)
    }
}
