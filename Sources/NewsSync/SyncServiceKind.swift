import NewsSources

/// The protocols Gazette speaks, as `type` names them in `[[sync]]`. Only protocols that work are listed:
/// config.toml refuses any other `type`.
public enum SyncServiceKind: String, Sendable, Equatable, CaseIterable {
    /// The Google Reader API: FreshRSS, Miniflux's compatibility API, Inoreader, The Old Reader, BazQux.
    case greader
    /// Miniflux's own REST API (v1).
    case miniflux
    /// Tiny Tiny RSS's JSON API.
    case ttrss

    /// The client for `account`, sending its requests through `fetcher` (its limits apply).
    public func makeService(for account: SyncAccount, password: String, fetcher: FeedFetcher) -> any SyncService {
        switch self {
        case .greader: GReaderClient(account: account, password: password, http: SyncHTTP(fetcher: fetcher))
        case .miniflux: MinifluxClient(account: account, password: password, http: SyncHTTP(fetcher: fetcher))
        case .ttrss: TinyTinyRSSClient(account: account, password: password, http: SyncHTTP(fetcher: fetcher))
        }
    }
}
