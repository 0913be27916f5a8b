import Foundation

/// A Google Reader API server on 127.0.0.1 that answers as FreshRSS's `api/greader.php` documents it:
/// `accounts/ClientLogin` (form `Email`, `Passwd`; `Auth=` line), `reader/api/0/token`,
/// `subscription/list`, `stream/items/ids` (`s`, `xt`, `ot`, `n`, `c` with `continuation`),
/// `stream/items/contents` (POSTed `i` ids, long or short form), `edit-tag` (`i`, `a`, `r`, `T`) and
/// `mark-all-as-read` (`s`, `ts`, `T`). Tests read and change its state, and make it misbehave: expire
/// sessions, and any `ServerFault` (429/503 with `Retry-After`, an HTML page, a cut answer).
public final class GReaderFixture: @unchecked Sendable {
    // @unchecked Sendable: every mutable field is only touched under `lock`.

    /// One feed on the server.
    public struct Feed: Sendable {
        public var id: String
        public var title: String
        public var url: String
        public var labels: [String]
        public init(id: String, title: String, url: String, labels: [String] = []) {
            self.id = id; self.title = title; self.url = url; self.labels = labels
        }
    }

    /// One item on the server.
    public struct Item: Sendable {
        public var id: Int64
        public var feedID: String
        public var title: String
        public var link: String
        public var html: String
        /// Seconds since 1970 when the server crawled it (`ot` filters on it).
        public var crawled: Int64
        public var isRead = false
        public var isStarred = false
        public init(id: Int64, feedID: String, title: String, link: String, html: String, crawled: Int64) {
            self.id = id; self.feedID = feedID; self.title = title; self.link = link; self.html = html
            self.crawled = crawled
        }
    }

    public static let basePath = "/api/greader.php"
    public let user: String
    public let password: String
    private let lock = NSLock()
    private var feedList: [Feed] = []
    private var itemList: [Item] = []
    private var sessions: Set<String> = []
    private var actionTokens: Set<String> = []
    private var faults = FaultQueue()
    private var issued = 0
    private var contentsServed = 0
    private var server: RestartableServer!

    public init(user: String = "alice", password: String = "correct horse") throws {
        self.user = user
        self.password = password
        server = try RestartableServer { [unowned self] request in self.answer(request) }
    }

    /// Starts again, after `stop`, on a new port, keeping every feed, item and mark.
    public func start() throws { try server.start() }

    /// Stops listening: connections are refused, as when a server is down.
    public func stop() { server.stop() }

    /// The API's address, as `url` in `[[sync]]`.
    public var apiURL: String { server.baseURL + Self.basePath }

    /// Every request answered, over every start.
    public var requests: [LoopbackServer.Request] { server.requests }

    public var feeds: [Feed] {
        get { lock.withLock { feedList } }
        set { lock.withLock { feedList = newValue } }
    }

    public var items: [Item] {
        get { lock.withLock { itemList } }
        set { lock.withLock { itemList = newValue } }
    }

    /// Items sent by `stream/items/contents` so far.
    public var contentsCount: Int { lock.withLock { contentsServed } }

    public func item(_ id: Int64) -> Item? { items.first { $0.id == id } }

    /// Changes one item as another device would.
    public func update(_ id: Int64, _ change: (inout Item) -> Void) {
        lock.withLock {
            if let index = itemList.firstIndex(where: { $0.id == id }) { change(&itemList[index]) }
        }
    }

    /// Every session and action token stops working: the next call gets a 401.
    public func expireSessions() { lock.withLock { sessions.removeAll(); actionTokens.removeAll() } }

    /// The next calls (login included) misbehave, one fault each, in order.
    public func fail(_ next: ServerFault...) { lock.withLock { for fault in next { faults.add(fault, times: 1) } } }

