import Foundation
import NewsCache
import NewsModel
import NewsSources
import NewsSync

/// A real cache file in its own temporary folder, with the sync engine over it: what a sync test syncs
/// into and reads back.
final class SyncedCache {
    let directory: URL
    let cache: NewsCache
    let engine: SyncEngine
    let fetcher: FeedFetcher

    /// `maxBytes`: the size limit of one answer, as `max-feed-size-mb` sets it.
    init(maxBytes: Int = 32 << 20) throws {
        fetcher = FeedFetcher(policy: FetchPolicy(timeoutSeconds: 5, maxBytes: maxBytes))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        cache = try NewsCache(path: directory.appendingPathComponent("cache.sqlite").path)
        engine = SyncEngine(cache: cache)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var http: SyncHTTP { SyncHTTP(fetcher: fetcher) }

    /// Every stored headline, by title.
    func headlines() throws -> [String: Headline] {
        let rows = try cache.headlines(HeadlineQuery(), limit: 10_000)
        return Dictionary(rows.map { ($0.title.text, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The stored story titled `title`.
    func story(_ title: String) throws -> Headline? { try headlines()[title] }

    /// An account of `kind` at `url`.
    static func account(_ kind: SyncServiceKind, url: String, user: String = "reader",
                        password: String = "correct horse") -> SyncAccount {
        SyncAccount(name: "home", kind: kind, url: url, user: user, password: .literal(password))
    }
}
