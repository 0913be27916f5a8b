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
        // The reader stays on the story: the wait before fetching its page ends.
        guard let (id, storyID) = settle(effects) else { return (state, effects) }
        let settled = update(&state, .extractionSettled(id, storyID))
        return (state, settled)
    }

    static func settle(_ effects: [Effect]) -> (RequestID, StoryID)? {
        for effect in effects {
            if case .settleBeforeExtracting(let id, let story, let milliseconds) = effect {
                #expect(milliseconds == ExtractPolicy.settleMilliseconds)
                return (id, story)
            }
        }
        return nil
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

    @Test("Moving through the list starts no page fetch for the stories passed over, only for the one kept")
    func passingOver() throws {
        var state = Fixtures.loadedState()
        state.extractPolicy = ExtractPolicy()
        var waits: [(RequestID, StoryID)] = []
        for position in 0..<4 {
            if position > 0 { _ = update(&state, .keyPressed(.character("j"))) }
            let headline = Fixtures.headline(position)
            #expect(state.articleStoryID == headline.id)
            var story = Fixtures.story(for: headline, body: "<p>One lead sentence.</p>")
            story.link = Self.link + "/\(position)"
            story.feedURL = "https://news.example/rss"
            let effects = update(&state, .storyLoaded(headline.id, story))
            #expect(Self.extraction(effects) == nil, "a page fetch as soon as the story is shown")
            waits.append(try #require(Self.settle(effects)))
        }
        // The waits of the stories passed over end after the selection moved on: nothing is fetched.
        for (id, storyID) in waits.dropLast() {
            #expect(update(&state, .extractionSettled(id, storyID)) == [])
        }
        #expect(state.readerModeLine == nil)
        let (id, storyID) = waits[waits.count - 1]
        let fetch = try #require(Self.extraction(update(&state, .extractionSettled(id, storyID))))
        #expect(fetch.1 == Fixtures.headline(3).id)
        #expect(fetch.2 == Self.link + "/3")
        #expect(state.readerModeLine == "Feed's text · fetching the whole article…")
        // A second answer for the same wait starts nothing more.
        #expect(update(&state, .extractionSettled(id, storyID)) == [])
    }

    @Test("A wait that ends on the same story after the reader came back to it fetches only the newest wait's")
    func comingBack() throws {
        var state = Fixtures.loadedState()
        state.extractPolicy = ExtractPolicy()
        func load(_ position: Int) -> [Effect] {
            let headline = Fixtures.headline(position)
            var story = Fixtures.story(for: headline, body: "<p>One lead sentence.</p>")
            story.link = Self.link
            story.feedURL = "https://news.example/rss"
            return update(&state, .storyLoaded(headline.id, story))
        }
        let first = try #require(Self.settle(load(0)))
        _ = update(&state, .keyPressed(.character("j")))
        _ = load(1)
        _ = update(&state, .keyPressed(.character("k")))
        let again = try #require(Self.settle(load(0)))
        #expect(update(&state, .extractionSettled(first.0, first.1)) == [])
        #expect(Self.extraction(update(&state, .extractionSettled(again.0, again.1))) != nil)
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
