import LinliKit

/// 资源匹配 — who can meet a need: organisations, social workers and volunteer teams ranked by
/// what they offer, where they serve, how much they hold now, how residents rated them, and
/// the certificate the item asks for. Plain values in, a ranked list with every point's
/// reason out; the service gathers the figures and the dispatcher decides.
public enum Matching {
    /// What a need asks: the catalog item, the place (a region path), the least certificate.
    public struct Need: Sendable, Equatable {
        public let itemId: Int64, itemName: String, placePath: String, placeName: String
        public let certificate: CertificateLevel?
        public init(itemId: Int64, itemName: String, placePath: String, placeName: String, certificate: CertificateLevel? = nil) {
            (self.itemId, self.itemName, self.placePath, self.placeName, self.certificate) = (itemId, itemName, placePath, placeName, certificate)
        }
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case organisation, socialWorker = "social_worker", volunteerTeam = "volunteer_team"
        public var label: String {
            switch self {
            case .organisation: "社会组织"
            case .socialWorker: "社工"
            case .volunteerTeam: "志愿服务队"
            }
        }
    }

    /// One who might take it, with the figures the ranking weighs.
    public struct Candidate: Sendable, Equatable {
        public let kind: Kind, id: Int64, name: String
        /// Catalog items it offers.
        public let services: Set<Int64>
        /// Region paths it serves.
        public let areas: [String]
        /// 在办 — requests it holds now.
        public let openLoad: Int
        /// Residents' ratings of what it handled: how many, and their mean (1–5).
        public let ratings: Int, meanRating: Double
        /// The highest certificate it holds (a worker's own; an organisation's best worker's).
        public let certificate: CertificateLevel?
        public init(kind: Kind, id: Int64, name: String, services: Set<Int64>, areas: [String], openLoad: Int, ratings: Int = 0,
                    meanRating: Double = 0, certificate: CertificateLevel? = nil) {
            (self.kind, self.id, self.name, self.services, self.areas) = (kind, id, name, services, areas)
            (self.openLoad, self.ratings, self.meanRating, self.certificate) = (openLoad, ratings, meanRating, certificate)
        }
    }

    /// One line of a score: what was weighed, the points it gave out of its weight, and why.
    public struct Reason: Sendable, Equatable {
        public let factor: Factor, points: Double, weight: Double, text: String
    }

    public enum Factor: String, Sendable, Codable, CaseIterable {
        case service, area, load, rating, certificate
        public var label: String {
            switch self {
            case .service: "提供此项服务"
            case .area: "服务范围"
            case .load: "在办数量"
            case .rating: "居民评价"
            case .certificate: "职业资格"
            }
        }
    }

    public struct Ranked: Sendable, Equatable {
        public let candidate: Candidate, score: Double, reasons: [Reason]
        /// Offers the service and serves the place: what a dispatch to it needs.
        public let fits: Bool
    }

