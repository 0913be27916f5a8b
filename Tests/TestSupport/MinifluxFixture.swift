import Foundation

/// A Miniflux server on 127.0.0.1 speaking its REST API v1 as Miniflux documents it: authentication by
/// `X-Auth-Token` or HTTP basic auth (401 `{"error_message": ...}` otherwise), `GET /v1/me`, `/v1/feeds`,
/// `/v1/categories`, `/v1/entries` with its filters (`status`, `starred`, `after_entry_id`, `changed_after`,
/// `published_after`, `order`, `direction`, `limit` — 100 by default —, `offset`) answering
/// `{"total", "entries"}`, `GET /v1/entries/{id}`, `PUT /v1/entries` (statuses in bulk) and
/// `PUT /v1/entries/{id}/bookmark` (a toggle). Every change stamps the entry's `changed_at` with the
/// fixture's clock, which moves one second per change. Tests read and change its state as "another device".
public final class MinifluxFixture: @unchecked Sendable {
    // @unchecked Sendable: all state is touched under `lock` only.

    /// A subscription.
    public struct Feed: Sendable {
        public var id: Int64
        public var title: String
        public var feedURL: String
        public var siteURL: String
        public var categoryID: Int64
        public init(id: Int64, title: String, feedURL: String, siteURL: String, categoryID: Int64) {
            self.id = id; self.title = title; self.feedURL = feedURL; self.siteURL = siteURL
            self.categoryID = categoryID
        }
    }

    /// An entry and its state on the server.
    public struct Entry: Sendable {
        public var id: Int64
        public var feedID: Int64
        public var title: String
        public var url: String
        public var content: String
        public var author: String
        public var published: Date
        public var changed: Date
        /// "unread", "read" or "removed".
        public var status: String
        public var starred: Bool
        public var tags: [String]
        public init(id: Int64, feedID: Int64, title: String, url: String, content: String, author: String = "",
                    published: Date, changed: Date, status: String = "unread", starred: Bool = false,
                    tags: [String] = []) {
            self.id = id; self.feedID = feedID; self.title = title; self.url = url; self.content = content
            self.author = author; self.published = published; self.changed = changed; self.status = status
            self.starred = starred; self.tags = tags
        }
    }

    public let username: String
    public let password: String
    public let token: String
    private let lock = NSLock()
    private var categoryList: [(id: Int64, title: String)] = []
    private var feedList: [Feed] = []
    private var entryList: [Entry] = []
    private var clock: Date
    private var faults = FaultQueue()
    private var server: RestartableServer!

    /// Starts an empty server; fill it with `addCategory`, `addFeed`, `addEntry`.
    public init(username: String = "reader", password: String = "correct horse", token: String = "mf-token-5f2b9c",
                clock: Date = Date(timeIntervalSince1970: 1_790_000_000)) throws {
        self.username = username; self.password = password; self.token = token; self.clock = clock
        server = try RestartableServer { [unowned self] request in self.answer(request) }
    }

    public var baseURL: String { server.baseURL }
    /// Every request answered, over every start.
    public var requests: [LoopbackServer.Request] { server.requests }
    /// Stops listening: connections are refused, as when the server is down.
    public func stop() { server.stop() }
    /// Starts again on a new port, keeping every feed, entry and mark.
    public func start() throws { try server.start() }

    /// The fixture's clock: the `changed_at` of the next change.
    public var now: Date { lock.withLock { clock } }

    public func addCategory(id: Int64, title: String) { lock.withLock { categoryList.append((id, title)) } }
    public func addFeed(_ feed: Feed) { lock.withLock { feedList.append(feed) } }
    public func addEntry(_ entry: Entry) { lock.withLock { entryList.append(entry) } }

    /// The entry `id` as the server holds it now.
    public func entry(_ id: Int64) -> Entry? { lock.withLock { entryList.first { $0.id == id } } }

    /// Changes an entry as another device would: its `changed_at` moves to the clock.
    public func change(_ id: Int64, status: String? = nil, starred: Bool? = nil) {
        lock.withLock {
            guard let index = entryList.firstIndex(where: { $0.id == id }) else { return }
            if let status { entryList[index].status = status }
            if let starred { entryList[index].starred = starred }
            entryList[index].changed = tick()
        }
    }

