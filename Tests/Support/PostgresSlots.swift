/// At most `count` test databases on the test cluster at once. Swift Testing starts every test
/// at once, and each open system keeps a pool of up to 16 connections (4 always open): with
/// more than a few dozen open together the cluster's `max_connections` (300, scripts/test) ran
/// out and the pools' circuit breakers failed unrelated tests.
actor PostgresSlots {
    static let shared = PostgresSlots(count: 16)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
