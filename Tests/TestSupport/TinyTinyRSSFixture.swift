import Foundation

/// A Tiny Tiny RSS server on 127.0.0.1 speaking its JSON API as tt-rss documents it: every call a JSON
/// object POSTed to `…/api/`, every answer HTTP 200 with `{"seq", "status": 0|1, "content"}`; `login` gives a
/// `session_id` (`LOGIN_ERROR` for a wrong password, `API_DISABLED` when the user has not enabled the API),
/// other calls without a live session answer `NOT_LOGGED_IN`. `getCategories`, `getFeeds` (`cat_id` -4
/// lists the virtual feeds too), `getHeadlines` (`feed_id` -4 all, -1 starred, or a feed; `view_mode`,
/// `since_id`, `skip`, `limit` cut to 200, `order_by` — `date_reverse` oldest first, else newest first —,
/// `show_content`), `updateArticle` (`article_ids` as a
/// comma-separated string, `mode` 0/1/2, `field` 0 starred, 1 published, 2 unread). Ids and some numbers
/// are sent as strings, as tt-rss does on PostgreSQL.
public final class TinyTinyRSSFixture: @unchecked Sendable {
    // @unchecked Sendable: all state is touched under `lock` only.

    /// A subscription.
    public struct Feed: Sendable {
        public var id: Int64
        public var title: String
        public var feedURL: String
        public var categoryID: Int64
        public init(id: Int64, title: String, feedURL: String, categoryID: Int64) {
            self.id = id; self.title = title; self.feedURL = feedURL; self.categoryID = categoryID
        }
    }

    /// An article and the user's marks on it.
    public struct Article: Sendable {
        public var id: Int64
        public var feedID: Int64
        public var title: String
        public var link: String
        public var content: String
        public var author: String
        public var updated: Date
        public var unread: Bool
        public var marked: Bool
        public var published = false
        public var tags: [String]
        public init(id: Int64, feedID: Int64, title: String, link: String, content: String, author: String = "",
                    updated: Date, unread: Bool = true, marked: Bool = false, tags: [String] = []) {
            self.id = id; self.feedID = feedID; self.title = title; self.link = link; self.content = content
            self.author = author; self.updated = updated; self.unread = unread; self.marked = marked; self.tags = tags
        }
    }

    public let username: String
    public let password: String
    /// Off: `login` answers `API_DISABLED`, as tt-rss does until the user ticks "Enable API".
    public var apiEnabled: Bool {
        get { lock.withLock { enabled } }
        set { lock.withLock { enabled = newValue } }
    }
    private let lock = NSLock()
    private var enabled = true
    private var categoryList: [(id: Int64, title: String)] = []
    private var feedList: [Feed] = []
    private var articleList: [Article] = []
    private var sessions: Set<String> = []
    private var sessionCount = 0
    private var expiry: String?
    private var faults = FaultQueue()
    private var pendingChanges: [(callsLeft: Int, id: Int64, unread: Bool)] = []
    private var server: RestartableServer!

    /// Starts an empty server whose API is at `baseURL + "/tt-rss/api/"`.
    public init(username: String = "reader", password: String = "correct horse") throws {
        self.username = username; self.password = password
        server = try RestartableServer { [unowned self] request in self.answer(request) }
    }

    /// The address users give: the tt-rss installation, not its `api/`.
    public var baseURL: String { server.baseURL + "/tt-rss/" }
    /// Every request answered, over every start.
    public var requests: [LoopbackServer.Request] { server.requests }
    /// Stops listening: connections are refused, as when the server is down.
    public func stop() { server.stop() }
    /// Starts again on a new port, keeping every feed, entry and mark.
    public func start() throws { try server.start() }

    /// The `op` of every call answered so far, in order.
    public var operations: [String] {
        requests.compactMap { request in
            (try? JSONSerialization.jsonObject(with: request.body) as? [String: Any])?["op"] as? String
        }
    }

    public func addCategory(id: Int64, title: String) { lock.withLock { categoryList.append((id, title)) } }
    public func addFeed(_ feed: Feed) { lock.withLock { feedList.append(feed) } }
    public func addArticle(_ article: Article) { lock.withLock { articleList.append(article) } }

    /// The article `id` as the server holds it now.
    public func article(_ id: Int64) -> Article? { lock.withLock { articleList.first { $0.id == id } } }

    /// Changes an article's marks as another device would.
    public func change(_ id: Int64, unread: Bool? = nil, marked: Bool? = nil) {
        lock.withLock {
            guard let index = articleList.firstIndex(where: { $0.id == id }) else { return }
            if let unread { articleList[index].unread = unread }
            if let marked { articleList[index].marked = marked }
        }
    }

