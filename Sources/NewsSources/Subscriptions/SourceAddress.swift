/// A subscription to a news site's own listing rather than a feed: `hackernews:top`, `lobsters:tag/swift`.
/// Parsing is strict so that `gazette add` refuses a list that would never refresh.
public enum SourceAddress: Sendable, Equatable, Hashable {
    case hackerNews(HackerNewsList)
    case lobsters(LobstersList)

    /// The Hacker News lists the Firebase API serves, by the name used after `hackernews:`.
    public enum HackerNewsList: String, Sendable, CaseIterable {
        case top, new, best, ask, show, jobs
        /// The Firebase document listing the list's story ids.
        public var endpoint: String { "\(rawValue)stories.json" }
    }

    /// The Lobsters listings with a JSON form.
    public enum LobstersList: Sendable, Equatable, Hashable {
        case hottest, newest
        case tag(String)
        /// The path of the listing's JSON, relative to the site's base URL.
        public var path: String {
            switch self {
            case .hottest: "hottest.json"
            case .newest: "newest.json"
            case .tag(let name): "t/\(name).json"
            }
        }
    }

    /// The address `url` names, or why it names none (nil for URLs without a source scheme).
    public static func parse(_ url: String) -> Result<SourceAddress, SourceAddressError>? {
        let lower = url.lowercased()
        for prefix in ["hackernews:", "hn:"] where lower.hasPrefix(prefix) {
            let name = String(lower.dropFirst(prefix.count))
            guard let list = HackerNewsList(rawValue: name) else {
                return .failure(SourceAddressError(message: "unknown Hacker News list '\(name)' (known: "
                    + HackerNewsList.allCases.map { "hackernews:\($0.rawValue)" }.joined(separator: ", ") + ")"))
            }
            return .success(.hackerNews(list))
        }
        if lower.hasPrefix("lobsters:") {
            let name = String(url.dropFirst("lobsters:".count))
            switch name.lowercased() {
            case "hottest": return .success(.lobsters(.hottest))
            case "newest": return .success(.lobsters(.newest))
            default:
                let tag = name.hasPrefix("tag/") ? String(name.dropFirst(4)) : ""
                let allowed = tag.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
                }
                guard !tag.isEmpty, allowed else {
                    return .failure(SourceAddressError(message:
                        "unknown Lobsters list '\(name)' (known: lobsters:hottest, lobsters:newest, lobsters:tag/NAME)"))
                }
                return .success(.lobsters(.tag(tag)))
            }
        }
        return nil
    }
}

/// Why a `hackernews:`/`lobsters:` subscription names nothing Gazette can read.
public struct SourceAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
