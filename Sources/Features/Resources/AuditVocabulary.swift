import LinliKit

extension AuditEntity {
    public static let donor = AuditEntity("donor", "捐赠方")
    public static let donation = AuditEntity("donation", "慈善捐赠")
}

extension AuditAction {
    public static let donorRegister = AuditAction("donor.register", on: .donor, "登记捐赠方")
    public static let donationReceive = AuditAction("donation.receive", on: .donation, "接收捐赠")
    public static let donationAllocate = AuditAction("donation.allocate", on: .donation, "分配捐赠")

    static let resources: [AuditAction] = [.donorRegister, .donationReceive, .donationAllocate]
}
