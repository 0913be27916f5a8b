/// How many terminal columns text takes, measured per grapheme cluster (`Character`), never per scalar or
/// per `String.count`.
///
/// Terminals disagree about emoji clusters: glibc's `wcwidth`, ncurses and tmux 3.3 add the widths of the
/// scalars in a ZWJ sequence or a skin-tone cluster (4 or 6 columns) while kitty, WezTerm and iTerm2 draw
/// them 2 wide, and a VS16 sequence such as `❤️` is 1 column to the first group and 2 to the second. No
/// single width is right everywhere, so `cellText(_:)` first reduces such a cluster to a form every
/// terminal agrees on (see DECISIONS.md, "Emoji clusters"), and `width(of:)` measures that form.
public enum DisplayWidth {
    /// The columns one character occupies once drawn through `cellText(_:)`: 0, 1 or 2.
    public static func width(of character: Character) -> Int {
        width(ofCellText: cellText(character))
    }

    /// The columns a whole string occupies, the sum of its characters' widths.
    ///
    /// Measured on the UTF-8 bytes: a scalar that is a cluster on its own (`simpleCluster(_:at:)`) is
    /// looked up, and only the rest (marks, joiners, emoji, jamo) is segmented into `Character`s.
    @inlinable
    public static func width<S: StringProtocol>(of text: S) -> Int {
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var total = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80, index + 1 == count || bytes[index + 1] < 0x80, byte != 0x0D {
                    total += byte >= 0x20 && byte != 0x7F ? 1 : 0
                    index += 1
                } else if let simple = simpleCluster(bytes, at: index) {
                    total += simple.width
                    index += simple.length
                } else {
                    let utf8 = text.utf8
                    let character = text[utf8.index(utf8.startIndex, offsetBy: index)]
                    total += width(of: character)
                    index += character.utf8.count
                }
            }
            return total
        }
        if let fast { return fast }
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// The cluster that starts at byte `index` of valid UTF-8 `bytes` when it is one scalar of the Basic
    /// Multilingual Plane that nothing after it joins, with its length in bytes and its width; nil when
    /// telling needs grapheme segmentation (a mark, joiner, jamo, emoji or CR follows or starts it).
    ///
    /// `index` must be the start of a cluster. The answer agrees with `Character` segmentation and with
    /// `width(of:)` (tests compare them over every BMP scalar); it saves the segmentation and the
    /// property lookups that dominate measuring text in most scripts.
    @inlinable
    public static func simpleCluster(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
        -> (value: UInt32, length: Int, width: Int)? {
        guard let (value, length) = decode(bytes, at: index) else { return nil }
        let lead = ScalarClass.of(value)
        guard lead & ScalarClass.lead != 0 else { return nil }
        let after = index + length
        if after < bytes.count {
            let next = bytes[after]
            if next >= 0x80 {
                guard let (follower, _) = decode(bytes, at: after),
                      ScalarClass.of(follower) & ScalarClass.follower != 0 else { return nil }
            }
        }
        return (value, length, Int(lead & ScalarClass.widthMask))
    }

    /// The BMP scalar at `index` (1 to 3 bytes) and its length; nil for a 4-byte sequence.
    @inlinable @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let count = bytes.count
        if lead < 0xE0 {
            guard index + 1 < count else { return nil }
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        guard lead < 0xF0, index + 2 < count else { return nil }
        return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
    }

    /// The form in which a character is handed to the terminal, so that every terminal draws it at the width
    /// `width(of:)` reports: ZWJ sequences keep their first emoji, skin-tone modifiers and variation
    /// selectors are dropped, a tag sequence (subdivision flags) keeps its base. Other characters are
    /// returned unchanged.
    public static func cellText(_ character: Character) -> Substring.UnicodeScalarView {
        let scalars = character.unicodeScalars
        // Fast path: a single scalar needs no reduction.
        if scalars.count == 1 { return Substring(String(character)).unicodeScalars }
        var kept = Substring.UnicodeScalarView()
        for scalar in scalars {
            let value = scalar.value
            if value == 0x200D { break }                        // ZWJ: keep only what came before it
            if value == 0xFE0F || value == 0xFE0E { continue }  // variation selectors
            if (0x1F3FB...0x1F3FF).contains(value) { continue } // skin-tone modifiers
            if (0xE0020...0xE007F).contains(value) { continue } // tag characters (subdivision flags)
            kept.append(scalar)
        }
        if kept.isEmpty, let first = scalars.first { kept.append(first) }
        return kept
    }

    /// The width of text already reduced by `cellText(_:)`: the first scalar's width (2 for a flag, a
    /// pair of regional indicators), non-spacing marks adding nothing, at most 2.
    ///
    /// A spacing mark (general category Mc, as in Devanagari `कि` or Tamil `கொ`) adds a column: glibc's
    /// `wcwidth`, and so ncurses and tmux, count it as one, while cluster-aware terminals draw the cluster
    /// in fewer. Over-counting leaves a blank cell in the latter; under-counting would overflow the row
    /// in the former (DECISIONS.md, "Width of spacing marks").
    static func width(ofCellText scalars: Substring.UnicodeScalarView) -> Int {
        guard let first = scalars.first else { return 0 }
        let base = width(ofScalar: first)
        if base == 0 {
            // A cluster that starts with a mark (a lone combining character) still occupies no column.
            return scalars.dropFirst().map(width(ofScalar:)).max() ?? 0
        }
        if base == 2 || scalars.count == 1 { return base }
        var total = base
        for scalar in scalars.dropFirst() where scalar.value >= 0x900 {
            if scalar.properties.generalCategory == .spacingMark { total += 1 }
        }
        return min(total, 2)
    }

    /// The width of one scalar on its own: 0 for controls, marks and format characters, 2 for East Asian
    /// wide and full-width characters and emoji with emoji presentation, else 1.
    public static func width(ofScalar scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }  // Latin, the common case
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
        if value == 0x200B { return 0 }
        if isWide(value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, from Unicode's EastAsianWidth.txt, merged.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E,
             0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
             0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
             0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440,
             0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A,
             0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2,
             0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
             0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