    /// `count` items spread over `feeds` feeds, newest first by id, crawled one second apart before
    /// `now`; every third one read, every tenth starred.
    public func fill(feeds count: Int, items: Int, now: Int64 = Int64(Date().timeIntervalSince1970)) {
        var feedList: [Feed] = []
        for index in 0..<count {
            feedList.append(Feed(id: "feed/\(index + 1)", title: "Fixture feed \(index + 1)",
                                 url: "https://feeds.example/\(index + 1).xml",
                                 labels: index % 2 == 0 ? ["Even"] : ["Odd", "Weekly"]))
        }
        var itemList: [Item] = []
        for index in 0..<items {
            var item = Item(id: 1_700_000_000_000_000 + Int64(index), feedID: feedList[index % count].id,
                            title: "Fixture story \(index)", link: "https://stories.example/\(index)",
                            html: "<p>Body of fixture story \(index) with <b>bold</b> words.</p>",
                            crawled: now - Int64(items - index))
            item.isRead = index % 3 == 0
            item.isStarred = index % 10 == 0
            itemList.append(item)
        }
        lock.withLock { self.feedList = feedList; self.itemList = itemList }
    }

    // MARK: answering

    private func answer(_ request: LoopbackServer.Request) -> LoopbackServer.Reply {
        if let reply = lock.withLock({ faults.next() })?.reply { return reply }
        let (path, query) = Self.split(request.path)
        guard path.hasPrefix(Self.basePath) else { return .init(status: 404, contentType: "text/plain", body: "not found") }
        let route = String(path.dropFirst(Self.basePath.count))
        var fields = query
        if request.method == "POST" { fields += Self.form(String(decoding: request.body, as: UTF8.self)) }
        if route == "/accounts/ClientLogin" {
            guard fields.first(where: { $0.0 == "Email" })?.1 == user,
                  fields.first(where: { $0.0 == "Passwd" })?.1 == password else {
                return .init(status: 401, contentType: "text/plain", body: "Error=BadAuthentication\n")
            }
            let token = lock.withLock { () -> String in
                issued += 1
                let token = "\(user)/session\(issued)"
                sessions.insert(token)
                return token
            }
            return .init(contentType: "text/plain", body: "SID=\(token)\nLSID=null\nAuth=\(token)\n")
        }
        let auth = request.headers["authorization"].map { $0.replacingOccurrences(of: "GoogleLogin auth=", with: "") }
        guard let auth, lock.withLock({ sessions.contains(auth) }) else {
            return .init(status: 401, contentType: "text/plain", body: "Unauthorized!")
        }
        switch route {
        case "/reader/api/0/token":
            let token = lock.withLock { () -> String in
                issued += 1
                let token = String(repeating: "T", count: 40) + String(issued)
                actionTokens.insert(token)
                return token
            }
            return .init(contentType: "text/plain", body: token + "\n")
        case "/reader/api/0/subscription/list": return json(subscriptionList())
        case "/reader/api/0/stream/items/ids": return json(itemIDs(fields))
        case "/reader/api/0/stream/items/contents": return json(contents(fields))
        case "/reader/api/0/edit-tag", "/reader/api/0/mark-all-as-read":
            guard request.method == "POST" else { return .init(status: 405, contentType: "text/plain", body: "POST") }
            let token = fields.first { $0.0 == "T" }?.1 ?? ""
            guard lock.withLock({ actionTokens.contains(token) }) else {
                return LoopbackServer.Reply(status: 401, headers: [("Content-Type", "text/plain"),
                                                                   ("X-Reader-Google-Bad-Token", "true")],
                                            body: Data("Unauthorized!".utf8))
            }
            if route.hasSuffix("edit-tag") { editTags(fields) } else { markAllRead(fields) }
            return .init(contentType: "text/plain", body: "OK")
        default:
            return .init(status: 400, contentType: "text/plain", body: "Bad Request")
        }
    }

    private func json(_ object: Any) -> LoopbackServer.Reply {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return LoopbackServer.Reply(headers: [("Content-Type", "application/json; charset=UTF-8")], body: data)
    }

    private func subscriptionList() -> [String: Any] {
        ["subscriptions": feeds.map { feed in
            ["id": feed.id, "title": feed.title, "url": feed.url, "htmlUrl": "https://site.example/\(feed.id)",
             "iconUrl": "", "categories": feed.labels.map { ["id": "user/-/label/\($0)", "label": $0] }] as [String: Any]
        }]
    }

