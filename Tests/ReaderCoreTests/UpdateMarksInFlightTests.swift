import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

/// A mark is written in the background and may wait behind a refresh holding the cache's writer; a reload
/// that reads the cache before the write lands must not bring the old mark back (issue 18's soak found
/// rows showing, and the next `s`/`N` toggling from, the stored mark instead of the one just made).
@Suite("update: marks still being written survive reloads that read the cache before them")
struct UpdateMarksInFlightTests {
    func press(_ state: inout AppState, _ character: Character) -> [Effect] {
        update(&state, .keyPressed(.character(character)))
    }

    /// Asks for a reload (u: the same stories, unread only) and answers it with `page`, as the cache held
    /// it when read.
    func reload(_ state: inout AppState, with page: HeadlinePage) throws {
        let request = try #require(Fixtures.headlineRequest(press(&state, "u")))
        _ = update(&state, .headlinesLoaded(request.id, page))
    }

    /// The first five headlines as stored, with `change` applied to each.
    func storedPage(_ change: (inout Headline) -> Void = { _ in }) -> HeadlinePage {
        var page = Fixtures.page(0..<5, total: 5)
        for index in page.rows.indices { change(&page.rows[index]) }
        page.unread = page.rows.filter { !$0.isRead }.count
        return page
    }

    @Test("s, then a reload read before the star was written: the row keeps its star and s unstars it")
    func starSurvivesStaleReload() throws {
        var state = Fixtures.loadedState(total: 5)
        let id = Fixtures.headline(0).id
        #expect(press(&state, "s") == [.setStarred(id, true)])
        try reload(&state, with: storedPage())
        #expect(state.list.selectedHeadline?.isStarred == true)
        #expect(press(&state, "s") == [.setStarred(id, false)])
        #expect(state.list.selectedHeadline?.isStarred == false)

        // The first write lands; a reload now carries it, but the second is still on its way.
        _ = update(&state, .markStored(.starred(id, true)))
        try reload(&state, with: storedPage { $0.isStarred = $0.id == id })
        #expect(state.list.selectedHeadline?.isStarred == false)
        _ = update(&state, .markStored(.starred(id, false)))
        #expect(state.marksInFlight.isEmpty)
    }

    @Test("N, then a reload read before the mark was written: the row stays read, the count agrees, N undoes it")
    func readSurvivesStaleReload() throws {
        var state = Fixtures.loadedState(total: 5)
        let id = Fixtures.headline(0).id
        #expect(press(&state, "N") == [.setRead(id, true)])
        try reload(&state, with: storedPage())
        #expect(state.list.selectedHeadline?.isRead == true)
        #expect(state.list.unread == 4)
        #expect(press(&state, "N") == [.setRead(id, false)])
        #expect(state.list.unread == 5)
    }

    @Test("once the write is answered, reloads show what the cache holds again")
    func answeredMarkIsNotReapplied() throws {
        var state = Fixtures.loadedState(total: 5)
        let id = Fixtures.headline(0).id
        _ = press(&state, "s")
        _ = update(&state, .markStored(.starred(id, true)))
        #expect(state.marksInFlight.isEmpty)
        // Another process (a sync, a second reader) unstarred it since.
        try reload(&state, with: storedPage())
        #expect(state.list.selectedHeadline?.isStarred == false)
    }

    @Test("a story opened (so marked read) and loaded before that mark was written shows as read")
    func openedStoryLoadedBeforeItsMark() throws {
        var state = Fixtures.loadedState(total: 5)
        _ = update(&state, .keyPressed(.down))
        let headline = Fixtures.headline(1)
        #expect(update(&state, .keyPressed(.enter)) == [.setRead(headline.id, true)])
        _ = update(&state, .storyLoaded(headline.id, Fixtures.story(for: headline)))
        #expect(state.shownStory?.isRead == true)
    }

    @Test("a failed mark goes back only when no later mark of the story is still being written")
    func failureUnderLaterMark() {
        var state = Fixtures.loadedState(total: 5)
        let id = Fixtures.headline(0).id
        _ = press(&state, "s")
        _ = press(&state, "s")
        _ = press(&state, "s")
        // The first write failed; the two after it still run, and the last one decides.
        _ = update(&state, .markFailed(.starred(id, true), message: "disk full"))
        #expect(state.list.selectedHeadline?.isStarred == true)
        #expect(state.status?.isError == true)
        _ = update(&state, .markStored(.starred(id, false)))
        _ = update(&state, .markFailed(.starred(id, true), message: "disk full"))
        #expect(state.list.selectedHeadline?.isStarred == false)
        #expect(state.marksInFlight.isEmpty)
    }

    @Test("A: rows it turned read stay read through a reload until the feed is marked in the cache")
    func feedReadSurvivesStaleReload() throws {
        var state = Fixtures.loadedState(total: 5)
        #expect(press(&state, "A") == [.markFeedRead(FeedID(1), HeadlineQuery())])
        try reload(&state, with: storedPage())
        #expect(state.list.rows.allSatisfy { $0.isRead })
        #expect(state.list.unread == 0)
        _ = update(&state, .feedMarkedRead(FeedID(1), HeadlineQuery(scope: .all, unreadOnly: true), changed: 5, unread: 0))
        #expect(state.marksInFlight.isEmpty)
    }

    @Test("C, y: the rows stay read through a reload until the view is marked in the cache")
    func viewReadSurvivesStaleReload() throws {
        var state = Fixtures.loadedState(total: 5)
        _ = press(&state, "C")
        #expect(press(&state, "y") == [.markViewRead(HeadlineQuery())])
        try reload(&state, with: storedPage())
        #expect(state.list.rows.allSatisfy { $0.isRead })
        _ = update(&state, .viewMarkedRead(HeadlineQuery(), changed: 5))
        #expect(state.marksInFlight.isEmpty)
    }
}
