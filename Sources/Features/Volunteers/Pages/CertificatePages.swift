import Foundation
import Hummingbird
import LinliKit

/// 志愿服务记录证明: the printable A4 page with its verification QR code, revocation, and the
/// public verification page anyone can open from the code.
extension VolunteersPages {
    struct CertificateModel {
        let id: Int64, csrf: String, number: String, name: String, volunteerNumber: String, firstDate: String, lastDate: String, records: Int
        let hours: String, issuer: String, issuedOn: String, qr: String, verifyURL: String, isRevoked: Bool, revokedOn: String, revokeReason: String
        let mayRevoke: Bool
    }

    @Sendable func certificate(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.activityView)
        let c = try await volunteers.certificate(try context.pathID(), actor: actor)
        let host = request.head.authority ?? "localhost"
        let url = "\(web.secureCookies ? "https" : "http")://\(host)/v/\(c.token)"
        let model = CertificateModel(
            id: c.id, csrf: context.csrfToken, number: c.number, name: c.name, volunteerNumber: c.volunteerNumber, firstDate: c.firstDate ?? "",
            lastDate: c.lastDate ?? "", records: c.records, hours: ServiceHours.text(minutes: c.minutes), issuer: c.issuer,
            issuedOn: VolunteerService.dayText(c.issuedAt), qr: try ((try? QRCode(url)) ?? QRCode("/v/\(c.token)")).svg(pixels: 140, label: "核验二维码"), verifyURL: url,
            isRevoked: c.revokedAt != nil, revokedOn: c.revokedAt.map(VolunteerService.dayText) ?? "", revokeReason: c.revokeReason ?? "",
            mayRevoke: actor.may(.volunteerManage) && c.revokedAt == nil)
        return web.page("volunteers.certificate", title: "志愿服务记录证明 \(c.number)", model: model, request: request, context: context)
    }

    @Sendable func revoke(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor(.volunteerManage)
        let id = try context.pathID()
        var request = request
        var fields = try await request.fields(context)
        let input = try RevokeInput(&fields)
        try fields.finish()
        _ = try await volunteers.revokeCertificate(id, reason: input.reason, actor: actor)
        return web.redirect(to: "/volunteer-certificates/\(id)", flash: "证明已撤销")
    }

    struct VerifyModel {
        let found: Bool, valid: Bool, reason: String, number: String, name: String, volunteerNumber: String, hours: String, records: Int
        let issuer: String, issuedOn: String
    }

    /// 证明核验 — open to anyone with the link: the holder's name with its middle hidden.
    @Sendable func verify(_ request: Request, context: AppContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let v = try await volunteers.verify(token: token)
        let model = VerifyModel(found: v != nil, valid: v?.valid ?? false, reason: v?.revokedReason ?? "", number: v?.number ?? "",
                                name: v?.name ?? "", volunteerNumber: v?.volunteerNumber ?? "", hours: v?.hours ?? "", records: v?.records ?? 0,
                                issuer: v?.issuer ?? "", issuedOn: v?.issuedOn ?? "")
        return web.page("volunteers.verify", title: "证明核验", model: model, request: request, context: context, status: v == nil ? .notFound : .ok)
    }
}
