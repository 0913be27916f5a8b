import NewsModel

/// Which stories reader mode fetches the whole article for: each feed's `ExtractMode` (by feed URL, from
/// config.toml's `[extract]` table or the urls file's `extract:MODE`), else the default.
public struct ExtractPolicy: Sendable, Equatable, Hashable {
    public var defaultMode: ExtractMode
    /// Modes of single feeds, keyed by the feed's URL as subscribed.
    public var feeds: [String: ExtractMode]

    public init(defaultMode: ExtractMode = .auto, feeds: [String: ExtractMode] = [:]) {
        self.defaultMode = defaultMode; self.feeds = feeds
    }

    /// In `auto`, a feed text shorter than this many visible characters is taken for a summary. Summaries
    /// (a lead sentence, a teaser paragraph) run to 100–400 characters; the shortest news articles to
    /// well over 1,000; the bound sits between them with margin on both sides.
    public static let summaryLimit = 700

    /// How long a story must stay shown before its page is fetched on opening: longer than the gap
    /// between two stories passed with a held or quickly repeated key (30–100 ms), shorter than a glance at
    /// a story one means to read.
    public static let settleMilliseconds = 300

    /// Whether any feed is `always`: then the newest unread stories are fetched after each refresh.
    public var prefetches: Bool { defaultMode == .always || feeds.values.contains(.always) }

    /// This policy with the modes the urls file sets (`extract:MODE` on a feed's line) for the feeds
    /// config.toml's `[extract]` table does not name; a feed named in both keeps config.toml's mode.
    public func addingFeedModes(_ modes: [String: ExtractMode]) -> ExtractPolicy {
        var policy = self
        policy.feeds.merge(modes) { configured, _ in configured }
        return policy
    }

    public func mode(forFeedURL url: String?) -> ExtractMode {
        url.flatMap { feeds[$0] } ?? defaultMode
    }

    /// Whether opening `story` fetches its page: the story has a web link, has not been extracted or
    /// failed before, and its feed's mode asks for it.
    public func wantsExtraction(of story: Story) -> Bool {
        guard story.extractedText == nil, story.extractionNote == nil, Self.isWebLink(story.link) else { return false }
        switch mode(forFeedURL: story.feedURL) {
        case .never: return false
        case .always: return true
        case .auto: return Self.visibleLength(story.feedHTML ?? "", limit: Self.summaryLimit) < Self.summaryLimit
        }
    }

    static func isWebLink(_ link: String?) -> Bool {
        guard let link = link?.lowercased() else { return false }
        return link.hasPrefix("http://") || link.hasPrefix("https://")
    }

    /// Characters of `html` outside tags, each run of whitespace counted once and each entity as one;
    /// counting stops at `limit`.
    static func visibleLength(_ html: String, limit: Int) -> Int {
        var count = 0
        var inTag = false
        var inEntity = false
        var inSpace = true
        for byte in html.utf8 {
            if count >= limit { break }
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            if inEntity {
                let isName = byte == UInt8(ascii: "#") || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                    || (byte >= 0x30 && byte <= 0x39)
                if isName { continue }
                inEntity = false
                if byte == UInt8(ascii: ";") { continue }
            }
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: "&"): inEntity = true; count += 1; inSpace = false
            case 0x20, 0x09, 0x0A, 0x0D:
                if !inSpace { count += 1; inSpace = true }
            default:
                if byte & 0xC0 != 0x80 { count += 1 }
                inSpace = false
            }
        }
        return count
    }
}
