import TextSafety
import Foundation
import NewsSources

/// Finds the feed behind a URL the user gave: the URL itself when it is a feed, else the first feed its
/// page advertises with `<link rel="alternate">` (checked by fetching and parsing it too).
public struct FeedDiscovery: Sendable {
    /// What discovery found.
    public enum Outcome: Sendable, Equatable {
        /// A working feed; `via` is the page it was found on, when the URL was a page.
        case feed(url: String, title: String?, via: String?)
        case failed(String)
    }

    let fetcher: FeedFetcher

    public init(fetcher: FeedFetcher) { self.fetcher = fetcher }

    public func resolve(_ url: String) async -> Outcome {
        switch await check(url) {
        case .success(let title):
            return .feed(url: url, title: title, via: nil)
        case .failure(.notAFeed(let advertised)):
            guard !advertised.isEmpty else {
                return .failed("not a feed, and the page advertises no feed")
            }
            var reasons: [String] = []
            // A page's links are text from outside: a control character in one (`&#27;` decoded to ESC) is
            // percent-encoded as a browser would, so it can reach neither a request, the urls file nor a
            // terminal.
            for candidate in advertised.map(Sanitizer.percentEncodingControls) {
                switch await check(candidate) {
                case .success(let title): return .feed(url: candidate, title: title, via: url)
                case .failure(let problem): reasons.append("\(candidate): \(problem.message)")
                }
            }
            return .failed("the page's feeds do not work: " + reasons.joined(separator: "; "))
        case .failure(let problem):
            return .failed(problem.message)
        }
    }

    /// Why a URL is not a usable feed.
    enum Problem: Error, Equatable {
        case notAFeed([String])
        case other(String)
        var message: String {
            switch self {
            case .notAFeed: "not a feed"
            case .other(let text): text
            }
        }
    }

    private func check(_ url: String) async -> Result<String?, Problem> {
        do {
            guard case .fetched(let body) = try await fetcher.fetch(url) else { return .success(nil) }
            let parsed = try FeedParser.parse(data: body.data, url: body.finalURL, contentType: body.contentType,
                                              fetchedAt: Date())
            return .success(parsed.feed.title)
        } catch let error as FetchError {
            return .failure(.other(error.message))
        } catch FeedParseError.notAFeed(let advertised) {
            return .failure(.notAFeed(advertised))
        } catch {
            return .failure(.other("\(error)"))
        }
    }
}
