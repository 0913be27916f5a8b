import NewsModel

/// N, s and A: the reader's marks change on screen at once and are written to the cache in the background;
/// a failed write puts the mark back and says why. Rows stay in a view they no longer belong to (a story
/// marked read in "unread only") until the view is reloaded, so the selection never jumps under the reader.
extension AppState {
    /// N: the selected story read ↔ unread.
    mutating func toggleRead() -> [Effect] {
        guard let headline = list.selectedHeadline else { return nothingSelected() }
        let isRead = !headline.isRead
        list.setRead(headline.id, isRead)
        if story?.id == headline.id { story?.isRead = isRead }
        status = StatusMessage(isRead ? "Marked read" : "Marked unread")
        return [.setRead(headline.id, isRead)]
    }

    /// s: the selected story starred ↔ not.
    mutating func toggleStarred() -> [Effect] {
        guard let headline = list.selectedHeadline else { return nothingSelected() }
        let isStarred = !headline.isStarred
        list.setStarred(headline.id, isStarred)
        if story?.id == headline.id { story?.isStarred = isStarred }
        status = StatusMessage(isStarred ? "Starred" : "Unstarred")
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
        var changed = 0
        for index in list.rows.indices where list.rows[index].feedID == feedID && !list.rows[index].isRead {
            list.rows[index].isRead = true
            changed += 1
        }
        list.unread = max(0, list.unread - changed)
        if story?.feedID == feedID { story?.isRead = true }
        status = StatusMessage("Marking \(feedName(feedID)) read…")
        return [.markFeedRead(feedID, list.query)]
    }

    /// The cache has marked the feed: the exact unread count replaces the estimate made from loaded rows.
    mutating func receiveFeedMarkedRead(_ id: FeedID, _ query: HeadlineQuery, changed: Int, unread: Int) -> [Effect] {
        if query == list.query { list.unread = unread }
        let stories = changed == 1 ? "1 story" : "\(changed) stories"
        status = StatusMessage("Marked \(stories) of \(feedName(id)) read")
        return []
    }

    /// A write failed: the mark goes back (a whole feed is reloaded, its old marks being unknown here).
    mutating func receiveMarkFailure(_ mark: MarkRequest, _ message: String) -> [Effect] {
        switch mark {
        case .read(let id, let isRead):
            list.setRead(id, !isRead)
            if story?.id == id { story?.isRead = !isRead }
            status = StatusMessage("Could not mark the story \(isRead ? "read" : "unread"): \(message)", isError: true)
            return []
        case .starred(let id, let isStarred):
            list.setStarred(id, !isStarred)
            if story?.id == id { story?.isStarred = !isStarred }
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
