import LinliKit

/// The district's local rules for 五社资源 (docs/resources.md cites each default):
/// - `LINLI_MATCH_WEIGHTS`, `LINLI_MATCH_LOAD_CEILING`: the ranking's weights (`MatchWeights`);
/// - `LINLI_INCUBATION_CHECK_DAYS`: working days a hub has for 初审 (default 5);
/// - `LINLI_INCUBATION_RETURN_DAYS`: days after 出壳 for the space to come back (default 30);
/// - `LINLI_CERTIFIED_SHARE_TARGET`: the share of certified social workers a community aims
///   at, in percent (default 35, Tieshan's target);
/// - `LINLI_SERVICE_FIELDS`: the fields organisations serve in, comma-separated (default
///   Beilin's six).
/// - `LINLI_MATCH_CERTIFICATES`: the least 社工证书 an item asks of who takes it, as
///   `CJ06=intermediate,ET02=assistant` (item code = assistant / intermediate / senior, or
///   `none`); an item not named asks 助理社会工作师 when its handler type is 社工, else none.
/// A value that cannot be used keeps the default and is listed, in zh-CN, in `problems`.
public struct ResourcesSettings: FeatureSettings {
    public static let beilinFields = ["社会救助", "养老", "儿童", "社区治理", "社会事务", "平安建设"]

    public var weights = MatchWeights.standard
    public var initialCheckWorkingDays = 5
    public var spaceReturnDays = 30
    public var certifiedShareTarget = 35
    public var fields = beilinFields
    /// Item code → the least certificate, or nil where the district asks none of that item.
    public var certificates: [String: CertificateLevel?] = [:]
    /// What the environment said that cannot be used, in zh-CN.
    public var problems: [String] = []

    public init(environment: [String: String]) {
        switch MatchWeights.parse(weights: environment["LINLI_MATCH_WEIGHTS"], loadCeiling: environment["LINLI_MATCH_LOAD_CEILING"]) {
        case .success(let parsed): weights = parsed
        case .failure(let refusal): problems.append(refusal.message)
        }
        func number(_ name: String, _ range: ClosedRange<Int>, _ label: String) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text.trimmingWhitespace), range.contains(value) else {
                problems.append("\(name)（\(label)）应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数")
                return nil
            }
            return value
        }
        if let days = number("LINLI_INCUBATION_CHECK_DAYS", 1...60, "孵化初审工作日") { initialCheckWorkingDays = days }
        if let days = number("LINLI_INCUBATION_RETURN_DAYS", 1...365, "出壳后交还场地天数") { spaceReturnDays = days }
        if let share = number("LINLI_CERTIFIED_SHARE_TARGET", 0...100, "持证社工占比目标") { certifiedShareTarget = share }
        if let text = environment["LINLI_MATCH_CERTIFICATES"], !text.trimmingWhitespace.isEmpty {
            for part in text.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
                guard pair.count == 2, !pair[0].isEmpty, pair[1] == "none" || CertificateLevel(rawValue: pair[1]) != nil else {
                    problems.append("LINLI_MATCH_CERTIFICATES 中“\(part)”应写成 事项编码=assistant、intermediate、senior 或 none")
                    continue
                }
                certificates[pair[0]] = CertificateLevel(rawValue: pair[1])
            }
        }
        if let text = environment["LINLI_SERVICE_FIELDS"] {
            let names = text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            if names.isEmpty || names.count > 30 || names.contains(where: { $0.count > 20 }) || Set(names).count != names.count {
                problems.append("LINLI_SERVICE_FIELDS（服务领域）应为 1–30 个不重复的名称，每个 20 字以内，用逗号分隔")
            } else {
                fields = names
            }
        }
    }

    /// The least certificate the item asks: the district's word for its code, else 助理社会工作师
    /// for an item social workers handle.
    public func certificate(itemCode: String, handledBySocialWorkers: Bool) -> CertificateLevel? {
        if let rule = certificates[itemCode] { return rule }
        return handledBySocialWorkers ? .assistant : nil
    }
}
