import TextSafety
import TermCore

/// Breaks a run of styled text into rows no wider than a given number of columns.
///
/// Measures display width per grapheme cluster (`DisplayWidth`), never splits a cluster, and breaks at
/// spaces, after hyphens and slashes, at soft hyphens (drawn as `-` only when the row ends there) and
/// zero-width spaces (never drawn), and between any two CJK or other wide characters (except before
/// closing punctuation or after opening brackets). A word longer than the row is cut at the row's end.
/// `"\n"` is a hard break. Spaces at a soft break are dropped, so rows have no trailing spaces.
///
/// Positions are UTF-8 offsets into the paragraph's text; ASCII is measured byte by byte and only other
/// text goes through `Character`, which keeps laying out a long article cheap.
enum LineWrapper {
    /// Where the current row may end, and where the next would start.
    private struct Break {
        var end: Int            // the row's text ends here (exclusive)
        var next: Int           // the next row starts here
        var widthAtEnd: Int     // the row's width if it ends here
        var hyphen: Bool        // draw "-" at the end (a soft hyphen)
        /// What the scan knew at `next` about the characters before it (`previous`, `beforePrevious`,
        /// `previousWide` in `layOut`): the next row is measured again from there.
        var previous: UInt32
        var beforePrevious: UInt32
        var previousWide: Bool
    }

    /// How a row found by `plainRow` ends.
    private enum PlainRow {
        /// The row is `start..<end`; the next starts at `next`, after dropping leading spaces if `skipSpaces`.
        case row(end: Int, next: Int, skipSpaces: Bool)
        /// The rest of the text fits in the row.
        case toEnd
    }

    /// Rows of spans, each at most `width` columns wide (a cluster wider than `width` is left out, which
    /// only happens below 2 columns). An empty input gives no rows; `"\n"` alone gives two empty rows.
    static func wrap(_ spans: [StyledSpan], width: Int) -> [[StyledSpan]] {
        var rows = RowBuilder()
        wrap(spans, width: width, into: &rows)
        return rows.finish().map(\.spans)
    }

