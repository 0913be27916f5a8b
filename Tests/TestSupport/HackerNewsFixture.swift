import Foundation

/// A small Hacker News for tests, served in both APIs' real formats: Firebase (`/v0/topstories.json`,
/// `/v0/item/ID.json`) and Algolia (`/api/v1/items/ID`, a nested tree whose `children` are deliberately in
/// another order than Firebase's ranked `kids`, as on the real service). Dead comments are left out of the
/// Algolia tree, as the real index does; deleted ones appear there with neither author nor text.
public final class HackerNewsFixture: @unchecked Sendable {
    // @unchecked Sendable: `items` and the switches are only touched under `lock`.

    /// One item: a story (with `title`) or a comment (with `parent`).
    public struct Item: Sendable {
        public var id: Int
        public var type: String
        public var by: String?
        public var time: Int
        public var title: String?
        public var url: String?
        public var text: String?
        public var parent: Int?
        public var kids: [Int] = []
        public var score: Int?
        public var isDeleted = false
        public var isDead = false

        public init(id: Int, type: String = "comment", by: String? = nil, time: Int = 1_790_000_000,
                    title: String? = nil, url: String? = nil, text: String? = nil, parent: Int? = nil,
                    score: Int? = nil, isDeleted: Bool = false, isDead: Bool = false) {
            self.id = id; self.type = type; self.by = by; self.time = time; self.title = title; self.url = url
            self.text = text; self.parent = parent; self.score = score; self.isDeleted = isDeleted
            self.isDead = isDead
        }
    }

    private let lock = NSLock()
    private var items: [Int: Item] = [:]
    private var lists: [String: [Int]] = [:]
    private var algoliaStatus: Int?
    private var firebaseStatus: Int?
    private var inFlight = 0
    private var maxInFlight = 0
    /// Seconds each Firebase item answer waits (to make concurrency measurable).
    public var itemDelay: TimeInterval = 0

    public init() {}

    /// Adds `item`; a comment is appended to its parent's `kids` (ranked order is insertion order).
    public func add(_ item: Item) {
        lock.withLock {
            items[item.id] = item
            if let parent = item.parent { items[parent]?.kids.append(item.id) }
        }
    }

    /// Sets the ids a list (`top`, `new`, `ask`…) names.
    public func setList(_ name: String, _ ids: [Int]) { lock.withLock { lists[name] = ids } }

    /// Makes the Algolia API (or the Firebase one) answer every request with `status` (nil: normally).
    public func failAlgolia(with status: Int?) { lock.withLock { algoliaStatus = status } }
    public func failFirebase(with status: Int?) { lock.withLock { firebaseStatus = status } }

    /// The most Firebase item requests that were in flight at once.
    public var maxConcurrentItems: Int { lock.withLock { maxInFlight } }

    /// The base URLs to configure: Firebase and Algolia on `server`.
    public static func apiBase(_ server: LoopbackServer) -> String { server.baseURL + "/v0/" }
    public static func searchBase(_ server: LoopbackServer) -> String { server.baseURL + "/api/v1/" }

    /// Answers one request to either API.
    public func reply(_ request: LoopbackServer.Request) -> LoopbackServer.Reply {
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        if path.hasPrefix("/api/v1/items/") {
            if let status = lock.withLock({ algoliaStatus }) { return Self.error(status) }
            guard let id = Int(path.dropFirst("/api/v1/items/".count)), let tree = algoliaTree(id) else {
                return Self.error(404)
            }
            return Self.json(tree)
        }
        if let status = lock.withLock({ firebaseStatus }), path.hasPrefix("/v0/") { return Self.error(status) }
        if path.hasPrefix("/v0/item/"), path.hasSuffix(".json"),
           let id = Int(path.dropFirst("/v0/item/".count).dropLast(".json".count)) {
            lock.withLock { inFlight += 1; maxInFlight = max(maxInFlight, inFlight) }
            if itemDelay > 0 { Thread.sleep(forTimeInterval: itemDelay) }
            lock.withLock { inFlight -= 1 }
            guard let item = lock.withLock({ items[id] }) else { return Self.json(NSNull()) }
            return Self.json(Self.firebase(item))
        }
        if path.hasPrefix("/v0/"), path.hasSuffix("stories.json") {
            let name = String(path.dropFirst("/v0/".count).dropLast("stories.json".count))
            guard let ids = lock.withLock({ lists[name] }) else { return Self.error(404) }
            return Self.json(ids)
        }
        return Self.error(404)
    }

    /// Firebase's form: deleted items keep only id, type, time, parent, kids and `deleted`.
    static func firebase(_ item: Item) -> [String: Any] {
        var object: [String: Any] = ["id": item.id, "type": item.type, "time": item.time]
        if let parent = item.parent { object["parent"] = parent }
        if !item.kids.isEmpty { object["kids"] = item.kids }
        if item.isDeleted { object["deleted"] = true; return object }
        if item.isDead { object["dead"] = true }
        if let by = item.by { object["by"] = by }
        if let title = item.title { object["title"] = title }
        if let url = item.url { object["url"] = url }
        if let text = item.text { object["text"] = text }
        if let score = item.score { object["score"] = score }
        if item.type == "story" { object["descendants"] = 0 }
        return object
    }

    /// Algolia's nested tree, built without recursion (fixtures may be thousands deep): children in reverse
    /// of the ranked order, dead comments left out.
    func algoliaTree(_ id: Int) -> [String: Any]? {
        let items = lock.withLock { self.items }
        guard items[id] != nil else { return nil }
        // Post-order: every node's children are finished before the node itself is.
        var order: [Int] = []
        var stack = [id]
        while let next = stack.popLast() {
            order.append(next)
            stack.append(contentsOf: items[next]?.kids ?? [])
        }
        var built: [Int: [String: Any]] = [:]
        for nodeID in order.reversed() {
            guard let item = items[nodeID], !item.isDead else { continue }
            var node: [String: Any] = [
                "id": item.id, "type": item.type, "created_at_i": item.time,
                "created_at": ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(item.time))),
                "author": item.isDeleted ? NSNull() : (item.by.map { $0 as Any } ?? NSNull()),
                "text": item.isDeleted ? NSNull() : (item.text.map { $0 as Any } ?? NSNull()),
                "points": item.score.map { $0 as Any } ?? NSNull(),
                "parent_id": item.parent.map { $0 as Any } ?? NSNull(),
                "story_id": id, "options": [Any](),
            ]
            if let title = item.title { node["title"] = title }
            node["children"] = item.kids.reversed().compactMap { built.removeValue(forKey: $0) }
            built[nodeID] = node
        }
        return built[id]
    }

    static func json(_ value: Any) -> LoopbackServer.Reply {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? Data()
        return LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/json; charset=utf-8")],
                                    body: data)
    }

    static func error(_ status: Int) -> LoopbackServer.Reply {
        var headers = [("Content-Type", "application/json")]
        if status == 429 { headers.append(("Retry-After", "120")) }
        return LoopbackServer.Reply(status: status, headers: headers, body: Data("{\"error\":\"\(status)\"}".utf8))
    }
}