    private func itemIDs(_ fields: [(String, String)]) -> [String: Any] {
        let value = { (name: String) in fields.first { $0.0 == name }?.1 }
        let stream = value("s") ?? ""
        let exclude = value("xt")
        let oldest = value("ot").flatMap { Int64($0) }
        let count = min(value("n").flatMap { Int($0) } ?? 20, 10_000)
        var matching = items.sorted { $0.id > $1.id }.filter { item in
            switch stream {
            case "user/-/state/com.google/starred": if !item.isStarred { return false }
            case "user/-/state/com.google/reading-list": break
            default: if item.feedID != stream { return false }
            }
            if exclude == "user/-/state/com.google/read" && item.isRead { return false }
            if let oldest, item.crawled < oldest { return false }
            return true
        }
        if let continuation = value("c").flatMap({ Int64($0) }) { matching = matching.filter { $0.id <= continuation } }
        let page = matching.prefix(count)
        var answer: [String: Any] = ["itemRefs": page.map { ["id": String($0.id), "directStreamIds": [],
                                                             "timestampUsec": String($0.crawled * 1_000_000)] as [String: Any] }]
        if matching.count > count { answer["continuation"] = String(matching[count].id) }
        return answer
    }

    private func contents(_ fields: [(String, String)]) -> [String: Any] {
        let wanted = Set(fields.filter { $0.0 == "i" }.compactMap { Self.itemID($0.1) })
        let found = items.filter { wanted.contains($0.id) }
        let feedsByID = Dictionary(feeds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        lock.withLock { contentsServed += found.count }
        return ["id": "user/-/state/com.google/reading-list", "updated": Int(Date().timeIntervalSince1970),
                "items": found.map { item -> [String: Any] in
                    var categories = ["user/-/state/com.google/reading-list"]
                    if item.isRead { categories.append("user/-/state/com.google/read") }
                    if item.isStarred { categories.append("user/-/state/com.google/starred") }
                    categories += (feedsByID[item.feedID]?.labels ?? []).map { "user/-/label/\($0)" }
                    return ["id": "tag:google.com,2005:reader/item/" + String(format: "%016llx", item.id),
                            "crawlTimeMsec": String(item.crawled * 1000), "timestampUsec": String(item.crawled * 1_000_000),
                            "published": item.crawled, "title": item.title,
                            "canonical": [["href": item.link]], "alternate": [["href": item.link, "type": "text/html"]],
                            "categories": categories,
                            "origin": ["streamId": item.feedID, "title": feedsByID[item.feedID]?.title ?? "",
                                       "htmlUrl": "https://site.example/\(item.feedID)"],
                            "summary": ["content": item.html], "author": "Fixture Author"]
                }]
    }

    private func editTags(_ fields: [(String, String)]) {
        let ids = Set(fields.filter { $0.0 == "i" }.compactMap { Self.itemID($0.1) })
        let add = fields.filter { $0.0 == "a" }.map(\.1)
        let remove = fields.filter { $0.0 == "r" }.map(\.1)
        lock.withLock {
            for index in itemList.indices where ids.contains(itemList[index].id) {
                if add.contains("user/-/state/com.google/read") { itemList[index].isRead = true }
                if remove.contains("user/-/state/com.google/read") { itemList[index].isRead = false }
                if add.contains("user/-/state/com.google/starred") { itemList[index].isStarred = true }
                if remove.contains("user/-/state/com.google/starred") { itemList[index].isStarred = false }
            }
        }
    }

    private func markAllRead(_ fields: [(String, String)]) {
        let stream = fields.first { $0.0 == "s" }?.1 ?? ""
        let before = fields.first { $0.0 == "ts" }.flatMap { Int64($0.1) } ?? Int64.max
        lock.withLock {
            for index in itemList.indices where itemList[index].feedID == stream
                && itemList[index].crawled * 1_000_000 <= before {
                itemList[index].isRead = true
            }
        }
    }

    /// An item id in either form: decimal, or `tag:google.com,2005:reader/item/` and hex.
    static func itemID(_ text: String) -> Int64? {
        let prefix = "tag:google.com,2005:reader/item/"
        if text.hasPrefix(prefix) { return UInt64(text.dropFirst(prefix.count), radix: 16).map { Int64(bitPattern: $0) } }
        return Int64(text)
    }

    private static func split(_ target: String) -> (String, [(String, String)]) {
        guard let mark = target.firstIndex(of: "?") else { return (target, []) }
        return (String(target[..<mark]), form(String(target[target.index(after: mark)...])))
    }

    static func form(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }
}
