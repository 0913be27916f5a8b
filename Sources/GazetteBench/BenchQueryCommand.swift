import ArgumentParser
import Foundation
import NewsCache
import NewsModel

/// `gazette-bench query open-feed URL | search WORDS --runs N` (hidden): times, in process, what the reader
/// does when a feed is opened (count, then the first page) or a search is run, against an existing cache,
/// and prints `open_ms=` / `search_ms=` medians for `make bench`.
struct BenchQueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query", abstract: "Time opening a feed or a search on a cache.")

    @OptionGroup var location: CacheFileOption
    @Argument(help: "open-feed or search") var what: String
    @Argument(help: "The feed's URL, or the search words.") var argument: String
    @Option(help: "Repetitions; the median is printed.") var runs = 5

    func run() throws {
        guard let cache = try location.openForReading() else {
            throw BenchFailure(message: "no cache at \(location.path)")
        }
        var samples: [Double] = []
        var detail = ""
        switch what {
        case "open-feed":
            guard let feed = try cache.feeds().first(where: { $0.url == argument }) else {
                throw BenchFailure(message: "no feed \(argument) in the cache")
            }
            for _ in 0..<max(1, runs) {
                let start = ContinuousClock.now
                let query = HeadlineQuery(scope: .feed(feed.id))
                let total = try cache.count(query)
                let page = try cache.headlines(query, limit: 100)
                samples.append(Self.milliseconds(since: start))
                detail = "stories=\(total) page=\(page.count)"
            }
            print(String(format: "open_ms=%.3f %@", Self.median(samples), detail))
        case "search":
            for _ in 0..<max(1, runs) {
                let start = ContinuousClock.now
                let hits = try cache.search(argument, limit: 50)
                let total = try cache.count(HeadlineQuery(scope: .search(argument)))
                samples.append(Self.milliseconds(since: start))
                detail = "matches=\(total) shown=\(hits.count)"
            }
            print(String(format: "search_ms=%.3f %@", Self.median(samples), detail))
        default:
            throw BenchFailure(message: "unknown measurement '\(what)' (open-feed or search)", status: 2)
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
