import Foundation
import NewsSources

/// Miniflux's JSON, read into plain values: feeds with their categories, pages of entries, the user, and the
/// `{"error_message": ...}` of a refusal. Pure: answers in, values out.
public enum MinifluxCodec {
    /// `GET /v1/me`: the user's name, which proves the credentials work.
    public static func user(_ response: HTTPResponse) throws(SyncError) -> String {
        try SyncHTTP.decode(WireUser.self, from: response).username
    }

    /// `GET /v1/feeds`.
    public static func feeds(_ response: HTTPResponse) throws(SyncError) -> [MinifluxFeed] {
        try SyncHTTP.decode([WireFeed].self, from: response).map(\.value)
    }

    /// `GET /v1/entries` (and `/v1/feeds/{id}/entries`): `{"total": n, "entries": [...]}`.
    public static func entryPage(_ response: HTTPResponse) throws(SyncError) -> MinifluxEntryPage {
        let page = try SyncHTTP.decode(WirePage.self, from: response)
        return MinifluxEntryPage(total: page.total, entries: (page.entries ?? []).map(\.value))
    }

    /// `GET /v1/entries/{id}`.
    public static func entry(_ response: HTTPResponse) throws(SyncError) -> MinifluxEntry {
        try SyncHTTP.decode(WireEntry.self, from: response).value
    }

    /// The server's own words in an error answer, when it sent `{"error_message": ...}`.
    public static func errorMessage(_ response: HTTPResponse) -> String? {
        guard !SyncHTTP.looksLikeHTML(response) else { return nil }
        return (try? JSONDecoder().decode(WireError.self, from: response.body))?.errorMessage
    }

    /// The body of `PUT /v1/entries`: set `status` on every entry of `ids` at once.
    public static func statusUpdate(ids: [Int64], status: MinifluxEntry.Status) -> Data {
        let list = ids.map(String.init).joined(separator: ",")
        return Data("{\"entry_ids\":[\(list)],\"status\":\"\(status.rawValue)\"}".utf8)
    }
}

// MARK: the wire shapes, as Miniflux's documentation gives them (fields Gazette does not use are left out)

private struct WireUser: Decodable {
    var username: String
}

private struct WireCategory: Decodable {
    var id: Int64
    var title: String
    var value: MinifluxCategory { MinifluxCategory(id: id, title: title) }
}

private struct WireFeed: Decodable {
    var id: Int64
    var title: String
    var feedURL: String
    var siteURL: String?
    var category: WireCategory?

    enum CodingKeys: String, CodingKey {
        case id, title, category
        case feedURL = "feed_url", siteURL = "site_url"
    }

    var value: MinifluxFeed {
        MinifluxFeed(id: id, title: title, feedURL: feedURL, siteURL: siteURL ?? "", category: category?.value)
    }
}

private struct WirePage: Decodable {
    var total: Int
    /// Miniflux writes `null` for an empty page.
    var entries: [WireEntry]?
}

private struct WireEntry: Decodable {
    var id: Int64
    var feedID: Int64
    var status: String
    var title: String
    var url: String
    var commentsURL: String?
    var author: String?
    var content: String?
    var publishedAt: String?
    var changedAt: String?
    var starred: Bool
    var tags: [String]?
    var feed: WireEntryFeed?

    enum CodingKeys: String, CodingKey {
        case id, status, title, url, author, content, starred, tags, feed
        case feedID = "feed_id", commentsURL = "comments_url", publishedAt = "published_at", changedAt = "changed_at"
    }

    var value: MinifluxEntry {
        MinifluxEntry(
            id: id, feedID: feedID, feedTitle: feed?.title ?? "", title: title, url: url, commentsURL: commentsURL ?? "", author: author ?? "",
            content: content ?? "", published: publishedAt.flatMap(FeedDateParser.parse),
            changed: changedAt.flatMap(FeedDateParser.parse),
            // A status this version does not know is read as unread: the story stays visible, nothing is lost.
            status: MinifluxEntry.Status(rawValue: status) ?? .unread, starred: starred, tags: tags ?? [])
    }
}

private struct WireEntryFeed: Decodable {
    var title: String?
}

private struct WireError: Decodable {
    var errorMessage: String
    enum CodingKeys: String, CodingKey { case errorMessage = "error_message" }
}
