/// A fixed set of resources handed out one holder at a time, waiting holders served in order.
/// Used for SQLite connections: one writer (so write transactions queue here instead of
/// spinning in SQLite's busy handler on a thread-pool thread) and a few readers.
actor AsyncPool<Resource: Sendable> {
    private var idle: [Resource]
    private var waiters: [CheckedContinuation<Resource, Never>] = []
    let all: [Resource]

    init(_ resources: [Resource]) {
        self.idle = resources
        self.all = resources
    }

    func acquire() async -> Resource {
        if let resource = idle.popLast() { return resource }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func release(_ resource: Resource) {
        if waiters.isEmpty {
            idle.append(resource)
        } else {
            waiters.removeFirst().resume(returning: resource)
        }
    }

    func with<T: Sendable>(_ body: (Resource) async throws -> T) async throws -> T {
        let resource = await acquire()
        do {
            let result = try await body(resource)
            release(resource)
            return result
        } catch {
            release(resource)
            throw error
        }
    }
}
