/// The one filter every string from outside passes through before it is measured or drawn: titles, names,
/// bodies, URLs, server messages. It runs after the last decoding step (XML/HTML entities, JSON escapes),
/// because `&#27;` only becomes ESC once decoded.
public enum Sanitizer {
    /// Removes everything that could act on a terminal rather than be shown by it: C0 controls but `\n` and
    /// `\t`, DEL, C1 (U+0080–U+009F), and bidi controls; `\r\n` and lone `\r` become `\n`; U+2028/U+2029
    /// become `\n`.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = (v == 0x0D) }
            switch v {
            case 0x0A:
                if !previousWasCR { out.append(scalar) }
            case 0x0D, 0x2028, 0x2029:
                out.append("\n")
            case 0x09:
                out.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `clean(_:)` for one-line fields (titles, names): also folds every run of white space, newlines
    /// included, into one space and trims the ends.
    public static func cleanLine(_ text: String) -> String {
        let cleaned = clean(text)
        var out = ""
        out.reserveCapacity(cleaned.utf8.count)
        var pendingSpace = false
        for character in cleaned {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(character)
            }
        }
        return out
    }
}
