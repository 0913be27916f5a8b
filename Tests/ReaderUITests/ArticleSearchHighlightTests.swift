import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

/// A search's matched words are highlighted in the story as well as in the headline list.
@Suite("Search matches in the article")
struct ArticleSearchHighlightTests {
    let theme = Theme.builtinDefault

    /// Search results for `text` with the seed story selected and loaded.
    func searchState(_ text: String) -> AppState {
        var state = AppState(size: TerminalSize(width: 160, height: 48), now: Fixtures.now)
        _ = update(&state, .started)
        _ = update(&state, .keyPressed(.character("/")))
        for character in text { _ = update(&state, .keyPressed(.character(character))) }
        let effects = update(&state, .keyPressed(.enter))
        guard case .loadHeadlines(let request)? = effects.first else { fatalError("no search request") }
        var page = HeadlinePage(rows: [Fixtures.headlines[0]], startIndex: 0, total: 1, unread: 1)
        page.titleMatches[StoryID(1)] = []
        _ = update(&state, .headlinesLoaded(request.id, page))
        _ = update(&state, .storyLoaded(StoryID(1), Fixtures.seedStory))
        return state
    }

    /// The screen cells of every occurrence of `word` in the article pane (right of the list).
    func cells(of word: String, in screen: Screen, fromColumn: Int) -> [(x: Int, y: Int)] {
        var found: [(Int, Int)] = []
        for (y, line) in screen.lines.enumerated() {
            let characters = Array(line)
            guard characters.count >= fromColumn + word.count else { continue }
            for x in fromColumn..<(characters.count - word.count + 1) where String(characters[x..<(x + word.count)]) == word {
                found.append((x, y))
            }
        }
        return found
    }

    @Test("the words searched for are drawn in the match style in the story's text, other words are not")
    func highlighted() throws {
        let state = searchState("caracas deleg")
        let screen = render(state, theme: theme)
        let column = ScreenLayout.rect(of: .article, in: state).x
        let caracas = cells(of: "Caracas", in: screen, fromColumn: column)
        let delegation = cells(of: "delegation", in: screen, fromColumn: column)
        #expect(!caracas.isEmpty && !delegation.isEmpty)
        for cell in caracas { #expect(screen[cell.x, cell.y].style == theme[.match]) }
        for cell in delegation {
            #expect(screen[cell.x, cell.y].style == theme[.match])          // "deleg" matched
            #expect(screen[cell.x + 6, cell.y].style != theme[.match])      // "ation" not
        }
        let talks = try #require(cells(of: "talking", in: screen, fromColumn: column).first)
        #expect(screen[talks.x, talks.y].style != theme[.match])
    }

    @Test("outside a search nothing in the story is highlighted")
    func notInOtherViews() {
        let state = Fixtures.state(width: 160, height: 48)
        let screen = render(state, theme: theme)
        let column = ScreenLayout.rect(of: .article, in: state).x
        let match = theme[.match]
        #expect(!(0..<screen.height).contains { y in (column..<screen.width).contains { screen[$0, y].style == match } })
    }
}
