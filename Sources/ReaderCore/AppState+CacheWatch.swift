/// Other processes write the same cache (a `gazette refresh` from cron, a second reader): every few
/// seconds the runtime reads the cache's change stamp, and a new one reloads the headline window around
/// the selected story, so new stories appear and the selection stays.
extension AppState {
    /// The watch timer: ask for the stamp.
    mutating func cacheWatchTicked() -> [Effect] { [.checkCache] }

    /// The stamp: the first is only remembered; a different one reloads the window (once no page is
    /// awaited — until then the stamp is left unseen, so the next tick tries again).
    mutating func receiveCacheStamp(_ stamp: Int64) -> [Effect] {
        guard let previous = cacheStamp else {
            cacheStamp = stamp
            return []
        }
        guard previous != stamp, list.pending == nil, list.hasLoaded else { return [] }
        cacheStamp = stamp
        return reloadAroundSelection()
    }
}
