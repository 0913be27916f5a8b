import Foundation
import NewsModel
import NewsSources

/// Miniflux's own REST API (v1), richer than its Google Reader one: each entry comes whole, with its status,
/// its star and the time the server last changed it (`changed_at`), so a sync is one pass over
/// `GET /v1/entries?changed_after=…` in pages kept stable by `after_entry_id` (a page over the size limit
/// is asked for again with half the entries), and conflicts are settled by real timestamps. Read states go up in bulk (`PUT /v1/entries`); stars one by one, because Miniflux only
/// toggles them (`PUT /v1/entries/{id}/bookmark`), so the entry is read first and toggled only when its star
/// differs.
///
/// Authentication: HTTP basic auth with the account's user and password; when the server refuses it, the
/// password is tried as an API key (`X-Auth-Token`), so either works without another setting. A 401 later
/// logs in again once and repeats the call.
public actor MinifluxClient: SyncService {
    public nonisolated let contentBatchSize = 100
    public nonisolated let markBatchSize = 500
    /// Entries per `GET /v1/entries` page.
    let pageSize: Int
    /// Seconds taken off the server's clock for the next sync point: an entry changed while this sync read
    /// its pages is read again next time, never missed.
    static let margin: Int64 = 60

    let account: SyncAccount
    let password: String
    let http: SyncHTTP
    private var credential: HTTPHeader?
    /// Entries asked for per page now: halved, for the rest of the sync, when a page was over the size limit.
    private var limit: Int

    public init(account: SyncAccount, password: String, http: SyncHTTP, pageSize: Int = 250) {
        self.account = account; self.password = password; self.http = http; self.pageSize = max(1, pageSize)
        limit = self.pageSize
    }

    /// `path` under the server's address; a `url` given with `/v1` at its end is taken as the server's.
    func endpoint(_ path: String, _ query: [(String, String)] = []) -> String {
        var base = account.url
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/v1") { base.removeLast(3) }
        return SyncHTTP.url(base, path, query: query)
    }

    // MARK: authentication and requests

    public func logIn() async throws(SyncError) {
        let basic = Data("\(account.user):\(password)".utf8).base64EncodedString()
        for header in [HTTPHeader("Authorization", "Basic \(basic)"), HTTPHeader("X-Auth-Token", password)] {
            let response = try await http.send(HTTPRequest(url: endpoint("v1/me"), headers: [header]))
            if response.status == 401 || response.status == 403 { continue }
            try Self.check(response)
            _ = try MinifluxCodec.user(response)
            credential = header
            return
        }
        throw .wrongPassword(user: account.user)
    }

    /// Sends a request with the session's credential, logging in again once on a 401; any status but 2xx
    /// is an error.
    func call(_ method: String, _ url: String, json body: Data? = nil, missingIsFine: Bool = false)
        async throws(SyncError) -> HTTPResponse {
        if credential == nil { try await logIn() }
        var response = try await http.send(request(method, url, body))
        if response.status == 401 {
            try await logIn()
            response = try await http.send(request(method, url, body))
            if response.status == 401 { throw .sessionRefused }
        }
        if missingIsFine && response.status == 404 { return response }
        try Self.check(response)
        return response
    }

    private func request(_ method: String, _ url: String, _ body: Data?) -> HTTPRequest {
        var headers = credential.map { [$0] } ?? []
        if body != nil { headers.append(HTTPHeader("Content-Type", "application/json")) }
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    /// A status outside 2xx as an error, with the server's own words when it sent `error_message`.
    static func check(_ response: HTTPResponse) throws(SyncError) {
        guard !(200..<300).contains(response.status) else { return }
        if SyncHTTP.looksLikeHTML(response) {
            throw .notTheAPI(contentType: response.header("Content-Type"), excerpt: SyncHTTP.excerpt(response.body))
        }
        if let message = MinifluxCodec.errorMessage(response) {
            throw .malformed("Miniflux answered HTTP \(response.status): \(message)")
        }
        throw .http(status: response.status, retryAfter: nil)
    }

    // MARK: SyncService

    public func subscriptions() async throws(SyncError) -> [RemoteSubscription] {
        try MinifluxCodec.feeds(try await call("GET", endpoint("v1/feeds"))).map { feed in
            RemoteSubscription(remoteID: String(feed.id), feedURL: feed.feedURL, title: feed.title,
                               siteURL: feed.siteURL.isEmpty ? nil : feed.siteURL,
                               labels: feed.category.map { [$0.title] } ?? [])
        }
    }

    /// The cursor: the last entry id read, the sync point chosen on the first page, and the latest
    /// `changed_at` seen (the point when the server sends no `Date`).
    struct Cursor: Equatable {
        var afterID: Int64 = 0
        var point: Int64?
        var latestChange: Int64?

        init() {}

        init?(_ text: String?) {
            guard let text else { return nil }
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 3, let after = Int64(parts[0]) else { return nil }
            afterID = after; point = Int64(parts[1]); latestChange = Int64(parts[2])
        }

        var text: String { "\(afterID),\(point.map(String.init) ?? ""),\(latestChange.map(String.init) ?? "")" }
    }

    public func changes(since point: SyncPoint?, cursor: String?) async throws(SyncError) -> RemoteChangePage {
        var position = Cursor(cursor) ?? Cursor()
        let since = point.flatMap { Int64($0.value) }
        let response = try await entries(after: position.afterID, changedAfter: since)
        let page = try MinifluxCodec.entryPage(response)
        if cursor == nil, let date = response.header("Date").flatMap(FeedDateParser.parse) {
            position.point = Int64(date.timeIntervalSince1970) - Self.margin
        }
        for entry in page.entries {
            position.afterID = max(position.afterID, entry.id)
            if let changed = entry.changed.map({ Int64($0.timeIntervalSince1970) }) {
                position.latestChange = max(position.latestChange ?? changed, changed)
            }
        }
        var result = RemoteChangePage(stories: page.entries.map(Self.story))
        if page.entries.count == limit {
            result.next = position.text
        } else {
            let next = position.point ?? position.latestChange.map { $0 - Self.margin } ?? since
            result.syncPoint = next.map { SyncPoint(String($0)) }
        }
        return result
    }

    /// One page of `GET /v1/entries`, `limit` entries after `after`. A page over the size limit is asked for
    /// again with half the entries, and the smaller limit holds for the rest of the sync; a single entry over
    /// it is the limit's message.
    private func entries(after: Int64, changedAfter since: Int64?) async throws(SyncError) -> HTTPResponse {
        while true {
            var query = [("order", "id"), ("direction", "asc"), ("limit", String(limit))]
            if after > 0 { query.append(("after_entry_id", String(after))) }
            if let since { query.append(("changed_after", String(since))) }
            do {
                return try await call("GET", endpoint("v1/entries", query))
            } catch .unreachable(.tooLarge(let bytes)) {
                guard limit > 1 else { throw .unreachable(.tooLarge(limit: bytes)) }
                limit /= 2
            }
        }
    }

    public func contents(_ ids: [String]) async throws(SyncError) -> [RemoteStory] {
        var stories: [RemoteStory] = []
        for id in ids {
            guard let number = Int64(id), let entry = try await entry(number) else { continue }
            stories.append(Self.story(entry))
        }
        return stories
    }

    /// One entry, or nil when the server no longer has it.
    func entry(_ id: Int64) async throws(SyncError) -> MinifluxEntry? {
        let response = try await call("GET", endpoint("v1/entries/\(id)"), missingIsFine: true)
        return response.status == 404 ? nil : try MinifluxCodec.entry(response)
    }

    public func send(_ marks: [RemoteMark]) async throws(SyncError) {
        for (action, status) in [(RemoteMark.Action.read, MinifluxEntry.Status.read), (.unread, .unread)] {
            let ids = marks.filter { $0.action == action }.compactMap { Int64($0.remoteID) }
            guard !ids.isEmpty else { continue }
            _ = try await call("PUT", endpoint("v1/entries"), json: MinifluxCodec.statusUpdate(ids: ids, status: status))
        }
        for mark in marks where mark.action == .star || mark.action == .unstar {
            // Only a toggle exists: read the star first, so sending a mark twice cannot undo it.
            guard let id = Int64(mark.remoteID), let entry = try await entry(id) else { continue }
            if entry.starred != (mark.action == .star) {
                _ = try await call("PUT", endpoint("v1/entries/\(id)/bookmark"))
            }
        }
    }

    /// An entry as the engine stores it.
    static func story(_ entry: MinifluxEntry) -> RemoteStory {
        RemoteStory(
            state: RemoteStoryState(remoteID: String(entry.id), isRead: entry.status != .unread,
                                    isStarred: entry.starred, changedAt: entry.changed),
            feedRemoteID: String(entry.feedID), feedTitle: entry.feedTitle.isEmpty ? nil : entry.feedTitle,
            title: entry.title, link: entry.url.isEmpty ? nil : entry.url,
            author: entry.author.isEmpty ? nil : entry.author, published: entry.published,
            contentHTML: entry.content.isEmpty ? nil : entry.content, categories: entry.tags)
    }
}
