/// 孵化 — an organisation's way through a hub (社工总站 / 孵化基地): 申请入孵 → 初审 →
/// 签订协议 → 萌芽期 → 初创期 → 成长期 → 重点扶持 → 出壳, and the space given back. Each step
/// is allowed from certain stages only; the table says which (`IncubationTests` tries every
/// stage × step).
public enum IncubationStage: String, Sendable, Codable, CaseIterable {
    /// 已申请，待初审
    case applied
    /// 初审未通过
    case rejected
    /// 初审通过，待签协议
    case accepted
    /// 萌芽期
    case sprouting
    /// 初创期
    case startup
    /// 成长期
    case growing
    /// 重点扶持
    case keySupport = "key_support"
    /// 已出壳，场地待交还
    case exited
    /// 已出壳，孵化结束
    case graduated
    /// 已撤回申请或终止孵化
    case withdrawn

    public var label: String {
        switch self {
        case .applied: "待初审"
        case .rejected: "初审未通过"
        case .accepted: "待签协议"
        case .sprouting: "萌芽期"
        case .startup: "初创期"
        case .growing: "成长期"
        case .keySupport: "重点扶持"
        case .exited: "已出壳（场地待交还）"
        case .graduated: "已出壳"
        case .withdrawn: "已撤回或终止"
        }
    }

    /// In the hub: given support now.
    public var isIncubating: Bool { [.sprouting, .startup, .growing, .keySupport].contains(self) }
}

public enum IncubationStep: String, Sendable, Codable, CaseIterable {
    /// 初审通过 / 不通过
    case pass, fail
    /// 签订孵化协议 (period, space, support)
    case sign
    /// 进入下一阶段
    case advance
    /// 出壳
    case exit
    /// 交还场地
    case returnSpace = "return_space"
    /// 撤回申请或终止孵化
    case withdraw

    public var label: String {
        switch self {
        case .pass: "初审通过"
        case .fail: "初审不通过"
        case .sign: "签订孵化协议"
        case .advance: "进入下一阶段"
        case .exit: "出壳"
        case .returnSpace: "交还场地"
        case .withdraw: "撤回或终止"
        }
    }
}

public enum Incubation {
    /// The stage after `step`, or why the step cannot be taken now. `holdsSpace` says whether
    /// the agreement gave a space, which must come back before incubation ends.
    public static func apply(_ stage: IncubationStage, _ step: IncubationStep, holdsSpace: Bool) -> Result<IncubationStage, IncubationRefusal> {
        switch (stage, step) {
        case (.applied, .pass): .success(.accepted)
        case (.applied, .fail): .success(.rejected)
        case (.accepted, .sign): .success(.sprouting)
        case (.sprouting, .advance): .success(.startup)
        case (.startup, .advance): .success(.growing)
        case (.growing, .advance): .success(.keySupport)
        case (.growing, .exit), (.keySupport, .exit): .success(holdsSpace ? .exited : .graduated)
        case (.exited, .returnSpace): .success(.graduated)
        case (.applied, .withdraw), (.accepted, .withdraw), (.sprouting, .withdraw), (.startup, .withdraw), (.growing, .withdraw),
             (.keySupport, .withdraw):
            .success(.withdrawn)
        default: .failure(IncubationRefusal(stage: stage, step: step))
        }
    }
}

/// A step out of order, said as what the organisation is now and what the step needs.
public struct IncubationRefusal: Error, Equatable, Sendable {
    public let stage: IncubationStage, step: IncubationStep
    public init(stage: IncubationStage, step: IncubationStep) { (self.stage, self.step) = (stage, step) }

    public var message: String {
        let needs: String = switch step {
        case .pass, .fail: "只有待初审的申请可以初审"
        case .sign: "初审通过后才能签订孵化协议"
        case .advance: "只有萌芽期、初创期、成长期可以进入下一阶段"
        case .exit: "成长期或重点扶持阶段才能出壳"
        case .returnSpace: "出壳后才交还场地"
        case .withdraw: "孵化已结束，不能撤回或终止"
        }
        return "现为「\(stage.label)」，不能\(step.label)：\(needs)"
    }
}

/// One organisation's incubation at a hub, as kept.
public struct IncubationRecord: Sendable, Equatable {
    public let id: Int64, organisationId: Int64, organisationName: String, hubName: String, regionPath: String
    public let stage: IncubationStage, appliedAt: Int64
    /// 初审 deadline: the application's working days after it came in.
    public let checkDue: Int64
    /// 孵化协议: its period (days, `2026-03-01`), the space given (empty: none) and the support.
    public let agreementFrom: String?, agreementTo: String?, space: String, support: String
    public let exitedAt: Int64?, spaceDue: Int64?
    public var holdsSpace: Bool { !space.isEmpty }

    /// Waiting on the hub past its limit: 初审 or the space's return.
    public func overdue(at now: Int64) -> Bool {
        (stage == .applied && now > checkDue) || (stage == .exited && (spaceDue.map { now > $0 } ?? false))
    }
}

/// A line of an incubation's record: a step, a 里程碑 or a 导师意见.
public struct IncubationEvent: Sendable, Equatable {
    public let kind: String, stage: IncubationStage, text: String, by: String, at: Int64
}
