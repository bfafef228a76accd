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

extension MultipartForm {
    /// The form's text parts as `Fields`, so one decoder serves forms, multipart and JSON; the
    /// file parts are not fields (`files(named:)`).
    public var fields: Fields {
        var values: [String: FieldValue] = [:]
        for part in parts where part.filename == nil {
            let value = FieldValue.text(part.text)
            switch values[part.name] {
            case nil: values[part.name] = value
            case .list(let items)?: values[part.name] = .list(items + [value])
            case let existing?: values[part.name] = .list([existing, value])
            }
        }
        var fields = Fields(values)
        for part in parts where part.filename != nil { fields.skip(part.name) }
        return fields
    }

    /// The non-empty files sent under `name`.
    public func files(named name: String) -> [Data] {
        parts.filter { $0.name == name && !$0.data.isEmpty }.map(\.data)
    }
}

extension Request {
    /// A body as fields plus the files of `fileField`: multipart, JSON or a form.
    public mutating func fieldsAndFiles(_ context: AppContext, fileField: String) async throws -> (Fields, [Data]) {
        if MultipartForm.boundary(of: headers[.contentType] ?? "") != nil {
            let form = try await MultipartForm.from(&self)
            var fields = form.fields
            fields.skip(fileField)
            return (fields, form.files(named: fileField))
        }
        return (try await Fields.from(&self, context: context), [])
    }
}

extension Request {
    /// One uploaded file: the part `field` of a multipart form (a page's file input), or the
    /// whole body (an API call sending the file itself). Empty is a zh-CN error naming `field`.
    public mutating func uploadedFile(field: String) async throws -> Data {
        let data: Data
        if MultipartForm.boundary(of: headers[.contentType] ?? "") != nil {
            data = try await MultipartForm.from(&self).files(named: field).first ?? Data()
        } else {
            do { data = Data(buffer: try await collectBody(upTo: MultipartForm.maximumBodySize)) } catch {
                throw DomainError(kind: .payloadTooLarge, code: "payload_too_large", message: "上传的文件过大（上限 20 MB）")
            }
        }
        guard !data.isEmpty else { throw DomainError.invalid(field, "请选择要上传的文件") }
        return data
    }
}
