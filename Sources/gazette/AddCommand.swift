import ArgumentParser
import Foundation
import NewsSources
import ReaderApp

/// `gazette add URL`: subscribes to a feed; given a web page, finds the feed the page advertises.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Subscribe to a feed, or to the feed a web page advertises.",
        discussion: """
            Writes a line to the urls file; the reader fetches new subscriptions as it starts (and R, the \
            refresh timer and gazette refresh re-read the file). With or without --no-check, the URL must be \
            an absolute http(s) URL, a file path, or a known source (hackernews:top, lobsters:hottest).
            """)

    @OptionGroup var location: PathOptions
    @Argument(help: ArgumentHelp(
        "A feed URL, a web page that links to its feed, a file path, or a listing: hackernews:top|new|best|ask|show|jobs, lobsters:hottest|newest|tag/NAME."))
    var url: String
    @Option(name: .customLong("tag"), help: "A tag for the feed (repeat for several).") var tags: [String] = []
    @Option(help: "A title to show instead of the feed's own.") var title: String?
    @Flag(help: "Subscribe without fetching the URL first.") var noCheck = false

    func run() async throws {
        let paths = (try location.resolved())
        let settings = try loadSettings(paths)
        var chosen = url
        if let problem = UrlsFile.problem(adding: url) { throw CommandFailure(message: problem, status: 2) }
        if !noCheck && Subscription(url: url).kind == .feed {
            let discovery = FeedDiscovery(fetcher: FeedFetcher(policy: settings.fetch))
            switch await discovery.resolve(url) {
            case .feed(let feedURL, let feedTitle, let via):
                chosen = feedURL
                if let via {
                    printLine("\(via) is a web page; it advertises the feed \(feedURL) — subscribing to that.")
                }
                printLine("Found “\(feedTitle ?? feedURL)”.")
            case .failed(let message):
                throw CommandFailure(message: "\(url): \(message)\n  (use --no-check to subscribe anyway)")
            }
        }
        let file = SubscriptionsFile(path: paths.urlsFile)
        do {
            if try file.add(Subscription(url: chosen, tags: tags, title: title)) {
                printLine("Subscribed to \(chosen). Fetch it with: gazette refresh")
            } else {
                printLine("Already subscribed to \(chosen).")
            }
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}

/// Loads config.toml for a command: warnings to stderr, errors as a failure with every bad line.
func loadSettings(_ paths: GazettePaths) throws -> Settings {
    let (settings, warnings) = try loadSettingsQuietly(paths)
    for warning in warnings { printError("gazette: warning: \(warning)") }
    return settings
}

/// Loads config.toml: the settings and the warnings in words (the file and line in each); errors as a
/// failure with every bad line.
func loadSettingsQuietly(_ paths: GazettePaths) throws -> (Settings, [String]) {
    do {
        let (settings, warnings) = try SettingsFile.load(path: paths.configFile)
        return (settings, warnings.map { "\(paths.configFile): \($0)" })
    } catch {
        throw CommandFailure(message: "bad configuration:\n\(error)", status: 2)
    }
}
