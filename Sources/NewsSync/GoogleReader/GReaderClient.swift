import Foundation
import NewsModel
import NewsSources

/// The Google Reader API as FreshRSS (and Miniflux, Inoreader, The Old Reader, BazQux) serve it.
///
/// Sync follows the pattern FreshRSS's maintainers recommend: the ids of every unread item
/// (`stream/items/ids`, `xt=…/read`), of every starred item, and of the items added since the last sync
/// (`ot`), each in pages joined by `continuation`; then the contents of only the ids the cache lacks, in
/// batches (`stream/items/contents`, POST). Marks go up with `edit-tag`, many items per request.
///
/// Authentication: `accounts/ClientLogin` gives an `Auth` token sent as `Authorization: GoogleLogin
/// auth=…`; edits also need the short-lived action token (`reader/api/0/token`, sent as `T`). A 401 means
/// the session expired: the client logs in (or fetches the action token) again once and repeats the call.
public actor GReaderClient: SyncService {
    public nonisolated let contentBatchSize = 250
    public nonisolated let markBatchSize = 250
    /// Ids asked for per `stream/items/ids` page.
    let idsPageSize: Int
    /// On a first sync, read items older than this are not fetched (unread and starred ones always are).
    static let firstSyncWindow: TimeInterval = 30 * 86_400

    let account: SyncAccount
    let password: String
    let http: SyncHTTP
    private var auth: String?
    private var actionToken: String?
    /// First pages of the starred and recent id lists asked for ahead, by phase (see `changes`).
    var prefetched: [String: Task<Result<IDAnswer, SyncError>, Never>] = [:]

    public init(account: SyncAccount, password: String, http: SyncHTTP, idsPageSize: Int = 10_000) {
        self.account = account; self.password = password; self.http = http; self.idsPageSize = idsPageSize
    }

    func endpoint(_ path: String, _ query: [(String, String)] = []) -> String {
        SyncHTTP.url(account.url, path, query: query)
    }

    // MARK: authentication

    public func logIn() async throws(SyncError) {
        let response = try await http.postForm(endpoint("accounts/ClientLogin"),
                                               [("Email", account.user), ("Passwd", password)])
        if response.status == 401 || response.status == 403 { throw .wrongPassword(user: account.user) }
        guard response.status == 200 else { throw .http(status: response.status, retryAfter: nil) }
        if SyncHTTP.looksLikeHTML(response) {
            throw .notTheAPI(contentType: response.header("Content-Type"), excerpt: SyncHTTP.excerpt(response.body))
        }
        let text = String(decoding: response.body, as: UTF8.self)
        let token = text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Auth=") }
            .map { String($0.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
        guard let token, !token.isEmpty else {
            throw .malformed("ClientLogin's answer has no Auth= line: \(SyncHTTP.excerpt(response.body))")
        }
        auth = token
        actionToken = nil
    }

    /// Sends the request `make` builds with the current token; on a 401 logs in again once and repeats.
    func authorized(_ make: (String) -> HTTPRequest) async throws(SyncError) -> HTTPResponse {
        if auth == nil { try await logIn() }
        var response = try await http.send(make(auth ?? ""))
        if response.status == 401 {
            try await logIn()
            response = try await http.send(make(auth ?? ""))
            if response.status == 401 { throw .sessionRefused }
        }
        guard (200..<300).contains(response.status) else { throw .http(status: response.status, retryAfter: nil) }
        return response
    }

    func get(_ path: String, _ query: [(String, String)]) async throws(SyncError) -> HTTPResponse {
        let url = endpoint(path, query)
        return try await authorized { token in
            HTTPRequest(url: url, headers: [HTTPHeader("Authorization", "GoogleLogin auth=\(token)")])
        }
    }

    func post(_ path: String, _ query: [(String, String)], form: [(String, String)]) async throws(SyncError)
        -> HTTPResponse {
        let url = endpoint(path, query)
        let body = Data(SyncHTTP.formEncoded(form).utf8)
        return try await authorized { token in
            HTTPRequest(method: "POST", url: url, headers: [
                HTTPHeader("Authorization", "GoogleLogin auth=\(token)"),
                HTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
            ], body: body)
        }
    }

    /// The action token edits need, fetched once per session.
    func editToken() async throws(SyncError) -> String {
        if let actionToken { return actionToken }
        let response = try await get("reader/api/0/token", [])
        if SyncHTTP.looksLikeHTML(response) {
            throw .notTheAPI(contentType: response.header("Content-Type"), excerpt: SyncHTTP.excerpt(response.body))
        }
        let token = String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw .malformed("an empty action token") }
        actionToken = token
        return token
    }

    /// An edit (`edit-tag`, `mark-all-as-read`) with the action token; a token the server calls bad
    /// (`X-Reader-Google-Bad-Token`) is fetched again once.
    func edit(_ path: String, _ form: [(String, String)]) async throws(SyncError) {
        for attempt in 0..<2 {
            let token = try await editToken()
            let url = endpoint(path)
            let body = Data(SyncHTTP.formEncoded(form + [("T", token)]).utf8)
            let auth = self.auth ?? ""
            let response = try await http.send(HTTPRequest(method: "POST", url: url, headers: [
                HTTPHeader("Authorization", "GoogleLogin auth=\(auth)"),
                HTTPHeader("Content-Type", "application/x-www-form-urlencoded"),
            ], body: body))
            if response.status == 401 && attempt == 0 {
                actionToken = nil
                if response.header("X-Reader-Google-Bad-Token") == nil { try await logIn() }
                continue
            }
            if response.status == 401 { throw .sessionRefused }
            guard (200..<300).contains(response.status) else { throw .http(status: response.status, retryAfter: nil) }
            return
        }
    }

    // MARK: subscriptions and marks

    public func subscriptions() async throws(SyncError) -> [RemoteSubscription] {
        let response = try await get("reader/api/0/subscription/list", [("output", "json")])
        let list = try SyncHTTP.decode(GReaderSubscriptionList.self, from: response)
        return list.subscriptions.map { item in
            RemoteSubscription(remoteID: item.id, feedURL: item.url ?? String(item.id.dropFirst(5)),
                               title: item.title ?? item.id, siteURL: item.htmlUrl,
                               labels: (item.categories ?? []).compactMap { $0.label ?? GReaderIDs.label($0.id) })
        }
    }

    public func send(_ marks: [RemoteMark]) async throws(SyncError) {
        // One edit-tag per action, with every item of that action.
        for action in RemoteMark.Action.allCases {
            let ids = marks.filter { $0.action == action }.map(\.remoteID)
            guard !ids.isEmpty else { continue }
            var form = ids.map { ("i", GReaderIDs.longForm($0)) }
            switch action {
            case .read: form.append(("a", GReaderIDs.read))
            case .unread: form.append(("r", GReaderIDs.read))
            case .star: form.append(("a", GReaderIDs.starred))
            case .unstar: form.append(("r", GReaderIDs.starred))
            }
            try await edit("reader/api/0/edit-tag", form)
        }
    }

    /// Marks everything in `stream` (a feed's `feed/…` id, a label) older than `before` read on the server.
    public func markAllAsRead(stream: String, before: Date) async throws(SyncError) {
        try await edit("reader/api/0/mark-all-as-read",
                       [("s", stream), ("ts", String(Int64(before.timeIntervalSince1970 * 1_000_000)))])
    }
}