    /// `wrap(_:width:)` appending the rows to `rows` as they are cut: `first` goes before the first
    /// row and `rest` before the others (quote bars, list markers), and `traits` is added to every span
    /// of the text. Returns how many rows were added. The text is added to `rows` once and each row
    /// refers to its byte ranges.
    @discardableResult
    static func wrap(_ spans: [StyledSpan], width: Int, traits: TextTraits = [], first: [StyledSpan] = [],
                     rest: [StyledSpan] = [], shortcuts: Bool = true, into rows: inout RowBuilder) -> Int {
        guard width > 0 else { return 0 }
        let text: Substring
        // The runs' buffer is the builder's, kept from one paragraph to the next: wrapping a paragraph
        // then allocates nothing.
        var runs: [WrapRun] = []
        swap(&runs, &rows.wrapRuns)
        if !runs.isEmpty { runs.removeAll(keepingCapacity: true) }
        if let joined = adjacentSlices(spans), joined.utf8.withContiguousStorageIfAvailable({ _ in true }) == true {
            // One span, or the spans of a paragraph read by `InlineBuffer` (slices of one string, one
            // after the other): the text is used where it is, not copied. (Contiguous UTF-8 always, for
            // native strings; anything else is joined into a new string below.)
            text = joined
            var end = 0
            for span in spans where !span.text.isEmpty {
                end += span.text.utf8.count
                runs.append(WrapRun(end: end, traits: span.traits.union(traits)))
            }
        } else {
            var joined = ""
            joined.reserveCapacity(spans.reduce(0) { $0 + $1.text.utf8.count })
            for span in spans where !span.text.isEmpty {
                joined += span.text
                runs.append(WrapRun(end: joined.utf8.count, traits: span.traits.union(traits)))
            }
            text = Substring(joined)
        }
        guard !text.isEmpty else { swap(&runs, &rows.wrapRuns); return 0 }
        var emitter = RowEmitter(text: text, runs: consume runs, first: first, rest: rest, into: &rows)
        defer { swap(&emitter.runs, &rows.wrapRuns) }
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Only an actual soft hyphen (C2 AD) or zero-width space (E2 80 8B) counts: the bytes AD and 8B
            // alone occur inside many letters (í, Cyrillic, CJK).
            func isInvisible(at i: Int) -> Bool {
                (bytes[i] == 0xAD && i >= 1 && bytes[i - 1] == 0xC2)
                    || (bytes[i] == 0x8B && i >= 2 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE2)
            }
            var invisible = false
            var i = 0
            // Eight bytes at a time; a word holding AD or 8B is looked at byte by byte, and the scan goes
            // on after it when they were parts of other letters.
            scan: while i + 8 <= bytes.count {
                let word = ByteScan.load(bytes, at: i)
                if ByteScan.hasByte(0xAD, word) || ByteScan.hasByte(0x8B, word) {
                    for k in i..<i + 8 where isInvisible(at: k) { invisible = true; break scan }
                }
                i += 8
            }
            if !invisible {
                for k in i..<bytes.count where isInvisible(at: k) { invisible = true; break }
            }
            emitter.hasInvisible = invisible
            return layOut(text, bytes: bytes, width: width, shortcuts: shortcuts, emitter: &emitter, into: &rows)
        }
        return result ?? 0
    }

    /// The spans' text as one slice when it already is one: a single span, or spans that are adjacent
    /// slices of one string. Otherwise nil, and the caller joins them.
    static func adjacentSlices(_ spans: [StyledSpan]) -> Substring? {
        guard let first = spans.first else { return nil }
        if spans.count == 1 { return first.text }
        let base = first.text.base
        // A string of at most 15 bytes is stored in place, with no storage address to compare.
        guard base.utf8.count > 15, let address = Self.storageAddress(of: base) else { return nil }
        var end = first.text.endIndex
        for span in spans.dropFirst() {
            guard span.text.startIndex == end, span.text.base.utf8.count == base.utf8.count,
                  Self.storageAddress(of: span.text.base) == address else { return nil }
            end = span.text.endIndex
        }
        return Substring(base.utf8[first.text.startIndex..<end])
    }

    /// Where a native string's UTF-8 storage starts: the same address means the same string.
    private static func storageAddress(of string: String) -> UnsafePointer<UInt8>? {
        string.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
    }

    /// The scan behind `wrap`. `shortcuts: false` turns `plainRow` off, for tests that hold it to the
    /// general scan.
    private static func layOut(_ text: Substring, bytes: UnsafeBufferPointer<UInt8>, width: Int, shortcuts: Bool,
                               emitter: inout RowEmitter, into rows: inout RowBuilder) -> Int {
        var emitted = 0
        let end = bytes.count
        var lineStart = 0
        var column = 0
        var candidate: Break? = nil
        var previous: UInt32 = 0  // first scalar of the previous cluster on this row; 0 at a row's start
        var beforePrevious: UInt32 = 0
        var previousWide = false
        var index = 0
        var skipSpaces = false  // after a soft break, leading spaces of the next row are dropped

        func emit(_ rowEnd: Int, hyphen: Bool) {
            emitter.row(from: lineStart, to: rowEnd, hyphen: hyphen, first: emitted == 0, bytes: bytes, into: &rows)
            emitted += 1
        }

        while index < end {
            // At the start of a row, a row of one-column characters and spaces (most rows of most
            // articles) is found without the per-character bookkeeping below.
            if shortcuts && index == lineStart && column == 0 && !skipSpaces {
                switch plainRow(bytes, from: index, width: width) {
                case .row(let rowEnd, let rowNext, let skip)?:
                    emit(rowEnd, hyphen: false)
                    lineStart = rowNext; index = rowNext; candidate = nil; skipSpaces = skip
                    previous = 0x20; beforePrevious = 0; previousWide = false
                    continue
                case .toEnd?:
                    index = end
                    continue
                case nil:
                    break
                }
            }
            // The bulk of a word: printable ASCII other than "-" and "/" after a narrow character offers no
            // break, so it only advances the column while it fits.
            // The same holds for any one-column cluster of one scalar (Latin, Cyrillic, Greek, Arabic…)
            // other than a soft hyphen: between two narrow characters only "-" and "/" offer a break.
            if previous != 0x2D && previous != 0x2F && !previousWide {
                var run = index
                var last = previous, secondLast = beforePrevious
                while run < end && column < width {
                    // Eight bytes at a time: the letters at their start are taken at once, but the last
                    // one only when an ASCII byte follows it (else a mark might join it).
                    if run + 8 <= end {
                        var taken = min(ByteScan.leadingWordBytes(ByteScan.load(bytes, at: run)), width - column)
                        if taken > 0 && run + taken < end && bytes[run + taken] >= 0x80 { taken -= 1 }
                        if taken > 0 {
                            secondLast = taken >= 2 ? UInt32(bytes[run + taken - 2]) : last
                            last = UInt32(bytes[run + taken - 1])
                            run += taken
                            column += taken
                            if taken == 8 || column >= width { continue }
                        }
                        if run >= end { break }
                    }
                    let b = bytes[run]
                    if b < 0x80 && (run + 1 == end || bytes[run + 1] < 0x80) {
                        guard b > 0x20 && b < 0x7F && b != 0x2D && b != 0x2F else { break }
                        secondLast = last
                        last = UInt32(b)
                        run += 1
                    } else {
                        guard let simple = DisplayWidth.simpleCluster(bytes, at: run), simple.width == 1,
                              simple.value > 0x20, simple.value != 0x7F, simple.value != 0xAD,
                              simple.value != 0x2D, simple.value != 0x2F else { break }
                        secondLast = last
                        last = simple.value
                        run += simple.length
                    }
                    column += 1
                }
                if run > index {
                    skipSpaces = false
                    beforePrevious = secondLast
                    previous = last
                    index = run
                    continue
                }
            }
            // ASCII followed by ASCII (or by a scalar nothing joins to) is a whole cluster (the text has no
            // CR), the common case, measured without building a Character.
            let byte = bytes[index]
            let next: Int
            let value: UInt32
            let w: Int
            var wide = false
            if byte < 0x80 && (index + 1 == end || bytes[index + 1] < 0x80) {
                next = index + 1
                value = UInt32(byte)
                w = byte < 0x20 ? 0 : 1
            } else if let simple = DisplayWidth.simpleCluster(bytes, at: index) {
                // A letter of most scripts, a punctuation mark or an ideograph that nothing after it joins.
                next = index + simple.length
                value = simple.value
                w = simple.width
                wide = w == 2
            } else {
                let character = text[text.utf8.index(text.utf8.startIndex, offsetBy: index)]
                next = index + character.utf8.count
                value = character.unicodeScalars.first!.value
                w = DisplayWidth.width(of: character)
                wide = w == 2
            }
            let isSingleByte = next == index + 1

            if skipSpaces {
                if value == 0x20 && isSingleByte { index = next; lineStart = next; continue }
                skipSpaces = false
            }

            switch value {
            case 0x0A where isSingleByte:
                emit(index, hyphen: false)
                lineStart = next; column = 0; candidate = nil; previous = 0; beforePrevious = 0; previousWide = false
                index = next
                continue
            case 0x20 where isSingleByte:
                if column + 1 > width {
                    emit(index, hyphen: false)
                    lineStart = next; column = 0; candidate = nil; skipSpaces = true
                } else {
                    candidate = Break(end: index, next: next, widthAtEnd: column, hyphen: false,
                                      previous: 0x20, beforePrevious: previous, previousWide: false)
                    column += 1
                }
                beforePrevious = previous; previous = 0x20; previousWide = false
                index = next
                continue
            case 0xAD:
                if column + 1 <= width {
                    candidate = Break(end: index, next: next, widthAtEnd: column, hyphen: true, previous: previous,
                                      beforePrevious: beforePrevious, previousWide: previousWide)
                }
                index = next
                continue
            case 0x200B:
                candidate = Break(end: index, next: next, widthAtEnd: column, hyphen: false, previous: previous,
                                  beforePrevious: beforePrevious, previousWide: previousWide)
                index = next
                continue
            default:
                break
            }

            if previous != 0, column > 0,
               mayBreak(between: previous, previousWide, and: value, wide, after: beforePrevious) {
                candidate = Break(end: index, next: index, widthAtEnd: column, hyphen: false, previous: previous,
                                  beforePrevious: beforePrevious, previousWide: previousWide)
            }

            if w > width {
                // Wider than the whole row (a wide character below 2 columns): it cannot be shown.
                if column == 0 { lineStart = next } else { emitter.skip(index..<next) }
                index = next
                continue
            }
            if column + w > width {
                if let chosen = candidate, chosen.widthAtEnd > 0 || chosen.hyphen {
                    emit(chosen.end, hyphen: chosen.hyphen)
                    // The next row starts after the break; what followed it (no break among it: the
                    // break taken is the last one seen) is measured again as the start of that row.
                    lineStart = chosen.next; index = chosen.next; column = 0; candidate = nil
                    previous = chosen.previous; beforePrevious = chosen.beforePrevious
                    previousWide = chosen.previousWide
                    continue
                }
                // No break opportunity in this row: cut the word here.
                emit(index, hyphen: false)
                lineStart = index
                column = 0
                candidate = nil
            }
            column += w
            beforePrevious = previous
            previous = value
            previousWide = wide
            index = next
        }
        if lineStart < end || emitted == 0 || bytes[end - 1] == 0x0A {
            emit(end, hyphen: false)
        }
        return emitted
    }

    /// The row that starts at `start` (at column 0, spaces not being skipped) when everything up to where
    /// it ends is one-column characters of one scalar that offer no break (printable ASCII other than "-"
    /// and "/", most letters of most scripts) and single spaces; nil when anything else comes first,
    /// for the general scan to handle. Gives exactly the row the general scan would: the last space
    /// after the row's first column that fits, else the word cut at the width.
    private static func plainRow(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, width: Int) -> PlainRow? {
        let end = bytes.count
        var position = start
        var column = 0
        var lastBreak = -1  // a space after column 0: the row may end before it
        // Whether the character at `index` never joins the one before it: ASCII, or a known letter.
        func startsCluster(_ index: Int) -> Bool {
            index == end || bytes[index] < 0x80 || knownLetterLength(bytes, at: index) != nil
        }
        while position < end {
            // Eight bytes at a time while they all fit, nothing after them joins the last one, and they
            // are printable ASCII or spaces.
            if column + 8 <= width && position + 8 <= end && startsCluster(position + 8) {
                let word = ByteScan.load(bytes, at: position)
                if ByteScan.isPlainOrSpace(word) {
                    let spaces = ByteScan.matches(0x20, word)
                    if spaces != 0 {
                        let last = (63 - spaces.leadingZeroBitCount) >> 3
                        if column + last > 0 { lastBreak = position + last }
                    }
                    position += 8
                    column += 8
                    continue
                }
            }
            let byte = bytes[position]
            let length: Int
            if byte < 0x80 && (startsCluster(position + 1) || DisplayWidth.simpleCluster(bytes, at: position)?.length == 1) {
                if byte == 0x20 {
                    if column == width { return .row(end: position, next: position + 1, skipSpaces: true) }
                    if column > 0 { lastBreak = position }
                    position += 1
                    column += 1
                    continue
                }
                guard byte > 0x20 && byte < 0x7F && byte != 0x2D && byte != 0x2F else { return nil }
                length = 1
            } else if let known = knownLetterLength(bytes, at: position), startsCluster(position + known) {
                // A letter that is a cluster of its own, as nothing that follows it joins it.
                length = known
            } else {
                guard let simple = DisplayWidth.simpleCluster(bytes, at: position), simple.width == 1,
                      simple.value > 0x20, simple.value != 0x7F, simple.value != 0xAD,
                      simple.value != 0x2D, simple.value != 0x2F else { return nil }
                length = simple.length
            }
            if column == width {
                return lastBreak >= 0 ? .row(end: lastBreak, next: lastBreak + 1, skipSpaces: false)
                    : .row(end: position, next: position, skipSpaces: false)
            }
            position += length
            column += 1
        }
        return .toEnd
    }

    /// The UTF-8 length of the character at `index` when it is one of the common one-column characters
    /// that never join what comes before them and offer no break: Latin-1 and Latin Extended-A letters
    /// (U+00C0–U+017F), basic Cyrillic (U+0400–U+047F), Vietnamese letters (U+1E00–U+1EFF) and
    /// general punctuation from U+2010 to U+2027 (dashes, curly quotes, ellipsis). `plainRow` takes them
    /// without the general lookup; a test holds them to `DisplayWidth.simpleCluster`.
    @inline(__always)
    static func knownLetterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let count = bytes.count
        let lead = bytes[index]
        if lead >= 0xC3 && lead <= 0xC5 || lead == 0xD0 || lead == 0xD1 {
            guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return nil }
            return 2
        }
        guard index + 2 < count, bytes[index + 2] & 0xC0 == 0x80 else { return nil }
        let second = bytes[index + 1]
        if lead == 0xE1 { return second >= 0xB8 && second <= 0xBB ? 3 : nil }
        if lead == 0xE2 && second == 0x80 { return bytes[index + 2] >= 0x90 && bytes[index + 2] <= 0xA7 ? 3 : nil }
        return nil
    }

    /// Closing punctuation that must not start a row (kinsoku): `、。，．！？：；）」』】〕〉》〗〙ー々・…‥ゝゞヽヾ`,
    /// small kana `ぁぃぅぇぉっゃゅょァィゥェォッャュョ` and `,.!?:;)]}”’%`. A switch, not a set: it is asked
    /// for every CJK character.
    static func mayNotStartRow(_ v: UInt32) -> Bool {
        switch v {
        case 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3015,
             0x3009, 0x300B, 0x3017, 0x3019, 0x30FC, 0x3005, 0x30FB, 0x2026, 0x2025, 0x309D, 0x309E, 0x30FD, 0x30FE,
             0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
             0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7,
             0x2C, 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0x25:
            return true
        default:
            return false
        }
    }

    /// Opening brackets that must not end a row: `（「『【〔〈《〖〘([{“‘`.
    static func mayNotEndRow(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x300A, 0x3016, 0x3018, 0x28, 0x5B, 0x7B, 0x201C, 0x2018:
            return true
        default:
            return false
        }
    }

    /// A break between two adjacent clusters with no space between them, given their first scalars.
    private static func mayBreak(between previous: UInt32, _ previousWide: Bool,
                                 and current: UInt32, _ currentWide: Bool, after beforePrevious: UInt32) -> Bool {
        if previousWide || currentWide {
            return !mayNotStartRow(current) && !mayNotEndRow(previous)
        }
        // After "-" or "/", before a letter or digit; never inside "://" or "//".
        if previous == 0x2D || (previous == 0x2F && beforePrevious != 0x2F && beforePrevious != 0x3A) {
            if current < 0x80 {
                return (0x30...0x39).contains(current) || (0x41...0x5A).contains(current) || (0x61...0x7A).contains(current)
            }
            return Unicode.Scalar(current)?.properties.isAlphabetic ?? false
        }
        return false
    }
}

