import Foundation
import Hummingbird

/// Reading `Fields` from a request: its body (JSON or a form) or its query string. The
/// decoding itself (Fields.swift) needs no HTTP types, so the fuzz targets build it alone.
extension Fields {
    public static let maximumBodySize = 1024 * 1024

    /// Reads the body as JSON (`application/json`) or as a url-encoded form.
    public static func from(_ request: inout Request, context: AppContext) async throws -> Fields {
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            throw DomainError(kind: .payloadTooLarge, code: "payload_too_large", message: "提交的内容过大")
        }
        // Bytes that are not UTF-8 are refused, never replaced by U+FFFD and stored.
        guard let body = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw DomainError.badRequest("提交的内容不是有效的 UTF-8 文本")
        }
        let contentType = request.headers[.contentType] ?? ""
        if contentType.hasPrefix("application/json") {
            return try fromJSON(body)
        }
        if contentType.isEmpty || contentType.hasPrefix("application/x-www-form-urlencoded") {
            return try fromURLEncoded(body)
        }
        throw DomainError(kind: .invalid, code: "unsupported_media_type", message: "不支持的内容类型：\(contentType)")
    }

    /// The query string's fields. A query that is not UTF-8 never reaches a route:
    /// `SecurityHeadersMiddleware` answers it with a 422 first.
    public static func query(_ request: Request) -> Fields {
        Fields(parseURLEncoded(request.uri.query ?? ""))
    }

    /// The request's query as `key=value&…` (re-encoded, sorted, empty values dropped), less
    /// `dropping` — for pager and export links that keep the current filters.
    public static func carriedQuery(_ request: Request, dropping: Set<String>) -> String {
        parseURLEncoded(request.uri.query ?? "").compactMap { key, value -> [String]? in
            guard !dropping.contains(key) else { return nil }
            let texts: [String]
            switch value {
            case .text(let text): texts = [text]
            case .list(let items): texts = items.compactMap { if case .text(let t) = $0 { t } else { nil } }
            default: texts = []
            }
            return texts.filter { !$0.isEmpty }.map { "\(key.urlQueryEscaped)=\($0.urlQueryEscaped)" }
        }.flatMap { $0 }.sorted().joined(separator: "&")
    }
}

extension Request {
    /// The body read as an input type (`read` is its initializer), with every field checked:
    /// a bad or unknown field is a 422 naming it.
    public func input<T>(_ context: AppContext, _ read: (inout Fields) throws -> T) async throws -> T {
        var request = self
        var fields = try await Fields.from(&request, context: context)
        let value = try read(&fields)
        try fields.finish()
        return value
    }

    /// The query string read as an input type, checked the same way.
    public func query<T>(_ read: (inout Fields) throws -> T) throws -> T {
        var fields = Fields.query(self)
        let value = try read(&fields)
        try fields.finish()
        return value
    }
}
