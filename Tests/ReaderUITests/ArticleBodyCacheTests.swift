import ArticleText
import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

/// Counts the parses an `ArticleBodyCache` makes, and of which HTML.
final class ParseCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String] = []
    var count: Int { lock.withLock { parsed.count } }
    var htmls: [String] { lock.withLock { parsed } }

    func parse(_ html: String, _ baseURL: String?) -> RichText {
        lock.withLock { parsed.append(html) }
        return ArticleRenderer.richText(fromHTML: html, baseURL: baseURL)
    }

    func cache(maxTexts: Int = 16, maxTextBytes: Int = 8 << 20) -> ArticleBodyCache {
        ArticleBodyCache(maxTexts: maxTexts, maxTextBytes: maxTextBytes) { [self] in parse($0, $1) }
    }
}

@Suite("ArticleBodyCache: a story is parsed once, and what is kept is bounded")
struct ArticleBodyCacheTests {
    static func story(_ n: Int, bytes: Int = 200) -> Story {
        var story = Fixtures.seedStory
        story.id = StoryID(Int64(100 + n))
        let word = "word\(n) "
        story.content = "<p>" + String(repeating: word, count: max(1, bytes / word.utf8.count)) + "</p>"
        return story
    }

    @Test("a resize lays the story out again without parsing it again")
    func resizeDoesNotReparse() {
        let counter = ParseCounter()
        let layouts = LayoutCache(bodies: counter.cache())
        var state = Fixtures.state(width: 160, height: 48, layouts: layouts)
        #expect(counter.count == 1)
        let laidOutBefore = layouts.articleLayoutCount
        for size in [TerminalSize(width: 100, height: 40), TerminalSize(width: 130, height: 30)] {
            _ = update(&state, .resized(size))
            _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
            _ = render(state, theme: .builtinDefault, layouts: layouts)
        }
        #expect(layouts.articleLayoutCount == laidOutBefore + 2)  // laid out at each new width
        #expect(counter.count == 1)
        #expect(render(state, theme: .builtinDefault, layouts: layouts).lines.joined().contains("Second paragraph."))
    }

    @Test("going back to a story lays it out from the kept text")
    func returnDoesNotReparse() {
        let counter = ParseCounter()
        let cache = counter.cache()
        for n in [1, 2, 1, 2, 1] {
            _ = cache.body(for: ArticleBodyRequest(story: Self.story(n), width: 60 + n))
        }
        #expect(counter.count == 2)
        // The extracted article is another text of the same story: parsed once more, then kept as well.
        var extracted = Self.story(1)
        extracted.extractedText = "<p>The whole article.</p>"
        _ = cache.body(for: ArticleBodyRequest(story: extracted, width: 61))
        _ = cache.body(for: ArticleBodyRequest(story: extracted, width: 40))
        #expect(counter.count == 3)
    }

    @Test("the kept texts are bounded by count, the least recently used dropped first")
    func boundedByCount() {
        let counter = ParseCounter()
        let cache = counter.cache(maxTexts: 3)
        for n in 1...5 { _ = cache.body(for: ArticleBodyRequest(story: Self.story(n), width: 60)) }
        #expect(cache.keptTexts.count == 3)
        // Stories 3 to 5 are kept (at another width they are laid out without a parse); 1 was dropped.
        for n in 3...5 { _ = cache.body(for: ArticleBodyRequest(story: Self.story(n), width: 50)) }
        #expect(counter.count == 5)
        _ = cache.body(for: ArticleBodyRequest(story: Self.story(1), width: 50))
        #expect(counter.count == 6)
        #expect(cache.keptTexts.count == 3)
    }

    @Test("the kept texts are bounded by the bytes of HTML, yet the newest is kept whatever its size")
    func boundedByBytes() {
        let counter = ParseCounter()
        let cache = counter.cache(maxTexts: 100, maxTextBytes: 1_000)
        for n in 1...6 { _ = cache.body(for: ArticleBodyRequest(story: Self.story(n, bytes: 300), width: 60)) }
        #expect(cache.keptTexts.count == 3)
        #expect(cache.keptTexts.bytes <= 1_000)
        _ = cache.body(for: ArticleBodyRequest(story: Self.story(7, bytes: 5_000), width: 60))
        #expect(cache.keptTexts.count == 1)
        #expect(cache.keptTexts.bytes > 1_000)
    }

    @Test("a story whose text changed (a refresh rewrote it) is parsed again")
    func changedTextIsParsedAgain() {
        let counter = ParseCounter()
        let cache = counter.cache()
        var story = Self.story(1)
        _ = cache.body(for: ArticleBodyRequest(story: story, width: 60))
        story.content = "<p>Corrected text.</p>"
        let body = cache.body(for: ArticleBodyRequest(story: story, width: 60))
        #expect(counter.count == 2)
        #expect(body.lines.map(\.plainText).joined().contains("Corrected text."))
    }
}
