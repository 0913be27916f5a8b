import Foundation
import NewsModel
import TextSafety

/// `subscription/list`'s answer.
struct GReaderSubscriptionList: Decodable {
    struct Item: Decodable {
        var id: String
        var title: String?
        var url: String?
        var htmlUrl: String?
        var categories: [Category]?
    }

    struct Category: Decodable {
        var id: String
        var label: String?
    }

    var subscriptions: [Item]
}

/// `stream/items/ids`'s answer, read with `JSONReader`: a sync reads the ids of every unread and every
/// starred item each time, thousands of them.
struct GReaderItemIDs: Equatable {
    /// The ids as the server wrote them (decimal or long form; a number is taken as its text).
    var ids: [String] = []
    var continuation: String?

    static func read(_ reader: inout JSONReader) throws -> GReaderItemIDs {
        var answer = GReaderItemIDs()
        try reader.readObject { reader, key in
            switch key {
            case "itemRefs":
                guard try !reader.readNull() else { return }
                try reader.readArray { reader, index in
                    var id: String?
                    try reader.readObject { reader, key in
                        if key == "id" { id = try reader.readText() } else { try reader.skipValue() }
                    }
                    guard let id else { throw reader.failure("itemRefs[\(index)] has no 'id'") }
                    answer.ids.append(id)
                }
            case "continuation": answer.continuation = try reader.readText()
            default: try reader.skipValue()
            }
        }
        return answer
    }
}

/// `stream/items/contents`'s answer, read with `JSONReader` straight into `RemoteStory` values: the
/// largest payload of a sync (250 items a request), where `JSONDecoder` was the first sync's largest cost.
enum GReaderStream {
    static func read(_ reader: inout JSONReader) throws -> [RemoteStory] {
        var stories: [RemoteStory]?
        try reader.readObject { reader, key in
            guard key == "items" else { return try reader.skipValue() }
            var items: [RemoteStory] = []
            try reader.readArray { reader, index in items.append(try item(&reader, index: index)) }
            stories = items
        }
        guard let stories else { throw reader.failure("the answer has no 'items'") }
        return stories
    }

    /// One item; only `id` is required, every other member may be missing or null.
    static func item(_ reader: inout JSONReader, index: Int) throws -> RemoteStory {
        var id: String?
        var title: String?, author: String?, canonical: String?, alternate: String?
        var published: Int64?, updated: Int64?
        var categories: [String] = []
        var streamID: String?, feedTitle: String?
        var summary: String?, content: String?
        try reader.readObject { reader, key in
            switch key {
            case "id": id = try reader.readText()
            case "title": title = try reader.readText()
            case "author": author = try reader.readText()
            case "published": published = try time(&reader)
            case "updated": updated = try time(&reader)
            case "canonical": canonical = try firstHref(&reader)
            case "alternate": alternate = try firstHref(&reader)
            case "categories":
                guard try !reader.readNull() else { return }
                try reader.readArray { reader, _ in
                    if let category = try reader.readText() { categories.append(category) }
                }
            case "origin":
                guard try !reader.readNull() else { return }
                try reader.readObject { reader, key in
                    switch key {
                    case "streamId": streamID = try reader.readText()
                    case "title": feedTitle = try reader.readText()
                    default: try reader.skipValue()
                    }
                }
            case "summary": summary = try text(&reader)
            case "content": content = try text(&reader)
            default: try reader.skipValue()
            }
        }
        guard let id else { throw reader.failure("items[\(index)] has no 'id'") }
        let state = RemoteStoryState(remoteID: GReaderIDs.shortForm(id),
                                     isRead: categories.contains { $0.hasSuffix("/state/com.google/read") },
                                     isStarred: categories.contains { $0.hasSuffix("/state/com.google/starred") })
        return RemoteStory(
            state: state, feedRemoteID: streamID ?? "feed/unknown", feedTitle: feedTitle,
            feedURL: streamID.flatMap { $0.hasPrefix("feed/") ? String($0.dropFirst(5)) : nil },
            title: title ?? "", link: canonical ?? alternate, author: author,
            published: published.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            updated: updated.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            contentHTML: content ?? summary, categories: categories.compactMap(GReaderIDs.label))
    }

    /// Seconds since 1970, as a number or (some servers) a string of digits; null is nil.
    private static func time(_ reader: inout JSONReader) throws -> Int64? {
        switch try reader.peek() {
        case .null: _ = try reader.readNull(); return nil
        case .string:
            let text = try reader.readString()
            guard let value = Int64(text) else { throw reader.failure("a time that is not a number: \(text.prefix(40))") }
            return value
        default: return try reader.readInt64()
        }
    }

    /// The first `href` of a list of links (`canonical`, `alternate`).
    private static func firstHref(_ reader: inout JSONReader) throws -> String? {
        guard try !reader.readNull() else { return nil }
        var first: String?
        try reader.readArray { reader, _ in
            guard try !reader.readNull() else { return }
            try reader.readObject { reader, key in
                if key == "href", first == nil { first = try reader.readText() } else { try reader.skipValue() }
            }
        }
        return first
    }

    /// The `content` of a `{"content": …}` object (`summary`, `content`).
    private static func text(_ reader: inout JSONReader) throws -> String? {
        guard try !reader.readNull() else { return nil }
        var content: String?
        try reader.readObject { reader, key in
            if key == "content" { content = try reader.readText() } else { try reader.skipValue() }
        }
        return content
    }
}
