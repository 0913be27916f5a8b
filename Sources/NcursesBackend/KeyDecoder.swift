import CNcursesw
import TermCore

/// Turns what `wget_wch` returned into a TermCore `Key`: pure, so it is tested without a terminal.
///
/// `wget_wch` answers either a character (`OK`) or a key code (`KEY_CODE_YES`); both arrive as a number.
/// Resize is not a key and is handled by the terminal before decoding.
enum KeyDecoder {
    /// What one `wget_wch` call produced.
    enum Input: Equatable {
        /// A character (`OK`): a Unicode scalar value, possibly a control character.
        case character(UInt32)
        /// A key code (`KEY_CODE_YES`), one of ncurses' `KEY_*` constants.
        case keyCode(Int32)
    }

    /// The key `input` stands for, or nil for keys Gazette has no use for (mouse, unknown codes).
    static func decode(_ input: Input) -> Key? {
        switch input {
        case .character(let value): return decodeCharacter(value)
        case .keyCode(let code): return decodeKeyCode(code)
        }
    }

    private static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x00: return .control("@")
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x1C...0x1F: return .control(Character(Unicode.Scalar(UInt8(0x40 + value))))
        case 0x80..<0xA0: return nil  // C1 controls are never keys
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_LL, KEY_C1: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
