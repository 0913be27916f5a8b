import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

/// Comments fetched in the background: when a fetch is asked for, how its answer lands, and moving through
/// a thread by its structure.
@Suite("Fetching and navigating comments")
struct UpdateCommentFetchTests {
    /// A state that can fetch, with the comment pane open on the first story, its thread not loaded yet.
    static func fetchingState(maxAgeMinutes: Int = 30) -> (AppState, StoryID) {
        var state = Fixtures.loadedState(total: 5)
        state.commentFetch.isAvailable = true
        state.commentFetch.maxAge = TimeInterval(maxAgeMinutes * 60)
        let id = Fixtures.headline(0).id
        _ = update(&state, .keyPressed(.character("c")))
        return (state, id)
    }

    static func thread(_ id: StoryID, depths: [Int], fetchedAt: Date?, lastOpened: Date? = nil) -> CommentThread {
        CommentThread(storyID: id, comments: Fixtures.comments(storyID: id, depths: depths), fetchedAt: fetchedAt,
                      lastOpened: lastOpened)
    }

    static func fetchRequest(_ effects: [Effect]) -> CommentFetchRequest? {
        for effect in effects { if case .fetchComments(let request) = effect { return request } }
        return nil
    }

    @Test("A thread never fetched is shown at once and fetched in the background; the visit is recorded")
    func missingThreadIsFetched() throws {
        var (state, id) = Self.fetchingState()
        let effects = update(&state, .commentThreadLoaded(Self.thread(id, depths: [], fetchedAt: nil)))
        let request = try #require(Self.fetchRequest(effects))
        #expect(request.storyID == id)
        #expect(effects.contains(.markCommentsOpened(id)))
        #expect(state.shownComments == [])
        #expect(state.commentFetch.pending == request)
    }

    @Test("A thread fetched within the maximum age is not fetched again; an older one is")
    func staleness() {
        var (fresh, id) = Self.fetchingState(maxAgeMinutes: 30)
        let recent = Self.thread(id, depths: [0], fetchedAt: Fixtures.now.addingTimeInterval(-29 * 60))
        #expect(Self.fetchRequest(update(&fresh, .commentThreadLoaded(recent))) == nil)
        var (stale, _) = Self.fetchingState(maxAgeMinutes: 30)
        let old = Self.thread(id, depths: [0], fetchedAt: Fixtures.now.addingTimeInterval(-31 * 60))
        #expect(Self.fetchRequest(update(&stale, .commentThreadLoaded(old))) != nil)
    }

    @Test("Without a fetcher (the sample edition) nothing is fetched or recorded")
    func unavailable() {
        var (state, id) = Self.fetchingState()
        state.commentFetch.isAvailable = false
        #expect(update(&state, .commentThreadLoaded(Self.thread(id, depths: [0], fetchedAt: nil))).isEmpty)
    }

    @Test("A fetched thread replaces the shown one, keeps the cursor and folds on the same comments, and sets every count")
    func fetchedReplaces() throws {
        var (state, id) = Self.fetchingState()
        let effects = update(&state, .commentThreadLoaded(Self.thread(id, depths: [0, 1, 0], fetchedAt: nil)))
        let request = try #require(Self.fetchRequest(effects))
        _ = update(&state, .keyPressed(.character(" ")))   // fold the first thread
        _ = update(&state, .keyPressed(.down))               // cursor on the second top-level comment ("2")
        #expect(state.commentCursor == 2)
        // The new thread has one more comment at the top, and new cache ids for every comment.
        var fresh = Fixtures.comments(storyID: id, depths: [0, 0, 1, 0, 1])
        for index in fresh.indices { fresh[index].id = CommentID(Int64(100 + index)) }
        fresh[0].remoteID = "new"; fresh[1].remoteID = "0"; fresh[2].remoteID = "1"; fresh[3].remoteID = "2"
        fresh[4].remoteID = "3"; fresh[4].isDeleted = true
        let fetchedAt = Fixtures.now
        _ = update(&state, .commentsFetched(request, .fetched(CommentThread(storyID: id, comments: fresh, fetchedAt: fetchedAt))))
        #expect(state.shownComments?.count == 5)
        #expect(state.commentCursor == 3)
        #expect(state.collapsed == [CommentID(101)])
        #expect(state.commentFetch.fetchedAt == fetchedAt && state.commentFetch.pending == nil)
        #expect(state.list.selectedHeadline?.commentCount == 4)
    }