    /// Changes an article's unread mark just before the `call`-th `getHeadlines` from now is answered: a
    /// mark made on another device while a sync pages through the lists.
    public func change(_ id: Int64, unread: Bool, beforeHeadlinesCall call: Int) {
        lock.withLock { pendingChanges.append((callsLeft: call, id: id, unread: unread)) }
    }

    /// Forgets every session, as a server does when they time out or it restarts.
    public func expireSessions() { lock.withLock { sessions.removeAll() } }

    /// Forgets every session just before the next call of `op`: a session that expires mid-sync.
    public func expireSessions(before op: String) { lock.withLock { expiry = op } }

    /// The next `times` requests get `fault` instead of an answer.
    public func fail(_ fault: ServerFault, times: Int = 1) { lock.withLock { faults.add(fault, times: times) } }

    // MARK: the API

    private func answer(_ request: LoopbackServer.Request) -> LoopbackServer.Reply {
        if let reply = lock.withLock({ faults.next() })?.reply { return reply }
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        guard path == "/tt-rss/api/" || path == "/tt-rss/api" else {
            return LoopbackServer.Reply(status: 404, contentType: "text/html", body: "<html><body>Not Found</body></html>")
        }
        guard request.method == "POST",
              let call = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any] else {
            return reply(failure: "NOT_LOGGED_IN")
        }
        let op = call["op"] as? String ?? ""
        return lock.withLock {
            if op == "login" { return login(call) }
            if op == "getApiLevel" { return reply(["level": 18]) }
            if op == expiry {
                expiry = nil
                sessions.removeAll()
            }
            guard let sid = call["sid"] as? String, sessions.contains(sid) else { return reply(failure: "NOT_LOGGED_IN") }
            switch op {
            case "isLoggedIn": return reply(["status": true])
            case "logout":
                sessions.remove(sid)
                return reply(["status": "OK"])
            case "getCategories": return reply(categories())
            case "getFeeds": return reply(feeds(catID: Self.number(call["cat_id"]) ?? 0))
            case "getHeadlines": return headlines(call)
            case "getArticle": return getArticle(call)
            case "updateArticle": return updateArticle(call)
            default: return reply(failure: "UNKNOWN_METHOD", extra: ["method": op])
            }
        }
    }

    private func login(_ call: [String: Any]) -> LoopbackServer.Reply {
        guard call["user"] as? String == username, call["password"] as? String == password else {
            return reply(failure: "LOGIN_ERROR")
        }
        guard enabled else { return reply(failure: "API_DISABLED") }
        sessionCount += 1
        let sid = String(format: "%032x", 0x5eed_0000 + sessionCount)
        sessions.insert(sid)
        return reply(["session_id": sid, "api_level": 18,
                      "config": ["icons_dir": "feed-icons", "icons_url": "feed-icons", "daemon_is_running": true,
                                 "custom_sort_types": [] as [Any], "num_feeds": feedList.count]])
    }

    private func categories() -> [[String: Any]] {
        let own = categoryList.map { category -> [String: Any] in
            ["id": String(category.id), "title": category.title, "order_id": 0,
             "unread": articleList.filter { article in
                 article.unread && feedList.contains { $0.id == article.feedID && $0.categoryID == category.id }
             }.count]
        }
        return own + [["id": -1, "title": "Special", "unread": 0], ["id": 0, "title": "Uncategorized", "unread": 0]]
    }

    private func feeds(catID: Int64) -> [[String: Any]] {
        var result: [[String: Any]] = []
        if catID == -4 || catID == -1 {
            for (id, title) in [(-1, "Starred articles"), (-2, "Published articles"), (-3, "Fresh articles"),
                                (-4, "All articles"), (-6, "Recently read"), (0, "Archived articles")] {
                result.append(["id": id, "title": title, "unread": 0, "cat_id": -1])
            }
        }
        for feed in feedList where catID == -4 || catID == -3 || feed.categoryID == catID {
            result.append(["feed_url": feed.feedURL, "title": feed.title, "id": feed.id,
                           "unread": articleList.filter { $0.feedID == feed.id && $0.unread }.count,
                           "has_icon": false, "cat_id": feed.categoryID, "last_updated": 1_790_000_000, "order_id": 0])
        }
        return result
    }

    private func headlines(_ call: [String: Any]) -> LoopbackServer.Reply {
        for index in pendingChanges.indices.reversed() {
            pendingChanges[index].callsLeft -= 1
            guard pendingChanges[index].callsLeft <= 0 else { continue }
            let change = pendingChanges.remove(at: index)
            if let article = articleList.firstIndex(where: { $0.id == change.id }) { articleList[article].unread = change.unread }
        }
        guard let feedID = Self.number(call["feed_id"]) else { return reply(failure: "INCORRECT_USAGE") }
        var found: [Article]
        switch feedID {
        case -4: found = articleList
        case -1: found = articleList.filter(\.marked)
        case -2: found = articleList.filter(\.published)
        default:
            found = Self.flag(call["is_cat"])
                ? articleList.filter { article in feedList.contains { $0.id == article.feedID && $0.categoryID == feedID } }
                : articleList.filter { $0.feedID == feedID }
        }
        switch call["view_mode"] as? String ?? "all_articles" {
        case "unread": found = found.filter(\.unread)
        case "marked": found = found.filter(\.marked)
        default: break
        }
        if let since = Self.number(call["since_id"]), since > 0 { found = found.filter { $0.id > since } }
        switch call["order_by"] as? String ?? "" {
        case "date_reverse": found.sort { ($0.updated, $0.id) < ($1.updated, $1.id) }
        default: found.sort { ($0.updated, $0.id) > ($1.updated, $1.id) }
        }
        var limit = Int(Self.number(call["limit"]) ?? 0)
        if limit <= 0 || limit > 200 { limit = 200 }
        let skip = max(0, Int(Self.number(call["skip"]) ?? 0))
        let page = found.dropFirst(skip).prefix(limit)
        let withContent = Self.flag(call["show_content"])
        return reply(page.map { headlineJSON($0, content: withContent) })
    }

    /// `getArticle`: whole articles by id (`article_id`, comma-separated).
    private func getArticle(_ call: [String: Any]) -> LoopbackServer.Reply {
        let ids = Self.idList(call["article_id"])
        guard !ids.isEmpty else { return reply(failure: "INCORRECT_USAGE") }
        return reply(articleList.filter { ids.contains($0.id) }.map { headlineJSON($0, content: true) })
    }

    private func headlineJSON(_ article: Article, content withContent: Bool) -> [String: Any] {
        let feed = feedList.first { $0.id == article.feedID }
        var item: [String: Any] = [
            "id": article.id, "guid": "SHA1:\(article.id * 31)", "unread": article.unread, "marked": article.marked,
            "published": article.published, "updated": Int(article.updated.timeIntervalSince1970),
            "is_updated": false, "title": article.title, "link": article.link, "feed_id": String(article.feedID),
            "tags": article.tags.isEmpty ? [""] : article.tags, "labels": [] as [Any],
            "feed_title": feed?.title ?? "", "comments_count": 0, "comments_link": "",
            "always_display_attachments": false, "author": article.author, "score": 0, "note": NSNull(),
            "lang": "en",
        ]
        if withContent { item["content"] = article.content }
        return item
    }

    private func updateArticle(_ call: [String: Any]) -> LoopbackServer.Reply {
        let ids = Self.idList(call["article_ids"])
        guard !ids.isEmpty, let mode = Self.number(call["mode"]), let field = Self.number(call["field"]),
              (0...2).contains(mode), (0...3).contains(field) else {
            return reply(failure: "INCORRECT_USAGE")
        }
        var updated = 0
        for index in articleList.indices where ids.contains(articleList[index].id) {
            func apply(_ value: Bool) -> Bool { mode == 2 ? !value : mode == 1 }
            switch field {
            case 0: articleList[index].marked = apply(articleList[index].marked)
            case 1: articleList[index].published = apply(articleList[index].published)
            case 2: articleList[index].unread = apply(articleList[index].unread)
            default: break
            }
            updated += 1
        }
        return reply(["status": "OK", "updated": updated])
    }

    // MARK: the envelope

    private func reply(_ content: Any) -> LoopbackServer.Reply {
        return json(["seq": 0, "status": 0, "content": content])
    }

    private func reply(failure code: String, extra: [String: Any] = [:]) -> LoopbackServer.Reply {
        json(["seq": 0, "status": 1, "content": extra.merging(["error": code]) { $1 }])
    }

    private func json(_ object: Any) -> LoopbackServer.Reply {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("null".utf8)
        return LoopbackServer.Reply(status: 200, headers: [("Content-Type", "text/json; charset=utf-8")], body: data)
    }

    /// A number as tt-rss reads one: a JSON number or a string of digits.
    private static func number(_ value: Any?) -> Int64? {
        if let number = value as? Int { return Int64(number) }
        if let text = value as? String { return Int64(text) }
        return nil
    }

    /// Ids as tt-rss reads a list of them: "4,5,6".
    private static func idList(_ value: Any?) -> [Int64] {
        (value as? String ?? "").split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// A flag as tt-rss reads one: true, 1, "true", "1", "t".
    private static func flag(_ value: Any?) -> Bool {
        if let flag = value as? Bool { return flag }
        if let number = value as? Int { return number != 0 }
        if let text = value as? String { return ["true", "1", "t"].contains(text.lowercased()) }
        return false
    }
}
