import Foundation
import NewsModel
import NewsSources

/// Tiny Tiny RSS's JSON API: every call a JSON object POSTed to `…/api/` with the session id from `login`.
///
/// A sync reads, in pages of at most 200 (the API's limit): the articles newer than the last one seen
/// (`getHeadlines` with `since_id`, oldest first, with their content) — on a first sync instead the
/// articles of the last 30 days, newest first —, then the ids of every unread article and of every starred
/// one (`view_mode=unread`, feed -1; no content), which is how the API tells of marks made elsewhere on older
/// articles; the engine fetches the contents of listed articles it lacks (`getArticle`). Only feeds whose
/// unread counts moved are listed, and every feed at least daily (see `listing(after:)`). Marks go up with
/// `updateArticle`, many articles per call. TT-RSS does not date its marks, so a local mark not yet sent wins.
///
/// A `NOT_LOGGED_IN` answer (the session expired) logs in again once and repeats the call.
public actor TinyTinyRSSClient: SyncService {
    public nonisolated let contentBatchSize = 200
    public nonisolated let markBatchSize = 500
    /// Articles per `getHeadlines` page (at most `TinyTinyRSSCodec.headlineLimit`).
    let pageSize: Int

    let account: SyncAccount
    let password: String
    let http: SyncHTTP
    private var session: String?
    /// What the cache holds (`useLocalState`), the server's unread counts per feed (`getFeeds`) and the
    /// unread articles among this sync's new ones, per feed: what decides which feeds' unread lists to read.
    var local: LocalSyncState?
    var serverUnread: [String: Int] = [:]
    var newUnread: [String: Int] = [:]

    public init(account: SyncAccount, password: String, http: SyncHTTP, pageSize: Int = TinyTinyRSSCodec.headlineLimit) {
        self.account = account; self.password = password; self.http = http
        self.pageSize = min(max(1, pageSize), TinyTinyRSSCodec.headlineLimit)
    }

    /// The API's address: the account's `url` when it names `…/api/`, else `api/` under it (users give the
    /// address they open in a browser).
    var endpoint: String {
        var base = account.url
        while base.hasSuffix("/") { base.removeLast() }
        return base.hasSuffix("/api") ? base + "/" : base + "/api/"
    }

    // MARK: calls

    public func logIn() async throws(SyncError) {
        let response = try await post(TinyTinyRSSCodec.call("login", ["user": account.user, "password": password]))
        do {
            session = try TinyTinyRSSCodec.sessionID(response)
        } catch {
            throw describe(error)
        }
    }

    /// One call with the session; logs in first when there is none, and again once when the server says the
    /// session is gone.
    func call<T>(_ op: String, _ parameters: [String: any Sendable],
                 _ decode: (HTTPResponse) throws(TinyTinyRSSFailure) -> T) async throws(SyncError) -> T {
        if session == nil { try await logIn() }
        var loggedInAgain = false
        while true {
            let response = try await post(TinyTinyRSSCodec.call(op, session: session, parameters))
            do {
                return try decode(response)
            } catch .notLoggedIn where !loggedInAgain {
                loggedInAgain = true
                try await logIn()
            } catch .notLoggedIn {
                throw .sessionRefused
            } catch {
                throw describe(error)
            }
        }
    }

    private func post(_ body: Data) async throws(SyncError) -> HTTPResponse {
        let response = try await http.send(HTTPRequest(method: "POST", url: endpoint,
                                                       headers: [HTTPHeader("Content-Type", "application/json")], body: body))
        // The API answers 200 even for its errors; anything else is not the API speaking.
        guard response.status == 200 else {
            if response.status == 404 || SyncHTTP.looksLikeHTML(response) {
                throw .notTheAPI(contentType: response.header("Content-Type"), excerpt: SyncHTTP.excerpt(response.body))
            }
            throw .http(status: response.status, retryAfter: nil)
        }
        return response
    }

    private func describe(_ failure: TinyTinyRSSFailure) -> SyncError {
        switch failure {
        case .loginError: .wrongPassword(user: account.user)
        case .apiDisabled:
            .refused("API access is off for user '\(account.user)'; turn on \"Enable API\" in Tiny Tiny RSS's Preferences")
        case .notLoggedIn: .sessionRefused
        case .code(let code): .malformed("Tiny Tiny RSS answered \(code)")
        case .answer(let error): error
        }
    }

    // MARK: SyncService

    public func subscriptions() async throws(SyncError) -> [RemoteSubscription] {
        let categories = try await call("getCategories", ["include_empty": true], TinyTinyRSSCodec.categories)
        let names = Dictionary(categories.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let feeds = try await call("getFeeds", ["cat_id": -4], TinyTinyRSSCodec.feeds)
        serverUnread = [:]
        for feed in feeds {
            guard let unread = feed.unread else { serverUnread = [:]; break }
            serverUnread[String(feed.id)] = unread
        }
        return feeds.map { feed in
            RemoteSubscription(remoteID: String(feed.id), feedURL: feed.feedURL, title: feed.title,
                               labels: names[feed.categoryID].map { [$0] } ?? [])
        }
    }

    public func contents(_ ids: [String]) async throws(SyncError) -> [RemoteStory] {
        let numbers = ids.compactMap { Int64($0) }
        guard !numbers.isEmpty else { return [] }
        let list = numbers.map(String.init).joined(separator: ",")
        return try await call("getArticle", ["article_id": list], TinyTinyRSSCodec.articles).map(Self.story)
    }

    public func send(_ marks: [RemoteMark]) async throws(SyncError) {
        // field 2 is "unread", field 0 "starred"; mode 0 clears, 1 sets.
        let settings: [(RemoteMark.Action, field: Int, mode: Int)] = [(.read, 2, 0), (.unread, 2, 1), (.star, 0, 1), (.unstar, 0, 0)]
        for (action, field, mode) in settings {
            let ids = marks.filter { $0.action == action }.compactMap { Int64($0.remoteID) }
            guard !ids.isEmpty else { continue }
            _ = try await call("updateArticle", ["article_ids": ids.map(String.init).joined(separator: ","),
                                                 "mode": mode, "field": field], TinyTinyRSSCodec.updatedCount)
        }
    }

    static func state(_ item: TinyTinyRSSHeadline) -> RemoteStoryState {
        RemoteStoryState(remoteID: String(item.id), isRead: !item.unread, isStarred: item.marked)
    }

    /// An article as the engine stores it.
    static func story(_ item: TinyTinyRSSHeadline) -> RemoteStory {
        RemoteStory(state: state(item), feedRemoteID: String(item.feedID),
                    feedTitle: item.feedTitle.isEmpty ? nil : item.feedTitle, title: item.title,
                    link: item.link.isEmpty ? nil : item.link, author: item.author.isEmpty ? nil : item.author,
                    updated: item.updated, contentHTML: item.content.isEmpty ? nil : item.content, categories: item.tags)
    }
}
