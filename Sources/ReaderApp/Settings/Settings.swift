import NewsSources
import NewsSync
import ReaderCore

/// Everything `config.toml` can set, with the defaults documented in README.md.
public struct Settings: Sendable, Equatable {
    /// Minutes between automatic refreshes while the reader runs; 0 turns them off.
    public var refreshIntervalMinutes = 60
    /// How fetching behaves: timeout, size limit, user agent, concurrency.
    public var fetch = FetchPolicy()
    /// The browser command as an argument vector (`%u` stands for the URL, else it is appended); nil:
    /// `$BROWSER`, else `xdg-open`.
    public var browser: [String]?
    /// Whether the browser runs in the terminal (true), detached beside it (false), or as its name says
    /// (nil: w3m, lynx, links, elinks, … are text browsers; see `BrowserLauncher.textBrowserNames`).
    public var textBrowser: Bool?
    /// The theme's name: a shipped theme or `NAME.toml` in the user's themes folder (`ThemeCatalog`).
    public var theme = "default"
    /// Opening a story marks it read.
    public var markReadOnOpen = true
    /// Stories older than this many days are purged (never starred, never unread); 0 keeps everything.
    public var keepDays = 0
    /// At most this many stories per feed are kept (starred and unread are never purged); 0: no limit.
    public var maxPerFeed = 0
    /// Reader mode: when to extract the whole article, by default and per feed URL (`[extract]`).
    public var extract = ExtractPolicy()
    /// Where Hacker News and Lobsters are served from (`[sources.hackernews]`, `[sources.lobsters]`).
    public var endpoints = SourceEndpoints()
    /// A story's stored comments older than this are fetched again when it is opened.
    public var commentsMaxAgeMinutes = 30
    /// The comment pane opens beside the story whenever the terminal has room for three panes.
    public var commentsBesideStory = true
    /// Accounts on aggregator servers (`[[sync]]` tables), in the file's order.
    public var syncAccounts: [SyncAccount] = []

    public init() {}
}

/// A problem with one setting, reported with the line it is on.
public struct SettingsProblem: Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var message: String
    public init(line: Int?, message: String) { self.line = line; self.message = message }
    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}

/// Why `config.toml` cannot be used: the file's path and every error in it, each with its line.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problems: [SettingsProblem]
    public init(path: String, problems: [SettingsProblem]) { self.path = path; self.problems = problems }
    public var description: String {
        problems.map { "\(path): \($0)" }.joined(separator: "\n")
    }
}
