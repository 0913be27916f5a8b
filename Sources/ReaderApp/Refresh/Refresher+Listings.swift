import Foundation
import NewsCache
import NewsModel
import NewsSources

extension Refresher {
    /// Refreshes a `hackernews:` or `lobsters:` subscription: its listing becomes a feed document, stored
    /// like any feed's. A server that asks us to wait (429 with Retry-After) is not asked again before then.
    func refreshListing(_ feed: Feed, _ outcome: FeedRefreshOutcome, at fetchedAt: Date) async -> FeedRefreshOutcome {
        guard case .success(let address)? = SourceAddress.parse(feed.url) else {
            let problem = SourceAddress.parse(feed.url).flatMap { result -> String? in
                if case .failure(let error) = result { return error.message }
                return nil
            }
            return record(outcome, failure: problem ?? "\(feed.url) is not a known source", at: fetchedAt)
        }
        let document: FeedDocument
        do {
            switch address {
            case .hackerNews(let list): document = try await hackerNews.stories(list)
            case .lobsters(let list): document = try await lobsters.stories(list)
            }
        } catch {
            var retryAt: Date?
            if case .unreachable(_, .http(_, let after)) = error { retryAt = after }
            return record(outcome, failure: error.description, at: fetchedAt, retryAt: retryAt)
        }
        var outcome = outcome
        do {
            let summary = try await cache.store(document, feedID: feed.id, fetchedAt: fetchedAt,
                                                fetch: FetchRecord(etag: nil, lastModified: nil))
            outcome.status = .updated(summary, warnings: [])
        } catch {
            outcome.status = .failed("cache: \(error)")
        }
        return outcome
    }
}
