import Foundation
import NewsCache
import NewsModel
import NewsSources

/// Refreshes feeds: fetch (conditional GET) → parse → store, many at once within the fetch policy's limits.
/// One bad feed never stops the others: every failure is recorded on its feed with a readable message and
/// nothing stored before is touched.
public final class Refresher: Sendable {
    let cache: NewsCache
    private let fetcher: FeedFetcher
    private let limits: ParseLimits
    private let now: @Sendable () -> Date
    /// The Hacker News and Lobsters listings (`hackernews:top`, `lobsters:hottest`).
    let hackerNews: HackerNewsClient
    let lobsters: LobstersClient

    public init(cache: NewsCache, policy: FetchPolicy, endpoints: SourceEndpoints = SourceEndpoints(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.cache = cache
        self.fetcher = FeedFetcher(policy: policy)
        self.limits = ParseLimits(maxBytes: policy.maxBytes)
        self.now = now
        hackerNews = HackerNewsClient(endpoints: endpoints, policy: policy)
        lobsters = LobstersClient(endpoints: endpoints, policy: policy)
    }

    /// Refreshes `feeds`, reporting progress after each one. Feeds whose server asked us to wait are
    /// deferred unless `force` is set. Feeds of the sample edition are left alone.
    public func refresh(_ feeds: [Feed], force: Bool = false,
                        progress: (@Sendable (RefreshProgress) -> Void)? = nil) async -> RefreshReport {
        let started = ContinuousClock.now
        let candidates = feeds.filter { $0.kind != .sample && $0.kind != .synced }
        let window = max(1, fetcher.policy.overallLimit)
        var outcomes: [FeedRefreshOutcome] = []
        outcomes.reserveCapacity(candidates.count)
        // One read for every feed's validators; a feed added since falls back to its own read.
        let validators = (try? cache.allFeedValidators()) ?? [:]
        var running = RefreshProgress(done: 0, total: candidates.count, newStories: 0, errors: 0)
        progress?(running)
        await withTaskGroup(of: FeedRefreshOutcome.self) { group in
            var next = 0
            // A sliding window rather than one task per feed: fetched bodies wait for parsing in memory, so
            // the window bounds memory as well as connections.
            while next < min(window, candidates.count) {
                let feed = candidates[next]
                group.addTask { await self.refreshOne(feed, force: force, saved: validators[feed.id]) }
                next += 1
            }
            while let outcome = await group.next() {
                outcomes.append(outcome)
                running.done += 1
                running.newStories += outcome.newStories
                if outcome.isFailure { running.errors += 1 }
                progress?(running)
                if next < candidates.count {
                    let feed = candidates[next]
                    group.addTask { await self.refreshOne(feed, force: force, saved: validators[feed.id]) }
                    next += 1
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let order = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1.id, $0) })
        outcomes.sort { order[$0.feedID, default: 0] < order[$1.feedID, default: 0] }
        return RefreshReport(outcomes: outcomes, seconds: seconds)
    }

    /// Refreshes one feed and records the result on it.
    /// `saved` are the feed's validators when the caller has read them already.
    public func refreshOne(_ feed: Feed, force: Bool = false, saved known: FeedValidators? = nil) async
        -> FeedRefreshOutcome {
        var outcome = FeedRefreshOutcome(feedID: feed.id, url: feed.url, title: feed.title, status: .notModified)
        let fetchedAt = now()
        let saved: FeedValidators?
        do {
            saved = try known ?? cache.feedValidators(feed.id)
        } catch {
            outcome.status = .failed("cache: \(error)")
            return outcome
        }
        if !force, let due = saved?.nextDue, due > fetchedAt {
            outcome.status = .deferred(until: due)
            return outcome
        }
        if feed.kind == .hackerNews || feed.kind == .lobsters {
            return await refreshListing(feed, outcome, at: fetchedAt)
        }
        guard feed.kind == .feed else {
            return record(outcome, failure: "\(feed.kind.rawValue) sources cannot be refreshed", at: fetchedAt)
        }
        switch await fetchAndParse(feed, saved: saved, at: fetchedAt) {
        case .failed(let message, let retryAt, let moved):
            outcome.movedTo = moved
            return record(outcome, failure: message, at: fetchedAt, retryAt: retryAt)
        case .unchanged(let moved):
            outcome.movedTo = moved
            do {
                try await cache.recordUnchanged(feedID: feed.id, fetchedAt: fetchedAt,
                                                FetchRecord(etag: saved?.etag, lastModified: saved?.lastModified))
            } catch {
                outcome.status = .failed("cache: \(error)")
            }
            return outcome
        case .parsed(let parsed, let fetch, let moved):
            outcome.movedTo = moved
            do {
                // One transaction stores the stories and the validators; it waits for the writer without
                // holding a thread, so other feeds keep parsing meanwhile.
                let summary = try await cache.store(parsed.feed, feedID: feed.id, fetchedAt: fetchedAt,
                                                    fetch: fetch)
                outcome.status = .updated(summary, warnings: parsed.warnings)
            } catch {
                outcome.status = .failed("cache: \(error)")
            }
            return outcome
        }
    }

    /// What a feed's fetch and parse came to.
    private enum FetchStep {
        /// `movedTo`: the feed answered from a permanent redirect's target, which is worth saying even when
        /// what it sent could not be read.
        case failed(String, retryAt: Date?, movedTo: String? = nil)
        case unchanged(movedTo: String?)
        case parsed(ParseResult, FetchRecord, movedTo: String?)
    }

    /// Fetches and parses one feed. The body never leaves this function: a store can wait for the writer
    /// while other feeds arrive, and holding every waiting feed's body beside its parsed stories was ~1.5 MB
    /// of a 100-feed refresh's peak.
    private func fetchAndParse(_ feed: Feed, saved: FeedValidators?, at fetchedAt: Date) async -> FetchStep {
        let result: FetchResult
        do {
            result = try await fetcher.fetch(feed.url, validators: Validators(etag: saved?.etag,
                                                                             lastModified: saved?.lastModified))
        } catch {
            var retryAt: Date?
            if case .http(_, let retryAfter) = error { retryAt = retryAfter }
            return .failed(error.message, retryAt: retryAt)
        }
        switch result {
        case .notModified(let moved):
            return .unchanged(movedTo: moved)
        case .fetched(let body):
            do {
                let parsed = try FeedParser.parse(data: body.data, url: body.finalURL, contentType: body.contentType,
                                                  fetchedAt: fetchedAt, limits: limits)
                return .parsed(parsed, FetchRecord(etag: body.etag, lastModified: body.lastModified),
                               movedTo: body.permanentRedirect)
            } catch {
                return .failed("\(error)", retryAt: nil, movedTo: body.permanentRedirect)
            }
        }
    }

    func record(_ outcome: FeedRefreshOutcome, failure message: String, at date: Date,
                        retryAt: Date? = nil) -> FeedRefreshOutcome {
        var outcome = outcome
        outcome.status = .failed(message)
        // Recording can itself fail (disk full): the refresh still reports the feed's own error.
        try? cache.recordFetch(feedID: outcome.feedID, etag: nil, lastModified: nil, error: message, at: date,
                               nextDue: retryAt)
        return outcome
    }
}