/// One span of a paragraph within its flattened text: where it ends (a UTF-8 offset) and its traits.
struct WrapRun {
    var end: Int
    var traits: TextTraits
}

/// Cuts rows out of the flattened text into a `RowBuilder`, giving each piece the traits of the span it
/// comes from, without the characters that are never drawn (soft hyphens, zero-width spaces).
private struct RowEmitter {
    let text: Substring
    /// The builder's `wrapRuns`, lent for this paragraph and given back after it.
    var runs: [WrapRun]
    var runIndex = 0
    /// Byte ranges of clusters left out because they cannot fit (wider than the row).
    var skipped: [Range<Int>] = []
    /// Whether the text holds a soft hyphen or zero-width space: when not, rows are cut out without
    /// looking at their bytes.
    var hasInvisible = true

    /// Where the text starts in the builder's text. The prefixes' pieces are the builder's
    /// `prefixPieces`: `first` then `rest`, with `firstCount` pieces in `first`.
    let base: Int
    let firstCount: Int
    /// Where the "-" drawn at a soft hyphen is, once one is needed.
    var hyphenStart: Int? = nil

    init(text: Substring, runs: consuming [WrapRun], first: [StyledSpan], rest: [StyledSpan],
         into rows: inout RowBuilder) {
        self.text = text
        self.runs = runs
        base = rows.add(text)
        firstCount = first.count
        rows.setPrefixes(first: first, rest: rest)
    }

