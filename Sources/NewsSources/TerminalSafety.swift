import ArticleText

/// Byte-level pre-checks that let the parser skip `Sanitizer.clean` on the (usual) strings that contain
/// nothing it would change. The result is identical either way; only the cost differs (the scalar-by-scalar
/// rebuild dominated parse time on large feeds).
enum TerminalSafety {
    /// `Sanitizer.clean(text)`, skipped when no byte could need it.
    static func clean(_ text: String) -> String {
        needsCleaning(text) ? Sanitizer.clean(text) : text
    }

    /// Whether `text` has a C0 control other than tab and newline, DEL, a C1 control, CR, U+061C, U+200E/F,
    /// U+2028/9, U+202A–E or U+2066–9 — everything `Sanitizer.clean` removes or rewrites.
    static func needsCleaning(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F { return true }
                    i += 1; continue
                }
                if c == 0xC2, i + 1 < n, b[i + 1] >= 0x80, b[i + 1] <= 0x9F { return true }
                if c == 0xD8, i + 1 < n, b[i + 1] == 0x9C { return true }
                if c == 0xE2, i + 2 < n {
                    let c1 = b[i + 1], c2 = b[i + 2]
                    if c1 == 0x80 && (c2 == 0x8E || c2 == 0x8F || (c2 >= 0xA8 && c2 <= 0xAE)) { return true }
                    if c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9 { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Whether `text` contains a C1 control (U+0080–U+009F).
    static func hasC1(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while i + 1 < b.count {
                if b[i] == 0xC2 && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F { return true }
                i += 1
            }
            return false
        }
    }
}
