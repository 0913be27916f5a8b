import ArgumentParser
import Foundation
import NewsSources
import ReaderApp

/// `gazette add URL`: subscribes to a feed; given a web page, finds the feed the page advertises.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Subscribe to a feed, or to the feed a web page advertises.")

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
        if case .failure(let error)? = SourceAddress.parse(url) {
            throw CommandFailure(message: "\(url): \(error.message)", status: 2)
        }
        if !noCheck && Subscription(url: url).kind == .feed {
            let discovery = FeedDiscovery(fetcher: FeedFetcher(policy: settings.fetch))
            switch await discovery.resolve(url) {
            case .feed(let feedURL, let feedTitle, let via):
                chosen = feedURL
                if let via {
                    print("\(via) is a web page; it advertises the feed \(feedURL) — subscribing to that.")
                }
                print("Found “\(feedTitle ?? feedURL)”.")
            case .failed(let message):
                throw CommandFailure(message: "\(url): \(message)\n  (use --no-check to subscribe anyway)")
            }
        }
        let file = SubscriptionsFile(path: paths.urlsFile)
        do {
            if try file.add(Subscription(url: chosen, tags: tags, title: title)) {
                print("Subscribed to \(chosen). Fetch it with: gazette refresh")
            } else {
                print("Already subscribed to \(chosen).")
            }
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}

/// Loads config.toml for a command: warnings to stderr, errors as a failure with every bad line.
func loadSettings(_ paths: GazettePaths) throws -> Settings {
    do {
        let (settings, warnings) = try SettingsFile.load(path: paths.configFile)
        for warning in warnings { printError("gazette: warning: \(paths.configFile): \(warning)") }
        return settings
    } catch {
        throw CommandFailure(message: "bad configuration:\n\(error)", status: 2)
    }
}
