import Foundation
import ReaderApp
import ReaderCore
import ReaderUI
import TermCore
import Testing

@Suite("The runtime draws the theme T selects")
@MainActor
struct ReaderRuntimeThemeTests {
    func run(_ events: [InputEvent], options: ThemeOptions) async -> TestBackend {
        let backend = TestBackend(width: 120, height: 30, events: events, whenExhausted: .key(.control("c")))
        let runtime = ReaderRuntime(backend: backend, store: Fixtures.store(), theme: options.themes[options.initial],
                                    themeOptions: options, timeZone: .utc,
                                    clock: { Fixtures.now }, settlesEffectsBeforeInput: true)
        await runtime.run()
        return backend
    }

    @Test("T repaints in the next theme and names it")
    func cycle() async throws {
        let dark = try #require(Theme.shipped("dark")), light = try #require(Theme.shipped("light"))
        let backend = await run([.key(.character("T"))], options: ThemeOptions(themes: [dark, light]))
        let before = try #require(backend.frames.first { $0.lines.joined().contains("Surprise turnaround") })
        let after = try #require(backend.frames.last)
        // The status bar row is the last; a body cell of the list shows the page colour.
        #expect(before[1, 5].style.background == dark[.text].background)
        #expect(after[1, 5].style.background == light[.text].background)
        #expect(after.lines.last?.contains("theme: light (2/2)") == true)
    }

    @Test("a start-up notice about the theme shows in the status bar as an error")
    func notice() async throws {
        let backend = await run([], options: ThemeOptions(themes: [.builtinDefault], notice: "theme 'x' not found"))
        let frame = try #require(backend.frames.first)
        #expect(frame.lines.last?.contains("theme 'x' not found") == true)
    }
}
