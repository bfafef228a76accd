import Foundation
import Hummingbird
import LinliKit

/// What the requests' pages and API read and answer alike.
enum RequestHTTP {
    /// A body as fields plus photos: multipart (with `photos` parts), JSON or a form.
    static func body(_ request: inout Request, _ context: AppContext) async throws -> (Fields, [Data]) {
        if MultipartForm.boundary(of: request.headers[.contentType] ?? "") != nil {
            let form = try await MultipartForm.from(&request)
            return (form.fields, PhotoInput.fromMultipart(form))
        }
        return (try await request.fields(context), [])
    }

    /// One workflow step and its photos, every field checked. From a page (`confirming`), an
    /// irreversible step must come with its 确认 box ticked: one tap never ends a request.
    static func step(_ request: Request, _ context: AppContext, confirming: Bool = false) async throws -> (action: RequestAction, photos: [Data]) {
        var request = request
        var (fields, photos) = try await body(&request, context)
        let input = try ActionInput(&fields)
        try fields.finish()
        if confirming && RequestActionKind.irreversible.contains(input.action.kind) && !input.confirmed {
            throw DomainError.invalid("confirm", "请勾选「确认\(input.action.kind.label)」：这一步做了就不能撤销")
        }
        return (input.action, photos)
    }

    /// A stored photo, served so that a browser never runs it as anything but an image.
    static func photo(_ photo: RequestPhoto) -> Response {
        Response(status: .ok, headers: [.contentType: photo.contentType, .cacheControl: "private, max-age=3600",
                                        .contentTypeOptions: "nosniff",
                                        .contentSecurityPolicy: "default-src 'none'"],
                 body: .init(byteBuffer: ByteBuffer(bytes: photo.data)))
    }

    /// An answer no cache may keep (a 查询码's page).
    static func noStore(_ response: Response) -> Response {
        var response = response
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
