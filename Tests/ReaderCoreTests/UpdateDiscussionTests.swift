import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

/// `d`: the story's link looked up elsewhere in the background, the list of discussions, and the chosen
/// one's comments in the pane without touching the story's own count.
@Suite("Discussions elsewhere (d)")
struct UpdateDiscussionTests {
    static let link = "https://wire.example/2026/03/10/squid-season"
    static let found = [
        Discussion(site: "Hacker News", title: "Squid season", url: "https://news.ycombinator.com/item?id=7",
                        commentCount: 12),
        Discussion(site: "Lobsters", title: "Squid season", url: "https://lobste.rs/s/abc", commentCount: 3),
    ]

    /// A state that can fetch, showing the first story (with `link`) in the article pane.
    static func state(link: String? = Self.link) -> (AppState, StoryID) {
        var state = Fixtures.loadedState(total: 3)
        state.commentFetch.isAvailable = true
        let headline = Fixtures.headline(0)
        var story = Fixtures.story(for: headline)
        story.link = link
        story.commentCount = 2
        _ = update(&state, .storyLoaded(headline.id, story))
        return (state, headline.id)
    }

    static func lookup(_ effects: [Effect]) -> (RequestID, String)? {
        for effect in effects { if case .findDiscussions(let id, let url) = effect { return (id, url) } }
        return nil
    }

    @Test("d asks for the link's discussions without waiting; the list fills when the answer comes")
    func lookUp() throws {
        var (state, _) = Self.state()
        let (id, url) = try #require(Self.lookup(update(&state, .keyPressed(.character("d")))))
        #expect(url == Self.link)
        #expect(state.discussions?.found == nil, "the list is open, still looking")
        // Keys still work meanwhile: moving in the list before the answer is harmless.
        #expect(update(&state, .keyPressed(.down)).isEmpty)
        _ = update(&state, .discussionsFound(RequestID(rawValue: id.rawValue + 99), [], problems: []))
        #expect(state.discussions?.found == nil, "a stale answer is dropped")
        _ = update(&state, .discussionsFound(id, Self.found, problems: ["could not reach lobste.rs: timed out"]))
        #expect(state.discussions?.found == Self.found)
        #expect(state.discussions?.problems == ["could not reach lobste.rs: timed out"])
        _ = update(&state, .keyPressed(.escape))
        #expect(state.discussions == nil)
    }

    @Test("Choosing a discussion fetches its comments into the pane; the story's own count stays")
    func choose() throws {
        var (state, storyID) = Self.state()
        let (id, _) = try #require(Self.lookup(update(&state, .keyPressed(.character("d")))))
        _ = update(&state, .discussionsFound(id, Self.found, problems: []))
        _ = update(&state, .keyPressed(.character("j")))
        let effects = update(&state, .keyPressed(.enter))
        guard case .fetchComments(let request)? = effects.first else {
            Issue.record("no fetch: \(effects)")
            return
        }
        #expect(request.storyID == storyID && request.discussion == Self.found[1])
        #expect(state.discussions == nil && state.isShowingComments && state.focus == .comments)
        let thread = CommentThread(storyID: storyID, comments: Fixtures.comments(storyID: storyID, depths: [0, 1, 0, 0, 0]),
                                   fetchedAt: Fixtures.now)
        _ = update(&state, .commentsFetched(request, .fetched(thread)))
        #expect(state.shownComments?.count == 5)
        #expect(state.commentFetch.discussion == Self.found[1])
        #expect(state.shownStory?.commentCount == 2, "the header keeps the story's own count")
        #expect(state.list.rows.first?.commentCount == 2, "and so does the list")
    }

    @Test("A story without a web link, or a session that cannot fetch, says so instead of looking")
    func refusals() {
        var (noLink, _) = Self.state(link: nil)
        #expect(update(&noLink, .keyPressed(.character("d"))).isEmpty)
        #expect(noLink.status?.text == "This story has no web link to look up")
        var (offline, _) = Self.state()
        offline.commentFetch.isAvailable = false
        #expect(update(&offline, .keyPressed(.character("d"))).isEmpty)
        #expect(offline.discussions == nil && offline.status?.isError == true)
    }
}
