import Crypto
import Foundation
import LinliKit
import Requests

/// 证照与年报 — a scan or PDF kept on an organisation's record: its registration
/// certificate, a year's 年报, its charter, a 年检 conclusion.
public struct OrganisationDocument: Sendable, Equatable {
    public let id: Int64, organisationId: Int64, kind: DocumentKind, title: String
    public let contentType: String, byteCount: Int64, sha256: String
    public let uploadedBy: String, uploadedAt: Int64
}

public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    /// 登记证书 / 备案证明
    case registration
    /// 年度工作报告（年报）
    case annualReport = "annual_report"
    /// 章程
    case charter
    /// 年检结论 / 等级评估证书
    case inspection
    case other
    public var label: String {
        switch self {
        case .registration: "登记证书或备案证明"
        case .annualReport: "年度报告"
        case .charter: "章程"
        case .inspection: "年检结论或评估证书"
        case .other: "其他材料"
        }
    }
}

/// What an upload must be: a PDF or an image, named, within the size limits.
public struct DocumentDraft: Sendable {
    public var kind: DocumentKind, title: String, data: Data
    public init(kind: DocumentKind, title: String, data: Data) { (self.kind, self.title, self.data) = (kind, title, data) }
}

public struct ValidDocument: Sendable {
    public let kind: DocumentKind, title: String, contentType: String, data: Data, sha256: String
}

public enum DocumentRules {
    /// A scanned certificate or a year's report as PDF; larger files should be compressed.
    public static let maxBytes = 10 * 1024 * 1024
    public static let maxPerOrganisation = 60
    public static let maxTitle = 60

    public static func validate(_ draft: DocumentDraft) throws -> ValidDocument {
        let title = draft.title.trimmingWhitespace
        if title.isEmpty { throw DomainError.invalid("title", "请填写材料名称，例如“2025 年度工作报告”") }
        if title.count > maxTitle { throw DomainError.invalid("title", "材料名称最多 \(maxTitle) 个字") }
        if draft.data.isEmpty { throw DomainError.invalid("file", "请选择要上传的文件") }
        if draft.data.count > maxBytes { throw DomainError.invalid("file", "文件超过 10 MB，请压缩或分成几份上传") }
        guard let type = contentType(of: draft.data) else {
            throw DomainError.invalid("file", "只接受 PDF 文件或 JPEG、PNG、WebP 图片")
        }
        return ValidDocument(kind: draft.kind, title: title, contentType: type, data: draft.data,
                             sha256: SHA256.hash(data: draft.data).hex)
    }

    /// The type by the file's signature, never by its name or the type the browser claims.
    public static func contentType(of data: Data) -> String? {
        if data.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        return PhotoRules.contentType(of: data)
    }

    /// The file name a download is saved as: the title and the type's extension.
    public static func fileName(_ document: OrganisationDocument) -> String {
        let safe = document.title.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }
        return String(safe) + "." + fileExtension(document.contentType)
    }

    public static func fileExtension(_ contentType: String) -> String {
        switch contentType {
        case "application/pdf": "pdf"
        case "image/png": "png"
        case "image/webp": "webp"
        default: "jpg"
        }
    }

    public static let contentTypes = ["application/pdf", "image/jpeg", "image/png", "image/webp"]
}
