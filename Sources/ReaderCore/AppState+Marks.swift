import NewsModel

/// N, s and A: the reader's marks change on screen at once and are written to the cache in the background;
/// a failed write puts the mark back and says why. Until a write is answered its mark is in `marksInFlight`,
/// so a page or story read from the cache before the write lands shows the mark made, not the one stored.
/// Rows stay in a view they no longer belong to (a story marked read in "unread only") until the view is
/// reloaded, so the selection never jumps under the reader.
extension AppState {
    /// N: the selected story read ↔ unread.
    mutating func toggleRead() -> [Effect] {
        guard let headline = list.selectedHeadline else { return nothingSelected() }
        let isRead = !headline.isRead
        status = StatusMessage(isRead ? "Marked read" : "Marked unread")
        return [writeRead(headline.id, isRead)]
    }

    /// s: the selected story starred ↔ not.
    mutating func toggleStarred() -> [Effect] {
        guard let headline = list.selectedHeadline else { return nothingSelected() }
        let isStarred = !headline.isStarred
        list.setStarred(headline.id, isStarred)
        if story?.id == headline.id { story?.isStarred = isStarred }
        status = StatusMessage(isStarred ? "Starred" : "Unstarred")
        marksInFlight.add(.starred(headline.id, isStarred))
        return [.setStarred(headline.id, isStarred)]
    }

    /// A: every story of the feed read — the feed being viewed, else the selected story's feed.
    mutating func markFeedRead() -> [Effect] {
        let feedID: FeedID
        if case .feed(let id) = list.query.scope {
            feedID = id
        } else if let headline = list.selectedHeadline {
            feedID = headline.feedID
        } else {
            return nothingSelected()
        }
        var changed: Set<StoryID> = []
        for index in list.rows.indices where list.rows[index].feedID == feedID && !list.rows[index].isRead {
            list.rows[index].isRead = true
            changed.insert(list.rows[index].id)
        }
        list.unread = max(0, list.unread - changed.count)
        if story?.feedID == feedID { story?.isRead = true }
        status = StatusMessage("Marking \(feedName(feedID)) read…")
        marksInFlight.add(.feedRead(feedID), stories: changed)
        return [.markFeedRead(feedID, list.query)]
    }

    /// Sets a story's read mark on screen and asks for it to be written: N, and opening a story.
    mutating func writeRead(_ id: StoryID, _ isRead: Bool) -> Effect {
        list.setRead(id, isRead)
        if story?.id == id { story?.isRead = isRead }
        marksInFlight.add(.read(id, isRead))
        return .setRead(id, isRead)
    }

    /// A story's mark is in the cache: reads from now on carry it themselves.
    mutating func receiveMarkStored(_ mark: MarkRequest) -> [Effect] {
        marksInFlight.settle(mark)
        return []
    }

    /// The cache has marked the feed: the exact unread count replaces the estimate made from loaded rows.
    mutating func receiveFeedMarkedRead(_ id: FeedID, _ query: HeadlineQuery, changed: Int, unread: Int) -> [Effect] {
        marksInFlight.settle(.feedRead(id))
        if query == list.query { list.unread = unread }
        let stories = changed == 1 ? "1 story" : "\(changed) stories"
        status = StatusMessage("Marked \(stories) of \(feedName(id)) read")
        return []
    }

    /// A write failed: the mark goes back (a whole feed is reloaded, its old marks being unknown here),
    /// unless a later mark of the same story is still in flight, which then decides what the row shows.
    mutating func receiveMarkFailure(_ mark: MarkRequest, _ message: String) -> [Effect] {
        marksInFlight.settle(mark)
        switch mark {
        case .read(let id, let isRead):
            let shown = marksInFlight.isRead(id) ?? !isRead
            list.setRead(id, shown)
            if story?.id == id { story?.isRead = shown }
            status = StatusMessage("Could not mark the story \(isRead ? "read" : "unread"): \(message)", isError: true)
            return []
        case .starred(let id, let isStarred):
            let shown = marksInFlight.isStarred(id) ?? !isStarred
            list.setStarred(id, shown)
            if story?.id == id { story?.isStarred = shown }
            status = StatusMessage("Could not \(isStarred ? "star" : "unstar") the story: \(message)", isError: true)
            return []
        case .feedRead(let id):
            status = StatusMessage("Could not mark \(feedName(id)) read: \(message)", isError: true)
            return [requestHeadlines(.first)]
        case .viewRead:
            status = StatusMessage("Could not mark the stories read: \(message)", isError: true)
            return [requestHeadlines(.first)]
        }
    }

    /// A feed's name as the reader knows it.
    func feedName(_ id: FeedID) -> String {
        (views.feedTitles[id] ?? list.rows.first { $0.feedID == id }?.feedTitle)?.text ?? "the feed"
    }

    private mutating func nothingSelected() -> [Effect] {
        status = StatusMessage("No story selected")
        return []
    }
}

extension HeadlineWindow {
    /// Stars or unstars the loaded row of `id`.
    mutating func setStarred(_ id: StoryID, _ isStarred: Bool) {
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return }
        rows[index].isStarred = isStarred
    }
}
