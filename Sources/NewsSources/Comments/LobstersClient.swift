import TextSafety
import Foundation
import NewsModel

/// Lobsters: listings from `hottest.json`, `newest.json` and `t/TAG.json`, threads from `s/ID.json`.
/// Lobsters limits each address to a few requests a second, so this client sends one at a time.
public struct LobstersClient: CommentSource {
    public let endpoints: SourceEndpoints
    private let fetcher: FeedFetcher

    public init(endpoints: SourceEndpoints, policy: FetchPolicy) {
        self.endpoints = endpoints
        var policy = policy
        policy.perHostLimit = 1
        fetcher = FeedFetcher(policy: policy)
    }

    public var name: String { SourceEndpoints.host(of: endpoints.lobsters) }

    public func handles(_ target: CommentTarget) -> Bool { shortID(in: target.commentsURL) != nil }

    /// The story's short id in a discussion URL of this site (`…/s/abc123` or `…/s/abc123/a-title`).
    func shortID(in url: String?) -> String? {
        guard let url else { return nil }
        let prefixes = [endpoints.lobsters + "s/", "https://lobste.rs/s/"]
        guard let prefix = prefixes.first(where: { url.hasPrefix($0) }) else { return nil }
        let id = url.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber }
        return id.isEmpty ? nil : String(id)
    }

    public func comments(for target: CommentTarget) async throws(CommentSourceError) -> [FetchedComment] {
        guard let id = shortID(in: target.commentsURL) else { throw .noSource }
        let object = try await fetcher.json(endpoints.lobsters + "s/\(id).json", host: name)
        guard let story = object as? [String: Any], let list = story["comments"] as? [Any] else {
            throw .malformed(host: name, detail: "s/\(id).json is not a story with comments")
        }
        return list.compactMap { $0 as? [String: Any] }.compactMap(Self.comment)
    }

    /// One comment of the flat, thread-ordered list. `depth` counts from 0; the older `indent_level`
    /// counted from 1.
    static func comment(_ object: [String: Any]) -> FetchedComment? {
        guard let id = JSONField.string(object["short_id"]) else { return nil }
        let depth = JSONField.int(object["depth"]) ?? JSONField.int(object["indent_level"]).map { $0 - 1 } ?? 0
        let hidden = JSONField.bool(object["is_deleted"]) || JSONField.bool(object["is_moderated"])
        return FetchedComment(
            remoteID: id, parentRemoteID: JSONField.string(object["parent_comment"]),
            author: hidden ? nil : user(object["commenting_user"]).map(Sanitizer.cleanLine),
            date: JSONField.string(object["created_at"]).flatMap(date),
            score: JSONField.int(object["score"]),
            body: hidden ? "" : FeedHTMLSanitizer.sanitize(html: JSONField.string(object["comment"]) ?? "",
                                                       baseURL: JSONField.string(object["url"])),
            depth: max(0, depth), isDeleted: hidden)
    }

    /// A user is a name in today's JSON and an object with `username` in older answers.
    static func user(_ value: Any?) -> String? {
        if let name = JSONField.string(value) { return name }
        return JSONField.string((value as? [String: Any])?["username"])
    }

    /// Lobsters dates: ISO 8601 with milliseconds and an offset (`2026-08-01T10:00:00.000-05:00`).
    static func date(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        return ISO8601DateFormatter().date(from: text)
    }

    /// A listing as a feed document: each story's discussion page is its id and comments URL; a text post
    /// (no URL) links to its discussion and has its description as its body.
    public func stories(_ list: SourceAddress.LobstersList) async throws(CommentSourceError) -> FeedDocument {
        let object = try await fetcher.json(endpoints.lobsters + list.path, host: name)
        guard let stories = object as? [Any] else { throw .malformed(host: name, detail: "\(list.path) is not a list") }
        let entries = stories.compactMap { $0 as? [String: Any] }.compactMap { story -> FeedEntry? in
            guard let page = JSONField.string(story["comments_url"]) ?? JSONField.string(story["short_id_url"])
            else { return nil }
            var entry = FeedEntry(id: page, title: JSONField.string(story["title"]).map(Sanitizer.cleanLine),
                                  link: JSONField.string(story["url"]).flatMap(Sanitizer.safeURL) ?? page,
                                  published: JSONField.string(story["created_at"]).flatMap(Self.date),
                                  author: Self.user(story["submitter_user"]).map(Sanitizer.cleanLine),
                                  categories: (story["tags"] as? [String] ?? []).map(Sanitizer.cleanLine),
                                  commentsURL: page, commentCount: JSONField.int(story["comment_count"]))
            if let description = JSONField.string(story["description"]) {
                entry.content = FeedHTMLSanitizer.sanitize(html: description, baseURL: page)
            }
            return entry
        }
        let title: String
        switch list {
        case .hottest: title = "Lobsters"
        case .newest: title = "Lobsters: newest"
        case .tag(let tag): title = "Lobsters: \(tag)"
        }
        return FeedDocument(title: title, link: endpoints.lobsters, id: "lobsters:\(list.path)", encoding: "utf-8",
                            entries: entries)
    }
}
