import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for tests: it binds an ephemeral port, answers each connection on its
/// own thread with whatever the test's handler returns, and can misbehave on purpose (slow bodies, dropped
/// connections) the way servers in the wild do. It never listens on any other address.
public final class LoopbackServer: @unchecked Sendable {
    // @unchecked Sendable: the mutable state (request log, running flag) is only touched under `lock`;
    // the listening descriptor is written once in init and closed once in stop().

    /// A request as the handler sees it. Header names are lower-cased.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        /// The body, as long as `Content-Length` said (empty without one).
        public var body = Data()
    }

    /// What to answer.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        /// Wait this long before sending anything (a server slower than the client's timeout).
        public var delayBeforeHeaders: TimeInterval = 0
        /// Send the body in pieces of this many bytes with `pieceDelay` between them.
        public var pieceSize: Int? = nil
        public var pieceDelay: TimeInterval = 0
        /// Close the connection after this many body bytes although Content-Length promised more.
        public var dropAfterBytes: Int? = nil
        /// Send no Content-Length: the body ends when the connection closes (HTTP/1.1 allows it).
        public var closeDelimited = false
        /// After `body`, send this piece `repeatCount` times, made on the fly: a body of gigabytes (a bomb,
        /// an endless stream) costs the server nothing, and `bodyBytesSent` tells how much of it a client
        /// took before hanging up.
        public var repeatedPiece: Data? = nil
        public var repeatCount = 0

        public init(status: Int = 200, headers: [(String, String)] = [], body: Data = Data()) {
            self.status = status; self.headers = headers; self.body = body
        }

        public init(status: Int = 200, contentType: String, body: String) {
            self.init(status: status, headers: [("Content-Type", contentType)], body: Data(body.utf8))
        }
    }

    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private var log: [Request] = []
    private var sentBodyBytes = 0
    private var running = true

    /// Starts listening at once; answers until `stop()` (or deinit).
    public init(handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ServerError.socket(errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw ServerError.socket(errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The requests answered so far, oldest first.
    public var requests: [Request] { lock.withLock { log } }

    /// Body bytes written to clients so far (accepted by the kernel: a client that stops reading holds up
    /// at most its socket buffers more).
    public var bodyBytesSent: Int { lock.withLock { sentBodyBytes } }

    /// Stops accepting connections. Connections in progress finish on their own.
    public func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            let was = running
            running = false
            return was
        }
        if wasRunning {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    private var isRunning: Bool { lock.withLock { running } }

    private func acceptLoop() {
        while isRunning {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in self.serve(client) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        guard let request = readRequest(fd) else { return }
        lock.withLock { log.append(request) }
        let reply = handler(request)
        if reply.delayBeforeHeaders > 0 { Thread.sleep(forTimeInterval: reply.delayBeforeHeaders) }
        var head = "HTTP/1.1 \(reply.status) \(Self.reason(reply.status))\r\n"
        var hasLength = false
        for (name, value) in reply.headers {
            if name.lowercased() == "content-length" { hasLength = true }
            head += "\(name): \(value)\r\n"
        }
        if !hasLength && !reply.closeDelimited { head += "Content-Length: \(reply.body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        guard send(fd, Data(head.utf8)) else { return }
        if request.method == "HEAD" { return }
        var body = reply.body
        if let drop = reply.dropAfterBytes { body = body.prefix(drop) }
        if let repeated = reply.repeatedPiece {
            guard send(fd, body) else { return }
            count(body.count)
            for _ in 0..<reply.repeatCount {
                guard send(fd, repeated) else { return }
                count(repeated.count)
                if reply.pieceDelay > 0 { Thread.sleep(forTimeInterval: reply.pieceDelay) }
            }
        } else if let piece = reply.pieceSize, piece > 0 {
            var offset = 0
            while offset < body.count {
                let end = min(body.count, offset + piece)
                guard send(fd, body.subdata(in: offset..<end)) else { return }
                count(end - offset)
                offset = end
                if reply.pieceDelay > 0 { Thread.sleep(forTimeInterval: reply.pieceDelay) }
            }
        } else if send(fd, body) {
            count(body.count)
        }
        if reply.dropAfterBytes != nil { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func count(_ bytes: Int) { lock.withLock { sentBodyBytes += bytes } }

    private func send(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let n = Darwin.send(fd, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while buffer.count < 65536 {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<n])
            if buffer.count >= 4, let end = Self.find(terminator, in: buffer) {
                let head = String(decoding: buffer[0..<end], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let requestLine = lines.removeFirst().split(separator: " ")
                guard requestLine.count >= 2 else { return nil }
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    let name = line[..<colon].lowercased()
                    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    headers[name] = value
                }
                var body = Data(buffer[(end + 4)...])
                let length = headers["content-length"].flatMap { Int($0) } ?? 0
                while body.count < length {
                    let n = recv(fd, &chunk, min(chunk.count, length - body.count), 0)
                    if n <= 0 { return nil }
                    body.append(contentsOf: chunk[0..<n])
                }
                return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers,
                               body: body.prefix(length))
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    /// Why the server could not start.
    public enum ServerError: Error { case socket(Int32) }
}
