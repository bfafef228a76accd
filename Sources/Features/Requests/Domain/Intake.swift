import Foundation
import LinliKit

/// What someone fills in to make a request, from a form, the API or Open311.
public struct RequestDraft: Sendable {
    public var itemId: Int64?
    public var itemCode: String?
    public var description: String
    public var answers: Answers
    /// The household or other region node it concerns.
    public var regionId: Int64?
    /// Where exactly, in words (e.g. 3号楼东侧路灯).
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    public var contactName: String?
    public var phone: String?
    public var anonymous: Bool
    public var channel: IntakeChannel
    public var photos: [Data]
    /// A key the client makes once per form: a retried or double-clicked submit returns the
    /// request the first one made.
    public var idempotencyKey: String?
    /// What the request was raised from, as `visit:12` or `patrol:3` (a grid worker's visit or
    /// patrol): the feature that raised it finds it again by this (`RequestService.raised(from:)`).
    public var origin: String?

    public init(itemId: Int64? = nil, itemCode: String? = nil, description: String = "", answers: Answers = [:], regionId: Int64? = nil,
                address: String? = nil, latitude: Double? = nil, longitude: Double? = nil, contactName: String? = nil,
                phone: String? = nil, anonymous: Bool = false, channel: IntakeChannel = .selfService, photos: [Data] = [],
                idempotencyKey: String? = nil, origin: String? = nil) {
        self.itemId = itemId
        self.itemCode = itemCode
        self.description = description
        self.answers = answers
        self.regionId = regionId
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.contactName = contactName
        self.phone = phone
        self.anonymous = anonymous
        self.channel = channel
        self.photos = photos
        self.idempotencyKey = idempotencyKey
        self.origin = origin
    }
}

/// A draft that passed every check against its catalog item.
public struct ValidIntake: Sendable {
    public let description: String
    public let answers: Answers
    public let address: String?
    public let latitude: Double?
    public let longitude: Double?
    public let contactName: String?
    public let phone: PhoneNumber?
    public let anonymous: Bool
    public let photos: [ValidPhoto]
}

public enum IntakeRules {
    /// What a request may be raised from: `visit:12`, `patrol:3`.
    public static let originKinds: Set<String> = ["visit", "patrol"]

    public static func checkOrigin(_ origin: String?) throws {
        guard let origin else { return }
        let parts = origin.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, originKinds.contains(parts[0]), let id = Int64(parts[1]), id > 0 else {
            throw DomainError.invalid("origin", "来源应写成 visit:走访记录号 或 patrol:巡查记录号")
        }
    }

    public static let maxDescription = 2000
    /// A map point, in degrees (WGS-84).
    public static let latitudes: ClosedRange<Double> = -90...90
    public static let longitudes: ClosedRange<Double> = -180...180

    /// Every problem at once, each on its field, in zh-CN.
    public static func validate(_ draft: RequestDraft, item: CatalogItem) throws -> ValidIntake {
        var problems: [String: String] = [:]
        func collect<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch let error as DomainError { problems.merge(error.fields) { a, _ in a }; return nil } catch { return nil }
        }
        if !item.active { problems["itemId"] = "“\(item.name)”已停止受理" }
        if !item.channels.contains(draft.channel) { problems["channel"] = "“\(item.name)”不通过\(draft.channel.label)受理" }
        if draft.anonymous && !item.allowsAnonymous { problems["anonymous"] = "“\(item.name)”不接受匿名反映" }
        let description = draft.description.trimmingWhitespace
        if description.isEmpty { problems["description"] = "请描述您的诉求" }
        if description.count > maxDescription { problems["description"] = "描述不能超过 \(maxDescription) 字" }
        if hasControlCharacters(description) { problems["description"] = "描述含有不可见的控制字符" }
        let address = draft.address?.trimmingWhitespace.nilIfEmpty
        if let address, address.count > 200 || hasControlCharacters(address) { problems["address"] = "地点说明不能超过 200 字" }
        if let lat = draft.latitude, !latitudes.contains(lat) { problems["lat"] = "纬度应在 -90 到 90 之间" }
        if let long = draft.longitude, !longitudes.contains(long) { problems["long"] = "经度应在 -180 到 180 之间" }
        if (draft.latitude == nil) != (draft.longitude == nil) { problems["long"] = "经纬度须同时填写" }
        let name = draft.anonymous ? nil : draft.contactName?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        if let name, name.count > 50 || hasControlCharacters(name) { problems["contactName"] = "联系人不能超过 50 个字" }
        let phone = draft.anonymous ? nil : draft.phone?.trimmingCharacters(in: .whitespaces).nilIfEmpty.flatMap { text in collect { try PhoneNumber(text) } }
        let answers = collect { try AnswerRules.validate(draft.answers, questions: item.questions) }
        let photos = collect { try PhotoRules.validate(draft.photos) }
        guard problems.isEmpty, let answers, let photos else { throw DomainError.invalid(fields: problems) }
        return ValidIntake(description: description, answers: answers, address: address, latitude: draft.latitude, longitude: draft.longitude,
                           contactName: name, phone: phone, anonymous: draft.anonymous, photos: photos)
    }

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r" }
    }

    /// 查询码: 12 characters without 0/O, 1/I/L, so it can be read out over the phone.
    public static let trackingAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    public static func newTrackingCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in trackingAlphabet.randomElement(using: &generator)! })
    }

    /// Accepts what people type: lower case, spaces and dashes.
    public static func normalisedTrackingCode(_ text: String) -> String {
        String(text.uppercased().filter { $0 != " " && $0 != "-" })
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
