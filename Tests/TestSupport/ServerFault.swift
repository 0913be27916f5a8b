import Foundation

/// A way an aggregator fixture misbehaves on purpose, for the next few requests: what servers in the wild
/// answer when they are overloaded, misconfigured behind a proxy, or down. Every fixture takes the same
/// faults, and each reply is one of `LoopbackServer+Faults`'s.
public enum ServerFault: Sendable, Equatable {
    /// An HTTP error status, with `Retry-After` in seconds when given (429 and 503 in the wild).
    case status(Int, retryAfter: Int?)
    /// A 200 answer with an HTML page (a login portal, a proxy's error page).
    case html
    /// The connection closes before the promised body: the server went away mid-answer.
    case drop
    /// No fault this time: the request is answered as usual (to leave one alone between two faults).
    case pass

    /// The sign-in page `html` sends.
    public static let signInPage =
        "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form></form></body></html>"

    /// The reply this fault sends instead of the answer; nil for `pass`.
    public var reply: LoopbackServer.Reply? {
        switch self {
        case .status(let status, let retryAfter):
            return .failure(status, retryAfter: retryAfter)
        case .html:
            return LoopbackServer.Reply(status: 200, contentType: "text/html; charset=utf-8", body: Self.signInPage)
        case .drop:
            return .cut("[{\"id\": 1, \"title\": \"" + String(repeating: "a", count: 4000) + "\"}]", after: 14,
                        contentType: "application/json")
        case .pass:
            return nil
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
