import Foundation
import Hummingbird
import LinliKit

/// What the requests' pages and API read and answer alike.
enum RequestHTTP {
    /// A body as fields plus photos: multipart (with `photos` parts), JSON or a form.
    static func body(_ request: inout Request, _ context: AppContext) async throws -> (Fields, [Data]) {
        try await request.fieldsAndFiles(context, fileField: "photos")
    }

    /// One workflow step and its photos, every field checked. From a page (`confirming`), an
    /// irreversible step must come with its 确认 box ticked: one tap never ends a request.
    static func step(_ request: Request, _ context: AppContext, confirming: Bool = false) async throws -> (action: RequestAction, photos: [Data]) {
        var request = request
        var (fields, photos) = try await body(&request, context)
        return (try action(&fields, confirming: confirming), photos)
    }

    /// The step the fields name, every field checked (the body read already).
    static func action(_ fields: inout Fields, confirming: Bool) throws -> RequestAction {
        let input = try ActionInput(&fields)
        try fields.finish()
        if confirming && RequestActionKind.irreversible.contains(input.action.kind) && !input.confirmed {
            throw DomainError.invalid("confirm", "请勾选「确认\(input.action.kind.label)」：这一步做了就不能撤销")
        }
        return input.action
    }

    /// What a page's step form had, to show it again after an error: which step, the note as
    /// typed, and its photos kept (`KeptPhotos`).
    struct Retry {
        let kind: String, note: String, kept: [KeptPhotos.Kept]
    }

    /// A step from a page: its photos are kept if it fails, and shown again with its note.
    static func pageStep(_ request: Request, _ context: AppContext, requests: RequestService,
                         perform: (RequestAction, [Data]) async throws -> Void) async throws {
        var request = request
        var (fields, uploaded) = try await body(&request, context)
        let photos = try await KeptPhotos.read(&fields, uploaded: uploaded, requests: requests, context: context)
        func text(_ name: String) -> String { if case .text(let value)? = fields.values[name] { value } else { "" } }
        let (kind, note) = (text("action"), text("note"))
        do {
            try await perform(try action(&fields, confirming: true), photos.all)
            try await photos.sent(requests)
        } catch let error as DomainError where error.kind == .invalid || error.kind == .conflict || error.kind == .payloadTooLarge {
            throw RetryableStep(error: error, retry: Retry(kind: kind, note: note, kept: try await photos.keptAgain(requests)))
        }
    }

    /// A step that failed in a way the form can show, with what to show it again with.
    struct RetryableStep: Error {
        let error: DomainError
        let retry: Retry
    }

    /// A stored photo, served so that a browser never runs it as anything but an image.
    static func photo(_ photo: RequestPhoto) -> Response { Web.photo(contentType: photo.contentType, data: photo.data) }

    /// An answer no cache may keep (a 查询码's page).
    static func noStore(_ response: Response) -> Response {
        var response = response
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