    @Test("A failed fetch keeps the cached thread and says why; an answer to an old request is dropped")
    func failure() throws {
        var (state, id) = Self.fetchingState()
        let effects = update(&state, .commentThreadLoaded(Self.thread(id, depths: [0], fetchedAt: nil)))
        let request = try #require(Self.fetchRequest(effects))
        let stale = CommentFetchRequest(id: RequestID(rawValue: 9_999), storyID: id)
        _ = update(&state, .commentsFetched(stale, .failed("old")))
        #expect(state.commentFetch.problem == nil)
        _ = update(&state, .commentsFetched(request, .failed("could not reach news.ycombinator.com: no answer")))
        #expect(state.shownComments?.count == 1)
        #expect(state.commentFetch.problem == "could not reach news.ycombinator.com: no answer")
        #expect(state.status?.isError == true)
    }

    @Test("Comments first seen after the last visit are new")
    func newSinceLastVisit() {
        var (state, id) = Self.fetchingState()
        var thread = Self.thread(id, depths: [0, 0], fetchedAt: Fixtures.now, lastOpened: Fixtures.now.addingTimeInterval(-60))
        thread.comments[0].firstSeen = Fixtures.now.addingTimeInterval(-600)
        thread.comments[1].firstSeen = Fixtures.now.addingTimeInterval(-30)
        _ = update(&state, .commentThreadLoaded(thread))
        #expect(!state.isNewComment(0) && state.isNewComment(1))
    }

    /// depths: 0 a, 1 b, 2 c, 1 d, 0 e, 1 f, 0 g
    static func navigable() -> AppState {
        var (state, id) = fetchingState()
        state.commentFetch.isAvailable = false
        _ = update(&state, .commentThreadLoaded(thread(id, depths: [0, 1, 2, 1, 0, 1, 0], fetchedAt: nil)))
        return state
    }

    @Test("u goes to the parent, ] and [ to siblings, } and { to top-level comments", arguments: [
        (2, "u", 1), (1, "u", 0), (3, "u", 0), (1, "]", 3), (3, "[", 1), (3, "]", 3), (0, "]", 4), (4, "]", 6),
        (1, "}", 4), (4, "}", 6), (5, "{", 4), (4, "{", 0), (0, "{", 0), (6, "}", 6),
    ])
    func structuralKeys(from: Int, key: Character, to: Int) {
        var state = Self.navigable()
        state.commentCursor = from
        _ = update(&state, .keyPressed(.character(key)))
        #expect(state.commentCursor == to)
    }

    @Test("The structural keys only act in the comment pane, and say when there is nowhere to go")
    func structuralKeysScope() {
        var state = Self.navigable()
        _ = update(&state, .keyPressed(.character("u")))
        #expect(state.status?.text.contains("replies to the story") == true)
        _ = update(&state, .keyPressed(.tab))
        #expect(state.focus != .comments)
        #expect(state.keymap.command(for: .character("]"), in: state.focus) == nil)
    }

    @Test("Wide enough for three panes, the comments open beside the story by themselves; narrower they close")
    func besideStory() {
        var state = AppState(size: TerminalSize(width: ScreenLayout.threePaneWidth, height: 40), now: Fixtures.now)
        state.commentFetch.followsWidth = true
        _ = update(&state, .started)
        #expect(state.isShowingComments && state.focus == .headlines)
        _ = update(&state, .resized(TerminalSize(width: ScreenLayout.threePaneWidth - 1, height: 40)))
        #expect(!state.isShowingComments)
        _ = update(&state, .resized(TerminalSize(width: 200, height: 40)))
        #expect(state.isShowingComments)
        // c first goes to the shown comments, then hides them, and the pane stops following the width.
        _ = update(&state, .keyPressed(.character("c")))
        #expect(state.focus == .comments && state.isShowingComments)
        _ = update(&state, .keyPressed(.character("c")))
        #expect(!state.isShowingComments)
        _ = update(&state, .resized(TerminalSize(width: 210, height: 40)))
        #expect(!state.isShowingComments)
    }
}
