import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

/// The comment pane beside the story while the selection moves (as the runtime runs it, bodies deferred):
/// it keeps what it showed until the new story's comments are known, instead of going through "Loading
/// comments…" and "Fetching comments…" on every key.
@Suite("Comment pane: held until the new story's comments are known")
struct UpdateCommentPaneTests {
    /// 200 columns, the comment pane open beside the story by width, the first story and its (fresh,
    /// stored) comments shown, bodies deferred.
    static func besideState(deferred: Bool = true) -> AppState {
        var state = AppState(size: TerminalSize(width: 200, height: 60), now: Fixtures.now)
        state.articleBody.isDeferred = deferred
        state.commentFetch.isAvailable = true
        state.commentFetch.followsWidth = true
        let started = update(&state, .started)
        guard let request = Fixtures.headlineRequest(started) else { fatalError("no first request") }
        _ = update(&state, .headlinesLoaded(request.id, Fixtures.page(0..<5, total: 5)))
        let first = Fixtures.headline(0)
        settleArticle(update(&state, .storyLoaded(first.id, Fixtures.story(for: first))), &state)
        _ = update(&state, .commentThreadLoaded(thread(first.id, depths: [0, 1], fetchedAt: Fixtures.now)))
        #expect(state.isShowingComments && state.focus == .headlines)
        #expect(!state.isCommentPanePending && !state.isArticlePending)
        return state
    }

    static func thread(_ id: StoryID, depths: [Int], fetchedAt: Date?) -> CommentThread {
        CommentThread(storyID: id, comments: Fixtures.comments(storyID: id, depths: depths), fetchedAt: fetchedAt)
    }

    /// The runtime's part for the article: every requested body is laid out and answered.
    static func settleArticle(_ effects: [Effect], _ state: inout AppState) {
        for case .layOutArticleBody(let request) in effects {
            _ = update(&state, .articleBodyLaidOut(request.id, request.key))
        }
    }

    /// Moves to the second story and lets its article arrive; returns the move's effects and the story.
    static func moveAndShowArticle(_ state: inout AppState) -> (effects: [Effect], id: StoryID) {
        let effects = update(&state, .keyPressed(.character("j")))
        let second = Fixtures.headline(1)
        settleArticle(effects, &state)
        settleArticle(update(&state, .storyLoaded(second.id, Fixtures.story(for: second))), &state)
        #expect(!state.isArticlePending)
        return (effects, second.id)
    }

    static func fetchRequest(_ effects: [Effect]) -> CommentFetchRequest? {
        for case .fetchComments(let request) in effects { return request }
        return nil
    }

    static func holdEnd(_ effects: [Effect]) -> (RequestID, Int)? {
        for case .endCommentPaneHold(let id, let milliseconds) in effects { return (id, milliseconds) }
        return nil
    }

    @Test("A story whose stored comments are fresh: the pane waits for them, then shows them; nothing is fetched")
    func cachedComments() {
        var state = Self.besideState()
        let (moved, id) = Self.moveAndShowArticle(&state)
        #expect(moved.contains(.loadComments(id)))
        #expect(state.isCommentPanePending, "the pane keeps the previous story's thread while the new one is read")
        let read = update(&state, .commentThreadLoaded(Self.thread(id, depths: [0], fetchedAt: Fixtures.now)))
        #expect(Self.fetchRequest(read) == nil && Self.holdEnd(read) == nil)
        #expect(state.commentFetch.pending == nil)
        #expect(!state.isCommentPanePending)
        #expect(state.shownComments?.count == 1)
    }

    @Test("The pane changes with the article, not before it")
    func changesWithArticle() {
        var state = Self.besideState()
        let second = Fixtures.headline(1)
        Self.settleArticle(update(&state, .keyPressed(.character("j"))), &state)
        _ = update(&state, .commentThreadLoaded(Self.thread(second.id, depths: [0], fetchedAt: Fixtures.now)))
        #expect(state.isArticlePending)
        #expect(state.isCommentPanePending)
        Self.settleArticle(update(&state, .storyLoaded(second.id, Fixtures.story(for: second))), &state)
        #expect(!state.isCommentPanePending)
    }

    @Test("An empty thread being fetched: the pane waits for the answer, at most the fetch wait")
    func emptyThreadWaitsForFetch() throws {
        var state = Self.besideState()
        let (_, id) = Self.moveAndShowArticle(&state)
        let read = update(&state, .commentThreadLoaded(Self.thread(id, depths: [], fetchedAt: nil)))
        let request = try #require(Self.fetchRequest(read))
        let (_, milliseconds) = try #require(Self.holdEnd(read))
        #expect(milliseconds == CommentPaneHold.fetchMilliseconds)
        #expect(state.isCommentPanePending, "nothing to show yet but \"Fetching comments…\"")
        _ = update(&state, .commentsFetched(request, .failed("could not reach 127.0.0.1: HTTP 404 Not Found")))
        #expect(!state.isCommentPanePending)
        #expect(state.commentFetch.problem == "could not reach 127.0.0.1: HTTP 404 Not Found")
    }

    @Test("A fetch slower than the wait: the pane says it is fetching once the wait ends; an older wait's end is ignored")
    func slowFetch() throws {
        var state = Self.besideState()
        let (_, id) = Self.moveAndShowArticle(&state)
        let read = update(&state, .commentThreadLoaded(Self.thread(id, depths: [], fetchedAt: nil)))
        let (firstWait, _) = try #require(Self.holdEnd(read))
        _ = update(&state, .commentPaneHoldEnded(firstWait))
        #expect(!state.isCommentPanePending)
        #expect(state.commentFetch.pending?.storyID == id, "the fetch still runs, and the pane says so")

        // The next move holds again; the end of the first wait does not end this one.
        _ = update(&state, .keyPressed(.character("j")))
        let third = Fixtures.headline(2)
        Self.settleArticle(update(&state, .storyLoaded(third.id, Fixtures.story(for: third))), &state)
        #expect(state.isCommentPanePending)
        _ = update(&state, .commentPaneHoldEnded(firstWait))
        #expect(state.isCommentPanePending)
    }

    @Test("A stored thread that cannot be read ends the wait (the status bar says why)")
    func failedRead() {
        var state = Self.besideState()
        let (_, id) = Self.moveAndShowArticle(&state)
        #expect(state.isCommentPanePending)
        _ = update(&state, .requestFailed(.comments(id), message: "disk I/O error"))
        #expect(!state.isCommentPanePending)
        #expect(state.status?.isError == true)
    }

    @Test("Opening the pane holds nothing: there was no pane to keep")
    func openingThePane() {
        var state = Fixtures.loadedState(total: 5)
        state.articleBody.isDeferred = true
        _ = update(&state, .keyPressed(.character("c")))
        #expect(state.isShowingComments)
        #expect(state.commentFetch.paneHold == nil)
    }

    @Test("Without deferred bodies (update alone, the pure render) nothing is held or waited for")
    func notDeferred() {
        var state = Self.besideState(deferred: false)
        let moved = update(&state, .keyPressed(.character("j")))
        #expect(!state.isCommentPanePending)
        let id = Fixtures.headline(1).id
        #expect(moved.contains(.loadComments(id)))
        let read = update(&state, .commentThreadLoaded(Self.thread(id, depths: [], fetchedAt: nil)))
        #expect(Self.fetchRequest(read) != nil)
        #expect(Self.holdEnd(read) == nil)
    }
}