    /// Best first; on equal scores, fewer in hand, then by name, then id (a stable order).
    public static func rank(_ need: Need, _ candidates: [Candidate], weights: MatchWeights = .standard) -> [Ranked] {
        candidates.map { score(need, $0, weights: weights) }.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.candidate.openLoad != b.candidate.openLoad { return a.candidate.openLoad < b.candidate.openLoad }
            if a.candidate.name != b.candidate.name { return a.candidate.name < b.candidate.name }
            return (a.candidate.kind.rawValue, a.candidate.id) < (b.candidate.kind.rawValue, b.candidate.id)
        }
    }

    static func score(_ need: Need, _ c: Candidate, weights w: MatchWeights) -> Ranked {
        var reasons: [Reason] = []
        let offers = c.services.contains(need.itemId)
        reasons.append(Reason(factor: .service, points: offers ? w.service : 0, weight: w.service,
                              text: offers ? "提供「\(need.itemName)」" : "未登记提供「\(need.itemName)」"))
        let serves = c.areas.contains { need.placePath.hasPrefix($0) }
        reasons.append(Reason(factor: .area, points: serves ? w.area : 0, weight: w.area,
                              text: serves ? "服务范围包含\(need.placeName)" : "服务范围不包含\(need.placeName)"))
        let free = max(0, 1 - Double(c.openLoad) / Double(w.loadCeiling))
        reasons.append(Reason(factor: .load, points: w.load * free, weight: w.load,
                              text: c.openLoad == 0 ? "目前没有在办诉求" : c.openLoad >= w.loadCeiling
                                ? "在办 \(c.openLoad) 件，已达 \(w.loadCeiling) 件上限" : "在办 \(c.openLoad) 件"))
        if c.ratings == 0 {
            reasons.append(Reason(factor: .rating, points: w.rating / 2, weight: w.rating, text: "暂无居民评价，按中等计"))
        } else {
            let mean = min(5, max(1, c.meanRating))
            reasons.append(Reason(factor: .rating, points: w.rating * (mean - 1) / 4, weight: w.rating,
                                  text: "居民评价 \(c.ratings) 次，平均 \(Self.oneDecimal(mean)) 分"))
        }
        if let asked = need.certificate {
            let held = c.certificate.map { $0 >= asked } ?? false
            let whose = c.kind == .socialWorker ? "" : "有社工"
            reasons.append(Reason(factor: .certificate, points: held ? w.certificate : 0, weight: w.certificate,
                                  text: held ? "\(whose)持\(c.certificate!.label)证书（此项要求\(asked.label)及以上）"
                                    : "此项要求\(asked.label)及以上证书，\(c.certificate.map { "现为\($0.label)" } ?? "未登记证书")"))
        }
        let total = reasons.reduce(0) { $0 + $1.points }
        let possible = reasons.reduce(0) { $0 + $1.weight }
        let score = possible > 0 ? (total / possible * 1000).rounded() / 10 : 0
        return Ranked(candidate: c, score: score, reasons: reasons, fits: offers && serves)
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// The weights of the ranking, a district's setting (docs/resources.md says why these):
/// `LINLI_MATCH_WEIGHTS` as `service=40,area=25,load=15,rating=15,certificate=5`, and
/// `LINLI_MATCH_LOAD_CEILING` (open requests at which the load share is spent; default 10).
/// A score is the points won out of the weights that apply, as a percentage.
public struct MatchWeights: Sendable, Equatable {
    public var service = 40.0, area = 25.0, load = 15.0, rating = 15.0, certificate = 5.0
    public var loadCeiling = 10

    public static let standard = MatchWeights()
    public init() {}

    /// The setting as written, or the zh-CN reason it cannot be used.
    public static func parse(weights text: String?, loadCeiling: String?) -> Result<MatchWeights, MatchWeightsRefusal> {
        var weights = MatchWeights()
        if let text, !text.trimmingWhitespace.isEmpty {
            for part in text.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
                guard pair.count == 2, let factor = Matching.Factor(rawValue: pair[0]) else {
                    return .failure(.unknown(String(part)))
                }
                guard let value = Double(pair[1]), value >= 0, value <= 100, value.isFinite else { return .failure(.value(pair[0])) }
                switch factor {
                case .service: weights.service = value
                case .area: weights.area = value
                case .load: weights.load = value
                case .rating: weights.rating = value
                case .certificate: weights.certificate = value
                }
            }
            if weights.service + weights.area + weights.load + weights.rating + weights.certificate <= 0 { return .failure(.allZero) }
        }
        if let loadCeiling {
            guard let ceiling = Int(loadCeiling), (1...1000).contains(ceiling) else { return .failure(.ceiling) }
            weights.loadCeiling = ceiling
        }
        return .success(weights)
    }
}

public enum MatchWeightsRefusal: Error, Equatable, Sendable {
    case unknown(String), value(String), allZero, ceiling
    public var message: String {
        switch self {
        case .unknown(let part): "匹配权重“\(part)”不认识：应写成 service=40,area=25,load=15,rating=15,certificate=5"
        case .value(let name): "匹配权重 \(name) 应为 0 到 100 之间的数"
        case .allZero: "匹配权重不能全为 0"
        case .ceiling: "在办上限应为 1 到 1000 之间的整数"
        }
    }
}