    /// Files an entry under another feed, as a server does when a feed is merged into another: its
    /// `changed_at` moves to the clock.
    public func move(_ id: Int64, toFeed feedID: Int64) {
        lock.withLock {
            guard let index = entryList.firstIndex(where: { $0.id == id }) else { return }
            entryList[index].feedID = feedID
            entryList[index].changed = tick()
        }
    }

    /// The next `times` requests get `fault` instead of an answer.
    public func fail(_ fault: ServerFault, times: Int = 1) { lock.withLock { faults.add(fault, times: times) } }

    // MARK: the API

    private func answer(_ request: LoopbackServer.Request) -> LoopbackServer.Reply {
        if let reply = lock.withLock({ faults.next() })?.reply { return reply }
        let components = URLComponents(string: "http://fixture" + request.path)
        let path = components?.path ?? request.path
        let query = components?.queryItems ?? []
        let parts = path.split(separator: "/").map(String.init)
        let route = parts.count >= 3 ? (Int64(parts[2]).map { _ in parts[0..<2] + ["{id}"] + parts[3...] } ?? parts[...]) : parts[...]
        let id = parts.count >= 3 ? Int64(parts[2]) : nil
        return lock.withLock {
            guard authenticated(request) else { return error(401, "Access Unauthorized") }
            switch (request.method, route.joined(separator: "/")) {
            case ("GET", "v1/me"):
                return json(["id": 1, "username": username, "is_admin": false, "theme": "light_serif",
                             "language": "en_US", "timezone": "UTC", "entry_sorting_direction": "desc"])
            case ("GET", "v1/categories"):
                return json(categoryList.map(categoryJSON))
            case ("GET", "v1/feeds"):
                return json(feedList.map(feedJSON))
            case ("GET", "v1/entries"):
                return listEntries(query, feedID: nil)
            case ("GET", "v1/feeds/{id}/entries"):
                return listEntries(query, feedID: id)
            case ("GET", "v1/entries/{id}"):
                guard let entry = entryList.first(where: { $0.id == id }) else { return error(404, "Not Found") }
                return json(entryJSON(entry))
            case ("PUT", "v1/entries"):
                return updateStatuses(request.body)
            case ("PUT", "v1/entries/{id}/bookmark"):
                guard let index = entryList.firstIndex(where: { $0.id == id }) else { return error(404, "Not Found") }
                entryList[index].starred.toggle()
                entryList[index].changed = tick()
                return LoopbackServer.Reply(status: 204)
            default:
                return error(404, "Not Found")
            }
        }
    }

    private func authenticated(_ request: LoopbackServer.Request) -> Bool {
        if let given = request.headers["x-auth-token"] { return given == token }
        guard let authorization = request.headers["authorization"], authorization.hasPrefix("Basic "),
              let decoded = Data(base64Encoded: String(authorization.dropFirst(6))) else { return false }
        return String(decoding: decoded, as: UTF8.self) == "\(username):\(password)"
    }

    private func listEntries(_ query: [URLQueryItem], feedID: Int64?) -> LoopbackServer.Reply {
        func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
        func number(_ name: String) -> Int64? { value(name).flatMap { Int64($0) } }
        let statuses = query.filter { $0.name == "status" }.compactMap(\.value)
        var found = entryList.filter { entry in
            if statuses.isEmpty { return entry.status != "removed" }
            return statuses.contains(entry.status)
        }
        if let feedID { found = found.filter { $0.feedID == feedID } }
        if let starred = value("starred") { found = found.filter { $0.starred == (starred == "true" || starred == "1") } }
        if let after = number("after_entry_id") { found = found.filter { $0.id > after } }
        if let before = number("before_entry_id") { found = found.filter { $0.id < before } }
        if let changed = number("changed_after") {
            found = found.filter { $0.changed.timeIntervalSince1970 > Double(changed) }
        }
        if let published = number("published_after") {
            found = found.filter { $0.published.timeIntervalSince1970 > Double(published) }
        }
        let order = value("order") ?? "published_at"
        let ascending = (value("direction") ?? "asc") == "asc"
        found.sort { lhs, rhs in
            let (a, b) = ascending ? (lhs, rhs) : (rhs, lhs)
            switch order {
            case "id": return a.id < b.id
            case "changed_at": return (a.changed, a.id) < (b.changed, b.id)
            default: return (a.published, a.id) < (b.published, b.id)
            }
        }
        let total = found.count
        let offset = max(0, Int(number("offset") ?? 0))
        let limit = Int(number("limit") ?? 100)
        let page = limit > 0 ? Array(found.dropFirst(offset).prefix(limit)) : Array(found.dropFirst(offset))
        // Miniflux writes null, not [], for a page without entries.
        return json(["total": total, "entries": page.isEmpty ? NSNull() : page.map(entryJSON) as Any])
    }

