import Foundation
import NewsSources

/// Tiny Tiny RSS's JSON API, both ways: request bodies (every call is a JSON object POSTed to `api/`) and
/// answers (`{"seq": n, "status": 0|1, "content": ...}`) read into plain values. Pure.
///
/// The API is loose with types: ids and counts come as numbers or as quoted strings, flags as booleans,
/// numbers or strings, depending on the server's version and database. Every field is read leniently.
public enum TinyTinyRSSCodec {
    /// The most headlines one `getHeadlines` call returns (API level 6 and later); larger limits are cut.
    public static let headlineLimit = 200

    /// The body of one call: `op`, the session id when there is one, and the call's parameters.
    public static func call(_ op: String, session: String? = nil, _ parameters: [String: any Sendable] = [:]) -> Data {
        var object: [String: Any] = parameters
        object["op"] = op
        if let session { object["sid"] = session }
        // Every value given is a string, number or boolean: serialising cannot fail.
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// `login`: the session id.
    public static func sessionID(_ response: HTTPResponse) throws(TinyTinyRSSFailure) -> String {
        try content(WireLogin.self, response).sessionID
    }

    /// `getFeeds`: the real feeds (positive ids); virtual feeds and labels are not subscriptions.
    public static func feeds(_ response: HTTPResponse) throws(TinyTinyRSSFailure) -> [TinyTinyRSSFeed] {
        try content([WireFeed].self, response).compactMap { feed in
            guard let id = feed.id.value, id > 0 else { return nil }
            return TinyTinyRSSFeed(id: id, title: feed.title ?? "", feedURL: feed.feedURL ?? "",
                                   categoryID: feed.catID?.value ?? 0, unread: feed.unread?.value.map { Int($0) })
        }
    }

    /// `getCategories`: the user's categories (positive ids); "Special", "Labels" and "Uncategorized" are not.
    public static func categories(_ response: HTTPResponse) throws(TinyTinyRSSFailure) -> [TinyTinyRSSCategory] {
        try content([WireCategory].self, response).compactMap { category in
            guard let id = category.id.value, id > 0 else { return nil }
            return TinyTinyRSSCategory(id: id, title: category.title ?? "")
        }
    }

    /// `getHeadlines`: a page of articles. With `include_header` the API sends `[header, [articles]]`; both
    /// forms are read.
    public static func headlines(_ response: HTTPResponse) throws(TinyTinyRSSFailure) -> [TinyTinyRSSHeadline] {
        try content(WireHeadlines.self, response).items.compactMap { wire in
            guard let id = wire.id.value, let feedID = wire.feedID?.value else { return nil }
            return TinyTinyRSSHeadline(
                id: id, feedID: feedID, feedTitle: wire.feedTitle ?? "", title: wire.title ?? "", link: wire.link ?? "", author: wire.author ?? "",
                content: wire.content ?? "", updated: wire.updated?.value.map { Date(timeIntervalSince1970: Double($0)) },
                unread: wire.unread?.value ?? true, marked: wire.marked?.value ?? false,
                commentsLink: wire.commentsLink ?? "", tags: (wire.tags ?? []).filter { !$0.isEmpty })
        }
    }

    /// `getArticle`: whole articles by id, in the same shape as headlines.
    public static func articles(_ response: HTTPResponse) throws(TinyTinyRSSFailure) -> [TinyTinyRSSHeadline] {
        try headlines(response)
    }

    /// `updateArticle`: how many articles changed.
    public static func updatedCount(_ response: HTTPResponse) throws(TinyTinyRSSFailure) -> Int {
        Int(try content(WireUpdate.self, response).updated?.value ?? 0)
    }

    /// The `content` of a successful answer, or the failure the answer reports.
    static func content<T: Decodable>(_ type: T.Type, _ response: HTTPResponse) throws(TinyTinyRSSFailure) -> T {
        // A failure's content is `{"error": ...}`, which some answer types would also read: status first.
        if !SyncHTTP.looksLikeHTML(response), let head = try? JSONDecoder().decode(WireHead.self, from: response.body),
           head.status == 1 {
            throw classify(head.error ?? "")
        }
        do {
            return try SyncHTTP.decode(WireEnvelope<T>.self, from: response).content
        } catch {
            throw .answer(error)
        }
    }

    static func classify(_ code: String) -> TinyTinyRSSFailure {
        switch code {
        case "NOT_LOGGED_IN": .notLoggedIn
        case "LOGIN_ERROR": .loginError
        case "API_DISABLED": .apiDisabled
        default: .code(code)
        }
    }
}

// MARK: the wire shapes

private struct WireEnvelope<T: Decodable>: Decodable {
    var content: T
}

/// Just the status of an answer and, for a failure, its error code.
private struct WireHead: Decodable {
    var status: Int64?
    var error: String?
    enum CodingKeys: String, CodingKey { case status, content }
    private struct Failure: Decodable { var error: String? }
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = (try? container.decode(LenientInt.self, forKey: .status))?.value
        error = (try? container.decode(Failure.self, forKey: .content))?.error
    }
}

private struct WireLogin: Decodable {
    var sessionID: String
    enum CodingKeys: String, CodingKey { case sessionID = "session_id" }
}

private struct WireFeed: Decodable {
    var id: LenientInt
    var title: String?
    var feedURL: String?
    var catID: LenientInt?
    var unread: LenientInt?
    enum CodingKeys: String, CodingKey { case id, title, unread, feedURL = "feed_url", catID = "cat_id" }
}

private struct WireCategory: Decodable {
    var id: LenientInt
    var title: String?
}

private struct WireHeadline: Decodable {
    var id: LenientInt
    var feedID: LenientInt?
    var feedTitle: String?
    var title: String?
    var link: String?
    var author: String?
    var content: String?
    var updated: LenientInt?
    var unread: LenientBool?
    var marked: LenientBool?
    var commentsLink: String?
    var tags: [String]?
    enum CodingKeys: String, CodingKey {
        case id, title, link, author, content, updated, unread, marked, tags
        case feedID = "feed_id", feedTitle = "feed_title", commentsLink = "comments_link"
    }
}

/// `[articles]`, or `[header, [articles]]` when the header was asked for.
private struct WireHeadlines: Decodable {
    var items: [WireHeadline]
    init(from decoder: any Decoder) throws {
        if let plain = try? [WireHeadline](from: decoder) {
            items = plain
            return
        }
        var container = try decoder.unkeyedContainer()
        _ = try container.decode(IgnoredValue.self)
        items = try container.decode([WireHeadline].self)
    }
}

private struct WireUpdate: Decodable {
    var updated: LenientInt?
}

/// Anything at all (the header of a headline list, which Gazette does not use).
private struct IgnoredValue: Decodable {
    init(from decoder: any Decoder) throws {}
}

/// A number sent as a number or as a quoted string; nil when it is neither.
struct LenientInt: Decodable {
    var value: Int64?
    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let number = try? single.decode(Int64.self) {
            value = number
        } else if let text = try? single.decode(String.self) {
            value = Int64(text.trimmingCharacters(in: .whitespaces))
        } else {
            value = nil
        }
    }
}

/// A flag sent as a boolean, a number (0/1) or a string ("true", "t", "1", "false", "f", "0").
struct LenientBool: Decodable {
    var value: Bool?
    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let flag = try? single.decode(Bool.self) {
            value = flag
        } else if let number = try? single.decode(Int.self) {
            value = number != 0
        } else if let text = try? single.decode(String.self) {
            switch text.lowercased() {
            case "true", "t", "1": value = true
            case "false", "f", "0", "": value = false
            default: value = nil
            }
        } else {
            value = nil
        }
    }
}
