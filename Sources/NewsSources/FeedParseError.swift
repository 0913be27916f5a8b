/// Why a document could not be read as a feed. Recoverable damage (bad entities, truncation) is not an
/// error: it becomes a warning in `ParseResult`.
public enum FeedParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The document is larger than `ParseLimits.maxBytes`.
    case tooLarge(size: Int, limit: Int)
    /// The document is empty or only white space.
    case empty
    /// The document is a web page (or something else), not a feed. `advertisedFeeds` lists the absolute URLs
    /// of the feeds the page links with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`.
    case notAFeed(advertisedFeeds: [String])
    /// Internal entities would expand past the limit (an entity-expansion bomb).
    case entityExpansionLimit(Int)
    /// JSON that is not a JSON Feed, or is not valid JSON.
    case invalidJSON(String)

    public var description: String {
        switch self {
        case .tooLarge(let size, let limit):
            return "the document is \(size) bytes, over the limit of \(limit) bytes"
        case .empty:
            return "the document is empty"
        case .notAFeed(let feeds):
            if feeds.isEmpty { return "not a feed (no RSS, Atom or JSON Feed found, and no feed links)" }
            return "not a feed; the page advertises: " + feeds.joined(separator: " ")
        case .entityExpansionLimit(let limit):
            return "entity expansion exceeds \(limit) bytes (an entity bomb?); refused"
        case .invalidJSON(let reason):
            return "not a JSON Feed: \(reason)"
        }
    }
}
