import Resources
import Testing

@Suite("孵化: every stage × step, in order or refused in words")
struct IncubationTests {
    /// The allowed steps; every other pair of stage and step is refused.
    static let allowed: [IncubationStage: [IncubationStep: IncubationStage]] = [
        .applied: [.pass: .accepted, .fail: .rejected, .withdraw: .withdrawn],
        .accepted: [.sign: .sprouting, .withdraw: .withdrawn],
        .sprouting: [.advance: .startup, .withdraw: .withdrawn],
        .startup: [.advance: .growing, .withdraw: .withdrawn],
        .growing: [.advance: .keySupport, .exit: .exited, .withdraw: .withdrawn],
        .keySupport: [.exit: .exited, .withdraw: .withdrawn],
        .exited: [.returnSpace: .graduated],
    ]

    static let pairs = IncubationStage.allCases.flatMap { stage in IncubationStep.allCases.map { (stage, $0) } }

    @Test(arguments: pairs)
    func eachStepIsTakenOnlyFromItsStages(stage: IncubationStage, step: IncubationStep) {
        let result = Incubation.apply(stage, step, holdsSpace: true)
        if let next = Self.allowed[stage]?[step] {
            #expect(result == .success(next))
        } else {
            #expect(result == .failure(IncubationRefusal(stage: stage, step: step)))
            if case .failure(let refusal) = result { #expect(refusal.message.hasPrefix("现为「\(stage.label)」，不能\(step.label)：")) }
        }
    }

    @Test func withoutASpaceExitEndsIncubationAtOnce() {
        #expect(Incubation.apply(.growing, .exit, holdsSpace: false) == .success(.graduated))
        #expect(Incubation.apply(.keySupport, .exit, holdsSpace: false) == .success(.graduated))
    }

    @Test func theWholeWayThroughTheHub() throws {
        var stage = IncubationStage.applied
        for step in [IncubationStep.pass, .sign, .advance, .advance, .advance, .exit, .returnSpace] {
            stage = try Incubation.apply(stage, step, holdsSpace: true).get()
        }
        #expect(stage == .graduated)
        #expect(IncubationStage.allCases.filter(\.isIncubating) == [.sprouting, .startup, .growing, .keySupport])
    }

    @Test func aStepOutOfOrderSaysWhatItNeeds() {
        #expect(IncubationRefusal(stage: .applied, step: .sign).message == "现为「待初审」，不能签订孵化协议：初审通过后才能签订孵化协议")
    }
}
