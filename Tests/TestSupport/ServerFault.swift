import Foundation

/// A way an aggregator fixture misbehaves on purpose, for the next few requests: what servers in the wild
/// answer when they are overloaded, misconfigured behind a proxy, or down.
public enum ServerFault: Sendable, Equatable {
    /// An HTTP error status, with `Retry-After` when given (seconds or an HTTP date).
    case status(Int, retryAfter: String?)
    /// A 200 answer with an HTML page (a login portal, a proxy's error page).
    case html
    /// The connection closes before the promised body: the server went away mid-answer.
    case drop

    /// The reply this fault sends.
    public var reply: LoopbackServer.Reply {
        switch self {
        case .status(let status, let retryAfter):
            var reply = LoopbackServer.Reply(status: status, contentType: "text/plain", body: "unavailable")
            if let retryAfter { reply.headers.append(("Retry-After", retryAfter)) }
            return reply
        case .html:
            return LoopbackServer.Reply(status: 200, contentType: "text/html; charset=utf-8",
                                        body: "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form></form></body></html>")
        case .drop:
            var reply = LoopbackServer.Reply(status: 200, contentType: "application/json", body: "[{\"id\": 1, \"ti")
            reply.headers.append(("Content-Length", "4096"))
            reply.dropAfterBytes = 14
            return reply
        }
    }
}

/// The faults queued for a fixture's next requests, oldest first. Callers hold their fixture's lock.
struct FaultQueue {
    private var pending: [ServerFault] = []

    mutating func add(_ fault: ServerFault, times: Int) {
        pending.append(contentsOf: Array(repeating: fault, count: times))
    }

    mutating func next() -> ServerFault? { pending.isEmpty ? nil : pending.removeFirst() }
}
