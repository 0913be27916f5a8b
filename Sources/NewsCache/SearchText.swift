/// Turns a story's HTML body into the plain text the search index holds.
///
/// NewsCache does not depend on ArticleText, so this is a small tag stripper of its own: the bodies it sees
/// are already sanitised fragments, and the index only needs the words, not a faithful layout. It runs once
/// per stored story, so it works on UTF-8 bytes and copies runs of ordinary text whole.
enum SearchText {
    /// The indexed body is capped so one huge page cannot blow up the index; the first 16,000 characters
    /// hold the words a search is for.
    static let maximumBodyLength = 16_000

    /// The indexed text of the best body available, as `Story.bodyHTML` chooses it (see `indexed`).
    static func body(extracted: String?, content: String?, summary: String?) -> String {
        String(decoding: bodyUTF8(extracted: extracted, content: content, summary: summary), as: UTF8.self)
    }

    /// `body` as its UTF-8 bytes, valid by construction (whole characters of a `String`, and characters
    /// decoded from entities): a refresh binds them to the index as they are, since making a `String` of
    /// them validates every byte again (2.5 % of a cold refresh's instructions).
    static func bodyUTF8(extracted: String?, content: String?, summary: String?) -> [UInt8] {
        guard let html = extracted ?? content ?? summary else { return [] }
        return plainTextUTF8(html, limit: maximumBodyLength, separatingCJK: true, keepingTags: false)
    }

    /// `text` without leading and trailing white space. Most text arrives trimmed already, so the common
    /// case checks two characters and returns the same string; Foundation's `trimmingCharacters` was a
    /// visible cost of storing a refresh.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !isWhitespace(first) && !isWhitespace(last) { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isWhitespace($0) }),
              let end = scalars.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// The indexed form of a title: `SearchMarkers.separator` between CJK characters (see `plainText`).
    static func title(_ title: String) -> String {
        plainText(title, separatingCJK: true, keepingTags: true)
    }

    /// Tags removed (a tag boundary becomes a space), common entities decoded, white space folded, and the
    /// private-use characters that mark matches in snippets dropped. At most `limit` characters (Unicode
    /// scalars; a folded space is one, a CJK separator none) are kept.
    ///
    /// With `separatingCJK`, `SearchMarkers.separator` goes between a CJK character and its neighbours, so
    /// that the index's word tokenizer sees every Han, kana or Hangul character as a word of its own:
    /// Chinese and Japanese are written without spaces, and a query word becomes the phrase of its
    /// characters. The separator is invisible to readers: it is stripped from highlights and snippets.
    /// With `keepingTags`, `<` is text (titles are plain text already).
    static func plainText(_ html: String, limit: Int = .max, separatingCJK: Bool = false,
                          keepingTags: Bool = false) -> String {
        String(decoding: plainTextUTF8(html, limit: limit, separatingCJK: separatingCJK, keepingTags: keepingTags),
               as: UTF8.self)
    }

