import Foundation
@testable import ReaderCore
import TermCore
import Testing

@Suite("T cycles through the themes live")
struct UpdateThemeTests {
    @Test("T moves to the next theme, wraps around, and the status bar names it with how to keep it")
    func cycles() {
        var state = Fixtures.loadedState()
        state.themes = ThemeChoice(names: ["default", "dark", "mono"], current: 1)
        #expect(update(&state, .keyPressed(.character("T"))).isEmpty)
        #expect(state.themes.currentName == "mono")
        #expect(state.status?.text.contains("theme: mono") == true)
        #expect(state.status?.text.contains("theme = \"mono\" in config.toml") == true)
        #expect(state.status?.isError == false)
        _ = update(&state, .keyPressed(.character("T")))
        #expect(state.themes.currentName == "default")
    }

    @Test("T works from every pane", arguments: [Pane.headlines, .article, .comments])
    func everyPane(pane: Pane) {
        #expect(Keymap.standard.command(for: .character("T"), in: pane) == .cycleTheme)
    }

    @Test("with colours off (NO_COLOR) T stays on the one theme and says why")
    func locked() {
        var state = Fixtures.loadedState()
        state.themes = ThemeChoice(names: ["mono"], lockedReason: "NO_COLOR is set")
        _ = update(&state, .keyPressed(.character("T")))
        #expect(state.themes.currentName == "mono")
        #expect(state.status?.text == "NO_COLOR is set: theme mono")
    }

    @Test("a single theme is said to be the only one")
    func single() {
        var state = Fixtures.loadedState()
        _ = update(&state, .keyPressed(.character("T")))
        #expect(state.themes.currentName == "default")
        #expect(state.status?.text == "theme default is the only one")
    }
}
