import Foundation
import NewsModel

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

/// `stream/items/ids`'s answer.
struct GReaderItemIDs: Decodable {
    struct Ref: Decodable {
        var id: String
    }

    var itemRefs: [Ref]?
    var continuation: String?
}

/// `stream/items/contents`'s answer.
struct GReaderStream: Decodable {
    struct Link: Decodable {
        var href: String?
    }

    struct Text: Decodable {
        var content: String?
    }

    struct Origin: Decodable {
        var streamId: String?
        var title: String?
        var htmlUrl: String?
    }

    struct Item: Decodable {
        var id: String
        var title: String?
        var published: Int64?
        var updated: Int64?
        var canonical: [Link]?
        var alternate: [Link]?
        var categories: [String]?
        var origin: Origin?
        var summary: Text?
        var content: Text?
        var author: String?

        var story: RemoteStory {
            let categories = self.categories ?? []
            let state = RemoteStoryState(remoteID: GReaderIDs.shortForm(id),
                                         isRead: categories.contains { $0.hasSuffix("/state/com.google/read") },
                                         isStarred: categories.contains { $0.hasSuffix("/state/com.google/starred") })
            return RemoteStory(
                state: state, feedRemoteID: origin?.streamId ?? "feed/unknown", feedTitle: origin?.title,
                feedURL: origin?.streamId.flatMap { $0.hasPrefix("feed/") ? String($0.dropFirst(5)) : nil },
                title: title ?? "", link: canonical?.first?.href ?? alternate?.first?.href, author: author,
                published: published.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                updated: updated.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                contentHTML: content?.content ?? summary?.content,
                categories: categories.compactMap(GReaderIDs.label))
        }
    }

    var items: [Item]
}
