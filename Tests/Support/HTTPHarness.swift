import Foundation
import Hummingbird
import HummingbirdTesting
import LinliKit
import LinliServer
import NIOCore

/// Runs requests through the real router (no sockets) against a test system.
public struct HTTPHarness {
    public let system: LinliSystem
    public let router: Router<AppContext>

    public init(system: LinliSystem) throws {
        self.system = system
        self.router = try buildRouter(system: system)
    }

    public func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(router: router)
        return try await app.test(.router) { client in try await body(client) }
    }
}

public struct Reply: Sendable {
    public let status: Int
    public let headers: HTTPFields
    public let body: String

    public init(status: Int, headers: HTTPFields, body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var location: String? { headers[.location] }
    public func cookie(_ name: String) -> String? {
        for value in headers[values: .setCookie] {
            let pair = value.split(separator: ";").first.map(String.init) ?? ""
            if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
    }
}

extension TestClientProtocol {
    public func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
                     form: [(String, String)]? = nil, raw: (String, String)? = nil, bytes: (String, Data)? = nil,
                     headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        } else if let (type, text) = raw {
            headers[.contentType] = type
            body = ByteBuffer(string: text)
        } else if let (type, data) = bytes {
            headers[.contentType] = type
            body = ByteBuffer(bytes: data)
        } else if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: form.map { "\($0.0.urlQueryEscaped)=\($0.1.urlQueryEscaped)" }.joined(separator: "&"))
        }
        return try await execute(uri: uri, method: method, headers: headers, body: body) { response in
            Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
        }
    }
}

/// A multipart body with text fields and files (name, filename, bytes), for uploads in tests.
public enum Multipart {
    public static let boundary = "linli-test-boundary"

    public static func body(_ fields: [(String, String)], files: [(name: String, filename: String, data: Data)] = []) -> (String, Data) {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n".utf8)
            body += Data("Content-Type: application/octet-stream\r\n\r\n".utf8) + file.data + Data("\r\n".utf8)
        }
        return ("multipart/form-data; boundary=\(boundary)", body + Data("--\(boundary)--\r\n".utf8))
    }
}