    mutating func skip(_ range: Range<Int>) { skipped.append(range) }

    /// The row from byte `start` to `end`: its prefix, then a piece per run it overlaps, then `-` when it
    /// ends at a soft hyphen.
    mutating func row(from start: Int, to end: Int, hyphen: Bool, first isFirst: Bool,
                      bytes: UnsafeBufferPointer<UInt8>, into rows: inout RowBuilder) {
        rows.appendPrefix(first: isFirst, firstCount: firstCount)
        let prefixCount = rows.openPieceCount
        var position = start
        while runIndex < runs.count && runs[runIndex].end <= position { runIndex += 1 }
        var index = runIndex
        var lastTraits: TextTraits = runs.isEmpty ? [] : runs[min(index, runs.count - 1)].traits
        while position < end && index < runs.count {
            let pieceEnd = min(end, runs[index].end)
            if position < pieceEnd {
                if let cleaned = (hasInvisible || !skipped.isEmpty) ? drawable(position..<pieceEnd, bytes: bytes) : nil {
                    if !cleaned.isEmpty {
                        let start = rows.add(Substring(cleaned))
                        rows.appendPiece(start: start, end: start + cleaned.utf8.count, traits: runs[index].traits)
                    }
                } else {
                    rows.appendPiece(start: base + position, end: base + pieceEnd, traits: runs[index].traits)
                }
                lastTraits = runs[index].traits
            }
            position = pieceEnd
            if position >= runs[index].end { index += 1 }
        }
        // A row cut at a run of spaces would end in the extra ones; they are never meant to be seen.
        while rows.openPieceCount > prefixCount {
            var last = rows.lastPiece
            guard last.end > last.start, rows.byte(at: Int(last.end) - 1) == 0x20 else { break }
            last.end -= 1
            if last.end == last.start { rows.removeLastPiece() } else { rows.lastPiece = last }
        }
        if hyphen {
            if hyphenStart == nil { hyphenStart = rows.add("-") }
            rows.appendPiece(start: hyphenStart!, end: hyphenStart! + 1, traits: lastTraits)
        }
        rows.endRow()
    }

    /// The text of a byte range without soft hyphens (C2 AD), zero-width spaces (E2 80 8B) and skipped
    /// clusters, or nil when it has none of them (the range is drawn as it is). Removing whole UTF-8
    /// sequences keeps the rest valid.
    private func drawable(_ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var hasInvisible = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in UnsafeBufferPointer(rebasing: bytes[range]) {
            if (previous == 0xC2 && byte == 0xAD) || (beforePrevious == 0xE2 && previous == 0x80 && byte == 0x8B) {
                hasInvisible = true
                break
            }
            beforePrevious = previous
            previous = byte
        }
        let overlapsSkipped = skipped.contains { $0.overlaps(range) }
        guard hasInvisible || overlapsSkipped else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            if let gap = skipped.first(where: { $0.contains(i) }) { i = gap.upperBound; continue }
            if bytes[i] == 0xC2, i + 1 < range.upperBound, bytes[i + 1] == 0xAD { i += 2; continue }
            if bytes[i] == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B { i += 3; continue }
            out.append(bytes[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
