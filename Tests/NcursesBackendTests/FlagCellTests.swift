import Testing
@testable import NcursesBackend

@Suite("Flag cells, sent as two regional indicators")
struct FlagCellTests {
    @Test("A pair of regional indicators splits into its two halves")
    func flag() throws {
        let halves = try #require(NcursesTerminal.flagHalves("🇪🇸"))
        #expect(halves.0 == "\u{1F1EA}")
        #expect(halves.1 == "\u{1F1F8}")
    }

    @Test("Other text, including a lone indicator or a wide character, is not a flag")
    func notFlags() {
        #expect(NcursesTerminal.flagHalves("\u{1F1EA}") == nil)
        #expect(NcursesTerminal.flagHalves("中") == nil)
        #expect(NcursesTerminal.flagHalves("e\u{301}") == nil)
        #expect(NcursesTerminal.flagHalves("ab") == nil)
    }
}