    private func updateStatuses(_ body: Data) -> LoopbackServer.Reply {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let ids = (object["entry_ids"] as? [Int])?.map(Int64.init), let status = object["status"] as? String else {
            return error(400, "Invalid JSON payload")
        }
        guard !ids.isEmpty else { return error(400, "The list of entries cannot be empty") }
        guard ["read", "unread", "removed"].contains(status) else { return error(400, "Invalid entry status") }
        let stamp = tick()
        for index in entryList.indices where ids.contains(entryList[index].id) {
            entryList[index].status = status
            entryList[index].changed = stamp
        }
        return LoopbackServer.Reply(status: 204)
    }

    private func tick() -> Date {
        clock += 1
        return clock
    }

    // MARK: JSON as Miniflux writes it

    /// A date as Go's encoding/json writes a time (RFC 3339).
    private static func stamp(_ date: Date) -> String { date.formatted(.iso8601) }

    private func categoryJSON(_ category: (id: Int64, title: String)) -> [String: Any] {
        ["id": category.id, "title": category.title, "user_id": 1, "hide_globally": false]
    }

    private func feedJSON(_ feed: Feed) -> [String: Any] {
        let category = categoryList.first { $0.id == feed.categoryID } ?? (feed.categoryID, "All")
        return ["id": feed.id, "user_id": 1, "feed_url": feed.feedURL, "site_url": feed.siteURL, "title": feed.title,
                "checked_at": Self.stamp(clock), "etag_header": "", "last_modified_header": "",
                "parsing_error_message": "", "parsing_error_count": 0, "scraper_rules": "", "rewrite_rules": "",
                "crawler": false, "blocklist_rules": "", "keeplist_rules": "", "user_agent": "", "username": "",
                "password": "", "disabled": false, "ignore_http_cache": false, "fetch_via_proxy": false,
                "category": categoryJSON(category), "icon": ["feed_id": feed.id, "icon_id": feed.id * 2]]
    }

    private func entryJSON(_ entry: Entry) -> [String: Any] {
        let feed = feedList.first { $0.id == entry.feedID }
            ?? Feed(id: entry.feedID, title: "", feedURL: "", siteURL: "", categoryID: 1)
        return ["id": entry.id, "user_id": 1, "feed_id": entry.feedID, "status": entry.status,
                "hash": String(entry.id * 7919, radix: 16), "title": entry.title, "url": entry.url,
                "comments_url": "", "published_at": Self.stamp(entry.published),
                "created_at": Self.stamp(entry.published), "changed_at": Self.stamp(entry.changed),
                "content": entry.content, "author": entry.author, "share_code": "", "starred": entry.starred,
                "reading_time": max(1, entry.content.count / 1200), "enclosures": [] as [Any], "feed": feedJSON(feed),
                "tags": entry.tags]
    }

    /// JSON with the `Date` header Go's net/http sends, from the fixture's clock.
    private func json(_ object: Any) -> LoopbackServer.Reply {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("null".utf8)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return LoopbackServer.Reply(status: 200, headers: [("Content-Type", "application/json"),
                                                           ("Date", formatter.string(from: clock))], body: data)
    }

    private func error(_ status: Int, _ message: String) -> LoopbackServer.Reply {
        var reply = json(["error_message": message])
        reply.status = status
        return reply
    }
}
