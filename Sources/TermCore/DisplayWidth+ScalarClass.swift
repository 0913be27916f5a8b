/// What the fast width path needs to know about a scalar of the Basic Multilingual Plane: its width alone
/// and whether it can be, or follow, a cluster of one scalar.
///
/// Grapheme clusters join a scalar to the one before it only for a few kinds of follower (extending and
/// spacing marks, ZWJ, Hangul jamo after jamo or a syllable, LF after CR, a second regional indicator)
/// or after a few kinds of lead (Prepend, CR, ZWJ, jamo). A scalar that is neither such a lead nor such a
/// follower is a cluster of its own whenever the next scalar is not such a follower, which covers
/// nearly all letters, digits, punctuation and ideographs.
@usableFromInline
enum ScalarClass {
    /// Bits 0–1: the width, as `DisplayWidth.width(ofScalar:)`.
    @usableFromInline static let widthMask: UInt8 = 0b11
    /// Set when the scalar forms a cluster alone if the next scalar is a `follower` (or there is none).
    @usableFromInline static let lead: UInt8 = 1 << 2
    /// Set when the scalar never joins the cluster before it (when that cluster starts with a `lead`).
    @usableFromInline static let follower: UInt8 = 1 << 3

    /// The class of `value`: looked up for the two-byte UTF-8 range (Latin to Arabic) and for CJK
    /// punctuation and kana, known for ideographs, Hangul syllables, Vietnamese letters and general
    /// punctuation, worked out from the scalar's properties elsewhere.
    @inlinable
    static func of(_ value: UInt32) -> UInt8 {
        if value < 0x800 { return table[Int(value)] }
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return 2 | lead | follower
        case 0x3000..<0x3100: return table[0x800 + Int(value - 0x3000)]
        case 0x1E00...0x1EFF, 0x2010...0x2027: return 1 | lead | follower
        default: return classify(value)
        }
    }

    /// `classify` below U+0800, then from U+3000 to U+30FF, built on first use: about 2 300 property
    /// lookups, once per process (a table up to U+3400 cost ~25 M instructions). Behind a pointer rather
    /// than in an array: reading an element of a global array retained and released the array, two atomic
    /// operations for every character measured. Immutable once built, and never freed, as a global
    /// array is not.
    @usableFromInline nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x900)
        for value in 0..<0x800 { table[value] = classify(UInt32(value)) }
        for value in 0x3000..<0x3100 { table[0x800 + value - 0x3000] = classify(UInt32(value)) }
        return UnsafePointer(table)
    }()

    /// The class of one scalar from its Unicode properties. Conservative: a scalar whose cluster
    /// behaviour is not plainly "alone" gets neither bit, and the caller segments it properly.
    @usableFromInline static func classify(_ value: UInt32) -> UInt8 {
        guard let scalar = Unicode.Scalar(value) else { return 0 }  // surrogate code points
        let width = UInt8(DisplayWidth.width(ofScalar: scalar))
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return width
        default: break
        }
        if properties.isGraphemeExtend { return width }        // ZWNJ, half-width kana voicing marks…
        switch value {
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF: return width  // conjoining jamo
        case 0x200D: return width                                            // ZWJ
        case 0x0E33, 0x0EB3: return width                                    // spacing marks of category Lo
        case 0x1F1E6...0x1F1FF: return width                                 // regional indicators
        default: break
        }
        var bits = width | follower
        // Prepend (format characters such as U+0600, and U+0D4E) joins what follows; CR joins an LF.
        // Soft hyphen and zero-width space are format characters that stand alone.
        let isFormat = properties.generalCategory == .format && value != 0xAD && value != 0x200B
        if !isFormat && value != 0x0D && value != 0x0D4E { bits |= lead }
        return bits
    }
}
