import CNcursesw
import Testing
import TermCore
@testable import NcursesBackend

@Suite("Decoding what wget_wch returns into keys")
struct KeyDecoderTests {
    @Test("Enter arrives as newline, carriage return or the keypad's KEY_ENTER")
    func enter() {
        #expect(KeyDecoder.decode(.character(0x0A)) == .enter)
        #expect(KeyDecoder.decode(.character(0x0D)) == .enter)
        #expect(KeyDecoder.decode(.keyCode(KEY_ENTER)) == .enter)
    }

    @Test("Escape, Tab, Shift-Tab and both backspace codes")
    func editingKeys() {
        #expect(KeyDecoder.decode(.character(0x1B)) == .escape)
        #expect(KeyDecoder.decode(.character(0x09)) == .tab)
        #expect(KeyDecoder.decode(.keyCode(KEY_BTAB)) == .backTab)
        #expect(KeyDecoder.decode(.character(0x7F)) == .backspace)
        #expect(KeyDecoder.decode(.character(0x08)) == .backspace)
        #expect(KeyDecoder.decode(.keyCode(KEY_BACKSPACE)) == .backspace)
        #expect(KeyDecoder.decode(.keyCode(KEY_DC)) == .delete)
    }

    @Test("Arrows, pages, Home and End")
    func navigation() {
        #expect(KeyDecoder.decode(.keyCode(KEY_UP)) == .up)
        #expect(KeyDecoder.decode(.keyCode(KEY_DOWN)) == .down)
        #expect(KeyDecoder.decode(.keyCode(KEY_LEFT)) == .left)
        #expect(KeyDecoder.decode(.keyCode(KEY_RIGHT)) == .right)
        #expect(KeyDecoder.decode(.keyCode(KEY_PPAGE)) == .pageUp)
        #expect(KeyDecoder.decode(.keyCode(KEY_NPAGE)) == .pageDown)
        #expect(KeyDecoder.decode(.keyCode(KEY_HOME)) == .home)
        #expect(KeyDecoder.decode(.keyCode(KEY_END)) == .end)
    }

    @Test("Function keys F1 to F63 by number; F0 is not a key")
    func functionKeys() {
        #expect(KeyDecoder.decode(.keyCode(KEY_F0 + 1)) == .function(1))
        #expect(KeyDecoder.decode(.keyCode(KEY_F0 + 12)) == .function(12))
        #expect(KeyDecoder.decode(.keyCode(KEY_F0 + 63)) == .function(63))
        #expect(KeyDecoder.decode(.keyCode(KEY_F0)) == nil)
    }

    @Test("Control chords decode to their letter, lower case")
    func controlChords() {
        #expect(KeyDecoder.decode(.character(0x01)) == .control("a"))
        #expect(KeyDecoder.decode(.character(0x0C)) == .control("l"))
        #expect(KeyDecoder.decode(.character(0x1A)) == .control("z"))
        #expect(KeyDecoder.decode(.character(0x00)) == .control("@"))
        #expect(KeyDecoder.decode(.character(0x1F)) == .control("_"))
    }

    @Test("Printable characters of any script arrive as themselves")
    func characters() {
        #expect(KeyDecoder.decode(.character(0x71)) == .character("q"))
        #expect(KeyDecoder.decode(.character(0x20)) == .character(" "))
        #expect(KeyDecoder.decode(.character(0xE9)) == .character("é"))
        #expect(KeyDecoder.decode(.character(0x4E2D)) == .character("中"))
        #expect(KeyDecoder.decode(.character(0x1F600)) == .character("😀"))
    }

    @Test("C1 controls, surrogates and unknown key codes are dropped")
    func dropped() {
        #expect(KeyDecoder.decode(.character(0x9B)) == nil)
        #expect(KeyDecoder.decode(.character(0xD800)) == nil)
        #expect(KeyDecoder.decode(.keyCode(KEY_MOUSE)) == nil)
    }
}
