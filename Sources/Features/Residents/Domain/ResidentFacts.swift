import LinliKit

/// 性别
public enum Gender: String, Sendable, Codable, CaseIterable {
    case male, female
    public var label: String { self == .male ? "男" : "女" }
    public static func parse(_ text: String) -> Gender? { Gender(rawValue: text) ?? allCases.first { $0.label == text } }
}

/// 户籍 / 常住 / 流动 — how a person belongs to the place.
public enum ResidenceStatus: String, Sendable, Codable, CaseIterable {
    /// 户籍人口 — registered here
    case registered
    /// 常住人口 — lives here, registered elsewhere, for six months or more
    case resident
    /// 流动人口 — floating population
    case floating

    public var label: String {
        switch self {
        case .registered: "户籍"
        case .resident: "常住"
        case .floating: "流动"
        }
    }
    public static func parse(_ text: String) -> ResidenceStatus? {
        ResidenceStatus(rawValue: text) ?? allCases.first { $0.label == text || $0.label + "人口" == text }
    }
}

/// 与户主关系
public enum Relation: String, Sendable, Codable, CaseIterable {
    case head, spouse, child, parent, grandparent, grandchild, sibling, other

    public var label: String {
        switch self {
        case .head: "户主"
        case .spouse: "配偶"
        case .child: "子女"
        case .parent: "父母"
        case .grandparent: "祖父母"
        case .grandchild: "孙子女"
        case .sibling: "兄弟姐妹"
        case .other: "其他"
        }
    }
    static let synonyms: [String: Relation] = [
        "本人": .head, "户主本人": .head, "妻": .spouse, "夫": .spouse, "妻子": .spouse, "丈夫": .spouse,
        "子": .child, "女": .child, "儿子": .child, "女儿": .child, "长子": .child, "长女": .child, "次子": .child, "次女": .child,
        "父亲": .parent, "母亲": .parent, "外祖父母": .grandparent, "祖父": .grandparent, "祖母": .grandparent,
        "孙子": .grandchild, "孙女": .grandchild, "外孙子女": .grandchild, "兄": .sibling, "弟": .sibling, "姐": .sibling, "妹": .sibling,
    ]
    public static func parse(_ text: String) -> Relation? {
        Relation(rawValue: text) ?? allCases.first { $0.label == text } ?? synonyms[text]
    }
}

/// 政治面貌
public enum PoliticalStatus: String, Sendable, Codable, CaseIterable {
    case partyMember = "party_member", probationary, leagueMember = "league_member", democraticParty = "democratic_party", masses

    public var label: String {
        switch self {
        case .partyMember: "中共党员"
        case .probationary: "中共预备党员"
        case .leagueMember: "共青团员"
        case .democraticParty: "民主党派"
        case .masses: "群众"
        }
    }
    public static func parse(_ text: String) -> PoliticalStatus? {
        PoliticalStatus(rawValue: text) ?? allCases.first { $0.label == text } ?? (text == "党员" ? .partyMember : text == "团员" ? .leagueMember : nil)
    }
}

/// 民族 — the 56 recognised ethnic groups, plus the two registry entries for others.
public enum Ethnicity {
    public static let all: [String] = [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
        "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
        "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他", "外国血统",
    ]
    static let known = Set(all)

    /// Accepts "汉族" or "汉".
    public static func parse(_ text: String) -> String? {
        if known.contains(text) { return text }
        if known.contains(text + "族") { return text + "族" }
        return nil
    }
}

/// 关爱对象标签 that every deployment starts with ("七助": 助老、助幼、助残、助孤、助病、助独、助特).
public enum DefaultTags {
    public static let all = ["独居老人", "空巢老人", "高龄老人", "残疾人", "低保户", "特困人员", "留守儿童", "困境儿童",
                             "孤儿", "重病患者", "退役军人", "流动人口", "党员", "重点关爱"]
}
