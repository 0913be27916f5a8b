/// When reader mode fetches a story's web page for the whole article (per feed, `[extract]` in config.toml).
public enum ExtractMode: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// When the feed's own text is short: a summary rather than the article.
    case auto
    /// For every story, and for the newest unread ones in the background after a refresh.
    case always
    /// Never; `x` still fetches the article of the story shown.
    case never
}
