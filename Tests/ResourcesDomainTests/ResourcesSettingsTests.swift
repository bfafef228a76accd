import Resources
import Testing

@Suite("五社资源 settings: the common defaults, a district's own values, and unusable values named")
struct ResourcesSettingsTests {
    @Test func withNothingSetTheDefaultsApply() {
        let settings = ResourcesSettings(environment: [:])
        #expect(settings.weights == .standard && settings.weights.loadCeiling == 10)
        #expect(settings.initialCheckWorkingDays == 5 && settings.spaceReturnDays == 30 && settings.certifiedShareTarget == 35)
        #expect(settings.fields == ["社会救助", "养老", "儿童", "社区治理", "社会事务", "平安建设"])
        #expect(settings.problems.isEmpty)
    }

    @Test func aDistrictsOwnValuesAreRead() {
        let settings = ResourcesSettings(environment: [
            "LINLI_MATCH_WEIGHTS": "service=50,area=30", "LINLI_MATCH_LOAD_CEILING": "6", "LINLI_INCUBATION_CHECK_DAYS": "10",
            "LINLI_INCUBATION_RETURN_DAYS": "15", "LINLI_CERTIFIED_SHARE_TARGET": "50", "LINLI_SERVICE_FIELDS": "养老，助残, 儿童",
        ])
        #expect(settings.weights.service == 50 && settings.weights.area == 30 && settings.weights.load == 15 && settings.weights.loadCeiling == 6)
        #expect(settings.initialCheckWorkingDays == 10 && settings.spaceReturnDays == 15 && settings.certifiedShareTarget == 50)
        #expect(settings.fields == ["养老", "助残", "儿童"])
        #expect(settings.problems.isEmpty)
    }

    @Test func unusableValuesAreNamedAndTheDefaultsKept() {
        let settings = ResourcesSettings(environment: [
            "LINLI_MATCH_WEIGHTS": "speed=3", "LINLI_INCUBATION_CHECK_DAYS": "0", "LINLI_CERTIFIED_SHARE_TARGET": "百分之三十五",
            "LINLI_SERVICE_FIELDS": "养老,养老",
        ])
        #expect(settings.weights == .standard && settings.initialCheckWorkingDays == 5 && settings.certifiedShareTarget == 35)
        #expect(settings.fields == ResourcesSettings.beilinFields)
        #expect(settings.problems.count == 4)
        #expect(settings.problems.contains("LINLI_INCUBATION_CHECK_DAYS（孵化初审工作日）应为 1 到 60 之间的整数"))
    }
}
