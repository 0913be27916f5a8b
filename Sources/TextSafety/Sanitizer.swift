import Foundation

/// The one filter every string from outside passes through before it is measured or drawn: titles, names,
/// bodies, URLs, server messages. It runs after the last decoding step (XML/HTML entities, JSON escapes),
/// because `&#27;` only becomes ESC once decoded.
///
/// Policy (DECISIONS.md, "Sanitiser policy"): C0 controls but `\n` and `\t`, DEL, C1 (U+0080–U+009F), bidi
/// controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069), and invisible format characters that no script
/// needs in running text (U+FEFF, U+2060–2064, U+206A–206F, U+FFF9–FFFB) are removed. `\r\n`, a lone `\r`,
/// U+2028 and U+2029 become `\n`. The soft hyphen (U+00AD) and zero-width space (U+200B) are kept by
/// `clean` because the layout uses them as break opportunities and never draws them; `cleanLine` removes
/// them. ZWJ/ZWNJ (scripts, emoji) and tag characters (subdivision flags, reduced by
/// `DisplayWidth.cellText` before drawing) are kept.
public enum Sanitizer {
    /// Removes everything that could act on a terminal rather than be shown by it (see the type's
    /// policy). Text with nothing to remove is returned as is, without copying.
    public static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
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
            case 0xFEFF, 0x2060...0x2064, 0x206A...0x206F, 0xFFF9...0xFFFB:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `clean(_:)` for one-line fields (titles, names): also removes soft hyphens and zero-width spaces
    /// (nothing wraps there), folds every run of white space, newlines included, into one space and trims
    /// the ends. A line the byte check finds clean (most titles, in any script) is returned as it is.
    public static func cleanLine(_ text: String) -> String {
        isCleanLine(text) ? text : cleanLineByScalars(text)
    }

    /// The general `cleanLine`, scalar by scalar: what the byte check is tested against.
    package static func cleanLineByScalars(_ text: String) -> String {
        let cleaned = clean(text)
        // Scalars, not Characters: a joiner after a space (" \u{200D}") forms one Character that is white
        // space as a whole, and folding it would drop the joiner. No-break spaces are text, not layout:
        // they stay.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in cleaned.unicodeScalars {
            if scalar == "\u{AD}" || scalar == "\u{200B}" { continue }
            if scalar.properties.isWhitespace && !isNoBreakSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// U+00A0, U+2007 and U+202F: spaces an author asked not to break or fold.
    package static func isNoBreakSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xA0 || scalar.value == 0x2007 || scalar.value == 0x202F
    }

    /// `url` if it may be handed to a browser: an absolute `http` or `https` URL with a host, and nothing
    /// in it that the sanitiser would remove, nor any white space. Anything else is nil, so a feed cannot
    /// make Gazette open `javascript:`, `file:` or a command line.
    public static func safeURL(_ url: String) -> String? {
        guard let candidate = displayableURL(url),
              let scheme = URLResolver.scheme(of: candidate), scheme == "http" || scheme == "https",
              let parsed = URL(string: candidate), let host = parsed.host, !host.isEmpty
        else { return nil }
        return candidate
    }

    /// `url` if it may be shown as a link: `http`, `https` or `mailto`, with nothing the sanitiser would
    /// remove and no white space. Only `safeURL(_:)` results may be opened.
    public static func displayableURL(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, clean(trimmed) == trimmed,
              !trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value == 0xAD || $0.value == 0x200B }),
              let scheme = URLResolver.scheme(of: trimmed), URLResolver.linkSchemes.contains(scheme)
        else { return nil }
        return trimmed
    }

    /// A scan of the UTF-8 bytes for exactly the sequences `clean` removes or rewrites: false in the
    /// common case, so clean text (curly quotes and dashes included) is not copied.
    package static func needsCleaning(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsCleaning($0) }
    }

    /// `needsCleaning` over UTF-8 bytes, for text still in a parser's buffer.
    package static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var i = 0
        while i < count {
            // Eight bytes at a time: printable ASCII needs nothing, and the bytes before the first other
            // one are skipped at once.
            if i + 8 <= count {
                let skip = ByteScan.leadingPrintableASCII(ByteScan.load(bytes, at: i))
                i += skip
                if skip == 8 { continue }
            }
            let byte = bytes[i]
            if byte < 0x80 {
                if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { return true }
                i += 1
                continue
            }
            switch byte {
            case 0xC2:  // U+0080–U+009F: C1 controls
                if i + 1 < count, bytes[i + 1] <= 0x9F { return true }
            case 0xD8:  // U+061C arabic letter mark
                if i + 1 < count, bytes[i + 1] == 0x9C { return true }
            case 0xE2:
                if i + 2 < count {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if b1 == 0x80, b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2) { return true }
                    if b1 == 0x81, (0xA0...0xAF).contains(b2) { return true }
                }
            case 0xEF:
                if i + 2 < count {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if b1 == 0xBB, b2 == 0xBF { return true }
                    if b1 == 0xBF, (0xB9...0xBB).contains(b2) { return true }
                }
            default:
                break
            }
            // Past the character: none of the sequences above starts with a continuation byte.
            i += 1
            while i < count, bytes[i] & 0xC0 == 0x80 { i += 1 }
        }
        return false
    }
}