    /// `plainText` as UTF-8 bytes.
    static func plainTextUTF8(_ html: String, limit: Int, separatingCJK: Bool, keepingTags: Bool) -> [UInt8] {
        var source = html
        return source.withUTF8 { bytes in
            let capacity = limit >= bytes.count ? bytes.count : min(bytes.count, limit &* 4)
            var writer = Writer(limit: limit, separatingCJK: separatingCJK, capacity: capacity)
            var index = 0
            let count = bytes.count
            while index < count, !writer.isFull {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "<") where !keepingTags:
                    // Skip to the end of the tag; a tag boundary separates words (`<p>a</p><p>b</p>` is "a b").
                    guard let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else {
                        writer.ascii(byte); index += 1; continue
                    }
                    writer.space()
                    index = end + 1
                case UInt8(ascii: "&"):
                    if let (scalar, next) = decodeEntity(bytes, after: index) {
                        writer.scalar(scalar)
                        index = next
                    } else {
                        writer.ascii(byte); index += 1
                    }
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                    writer.space(); index += 1
                case ..<0x80:
                    // A run of ordinary text is copied in one go (see `runEnd`); any other ASCII starts one
                    // (a `<` in a title).
                    index = writer.run(bytes, from: index)
                case 0xC2...0xDF where Self.isRunCharacter(bytes, at: index):
                    // Two-byte characters too, but for U+0085 and U+00A0, which go below as white space.
                    index = writer.run(bytes, from: index)
                default:
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    let end = min(count, index + length)
                    writer.encoded(bytes[index..<end])
                    index = end
                }
            }
            return writer.bytes
        }
    }

    /// Whether the character at `index` of valid UTF-8 needs nothing but copying: printable ASCII other
    /// than `<` and `&`, other ASCII that is not white space, or a two-byte character (Latin, Greek,
    /// Cyrillic, Hebrew, Arabic... none of them CJK or a marker) other than the two that are white space,
    /// U+0085 and U+00A0. Tags, entities and white space are looked at before this is asked.
    @inline(__always)
    private static func isRunCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return false
            default: return true
            }
        }
        guard byte >= 0xC2, byte <= 0xDF, index + 1 < bytes.count else { return false }
        return byte != 0xC2 || (bytes[index + 1] != 0x85 && bytes[index + 1] != 0xA0)
    }

    /// The end of the run of plain characters starting at `start`, and how many characters it holds, at
    /// most `limit` (at least 1). The first character is taken whatever it is (ASCII, or a two-byte run
    /// character). Single spaces between run characters belong to the run: they are what white-space
    /// folding would write anyway, so "one two three" is copied whole instead of word by word (a run a word
    /// long was 30 % of a cold refresh's search-text instructions). A space followed by anything else (more
    /// white space, a tag, an entity, a longer character) ends the run and is left to the
    /// character-by-character path, which folds it.
    private static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, atMost limit: Int)
        -> (end: Int, characters: Int) {
        let count = bytes.count
        var end = start + (bytes[start] < 0x80 ? 1 : 2), characters = 1
        while characters < limit {
            // Printable ASCII, a byte a character, is most of any text: eight bytes at a time while they
            // are words and single spaces (`isPlainWords`), then a byte at a time.
            let asciiStart = end, asciiStop = min(count, end &+ (limit &- characters))
            if let base = bytes.baseAddress {
                while end &+ 8 <= asciiStop,
                      isPlainWords(UInt64(littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))) {
                    end += 8
                }
            }
            while end < asciiStop, case let byte = bytes[end], byte > 0x20, byte < 0x7F,
                  byte != UInt8(ascii: "<"), byte != UInt8(ascii: "&") {
                end += 1
            }
            characters += end - asciiStart
            guard end < count, characters < limit else { break }
            if isRunCharacter(bytes, at: end) {
                end += bytes[end] < 0x80 ? 1 : 2
            } else if bytes[end] == 0x20, end + 1 < count, characters + 1 < limit, isRunCharacter(bytes, at: end + 1) {
                end += 1
            } else {
                break
            }
            characters += 1
        }
        return (end, characters)
    }

    /// Whether eight bytes (the first in the low byte) are all run characters that are printable ASCII or
    /// single spaces: no byte of 0x80 or more, no control character, `<`, `&` or DEL, no two spaces side by
    /// side and no space last (what follows it is not known here). Each test flags the bytes it finds by
    /// their high bit, computed for all eight bytes at once.
    @inline(__always)
    static func isPlainWords(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        if word & highs != 0 { return false }
        /// The bytes of `word` equal to `byte` (exact: the low seven bits of each byte are added alone).
        func equal(_ byte: UInt8) -> UInt64 {
            let x = word ^ (ones &* UInt64(byte))
            return ~(((x & ~highs) &+ ~highs) | x) & highs
        }
        // Below 0x21 (every byte is under 0x80 here, so adding 0x5F carries into no neighbour).
        let low = ~(word &+ ones &* 0x5F) & highs
        let spaces = equal(0x20)
        if (low & ~spaces) | equal(UInt8(ascii: "<")) | equal(UInt8(ascii: "&")) | equal(0x7F) != 0 { return false }
        return spaces & (spaces >> 8) == 0 && spaces & (0x80 << 56) == 0
    }

    /// The output of `plainText`: UTF-8 bytes with folded white space and CJK separators.
    private struct Writer {
        let limit: Int
        let separatingCJK: Bool
        var bytes: [UInt8] = []
        var count = 0
        var pendingSpace = false
        var lastWasCJK = false

        init(limit: Int, separatingCJK: Bool, capacity: Int) {
            self.limit = limit; self.separatingCJK = separatingCJK
            bytes.reserveCapacity(capacity)
        }

        var isFull: Bool { count >= limit }

        mutating func space() { pendingSpace = true }

        mutating func ascii(_ byte: UInt8) {
            begin(isCJK: false)
            guard count < limit else { return }
            bytes.append(byte)
            count += 1
        }

        /// Copies the run of plain characters that starts at `start` (see `SearchText.runEnd`), as much of
        /// it as the limit leaves room for, and returns where the source goes on.
        mutating func run(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            begin(isCJK: false)
            guard count < limit else { return start + 1 }
            let (end, characters) = SearchText.runEnd(source, from: start, atMost: limit - count)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
            count += characters
            return end
        }

        /// One non-ASCII character, given as its (valid) UTF-8 bytes.
        mutating func encoded(_ utf8: Slice<UnsafeBufferPointer<UInt8>>) {
            scalar(Self.decode(utf8), encoded: utf8)
        }

        mutating func scalar(_ scalar: Unicode.Scalar, encoded: Slice<UnsafeBufferPointer<UInt8>>? = nil) {
            if scalar.isASCII {
                switch scalar.value {
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: space()
                default: ascii(UInt8(scalar.value))
                }
                return
            }
            if SearchText.isWhitespace(scalar) { return space() }
            if SearchMarkers.isMarker(scalar) { return }
            begin(isCJK: separatingCJK && SearchText.isCJK(scalar))
            guard count < limit else { return }
            if let encoded {
                // Byte by byte: `append(contentsOf:)` of a 2–4 byte slice went through the generic sequence
                // path, ~90 instructions a character.
                for byte in encoded { bytes.append(byte) }
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
            count += 1
        }

        /// Writes the folded space or the CJK separator that goes before the next character.
        private mutating func begin(isCJK: Bool) {
            if pendingSpace, !bytes.isEmpty {
                bytes.append(0x20)
                count += 1
            } else if separatingCJK, isCJK || lastWasCJK, !bytes.isEmpty {
                bytes.append(contentsOf: SearchMarkers.separatorUTF8)
            }
            pendingSpace = false
            lastWasCJK = isCJK
        }

        /// The scalar of one UTF-8 sequence (valid: it comes from a String), decoded by hand: the general
        /// decoder was a visible cost for text with many accented or CJK characters.
        private static func decode(_ utf8: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar {
            var index = utf8.startIndex
            let lead = UInt32(utf8[index])
            let (length, bits): (Int, UInt32) = lead >= 0xF0 ? (4, lead & 0x07) : lead >= 0xE0 ? (3, lead & 0x0F)
                : (2, lead & 0x1F)
            guard utf8.count == length else { return "\u{FFFD}" }
            var value = bits
            index += 1
            while index < utf8.endIndex {
                value = value << 6 | UInt32(utf8[index] & 0x3F)
                index += 1
            }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
    }

    /// Unicode's White_Space property (what `Unicode.Scalar.Properties.isWhitespace` answers), by its short
    /// fixed list: the property lookup was 3 % of a cold refresh's instructions, called for every non-ASCII
    /// character of every stored body.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Whether a character is written without spaces between words: Han ideographs, kana, Hangul, Bopomofo
    /// and their compatibility and half-width forms.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x312F, 0x3130...0x318F,
             0x31A0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF,
             0xF900...0xFAFF, 0xFF66...0xFF9F, 0xFFA0...0xFFDC, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// The HTML entities search text decodes by name; numeric references are decoded in general.
    private static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "mdash": "—", "ndash": "–", "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    /// Decodes the entity whose `&` is at `ampersand`, returning its character and the index after the `;`.
    private static func decodeEntity(_ bytes: UnsafeBufferPointer<UInt8>, after ampersand: Int)
        -> (Unicode.Scalar, Int)? {
        let start = ampersand + 1
        let end = min(bytes.count, start + 12)
        guard start < end, let semicolon = bytes[start..<end].firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = String(decoding: bytes[start..<semicolon], as: UTF8.self)
        if let scalar = namedEntities[name] { return (scalar, semicolon + 1) }
        var value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            value = UInt32(name.dropFirst(), radix: 10)
        }
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, semicolon + 1)
    }
}

/// The private-use characters the search index uses: `open` and `close` are what `snippet()` and
/// `highlight()` put around matches; `separator` splits CJK text into one-character words (see
/// `SearchText.plainText`). `SearchText` strips all three from incoming text, so they can only come from
/// the index itself.
enum SearchMarkers {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"
    static let separator: Unicode.Scalar = "\u{E002}"
    static let separatorUTF8: [UInt8] = Array(String(separator).utf8)

    static func isMarker(_ scalar: Unicode.Scalar) -> Bool {
        scalar == open || scalar == close || scalar == separator
    }
}
