import Foundation
import Hummingbird

extension Request {
    /// A spreadsheet sent as the raw body of an API call (XLSX or CSV). `format` is the
    /// caller's `?format=`; without it a `text/csv` content type means CSV and anything else
    /// is told apart by its content.
    public mutating func uploadedSheet(format: String?) async throws -> SheetTable {
        let body: ByteBuffer
        do {
            body = try await collectBody(upTo: MultipartForm.maximumBodySize)
        } catch {
            throw DomainError(kind: .payloadTooLarge, code: "payload_too_large", message: "上传的文件过大（上限 20 MB）")
        }
        let type = headers[.contentType] ?? ""
        let filename = format.map { "upload.\($0)" } ?? (type.contains("csv") ? "upload.csv" : nil)
        return try SheetTable.upload(Data(buffer: body), filename: filename)
    }
}
