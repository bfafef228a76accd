import Foundation

extension String {
    /// Percent-encodes everything but ASCII letters, digits and `-._~`, for query values and
    /// cookie values. (`CharacterSet.alphanumerics` would let Chinese characters through raw.)
    public var urlQueryEscaped: String {
        var allowed = CharacterSet()
        allowed.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
