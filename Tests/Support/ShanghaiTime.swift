import Foundation
import Requests

/// A moment at a given Shanghai wall time, e.g. `shanghai("2026-11-23", 9)`.
public func shanghai(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
    LocalDay(day)!.start!.addingTimeInterval(Double(hour * 3600 + minute * 60))
}
