/// The urls file at start: the first frame shows what the cache already has, and the cache is brought in
/// line with the file behind it (a 10,000-line file just copied in is seconds of writing), with the status
/// bar saying so; the list follows once it is done, and only then are the new subscriptions fetched.
extension AppState {
    /// `.started`: asks for the update when the runtime has one to make, else goes straight to the start-up
    /// fetch of never-fetched subscriptions.
    mutating func applySubscriptionsOnStart() -> [Effect] {
        guard refresh.appliesSubscriptionsOnStart else { return fetchNewSubscriptionsOnStart() }
        let id = RequestID(rawValue: nextRequestNumber)
        nextRequestNumber += 1
        refresh.updatingSubscriptions = id
        return [.applySubscriptions(id)]
    }

    /// The update is done: the list shows the feeds as they now are (a page asked for meanwhile may have
    /// been read before the update ended, so it is asked for again), then the new subscriptions are fetched.
    mutating func receiveSubscriptionsApplied(_ id: RequestID, changed: Bool, failure: String?) -> [Effect] {
        guard refresh.updatingSubscriptions == id else { return [] }
        refresh.updatingSubscriptions = nil
        if let failure {
            status = StatusMessage("could not update the subscriptions from the urls file: \(failure)", isError: true)
        }
        var effects: [Effect] = []
        if changed {
            if let pending = list.pending {
                effects.append(requestHeadlines(pending.direction))
            } else {
                effects += reloadAroundSelection()
            }
        }
        return effects + fetchNewSubscriptionsOnStart()
    }
}
