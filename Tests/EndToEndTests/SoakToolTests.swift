import Foundation
import Testing
import ReaderCore

/// The soak's own instruments, held to known inputs so a soak that passes is not passing because one of
/// them is blind.
@Suite("Soak instruments")
struct SoakToolTests {
    @Test("The output scan finds OSC, DCS, APC, C1 and bidi overrides, and passes what ncurses writes")
    func scan() {
        let ncurses = Array("\u{1B}[?1049h\u{1B}[1;1H\u{1B}[38;5;12mHeadlines ★●\u{1B}(B\u{1B}[m\u{1B}=\u{1B}>".utf8)
        #expect(TerminalOutputScan.findings(in: ncurses).isEmpty)
        let hostile = Array("a\u{1B}]0;x\u{07}b\u{1B}P1q\u{1B}\\c\u{9B}31m\u{202E}d\u{2067}e\u{1B}_z".utf8)
        let kinds = TerminalOutputScan.findings(in: hostile).map(\.kind)
        #expect(kinds == ["OSC", "DCS", "C1 U+009B", "bidi U+202E", "bidi U+2067", "APC"])
    }

    @Test("The memory slope is zero for flat samples and the trend of growing ones, warm-up left out")
    func slope() {
        var flat = MemorySamples(), growing = MemorySamples()
        for second in stride(from: 0.0, through: 120, by: 2) {
            flat.add(seconds: second, kilobytes: second < 20 ? 90_000 : 50_000 + (Int(second) % 4) * 10)
            growing.add(seconds: second, kilobytes: 50_000 + Int(second) * 10)
        }
        #expect(abs(flat.slope(after: 20)!) < 50)
        #expect(abs(growing.slope(after: 20)! - 600) < 1)
        #expect(MemorySamples().slope(after: 0) == nil)
    }

    @Test("The driver's keys are the whole key table but the quit keys and the marks it sends on purpose")
    func keys() {
        var table = Set(Keymap.standard.feedListBindings.flatMap(\.keys))
        for pane in Pane.allCases { table.formUnion(Keymap.standard.bindings(for: pane).flatMap(\.keys)) }
        #expect(Set(SoakDriver.keys).union(SoakDriver.heldBack) == table)
        #expect(Set(SoakDriver.keys).isDisjoint(with: SoakDriver.heldBack))
        #expect(SoakDriver.keys.count == Set(SoakDriver.keys).count)
    }
}
