import TextSafety
import Foundation
import NewsModel

/// One Hacker News item (story, comment, job, poll) as either API describes it.
struct HackerNewsItem: Sendable, Equatable {
    var id: Int
    var parent: Int?
    var type: String?
    var author: String?
    var date: Date?
    var title: String?
    var url: String?
    /// HTML as the API gives it, not yet sanitised.
    var text: String?
    var score: Int?
    /// Replies in Hacker News's ranked display order (Firebase `kids`; Algolia's `children` are not ranked).
    var kids: [Int]
    var descendants: Int?
    var isDeleted: Bool
    var isDead: Bool

    /// A Firebase `item/ID.json` object; nil when it is not one (Firebase answers `null` for unknown ids).
    init?(firebase object: Any) {
        guard let item = object as? [String: Any], let id = JSONField.int(item["id"]) else { return nil }
        self.id = id
        parent = JSONField.int(item["parent"])
        type = JSONField.string(item["type"])
        author = JSONField.string(item["by"])
        date = JSONField.int(item["time"]).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        title = JSONField.string(item["title"])
        url = JSONField.string(item["url"])
        text = JSONField.string(item["text"])
        score = JSONField.int(item["score"])
        kids = JSONField.ints(item["kids"])
        descendants = JSONField.int(item["descendants"])
        isDeleted = JSONField.bool(item["deleted"])
        isDead = JSONField.bool(item["dead"])
    }

    /// One node of an Algolia `items/ID` tree, without its children (the caller walks them).
    init?(algolia node: [String: Any]) {
        guard let id = JSONField.int(node["id"]) else { return nil }
        self.id = id
        parent = JSONField.int(node["parent_id"])
        type = JSONField.string(node["type"])
        author = JSONField.string(node["author"])
        date = JSONField.int(node["created_at_i"]).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        title = JSONField.string(node["title"])
        url = JSONField.string(node["url"])
        text = JSONField.string(node["text"])
        score = JSONField.int(node["points"])
        kids = []
        descendants = nil
        // Algolia keeps a deleted comment's place with neither author nor text.
        isDeleted = author == nil && text == nil && type == "comment"
        isDead = JSONField.bool(node["dead"])
    }

    /// The comment as a thread entry at `depth`: deleted and dead ones keep their place, without text.
    func comment(depth: Int) -> FetchedComment {
        let hidden = isDeleted || isDead
        return FetchedComment(
            remoteID: String(id), parentRemoteID: parent.map(String.init),
            author: hidden ? nil : author.map(Sanitizer.cleanLine), date: date, score: nil,
            body: hidden ? "" : FeedHTMLSanitizer.sanitize(html: text ?? "", baseURL: "https://news.ycombinator.com/"),
            depth: depth, isDeleted: hidden)
    }

    /// The story as a feed entry: its discussion page is its id and comments URL; Ask and Show HN text is
    /// the story's body, other stories link out.
    var entry: FeedEntry {
        let page = SourceEndpoints.hackerNewsItemPage(id)
        var entry = FeedEntry(id: page, title: title.map(Sanitizer.cleanLine), link: url.flatMap(Sanitizer.safeURL) ?? page,
                              published: date, author: author.map(Sanitizer.cleanLine), commentsURL: page,
                              commentCount: type == "job" ? nil : (descendants ?? 0))
        if let text { entry.content = FeedHTMLSanitizer.sanitize(html: text, baseURL: "https://news.ycombinator.com/") }
        return entry
    }
}
