import Crypto
import Foundation
import LinliKit

/// A photo that passed the checks: a real JPEG, PNG or WebP by its bytes (the name and the
/// browser's content type are not trusted), within the size limit.
public struct ValidPhoto: Sendable {
    public let contentType: String
    public let data: Data
    public let sha256: String
}

public enum PhotoRules {
    public static let maxBytes = 5 * 1024 * 1024
    public static let maxCount = 6

    public static func validate(_ photos: [Data]) throws -> [ValidPhoto] {
        if photos.count > maxCount { throw DomainError.invalid("photos", "照片最多 \(maxCount) 张") }
        return try photos.enumerated().map { index, data in
            let field = "photos"
            if data.isEmpty { throw DomainError.invalid(field, "第 \(index + 1) 张照片是空文件") }
            if data.count > maxBytes { throw DomainError.invalid(field, "第 \(index + 1) 张照片超过 5 MB，请压缩后再上传") }
            guard let type = contentType(of: data) else {
                throw DomainError.invalid(field, "第 \(index + 1) 个文件不是照片（只接受 JPEG、PNG、WebP 图片）")
            }
            let digest = SHA256.hash(data: data).hex
            return ValidPhoto(contentType: type, data: data, sha256: digest)
        }
    }

    /// The image type by its signature, or nil.
    public static func contentType(of data: Data) -> String? {
        let b = [UInt8](data.prefix(12))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return "image/jpeg" }
        if b.count >= 8, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return "image/png" }
        if b.count >= 12, b[0..<4] == Array("RIFF".utf8)[...], b[8..<12] == Array("WEBP".utf8)[...] { return "image/webp" }
        return nil
    }
}
