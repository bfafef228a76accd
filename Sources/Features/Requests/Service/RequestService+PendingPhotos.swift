import Foundation
import LinliKit

/// 暂存照片 — a form that is shown again (a missing answer, a wrong date) keeps the photos that
/// came with it: they are stored under tokens the page carries, so nobody uploads them twice
/// and nothing is dropped without a word. Tokens belong to whoever uploaded them and last a day.
extension RequestService {
    public static let pendingPhotoLifetime: TimeInterval = 86_400

    /// Whose pending photos these are: a signed-in person, or a visitor's form token.
    public static func pendingOwner(_ actor: Actor?, formToken: String) -> String {
        if let user = actor?.userId { return "u\(user)" }
        return "v" + Secrets.sha256Hex(formToken)
    }

    /// Keeps the photos that pass the photo checks (a file that is no photo is not kept: the
    /// form says so) and gives back their tokens, in order.
    public func keepPending(_ photos: [Data], owner: String) async throws -> [String] {
        let valid = photos.compactMap { try? PhotoRules.validate([$0]).first }
        guard !valid.isEmpty else { return [] }
        let now = clock.now().millis
        return try await database.write { tx in
            var tokens: [String] = []
            for photo in valid.prefix(PhotoRules.maxCount) {
                let token = Secrets.token(bytes: 18)
                try await PendingPhotoStore.insert(tx, token: token, owner: owner, photo, now: now)
                tokens.append(token)
            }
            return tokens
        }
    }

    /// The kept photos of `tokens` that are still there (unknown, foreign and expired tokens
    /// are left out), in the order asked.
    public func pendingPhotos(_ tokens: [String], owner: String) async throws -> [(token: String, data: Data)] {
        var seen: Set<String> = []
        let unique = tokens.filter { !$0.isEmpty && $0.count <= 64 && seen.insert($0).inserted }
        let since = clock.now().addingTimeInterval(-Self.pendingPhotoLifetime).millis
        let found = try await database.read { tx in try await PendingPhotoStore.find(tx, tokens: unique, owner: owner, since: since) }
        return unique.compactMap { token in found[token].map { (token, $0) } }
    }

    /// Forgets kept photos once the form that carried them went through.
    public func dropPending(_ tokens: [String], owner: String) async throws {
        try await database.write { tx in try await PendingPhotoStore.delete(tx, tokens: tokens, owner: owner) }
    }

    /// Removes kept photos older than a day (run periodically).
    public func sweepPendingPhotos() async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-Self.pendingPhotoLifetime).millis
        return try await database.write { tx in try await PendingPhotoStore.deleteOlder(tx, than: cutoff) }
    }
}
