import Foundation
import LinliKit

/// 走访方式
public enum VisitMethod: String, Sendable, Codable, CaseIterable {
    /// 入户
    case home
    /// 电话
    case phone
    /// 视频
    case video
    /// 代办时顺访 — seen while doing an errand for them
    case errand

    public var label: String {
        switch self {
        case .home: "入户"
        case .phone: "电话"
        case .video: "视频"
        case .errand: "代办时顺访"
        }
    }

    public static func parse(_ text: String) -> VisitMethod? {
        VisitMethod(rawValue: text) ?? allCases.first { $0.label == text }
    }
}

/// How often a class of people is visited: at least once in every calendar week (Monday to
/// Sunday), month or quarter, China Standard Time — the periods the visit rate is counted in.
public enum Cadence: String, Sendable, Codable, CaseIterable {
    case weekly, monthly, quarterly

    public var label: String {
        switch self {
        case .weekly: "每周"
        case .monthly: "每月"
        case .quarterly: "每季度"
        }
    }

    /// The period containing `date`: its first moment and the first moment after it.
    public func period(containing date: Date) -> (start: Date, end: Date) {
        let r = ChinaStandardTime.reading(date)
        switch self {
        case .weekly:
            let today = ChinaStandardTime.days(year: r.year, month: r.month, day: r.day)
            let monday = today - Int64(r.isoWeekday - 1)
            return (Self.midnight(monday), Self.midnight(monday + 7))
        case .monthly:
            return (ChinaStandardTime.startOfDay(year: r.year, month: r.month, day: 1), Self.monthStart(r.year, r.month + 1))
        case .quarterly:
            let first = (r.month - 1) / 3 * 3 + 1
            return (ChinaStandardTime.startOfDay(year: r.year, month: first, day: 1), Self.monthStart(r.year, first + 3))
        }
    }

    static func midnight(_ days: Int64) -> Date { Date(timeIntervalSince1970: Double(days * 86_400 - ChinaStandardTime.offsetSeconds)) }

    static func monthStart(_ year: Int, _ month: Int) -> Date {
        month > 12 ? ChinaStandardTime.startOfDay(year: year + 1, month: month - 12, day: 1)
            : ChinaStandardTime.startOfDay(year: year, month: month, day: 1)
    }
}

/// 走访对象类别 — e.g. 高风险 (weekly, and within hours of a major event), 重点 (monthly), 一般 (quarterly).
public struct VisitClass: Sendable, Codable, Equatable {
    /// Short English code, e.g. `high`: what plans and visits store.
    public var code: String
    public var name: String
    public var cadence: Cadence
    /// The ways a visit of this class may be made.
    public var methods: [VisitMethod]
    /// Whether a declared major event (寒潮, 暴雨 …) makes these people due within `eventHours`.
    public var onMajorEvents: Bool

    public init(code: String, name: String, cadence: Cadence, methods: [VisitMethod], onMajorEvents: Bool) {
        self.code = code
        self.name = name
        self.cadence = cadence
        self.methods = methods
        self.onMajorEvents = onMajorEvents
    }
}

/// Who falls in a class: anyone carrying one of `anyTags`, aged at least `minAge` when given.
public struct VisitRule: Sendable, Codable, Equatable {
    public var anyTags: [String]
    public var minAge: Int?
    public var visitClass: String

    public init(anyTags: [String], minAge: Int? = nil, visitClass: String) {
        self.anyTags = anyTags
        self.minAge = minAge
        self.visitClass = visitClass
    }

    func matches(tags: Set<String>, age: Int?) -> Bool {
        guard anyTags.contains(where: tags.contains) else { return false }
        guard let minAge else { return true }
        return (age ?? -1) >= minAge
    }
}

/// 走访定时 — a district's visit rules, versioned: the first rule a person matches gives their
/// class; nobody matching no rule is in the plan. Defaults and their sources: docs/grid-work.md.
public struct VisitRules: Sendable, Codable, Equatable {
    public var version: Int
    public var classes: [VisitClass]
    public var rules: [VisitRule]
    /// A high-risk person is due this many hours after a major event is declared for their place.
    public var eventHours: Int
    /// Someone newly in care is due by the end of the period, but never sooner than this many days.
    public var newcomerDays: Int

