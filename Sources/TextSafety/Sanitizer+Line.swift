/// Byte-level checks that let callers skip the scalar-by-scalar work of `cleanLine` (the Unicode white-space
/// lookup per scalar was the parser's main cost on large feeds) and find C1 controls without decoding.
/// Each is a shortcut only: `SanitizerTests` holds them to the general rule.
extension Sanitizer {
    /// Whether `Sanitizer.cleanLine` would return `text` as it is: single ASCII spaces only between words,
    /// no control character, and none of the scalars it removes or folds (C1, U+00A0, U+00AD, U+061C,
    /// U+1680, U+180E, U+2000–U+200B, U+200E, U+200F, U+2028–U+202F, U+205F–U+206F, U+3000, U+FEC0–U+FEFF, U+FFC0–U+FFFF:
    /// told apart by their leading bytes, a little wider than needed). Titles in any script pass; the
    /// Unicode white-space lookup `cleanLine` does per scalar was its main cost.
    package static func isCleanLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let n = b.count
            guard n > 0, b[0] != 0x20, b[n - 1] != 0x20 else { return n == 0 }
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c < 0x20 || c == 0x7F || (c == 0x20 && b[i + 1] == 0x20) { return false }
                    i += 1; continue
                }
                switch c {
                case 0xC2: // C1 controls (NEL among them), U+00A0 and the soft hyphen U+00AD
                    guard i + 1 < n else { return false }
                    if b[i + 1] <= 0xA0 || b[i + 1] == 0xAD { return false }
                case 0xD8: // U+061C; the rest is Arabic text
                    guard i + 1 < n else { return false }
                    if b[i + 1] == 0x9C { return false }
                case 0xE1: // U+1680 (white space) and U+180E; the rest of U+1000–U+1FFF is text (Vietnamese, ...)
                    guard i + 2 < n else { return false }
                    let c1 = b[i + 1], c2 = b[i + 2]
                    if (c1 == 0x9A && c2 == 0x80) || (c1 == 0xA0 && c2 == 0x8E) { return false }
                case 0xE2:
                    guard i + 2 < n else { return false }
                    let c1 = b[i + 1], c2 = b[i + 2]
                    // U+2000–U+200B (spaces, zero-width space), U+200E/F, U+2028–U+202F; joiners U+200C/D stay.
                    if c1 == 0x80 && (c2 <= 0x8B || c2 == 0x8E || c2 == 0x8F || c2 >= 0xA8 && c2 <= 0xAF) { return false }
                    if c1 == 0x81 && c2 >= 0x9F && c2 <= 0xAF { return false }
                case 0xE3:
                    guard i + 2 < n else { return false }
                    if b[i + 1] == 0x80 && b[i + 2] == 0x80 { return false }
                case 0xEF:
                    guard i + 1 < n else { return false }
                    if b[i + 1] == 0xBB || b[i + 1] == 0xBF { return false }
                default: break
                }
                i += 1
            }
            return true
        }
    }

    /// Whether `text` contains a C1 control (U+0080–U+009F).
    package static func hasC1(_ text: String) -> Bool {
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
