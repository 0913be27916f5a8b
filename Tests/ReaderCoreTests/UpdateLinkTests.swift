import Foundation
import NewsModel
import ReaderCore
import TermCore
import Testing

@Suite("update: o opens links")
struct UpdateLinkTests {
    /// A loaded state whose first story is shown and measured with `links`.
    static func shown(link: String? = "https://example.com/story", links: [String] = []) -> AppState {
        var state = Fixtures.loadedState()
        let headline = Fixtures.headline(0)
        var story = Fixtures.story(for: headline)
        story.link = link
        _ = update(&state, .storyLoaded(headline.id, story))
        _ = update(&state, .contentMeasured(ContentMetrics(storyID: headline.id, articleWidth: 80, articleLines: 10,
                                                            articleLinks: links)))
        return state
    }

    static func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { update(&state, .keyPressed($0)) }
    }

    @Test("o opens a prompt; Enter opens the story's link")
    func storyLink() {
        var state = Self.shown(links: ["https://a.example/1", "https://b.example/2"])
        #expect(Self.press(&state, [.character("o")]).isEmpty)
        #expect(state.linkPrompt == LinkPrompt())
        #expect(state.status?.text.contains("link number 1–2") == true)
        #expect(Self.press(&state, [.enter]) == [.openURL("https://example.com/story")])
        #expect(state.linkPrompt == nil)
    }

    @Test("o o also opens the story's link")
    func doubleO() {
        var state = Self.shown()
        #expect(Self.press(&state, [.character("o"), .character("o")]) == [.openURL("https://example.com/story")])
    }

    @Test("o 2 Enter opens link [2]; o 1 2 Enter is link [12]")
    func numbered() {
        var state = Self.shown(links: (1...12).map { "https://l.example/\($0)" })
        #expect(Self.press(&state, [.character("o"), .character("2"), .enter]) == [.openURL("https://l.example/2")])
        #expect(Self.press(&state, [.character("o"), .character("1"), .character("2")]).isEmpty)
        #expect(state.status?.text.hasPrefix("open link 12") == true)
        #expect(Self.press(&state, [.enter]) == [.openURL("https://l.example/12")])
    }

    @Test("Backspace removes a digit; Esc cancels without opening")
    func editing() {
        var state = Self.shown(links: ["https://a.example/1", "https://b.example/2"])
        #expect(Self.press(&state, [.character("o"), .character("3"), .backspace, .character("1"), .enter])
                == [.openURL("https://a.example/1")])
        #expect(Self.press(&state, [.character("o"), .character("2"), .escape]).isEmpty)
        #expect(state.linkPrompt == nil)
        #expect(state.status == nil)
    }

    @Test("a number beyond the link list is an error naming the range")
    func outOfRange() {
        var state = Self.shown(links: ["https://a.example/1"])
        #expect(Self.press(&state, [.character("o"), .character("5"), .enter]).isEmpty)
        #expect(state.status == StatusMessage("no link [5]: this story's links are numbered 1–1", isError: true))
    }

    @Test("another key closes the prompt and does its usual job")
    func otherKey() {
        var state = Self.shown()
        _ = Self.press(&state, [.character("o"), .down])
        #expect(state.linkPrompt == nil)
        #expect(state.list.selected == 1)
    }

    @Test("a story without a link says so")
    func noLink() {
        var state = Self.shown(link: nil)
        #expect(Self.press(&state, [.character("o"), .enter]).isEmpty)
        #expect(state.status == StatusMessage("this story has no link", isError: true))
    }

    @Test("the browser's answer becomes the status line")
    func answered() {
        var state = Self.shown()
        _ = update(&state, .linkOpened("javascript:alert(1)", failure: "only http and https links are opened"))
        #expect(state.status == StatusMessage("Could not open javascript:alert(1): only http and https links are opened",
                                              isError: true))
        _ = update(&state, .linkOpened("https://example.com/story", failure: nil))
        #expect(state.status?.isError == false)
    }
}
