/// Limits requests in flight, overall and per host, so a refresh of hundreds of feeds stays polite to
/// each server while using the connection fully. Waiters are served first come, first served.
public actor ConcurrencyGate {
    private let perHost: Int
    private let overall: Int
    private var inFlight = 0
    private var perHostInFlight: [String: Int] = [:]
    private var waiters: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    public init(perHost: Int, overall: Int) {
        self.perHost = max(1, perHost); self.overall = max(1, overall)
    }

    /// Waits until a request to `host` may start, and counts it as started.
    public func enter(host: String) async {
        if canStart(host) {
            start(host)
            return
        }
        await withCheckedContinuation { continuation in
            waiters.append((host, continuation))
        }
    }

    /// Counts a request to `host` as finished and lets the first waiter that now fits start.
    public func leave(host: String) {
        inFlight -= 1
        perHostInFlight[host, default: 1] -= 1
        if perHostInFlight[host] == 0 { perHostInFlight[host] = nil }
        var index = 0
        while index < waiters.count {
            let waiter = waiters[index]
            if canStart(waiter.host) {
                waiters.remove(at: index)
                start(waiter.host)
                waiter.continuation.resume()
            } else {
                index += 1
            }
        }
    }

    /// Runs `body` inside the gate.
    public func run<T: Sendable>(host: String, _ body: @Sendable () async throws -> T) async rethrows -> T {
        await enter(host: host)
        do {
            let value = try await body()
            leave(host: host)
            return value
        } catch {
            leave(host: host)
            throw error
        }
    }

    private func canStart(_ host: String) -> Bool {
        inFlight < overall && perHostInFlight[host, default: 0] < perHost
    }

    private func start(_ host: String) {
        inFlight += 1
        perHostInFlight[host, default: 0] += 1
    }
}
