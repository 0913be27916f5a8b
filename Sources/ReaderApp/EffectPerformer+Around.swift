import NewsModel
import ReaderCore

/// Reloading the headline window around a story (after a refresh stored new ones).
extension EffectPerformer {
    /// The rows just newer than `cursor` (up to half the limit), then the cursor's row and the older
    /// ones; when nothing is newer, the first page. Returns the rows and the position of the first.
    static func rows(around cursor: HeadlineCursor, query: HeadlineQuery, limit: Int,
                     store: any ReaderStore) async throws -> (rows: [Headline], start: Int) {
        let newer = try await store.headlines(query, before: cursor, limit: max(1, limit / 2))
        guard let newest = newer.first, let oldestNewer = newer.last else {
            return (try await store.headlines(query, after: nil, limit: limit), 0)
        }
        let rest = try await store.headlines(query, after: HeadlineCursor(oldestNewer),
                                             limit: max(1, limit - newer.count))
        let start = try await store.position(of: HeadlineCursor(newest), in: query)
        return (newer + rest, start)
    }
}
