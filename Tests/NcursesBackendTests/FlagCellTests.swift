import Testing
import TermCore
@testable import NcursesBackend

@Suite("Flag cells, sent as two regional indicators")
struct FlagCellTests {
    @Test("A pair of regional indicators splits into its two halves")
    func flag() throws {
        let halves = try #require(NcursesTerminal.flagHalves(Cell("🇪🇸")))
        #expect(halves.0 == "\u{1F1EA}")
        #expect(halves.1 == "\u{1F1F8}")
    }

    @Test("Other text, including a lone indicator or a wide character, is not a flag")
    func notFlags() {
        #expect(NcursesTerminal.flagHalves(Cell("\u{1F1EA}")) == nil)
        #expect(NcursesTerminal.flagHalves(Cell("中")) == nil)
        #expect(NcursesTerminal.flagHalves(Cell("e\u{301}")) == nil)
        #expect(NcursesTerminal.flagHalves(Cell("ab")) == nil)
        #expect(NcursesTerminal.flagHalves(Cell("\u{1F1EA}\u{1F1F8}\u{1F1EA}")) == nil)
        #expect(NcursesTerminal.flagHalves(Cell.continuation(style: .plain)) == nil)
    }
}