    public init(version: Int, classes: [VisitClass], rules: [VisitRule], eventHours: Int, newcomerDays: Int) {
        self.version = version
        self.classes = classes
        self.rules = rules
        self.eventHours = eventHours
        self.newcomerDays = newcomerDays
    }

    /// 民政部等10部门《关于开展特殊困难老年人探访关爱服务的指导意见》(2022) and the local rules
    /// built on it: 高风险 (80+ living alone or empty-nest, seriously ill) weekly and within 24 h
    /// of a major event; 重点 (disabled 60+, 特困) monthly; everyone else in care quarterly.
    public static let defaults = VisitRules(
        version: 0,
        classes: [
            VisitClass(code: "high", name: "高风险", cadence: .weekly, methods: [.home, .video, .errand], onMajorEvents: true),
            VisitClass(code: "key", name: "重点", cadence: .monthly, methods: VisitMethod.allCases, onMajorEvents: false),
            VisitClass(code: "ordinary", name: "一般", cadence: .quarterly, methods: VisitMethod.allCases, onMajorEvents: false),
        ],
        rules: [
            VisitRule(anyTags: ["独居老人", "空巢老人"], minAge: 80, visitClass: "high"),
            VisitRule(anyTags: ["重病患者"], visitClass: "high"),
            VisitRule(anyTags: ["残疾人"], minAge: 60, visitClass: "key"),
            VisitRule(anyTags: ["特困人员"], visitClass: "key"),
            VisitRule(anyTags: ["独居老人", "空巢老人", "高龄老人", "残疾人", "低保户", "留守儿童", "困境儿童", "孤儿", "重点关爱"],
                      visitClass: "ordinary"),
        ],
        eventHours: 24, newcomerDays: 7)

    /// The class of someone with `tags` aged `age`, or nil when they are not in the plan.
    public func classify(tags: Set<String>, age: Int?) -> VisitClass? {
        guard let rule = rules.first(where: { $0.matches(tags: tags, age: age) }) else { return nil }
        return visitClass(rule.visitClass)
    }

    public func visitClass(_ code: String) -> VisitClass? { classes.first { $0.code == code } }

    /// Every tag some rule names.
    public var tags: Set<String> { Set(rules.flatMap(\.anyTags)) }

    /// The problems with these rules, by field; empty when they can be used.
    public func problems() -> [String: String] {
        var problems: [String: String] = [:]
        let codes = classes.map(\.code)
        if classes.isEmpty { problems["classes"] = "至少要有一个走访类别" }
        if Set(codes).count != codes.count { problems["classes"] = "走访类别的代码不能重复" }
        for c in classes {
            if c.code.isEmpty || c.code.count > 20 || !c.code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                problems["classes"] = "类别代码只能用 1–20 个英文字母或数字"
            }
            if c.name.trimmingWhitespace.isEmpty || c.name.count > 20 { problems["classes"] = "请填写类别名称（20 字以内）" }
            if c.methods.isEmpty { problems["classes"] = "「\(c.name)」至少要允许一种走访方式" }
        }
        if rules.isEmpty { problems["rules"] = "至少要有一条规则" }
        for rule in rules {
            if rule.anyTags.isEmpty { problems["rules"] = "每条规则至少要有一个标签" }
            if !codes.contains(rule.visitClass) { problems["rules"] = "规则引用了不存在的类别「\(rule.visitClass)」" }
            if let age = rule.minAge, !(0...130).contains(age) { problems["rules"] = "年龄应在 0–130 之间" }
        }
        if !(1...168).contains(eventHours) { problems["eventHours"] = "重大事件后的走访时限应在 1–168 小时之间" }
        if !(0...90).contains(newcomerDays) { problems["newcomerDays"] = "新纳入对象的首访宽限应在 0–90 天之间" }
        return problems
    }
}
