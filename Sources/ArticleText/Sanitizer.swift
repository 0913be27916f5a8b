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
    /// the ends.
    public static func cleanLine(_ text: String) -> String {
        let cleaned = clean(text)
        var out = ""
        out.reserveCapacity(cleaned.utf8.count)
        var pendingSpace = false
        for character in cleaned {
            if character == "\u{AD}" || character == "\u{200B}" { continue }
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(character)
            }
        }
        return out
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

    /// A quick scan of the UTF-8 bytes: false when the text cannot contain anything `clean` removes or
    /// rewrites, which is the common case. Lead bytes C2 (C1 controls), D8 (U+061C), E2 (U+2000 block),
    /// EF (U+FEFF, U+FFF9–FFFB) send the text to the careful path.
    @inline(__always)
    static func needsCleaning(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte < 0x20 {
                if byte != 0x0A && byte != 0x09 { return true }
            } else if byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF {
                return true
            }
        }
        return false
    }
}
