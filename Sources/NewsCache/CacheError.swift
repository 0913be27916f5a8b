import Foundation
import GRDB
import NewsModel

/// Everything that can go wrong with the cache, with enough context to print a message a reader can act on.
public enum CacheError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// Another process kept the cache busy for longer than `NewsCache.busyTimeout`.
    case locked(path: String)
    /// The cache file (or its directory) cannot be written.
    case readOnly(path: String)
    /// The disk (or the file system holding the cache) is full; the transaction was rolled back.
    case diskFull(path: String)
    /// The file is not an SQLite database or is damaged.
    case corrupt(path: String, reason: String)
    /// The cache was written by a newer Gazette whose schema this one does not know.
    case newerSchema(path: String)
    /// A read-only open found a cache that still needs migrating, which only a writer may do.
    case needsMigration(path: String)
    /// The cache cannot be opened at all (missing directory, permissions, …).
    case cannotOpen(path: String, reason: String)
    /// A feed id that is not (or no longer) in the cache.
    case unknownFeed(FeedID)
    /// A story id that is not (or no longer) in the cache.
    case unknownStory(StoryID)
    /// Any other SQLite failure, with SQLite's own words.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case let .locked(path):
            return "the cache \(path) stayed busy for \(Int(NewsCache.busyTimeout)) seconds (another gazette was "
                + "writing to it); nothing was lost — try again"
        case let .readOnly(path):
            let folder = (path as NSString).deletingLastPathComponent
            // What to do comes first: the status bar may cut the end of a long line.
            return "the cache is read-only — reading works; to save, chmod u+w \(folder) \(path) "
                + "(or use --data-dir)"
        case let .diskFull(path):
            return "the disk holding the cache \(path) is full; nothing was lost, but new stories and read marks "
                + "cannot be saved until space is freed (try `gazette vacuum`)"
        case let .corrupt(path, reason):
            return "the cache \(path) is damaged or not a Gazette cache (\(reason)); move it away to start afresh"
        case let .newerSchema(path):
            return "the cache \(path) was written by a newer Gazette; upgrade Gazette to open it"
        case let .needsMigration(path):
            return "the cache \(path) must be upgraded by a writer first; close the other gazette and retry"
        case let .cannotOpen(path, reason):
            return "cannot open the cache \(path): \(reason)"
        case let .unknownFeed(id):
            return "no feed with id \(id) in the cache"
        case let .unknownStory(id):
            return "no story with id \(id) in the cache"
        case let .database(path, message):
            return "cache \(path): \(message)"
        }
    }

    public var errorDescription: String? { description }

    /// Translates a GRDB/SQLite error into the cache's own terms; anything else passes through unchanged.
    static func from(_ error: any Error, path: String) -> any Error {
        if let error = error as? CacheError { return error }
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_FULL:
            return CacheError.diskFull(path: path)
        case .SQLITE_READONLY:
            return CacheError.readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return CacheError.corrupt(path: path, reason: dbError.message ?? "\(dbError.resultCode)")
        case .SQLITE_CANTOPEN:
            return CacheError.cannotOpen(path: path, reason: dbError.message ?? "unable to open the file")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return CacheError.locked(path: path)
        default:
            return CacheError.database(path: path, message: dbError.message ?? "\(dbError)")
        }
    }
}
