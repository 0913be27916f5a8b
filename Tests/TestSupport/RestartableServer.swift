import Foundation

/// A `LoopbackServer` that can go down and come back (on a new port) while the fixture behind it keeps its
/// state: what "the server is unreachable, then back" looks like to a client. Requests are remembered over
/// every start.
public final class RestartableServer: @unchecked Sendable {
    // @unchecked Sendable: all state is touched under `lock` only.
    private let lock = NSLock()
    private let handler: @Sendable (LoopbackServer.Request) -> LoopbackServer.Reply
    private var server: LoopbackServer?
    private var earlier: [LoopbackServer.Request] = []
    private var lastPort = 0

    /// Starts answering with `handler` at once.
    public init(handler: @escaping @Sendable (LoopbackServer.Request) -> LoopbackServer.Reply) throws {
        self.handler = handler
        try start()
    }

    deinit { stop() }

    /// Starts again, after `stop`, on a new port.
    public func start() throws {
        let server = try LoopbackServer(handler: handler)
        lock.withLock {
            self.server = server
            lastPort = server.port
        }
    }

    /// Stops listening: connections are refused, as when the server is down.
    public func stop() {
        lock.withLock {
            server?.stop()
            earlier += server?.requests ?? []
            server = nil
        }
    }

    /// `http://127.0.0.1:PORT` of the last start: while stopped, nothing listens there.
    public var baseURL: String { "http://127.0.0.1:\(lock.withLock { lastPort })" }

    /// Every request answered, over every start, oldest first.
    public var requests: [LoopbackServer.Request] { lock.withLock { earlier + (server?.requests ?? []) } }
}
