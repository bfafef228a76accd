import Foundation
import Hummingbird

extension MultipartForm {
    public static func from(_ request: inout Request) async throws -> MultipartForm {
        guard let boundary = boundary(of: request.headers[.contentType] ?? "") else {
            throw DomainError.badRequest("请以表单上传文件（multipart/form-data）")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            throw DomainError(kind: .payloadTooLarge, code: "payload_too_large", message: "上传的文件过大（上限 20 MB）")
        }
        return try parse(Data(buffer: buffer), boundary: boundary)
    }
}
