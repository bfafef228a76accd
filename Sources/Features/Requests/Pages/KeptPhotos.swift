import Foundation
import Hummingbird
import LinliKit

/// A form's photos across a re-render: the ones kept from before (`keptPhotos` tokens, ticked
/// to keep) and the ones that came with this post. On success the kept ones are forgotten; on
/// an error the new ones are kept too, so the form shown again has all of them.
struct KeptPhotos {
    struct Kept { let token: String, number: Int }
    static let field = "keptPhotos"

    let owner: String
    let kept: [(token: String, data: Data)]
    let uploaded: [Data]

    /// Reads the kept tokens from `fields` and loads their photos.
    static func read(_ fields: inout Fields, uploaded: [Data], requests: RequestService, context: AppContext) async throws -> KeptPhotos {
        let tokens = fields.list(field, "已保留的照片", maxCount: PhotoRules.maxCount, maxLength: 64)
        let owner = RequestService.pendingOwner(context.actor, formToken: context.csrfToken)
        return KeptPhotos(owner: owner, kept: try await requests.pendingPhotos(tokens, owner: owner), uploaded: uploaded)
    }

    /// Every photo of the post, the kept ones first.
    var all: [Data] { kept.map(\.data) + uploaded }

    func sent(_ requests: RequestService) async throws { try await requests.dropPending(kept.map(\.token), owner: owner) }

    /// After an error: the tokens the form shown again carries (the new photos kept as well).
    func keptAgain(_ requests: RequestService) async throws -> [Kept] {
        let tokens = kept.map(\.token) + (try await requests.keepPending(uploaded, owner: owner))
        return tokens.prefix(PhotoRules.maxCount).enumerated().map { Kept(token: $1, number: $0 + 1) }
    }
}
