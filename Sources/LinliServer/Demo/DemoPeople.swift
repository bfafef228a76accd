import Foundation
import LinliKit
import Residents

/// Deterministic, plausible residents for demos and benchmarks: the same seed always gives
/// the same people (SplitMix64), with common surnames, two- and three-character names, valid
/// ID numbers for the district's prefix, mobile numbers and tags at realistic shares.
struct DemoPeople {
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
    static let givenMale = Array("伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文博东海亮成")
    static let givenFemale = Array("芳娜敏静丽艳娟霞秀英慧玲婷雪琳颖倩洁燕萍红梅莉兰凤琴云晶欣怡佳悦露瑶")

    var random: SeededRandom
    let districtPrefix: String
    var sequence = 0
    /// Issued numbers: one ID number is one person.
    var issued: Set<String> = []

    init(seed: UInt64, districtPrefix: String) {
        random = SeededRandom(seed: seed)
        self.districtPrefix = districtPrefix
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ p: Double) -> Bool { Double(random.next() % 10_000) / 10_000 < p }
    mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }

    mutating func name(male: Bool, surname: Character? = nil) -> String {
        let given = male ? Self.givenMale : Self.givenFemale
        var text = String(surname ?? pick(Self.surnames)) + String(pick(given))
        if chance(0.55) { text += String(pick(given)) }
        return text
    }

    /// A valid 18-digit ID number: this district's prefix, the birth date, a sequence whose
    /// last digit is odd for men, and the check character.
    mutating func idNumber(birth: (Int, Int, Int), male: Bool) -> String {
        while true {
            sequence += 1
            let order = (sequence % 500) * 2 + (male ? 1 : 0)
            let number = IDNumber.completing(districtPrefix + String(format: "%04d%02d%02d%03d", birth.0, birth.1, birth.2, order))
            if issued.insert(number).inserted { return number }
        }
    }

    mutating func phone() -> String {
        pick(["139", "138", "137", "136", "135", "158", "159", "186", "187", "188", "150", "151", "177", "199"])
            + String(format: "%08d", below(100_000_000))
    }

    mutating func birth(age: Int, thisYear: Int) -> (Int, Int, Int) {
        (thisYear - age - 1, below(12) + 1, below(28) + 1)
    }

    mutating func person(regionId: Int64, name: String, male: Bool, age: Int, relation: Relation, tags: [String], thisYear: Int) -> ResidentDraft {
        let birth = self.birth(age: age, thisYear: thisYear)
        let hasID = age >= 16 || chance(0.5)
        let status: ResidenceStatus = chance(0.12) ? .floating : (chance(0.2) ? .resident : .registered)
        var tags = tags
        if status == .floating { tags.append("流动人口") }
        let political: PoliticalStatus = age >= 18 && chance(0.12) ? .partyMember : (age >= 14 && age < 28 && chance(0.4) ? .leagueMember : .masses)
        if political == .partyMember { tags.append("党员") }
        return ResidentDraft(regionId: regionId, name: name, gender: male ? .male : .female,
                             birthDate: String(format: "%04d-%02d-%02d", birth.0, birth.1, birth.2),
                             idNumber: hasID ? idNumber(birth: birth, male: male) : nil,
                             phone: age >= 18 && age < 85 ? phone() : nil,
                             ethnicity: chance(0.95) ? "汉族" : pick(["回族", "满族", "蒙古族"]),
                             politicalStatus: political, relation: relation, status: status, notes: nil, tags: tags)
    }

    /// One household: a head, often a spouse, sometimes children; some elderly live alone.
    mutating func household(regionId: Int64, thisYear: Int, children maxChildren: Int = 2) -> [ResidentDraft] {
        let headMale = chance(0.6)
        let surname = pick(Self.surnames)
        let alone = chance(0.08)
        let headAge = alone ? 70 + below(25) : 28 + below(50)
        var headTags: [String] = []
        if alone { headTags.append("独居老人") }
        if headAge >= 80 { headTags.append("高龄老人") }
        if chance(0.03) { headTags.append("残疾人") }
        if chance(0.03) { headTags.append("低保户") }
        if chance(0.02) { headTags.append("退役军人") }
        var people = [person(regionId: regionId, name: name(male: headMale, surname: surname), male: headMale, age: headAge,
                             relation: .head, tags: headTags, thisYear: thisYear)]
        if alone { return people }
        if chance(0.8) {
            let age = max(22, headAge + below(7) - 3)
            people.append(person(regionId: regionId, name: name(male: !headMale), male: !headMale, age: age, relation: .spouse,
                                 tags: age >= 80 ? ["高龄老人"] : [], thisYear: thisYear))
        }
        if headAge < 60 {
            for _ in 0..<below(maxChildren + 1) {
                let male = chance(0.5)
                let age = below(headAge - 22)
                people.append(person(regionId: regionId, name: name(male: male, surname: surname), male: male, age: age,
                                     relation: .child, tags: age < 16 && chance(0.05) ? ["留守儿童"] : [], thisYear: thisYear))
            }
        }
        return people
    }
}
