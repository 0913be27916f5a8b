import NewsModel

/// One line of the subscriptions: a feed URL (or a source scheme such as `hackernews:top`), its tags, an
/// optional title that overrides the feed's own, and an optional reader-mode setting (`extract:MODE`).
public struct Subscription: Sendable, Equatable, Hashable {
    public var url: String
    public var tags: [String]
    public var title: String?
    /// The feed's reader mode as the line sets it, or nil to leave it to config.toml.
    public var extract: ExtractMode?

    public init(url: String, tags: [String] = [], title: String? = nil, extract: ExtractMode? = nil) {
        self.url = url; self.tags = tags; self.title = title; self.extract = extract
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
