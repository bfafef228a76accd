import LinliKit

extension AuditEntity {
    public static let donor = AuditEntity("donor", "捐赠方")
    public static let donation = AuditEntity("donation", "慈善捐赠")
    public static let organisation = AuditEntity("organisation", "社会组织")
    public static let socialWorker = AuditEntity("social_worker", "社工")
    public static let incubation = AuditEntity("incubation", "孵化")
    public static let volunteerTeamResource = AuditEntity("team_resource", "志愿服务队（资源）")
}

extension AuditAction {
    public static let donorRegister = AuditAction("donor.register", on: .donor, "登记捐赠方")
    public static let donationReceive = AuditAction("donation.receive", on: .donation, "接收捐赠")
    public static let donationAllocate = AuditAction("donation.allocate", on: .donation, "分配捐赠")

    public static let organisationRegister = AuditAction("organisation.register", on: .organisation, "登记社会组织")
    public static let organisationUpdate = AuditAction("organisation.update", on: .organisation, "修改社会组织档案")
    public static let organisationServices = AuditAction("organisation.services", on: .organisation, "设置服务项目和服务范围")
    public static let organisationStaff = AuditAction("organisation.staff", on: .organisation, "设置工作人员和接单人")
    public static let organisationReview = AuditAction("organisation.review", on: .organisation, "记录年检、等级评估或状态")
    public static let organisationDocumentAdd = AuditAction("organisation.document_add", on: .organisation, "上传社会组织材料")
    public static let organisationDocumentRemove = AuditAction("organisation.document_remove", on: .organisation, "删除社会组织材料")
    public static let socialWorkerRegister = AuditAction("social_worker.register", on: .socialWorker, "登记社工")
    public static let socialWorkerUpdate = AuditAction("social_worker.update", on: .socialWorker, "修改社工信息")
    public static let incubationApply = AuditAction("incubation.apply", on: .incubation, "申请入孵")
    public static let incubationStep = AuditAction("incubation.step", on: .incubation, "孵化步骤")
    public static let incubationNote = AuditAction("incubation.note", on: .incubation, "记录孵化里程碑或导师意见")
    public static let teamServices = AuditAction("team.services", on: .volunteerTeamResource, "设置志愿服务队的服务项目")

    static let resources: [AuditAction] = [.teamServices, .incubationApply, .incubationStep, .incubationNote, .socialWorkerRegister, .socialWorkerUpdate, .donorRegister, .donationReceive, .donationAllocate, .organisationRegister, .organisationUpdate,
                                           .organisationServices, .organisationStaff, .organisationReview,
                                           .organisationDocumentAdd, .organisationDocumentRemove]
}
