import Foundation
import NewsCache
import NewsModel
import NewsSources

/// What the reader opens: the user's cache with their subscriptions, or the sample edition in a temporary
/// folder (with `--demo`, or when there are no subscriptions yet, so a first start is never an empty screen).
public final class ReaderSession: Sendable {
    public let cache: NewsCache
    /// A standing status-bar line: how to add feeds, or why the cache is read-only.
    public let hint: String?
    /// True when the session shows the sample edition.
    public let isSample: Bool
    /// Warnings to show once (bad lines in `urls`).
    public let warnings: [String]
    /// Reader modes set in the urls file (`extract:MODE`), by feed URL.
    public let extractModes: [String: ExtractMode]
    /// The urls file's subscriptions as read at start, not yet applied to the cache (see
    /// `applySubscriptions()`); empty for the sample edition.
    public let subscriptions: [Subscription]
    /// The temporary folder a sample session lives in; removed by `close()`.
    private let temporaryDirectory: String?

    private init(cache: NewsCache, hint: String?, isSample: Bool, warnings: [String], temporaryDirectory: String?,
                 extractModes: [String: ExtractMode] = [:], subscriptions: [Subscription] = []) {
        self.cache = cache; self.hint = hint; self.isSample = isSample; self.warnings = warnings
        self.temporaryDirectory = temporaryDirectory; self.extractModes = extractModes
        self.subscriptions = subscriptions
    }

    /// Brings the cache's feeds in line with the subscriptions read at start. Opening does not: with a
    /// large urls file this is seconds of writing, which the reader does after its first frame
    /// (`RefreshOptions.applyOnStart`). A read-only session changes nothing.
    public func applySubscriptions() throws -> SubscriptionSync.Changes {
        guard !isSample, cache.access == .readWrite else { return SubscriptionSync.Changes() }
        return try SubscriptionSync.apply(subscriptions, to: cache)
    }

    /// Why a session could not be opened.
    public struct OpenError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Opens the session for a start of the reader.
    /// - Parameters:
    ///   - urlsFile: the subscriptions; missing or empty means the sample edition, unless `hasAccounts`
    ///     (sync accounts in config.toml bring feeds of their own).
    ///   - cacheFile: the user's cache, opened for writing beside any other Gazette; read-only when it cannot
    ///     be written (a read-only file or folder, a full disk).
    public static func open(demo: Bool, urlsFile: String, cacheFile: String, hasAccounts: Bool = false)
        throws(OpenError) -> ReaderSession {
        if demo {
            return try sample(hint: "Sample edition (--demo): nothing is saved. Add real feeds with: gazette add URL")
        }
        let loaded: (subscriptions: [Subscription], problems: [LineProblem])
        do {
            loaded = try SubscriptionsFile(path: urlsFile).load()
        } catch {
            throw OpenError(description: "\(error)")
        }
        let warnings = loaded.problems.map { "\(urlsFile): \($0)" }
        var modes: [String: ExtractMode] = [:]
        for subscription in loaded.subscriptions { if let mode = subscription.extract { modes[subscription.url] = mode } }
        if loaded.subscriptions.isEmpty && !hasAccounts {
            return try sample(hint: "No subscriptions yet: this is the sample edition. Add feeds with: gazette add URL")
        }
        do {
            let cache = try NewsCache(path: cacheFile)
            return ReaderSession(cache: cache, hint: nil, isSample: false, warnings: warnings, temporaryDirectory: nil,
                                 extractModes: modes, subscriptions: loaded.subscriptions)
        } catch let error as CacheError {
            // A cache that cannot be written (a read-only file or folder, a full disk) can still be read:
            // open it for reading and say what to do. Anything else is a real failure.
            switch error {
            case .readOnly, .diskFull: break
            default: throw OpenError(description: "\(error)")
            }
            do {
                let cache = try NewsCache(path: cacheFile, access: .readOnly)
                return ReaderSession(cache: cache, hint: "Reading only: \(error)", isSample: false,
                                     warnings: warnings, temporaryDirectory: nil, extractModes: modes)
            } catch {
                throw OpenError(description: "\(error)")
            }
        } catch {
            throw OpenError(description: "\(error)")
        }
    }

    private static func sample(hint: String) throws(OpenError) -> ReaderSession {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-sample-XXXXXX").path
        var buffer = Array(template.utf8CString)
        guard let made = mkdtemp(&buffer) else {
            throw OpenError(description: "cannot create a temporary folder for the sample edition in "
                            + FileManager.default.temporaryDirectory.path)
        }
        let directory = String(cString: made)
        do {
            let cache = try NewsCache(path: directory + "/cache.sqlite")
            try SampleEdition.load(into: cache)
            return ReaderSession(cache: cache, hint: hint, isSample: true, warnings: [], temporaryDirectory: directory)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw OpenError(description: "cannot prepare the sample edition: \(error)")
        }
    }

    /// Closes the cache (see `NewsCache.close`: a refresh's task may still hold it while the process exits)
    /// and removes a sample session's temporary folder. The cache must no longer be used.
    public func close() {
        cache.close()
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }
}
