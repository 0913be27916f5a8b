import Foundation

/// Finds, in the raw bytes a program wrote to its terminal (`tmux pipe-pane`), the sequences a feed must
/// never get through: OSC, DCS, APC, PM and SOS strings (ESC ] P _ ^ X), C1 controls (U+0080–U+009F, as
/// UTF-8), and bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069). ncurses itself writes CSI
/// sequences (ESC [) and a few two-byte ones, none of which is in the list.
enum TerminalOutputScan {
    /// One sequence found: its kind and its offset in the stream.
    struct Finding: CustomStringConvertible, Equatable {
        let kind: String
        let offset: Int
        var description: String { "\(kind) at byte \(offset)" }
    }

    static func findings(in bytes: [UInt8], startingAt base: Int = 0) -> [Finding] {
        var found: [Finding] = []
        var index = 0
        while index + 1 < bytes.count {
            let byte = bytes[index], next = bytes[index + 1]
            switch byte {
            case 0x1B:
                let kinds: [UInt8: String] = [0x5D: "OSC", 0x50: "DCS", 0x5F: "APC", 0x5E: "PM", 0x58: "SOS"]
                if let kind = kinds[next] { found.append(Finding(kind: kind, offset: base + index)) }
            case 0xC2 where (0x80...0x9F).contains(next):
                found.append(Finding(kind: String(format: "C1 U+%04X", Int(next)), offset: base + index))
            case 0xE2 where index + 2 < bytes.count:
                let third = bytes[index + 2]
                if (next == 0x80 && (0xAA...0xAE).contains(third)) || (next == 0x81 && (0xA6...0xA9).contains(third)) {
                    let scalar = (Int(next & 0x3F) << 6 | Int(third & 0x3F)) + 0x2000
                    found.append(Finding(kind: String(format: "bidi U+%04X", scalar), offset: base + index))
                }
            default:
                break
            }
            index += 1
        }
        return found
    }
}
