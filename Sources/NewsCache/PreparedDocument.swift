import Foundation
import GRDB
import NewsModel

/// What a successful fetch records on its feed, in the transaction that stores the document.
public struct FetchRecord: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?
    public init(etag: String?, lastModified: String?) {
        self.etag = etag; self.lastModified = lastModified
    }
}

/// A feed document made ready for `NewsCache.store`: everything derived from its entries is computed before
/// the write transaction, on the caller's thread, so the single writer runs SQL only.
struct PreparedDocument: Sendable {
    let title: String?
    let link: String?
    let entries: [PreparedEntry]
}

/// One entry with the keys that decide insert, update or nothing.
struct PreparedEntry: Sendable {
    let entry: FeedEntry
    let identity: String
    let fingerprint: Int64
    /// The row's derived values; nil when the entry was stored unchanged when it was prepared.
    var values: StoryValues?
    /// For a story from a sync server: its account, its id there and the server's flags.
    var remote: RemoteFields?
}

/// What ties a stored story to its sync account: inserted with the row, so a new synced story is written
/// once, with its flags, and no mark trigger fires for it.
struct RemoteFields: Sendable {
    let account: Int64
    let remoteID: String
    /// The server's flags; nil leaves the stored one (a local mark that wins), and a new row unread/unstarred.
    let isRead: Bool?
    let isStarred: Bool?
}

/// The derived column values of a story row and its search entry, computed before the write transaction.
struct StoryValues: Sendable {
    let title: String
    let searchTitle: String
    /// The search entry's body as UTF-8 (`SearchText.bodyUTF8`), bound as a blob and cast to text.
    let searchBody: Data
    /// The values of `rowColumns`, in order: everything of the row that comes from the entry alone. Made
    /// here, on the thread that parsed the feed, because building statement arguments was 7 % of the
    /// single writer's work in a cold refresh.
    let row: StatementArguments

    /// The columns `row` holds values for, for an INSERT's column list.
    static let rowColumns = """
        link, title, author, published, updated, summary, content, categories, enclosures, comments_url, \
        replies_feed_url, comment_count
        """
    /// One placeholder for each of `rowColumns`.
    static let rowPlaceholders = Array(repeating: "?", count: 12).joined(separator: ", ")

    init(_ entry: FeedEntry) {
        title = NewsCache.title(entry)
        searchTitle = SearchText.title(title)
        searchBody = Data(SearchText.bodyUTF8(extracted: nil, content: entry.content, summary: entry.summary))
        row = [entry.link, title, entry.author, entry.published?.cacheValue, entry.updated?.cacheValue,
               entry.summary, entry.content, Self.json(entry.categories), Self.json(entry.enclosures),
               entry.commentsURL, entry.repliesFeedURL, entry.commentCount]
    }

    /// A non-empty list as JSON (`JSONEncoder`'s output), else nil.
    static func json<T: Encodable & Collection>(_ value: T) -> String? {
        guard !value.isEmpty, let data = try? JSONEncoder().encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// `json` of a list of strings (a story's categories, stored for nearly every story), written directly:
    /// the same text `JSONEncoder` writes, for about a twentieth of its instructions (1.3 % of a cold
    /// refresh went to encoding categories). `DerivedValueTests.categoriesJSONMatchesEncoder` holds the two
    /// together.
    static func json(_ strings: [String]) -> String? {
        guard !strings.isEmpty else { return nil }
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    out.append(UInt8(ascii: "\\")); out.append(byte)
                case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }
}
