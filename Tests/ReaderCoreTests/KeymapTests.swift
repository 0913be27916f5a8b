import ReaderCore
import TermCore
import Testing

@Suite("Keymap: the keys of DESIGN.md §4")
struct KeymapTests {
    let keymap = Keymap.standard

    @Test("movement keys mean the same in every pane",
          arguments: [(Key.up, Command.moveUp), (.character("k"), .moveUp), (.down, .moveDown),
                      (.character("j"), .moveDown), (.pageUp, .pageUp), (.pageDown, .pageDown),
                      (.home, .moveToTop), (.character("g"), .moveToTop), (.end, .moveToBottom),
                      (.character("G"), .moveToBottom), (.character("c"), .toggleComments), (.tab, .focusNext),
                      (.backTab, .focusPrevious), (.character("?"), .toggleHelp), (.control("c"), .quit)])
    func movement(key: Key, command: Command) {
        for pane in Pane.allCases { #expect(keymap.command(for: key, in: pane) == command, "\(pane)") }
    }

    @Test("Enter, → and l open the story from the list and the article")
    func open() {
        for key in [Key.enter, .right, .character("l")] {
            #expect(keymap.command(for: key, in: .headlines) == .openStory)
            #expect(keymap.command(for: key, in: .article) == .openStory)
        }
    }

    @Test("Esc, ←, h and q go back from the article and the comments; q backs out of a view, then quits, on the list")
    func back() {
        for key in [Key.escape, .left, .character("h"), .character("q")] {
            #expect(keymap.command(for: key, in: .article) == .back)
            #expect(keymap.command(for: key, in: .comments) == .back)
        }
        #expect(keymap.command(for: .character("q"), in: .headlines) == .backOrQuit)
    }

    @Test("Space folds threads in comments and pages elsewhere")
    func space() {
        #expect(keymap.command(for: .character(" "), in: .comments) == .toggleThread)
        #expect(keymap.command(for: .character(" "), in: .article) == .pageDown)
    }

    @Test("no key is bound twice in one pane, so help never lists a key that does something else")
    func noDuplicates() {
        for pane in Pane.allCases {
            let keys = keymap.bindings(for: pane).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(pane)")
        }
    }

    @Test("every binding has a help line and a printable key name")
    func labels() {
        for pane in Pane.allCases {
            for binding in keymap.bindings(for: pane) {
                #expect(!binding.command.summary(in: pane).isEmpty)
                #expect(binding.keys.allSatisfy { !$0.label.isEmpty })
            }
        }
        #expect(Key.character(" ").label == "Space")
        #expect(Key.control("c").label == "Ctrl-C")
    }
}
