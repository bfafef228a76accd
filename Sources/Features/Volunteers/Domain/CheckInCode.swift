import Crypto
import Foundation

/// 签到码 — the QR code shown at an activity: it names the activity and a 30-second step and is
/// signed, so a photo of it stops working a minute later, a code of another activity is told
/// apart from a forged one, and nobody can make one without the key.
public enum CheckInCode {
    public static let step: TimeInterval = 30
    /// A code is accepted for this long after its step began.
    public static let maxAge: TimeInterval = 60

    public enum Refusal: Error, Equatable, Sendable {
        case malformed, otherActivity, expired, notYetValid, forged

        /// What the volunteer is told.
        public var message: String {
            switch self {
            case .malformed, .forged: "这不是有效的签到码，请扫描活动现场的二维码"
            case .otherActivity: "这是另一个活动的签到码，请扫描本活动现场的二维码"
            case .expired: "签到码已过期（超过 1 分钟），请扫描现场刷新后的二维码"
            case .notYetValid: "签到码的时间不对，请检查手机时间后重新扫描"
            }
        }
    }

    /// `<activity>-<step>-<signature>`, e.g. `42-59932814-k3h7q2m9xa`.
    public static func code(activityId: Int64, at moment: Date, key: SymmetricKey) -> String {
        let number = Int64((moment.timeIntervalSince1970 / step).rounded(.down))
        return "\(activityId)-\(number)-\(signature(activityId: activityId, step: number, key: key))"
    }

    /// Why `text` is refused for `activityId` at `now`; nil when it is accepted.
    public static func refusal(_ text: String, activityId: Int64, now: Date, key: SymmetricKey) -> Refusal? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let activity = Int64(parts[0]), let number = Int64(parts[1]), parts[2].count == 10 else {
            return .malformed
        }
        guard signature(activityId: activity, step: number, key: key) == parts[2] else { return .forged }
        guard activity == activityId else { return .otherActivity }
        let began = Double(number) * step
        let age = now.timeIntervalSince1970 - began
        if age < -step { return .notYetValid }
        if age > maxAge { return .expired }
        return nil
    }

    /// The first 50 bits of HMAC-SHA256, as 10 base-32 letters (no 0/1/i/o to misread).
    static func signature(activityId: Int64, step: Int64, key: SymmetricKey) -> String {
        let mac = Array(HMAC<SHA256>.authenticationCode(for: Data("checkin:\(activityId):\(step)".utf8), using: key))
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var bits = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var letters: [Character] = []
        for _ in 0..<10 {
            letters.append(alphabet[Int(bits % UInt64(alphabet.count))])
            bits /= UInt64(alphabet.count)
        }
        return String(letters)
    }
}

/// 个人码 — the code on a volunteer's phone that the organiser scans for people who cannot
/// scan themselves: it names the sign-up and is signed, so it cannot be made up.
public enum PersonalCode {
    /// `P<sign-up>-<signature>`.
    public static func code(signUpId: Int64, key: SymmetricKey) -> String {
        "P\(signUpId)-\(CheckInCode.signature(activityId: -signUpId, step: 0, key: key))"
    }

    /// The sign-up a code names, if it is genuine.
    public static func signUpId(_ text: String, key: SymmetricKey) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("P"), let dash = trimmed.firstIndex(of: "-"),
              let id = Int64(trimmed[trimmed.index(after: trimmed.startIndex)..<dash]), id > 0 else { return nil }
        return code(signUpId: id, key: key) == trimmed ? id : nil
    }
}
