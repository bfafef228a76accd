import Foundation

/// Features that keep something derived from registry residents (their care tags, their
/// age, where they live — a visit plan, say) are told which residents changed, inside the
/// transaction that changed them. The residents feature calls every feature's listeners
/// (`FeatureContext.residentListeners`); it never names them. A listener must stay cheap for
/// a large batch (an import of a million rows calls it once per batch): queue the work
/// rather than do it there when the batch is big.
public protocol ResidentChangeListener: Sendable {
    func residentsChanged(_ tx: Tx, ids: [Int64], at now: Date) async throws
}
