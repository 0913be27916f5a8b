import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

@Suite("update: reader mode extracts summary-only stories and x switches texts")
struct UpdateReaderModeTests {
    static let link = "https://news.example/2026/12/pier"
    static let longText = "<p>" + String(repeating: "The whole story is already in the feed, paragraph after paragraph. ", count: 20) + "</p>"

    /// A loaded state showing the first story with `body` from a feed at `feedURL`, and the effects of loading it.
    static func shown(body: String = "<p>One lead sentence.</p>", feedURL: String = "https://news.example/rss",
                      policy: ExtractPolicy = ExtractPolicy(), note: String? = nil) -> (AppState, [Effect]) {
        var state = Fixtures.loadedState()
        state.extractPolicy = policy
        state.focus = .article
        let headline = Fixtures.headline(0)
        var story = Fixtures.story(for: headline, body: body)
        story.link = link
        story.feedURL = feedURL
        story.extractionNote = note
        let effects = update(&state, .storyLoaded(headline.id, story))
        return (state, effects)
    }

    static func extraction(_ effects: [Effect]) -> (RequestID, StoryID, String)? {
        for effect in effects { if case .extractArticle(let id, let story, let url) = effect { return (id, story, url) } }
        return nil
    }

    @Test("auto: a summary-length feed text asks for the page; the header says it is being fetched")
    func autoShort() throws {
        let (state, effects) = Self.shown()
        let (_, storyID, url) = try #require(Self.extraction(effects))
        #expect(storyID == Fixtures.headline(0).id)
        #expect(url == Self.link)
        #expect(state.readerModeLine == "Feed's text · fetching the whole article…")
        #expect(state.displayedStory?.feedHTML == "<p>One lead sentence.</p>")
    }

    @Test("auto: a feed that carries the whole text is left alone; never and always override by feed URL")
    func modes() {
        #expect(Self.extraction(Self.shown(body: Self.longText).1) == nil)
        let never = ExtractPolicy(defaultMode: .auto, feeds: ["https://news.example/rss": .never])
        #expect(Self.extraction(Self.shown(policy: never).1) == nil)
        let always = ExtractPolicy(defaultMode: .never, feeds: ["https://news.example/rss": .always])
        #expect(Self.extraction(Self.shown(body: Self.longText, policy: always).1) != nil)
        let otherFeed = ExtractPolicy(defaultMode: .never, feeds: ["https://other.example/rss": .always])
        #expect(Self.extraction(Self.shown(policy: otherFeed).1) == nil)
    }

    @Test("The article arrives: it is shown, and x switches to the feed's text and back")
    func toggle() throws {
        var (state, effects) = Self.shown()
        let (id, storyID, _) = try #require(Self.extraction(effects))
        #expect(update(&state, .articleExtracted(id, storyID, .article(html: "<p>Whole article.</p>"))) == [])
        #expect(state.displayedStory?.bodyHTML == "<p>Whole article.</p>")
        #expect(state.readerModeLine == "Whole article from the web page · x: feed's text")
        #expect(update(&state, .keyPressed(.character("x"))) == [])
        #expect(state.displayedStory?.bodyHTML == "<p>One lead sentence.</p>")
        #expect(state.readerModeLine == "Feed's text · x: whole article")
        _ = update(&state, .keyPressed(.character("x")))
        #expect(state.displayedStory?.bodyHTML == "<p>Whole article.</p>")
    }

    @Test("A failure keeps the feed's text with the reason, and a story that failed before is not fetched again")
    func failure() throws {
        var (state, effects) = Self.shown()
        let (id, storyID, _) = try #require(Self.extraction(effects))
        _ = update(&state, .articleExtracted(id, storyID, .failed(note: "HTTP 404 Not Found")))
        #expect(state.readerModeLine == "Feed's text · no whole article: HTTP 404 Not Found")
        #expect(state.displayedStory?.bodyHTML == "<p>One lead sentence.</p>")
        let (_, again) = Self.shown(note: "HTTP 404 Not Found")
        #expect(Self.extraction(again) == nil)
        // x is an explicit request: it tries again.
        var failed = Self.shown(note: "HTTP 404 Not Found").0
        #expect(Self.extraction(update(&failed, .keyPressed(.character("x")))) != nil)
    }

    @Test("An answer for a story no longer shown, or a superseded request, changes nothing")
    func staleAnswers() throws {
        var (state, effects) = Self.shown()
        let (id, storyID, _) = try #require(Self.extraction(effects))
        let stale = RequestID(rawValue: id.rawValue + 100)
        _ = update(&state, .articleExtracted(stale, storyID, .article(html: "<p>Stale.</p>")))
        #expect(state.displayedStory?.extractedText == nil)
        #expect(state.pendingExtraction != nil)
    }

    @Test("The auto rule counts visible text: tags and entities do not make a summary long")
    func visibleLength() {
        let padded = "<p class=\"" + String(repeating: "x", count: 2000) + "\">Short &amp; sweet.</p>"
        #expect(Self.extraction(Self.shown(body: padded).1) != nil)
    }
}

@Suite("update: a finished refresh prefetches the articles of always feeds")
struct UpdatePrefetchTests {
    static func finish(policy: ExtractPolicy, tally: RefreshTally = RefreshTally(done: 3, total: 3, newStories: 5)) throws -> [Effect] {
        var state = Fixtures.loadedState()
        state.refresh.unavailableReason = nil
        state.extractPolicy = policy
        let effects = update(&state, .keyPressed(.character("R")))
        var request: RefreshRequest?
        for effect in effects { if case .refresh(let r) = effect { request = r } }
        let id = try #require(request).id
        return update(&state, .refreshFinished(id, tally))
    }

    @Test("Only when some feed is always, and something was fetched")
    func prefetch() throws {
        let always = ExtractPolicy(defaultMode: .auto, feeds: ["https://a.example/rss": .always])
        #expect(try Self.finish(policy: always).contains(.prefetchArticles(always)))
        #expect(!(try Self.finish(policy: ExtractPolicy()).contains { if case .prefetchArticles = $0 { true } else { false } }))
        let allFailed = RefreshTally(done: 3, total: 3, errors: 3)
        #expect(!(try Self.finish(policy: always, tally: allFailed).contains(.prefetchArticles(always))))
    }
}
