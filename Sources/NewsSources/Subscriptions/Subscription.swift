import NewsModel

/// One line of the subscriptions: a feed URL (or a source scheme such as `hackernews:top`), its tags and an
/// optional title that overrides the feed's own.
public struct Subscription: Sendable, Equatable, Hashable {
    public var url: String
    public var tags: [String]
    public var title: String?

    public init(url: String, tags: [String] = [], title: String? = nil) {
        self.url = url; self.tags = tags; self.title = title
    }

    /// The kind of source the URL names: `hackernews:`/`lobsters:` schemes, else a feed.
    public var kind: SourceKind {
        let lower = url.lowercased()
        if lower.hasPrefix("hackernews:") || lower.hasPrefix("hn:") { return .hackerNews }
        if lower.hasPrefix("lobsters:") { return .lobsters }
        if lower.hasPrefix("sample:") { return .sample }
        return .feed
    }
}

/// A problem with one line of a subscriptions file: reported with its line number, and the line skipped.
public struct LineProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) { self.line = line; self.message = message }
    public var description: String { "line \(line): \(message)" }
}
