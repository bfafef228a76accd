import Foundation
import LinliKit
@testable import Residents
import Testing

@Suite("A resident's hand-written JSON is the encoder's text")
struct ResidentJSONTests {
    @Test func everyFieldSetOrLeftOutGivesTheEncodersText() throws {
        let full = Resident(id: 42, regionId: 7, regionPath: "/1/2/3/7/", address: "一街道一社区1号楼1单元101", name: "欧阳娜娜",
                            gender: .female, birthDate: "1950-03-08", idNumberMasked: "610102********1234", phoneMasked: "139****5678",
                            ethnicity: "汉族", politicalStatus: PoliticalStatus.allCases.first, relation: Relation.allCases.first,
                            status: .registered, notes: "独居，\"每周\"探访\n/子女在外地", tags: ["独居老人", "低保"], updatedAt: 1_795_395_600_000)
        let bare = Resident(id: 1, regionId: 7, regionPath: "/1/", address: "", name: "王", gender: nil, birthDate: nil, idNumberMasked: nil,
                            phoneMasked: nil, ethnicity: nil, politicalStatus: nil, relation: nil, status: ResidenceStatus.allCases.last!,
                            notes: nil, tags: [], updatedAt: 0)
        for resident in [full, bare] {
            #expect(JSONWriter.text(resident) == (try JSONEncoder.canonicalText(resident)))
        }
    }
}
