import Foundation

/// A `multipart/form-data` body (file uploads from plain HTML forms, no JavaScript needed).
public struct MultipartForm: Sendable {
    public struct Part: Sendable {
        public let name: String
        public let filename: String?
        public let contentType: String?
        public let data: Data
        public var text: String { String(decoding: data, as: UTF8.self) }
    }

    public let parts: [Part]

    public func part(_ name: String) -> Part? { parts.first { $0.name == name } }
    public func text(_ name: String) -> String? {
        part(name).map { $0.text.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
    }

    public static let maximumBodySize = 25 * 1024 * 1024

    public static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for item in contentType.split(separator: ";").dropFirst() {
            let pair = item.trimmingCharacters(in: .whitespaces)
            if pair.lowercased().hasPrefix("boundary=") {
                return String(pair.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    public static func parse(_ body: Data, boundary: String) throws -> MultipartForm {
        let delimiter = Data(("--" + boundary).utf8)
        var parts: [Part] = []
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else {
            throw DomainError.badRequest("上传内容格式有误")
        }
        cursor = first.upperBound
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard body[cursor...].starts(with: Data("\r\n".utf8)) else { throw DomainError.badRequest("上传内容格式有误") }
            cursor += 2
            guard let headerEnd = body.range(of: Data("\r\n\r\n".utf8), in: cursor..<body.endIndex),
                  let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<body.endIndex) else {
                throw DomainError.badRequest("上传内容格式有误")
            }
            let headers = String(decoding: body[cursor..<headerEnd.lowerBound], as: UTF8.self)
            var name = "", filename: String?, contentType: String?
            for line in headers.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = attribute("name", in: line) ?? ""
                    filename = attribute("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            let data = Data(body[headerEnd.upperBound..<next.lowerBound])
            // A text field (no filename) must be UTF-8, as in forms and JSON; files are bytes.
            if filename == nil, String(validating: data, as: UTF8.self) == nil {
                let label = String(name.prefix(40))
                throw DomainError.invalid(label, "「\(label)」的内容不是有效的 UTF-8 文本")
            }
            parts.append(Part(name: name, filename: filename, contentType: contentType, data: data))
            cursor = next.upperBound
            if parts.count > 50 { throw DomainError.badRequest("上传内容的字段过多") }
        }
        return MultipartForm(parts: parts)
    }

    static func attribute(_ key: String, in line: String) -> String? {
        guard let range = line.range(of: "\(key)=\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
