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
        var widthAtNext: Int    // columns before `next` that leave with the row
        var hyphen: Bool        // draw "-" at the end (a soft hyphen)
    }

    /// Rows of spans, each at most `width` columns wide (a cluster wider than `width` is left out, which
    /// only happens below 2 columns). An empty input gives no rows; `"\n"` alone gives two empty rows.
    static func wrap(_ spans: [StyledSpan], width: Int) -> [[StyledSpan]] {
        var lines: [StyledLine] = []
        wrap(spans, width: width, into: &lines)
        return lines.map(\.spans)
    }

    /// `wrap(_:width:)` appending the rows to `lines` as they are cut: `first` goes before the first
    /// row and `rest` before the others (quote bars, list markers), and `traits` is added to every span
    /// of the text. Returns how many rows were added. Each row's spans are allocated once, at their
    /// final size, which is most of what laying out an article costs.
    @discardableResult
    static func wrap(_ spans: [StyledSpan], width: Int, traits: TextTraits = [], first: [StyledSpan] = [],
                     rest: [StyledSpan] = [], into lines: inout [StyledLine]) -> Int {
        guard width > 0 else { return 0 }
        var text = ""
        var runs: [Run] = []
        if spans.count == 1 {
            // One span (most paragraphs): its text is used as is, not copied.
            text = spans[0].text
            runs = [Run(end: text.utf8.count, traits: spans[0].traits.union(traits), text: text)]
        } else {
            text.reserveCapacity(spans.reduce(0) { $0 + $1.text.utf8.count })
            runs.reserveCapacity(spans.count)
            for span in spans where !span.text.isEmpty {
                text += span.text
                runs.append(Run(end: text.utf8.count, traits: span.traits.union(traits), text: span.text))
            }
        }
        guard !text.isEmpty else { return 0 }
        text.makeContiguousUTF8()
        var emitter = RowEmitter(text: text, runs: runs, first: first, rest: rest)
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Only an actual soft hyphen (C2 AD) or zero-width space (E2 80 8B) counts: the bytes AD and 8B
            // alone occur inside many letters (í, Cyrillic, CJK).
            var invisible = false
            var i = 0
            while i + 8 <= bytes.count {
                let word = ByteScan.load(bytes, at: i)
                if ByteScan.hasByte(0xAD, word) || ByteScan.hasByte(0x8B, word) { break }
                i += 8
            }
            for i in i..<bytes.count where bytes[i] == 0xAD || bytes[i] == 0x8B {
                if (bytes[i] == 0xAD && i >= 1 && bytes[i - 1] == 0xC2)
                    || (bytes[i] == 0x8B && i >= 2 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE2) {
                    invisible = true
                    break
                }
            }
            emitter.hasInvisible = invisible
            return layOut(text, bytes: bytes, width: width, emitter: &emitter, into: &lines)
        }
        return result ?? 0
    }

    private static func layOut(_ text: String, bytes: UnsafeBufferPointer<UInt8>, width: Int,
                               emitter: inout RowEmitter, into lines: inout [StyledLine]) -> Int {
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
            lines.append(StyledLine(emitter.row(from: lineStart, to: rowEnd, hyphen: hyphen, first: emitted == 0, bytes: bytes)))
            emitted += 1
        }

        while index < end {
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
                    candidate = Break(end: index, next: next, widthAtEnd: column, widthAtNext: column + 1,
                                      hyphen: false)
                    column += 1
                }
                beforePrevious = previous; previous = 0x20; previousWide = false
                index = next
                continue
            case 0xAD:
                if column + 1 <= width {
                    candidate = Break(end: index, next: next, widthAtEnd: column, widthAtNext: column,
                                      hyphen: true)
                }
                index = next
                continue
            case 0x200B:
                candidate = Break(end: index, next: next, widthAtEnd: column, widthAtNext: column, hyphen: false)
                index = next
                continue
            default:
                break
            }

            if previous != 0, column > 0,
               mayBreak(between: previous, previousWide, and: value, wide, after: beforePrevious) {
                candidate = Break(end: index, next: index, widthAtEnd: column, widthAtNext: column, hyphen: false)
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
                    lineStart = chosen.next
                    column -= chosen.widthAtNext
                    candidate = nil
                }
                if column + w > width {
                    // No break opportunity left in this row: cut the word here.
                    emit(index, hyphen: false)
                    lineStart = index
                    column = 0
                    candidate = nil
                }
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

/// One span of a paragraph within its flattened text: where it ends (a UTF-8 offset), its traits, and
/// its text as it came in, which a row piece covering the whole span shares instead of copying.
private struct Run {
    var end: Int
    var traits: TextTraits
    var text: String
}

/// Cuts rows out of the flattened text, giving each the traits of the spans it overlaps, without the
/// characters that are never drawn (soft hyphens, zero-width spaces).
private struct RowEmitter {
    let text: String
    let runs: [Run]
    var runIndex = 0
    /// Byte ranges of clusters left out because they cannot fit (wider than the row).
    var skipped: [Range<Int>] = []
    /// Whether the text holds a soft hyphen or zero-width space: when not, rows are cut out without
    /// looking at their bytes.
    var hasInvisible = true

    /// Spans put before the first row and before the others.
    let first: [StyledSpan]
    let rest: [StyledSpan]

    init(text: String, runs: [Run], first: [StyledSpan], rest: [StyledSpan]) {
        self.text = text
        self.runs = runs
        self.first = first
        self.rest = rest
    }

    mutating func skip(_ range: Range<Int>) { skipped.append(range) }

    /// The row from byte `start` to `end`: its prefix, then a span per run it overlaps, then `-` when it
    /// ends at a soft hyphen; the array is sized before it is filled.
    mutating func row(from start: Int, to end: Int, hyphen: Bool, first isFirst: Bool,
                     bytes: UnsafeBufferPointer<UInt8>) -> [StyledSpan] {
        let prefix = isFirst ? first : rest
        var position = start
        while runIndex < runs.count && runs[runIndex].end <= position { runIndex += 1 }
        var pieces = 0
        var index = runIndex
        while index < runs.count {
            pieces += 1
            if runs[index].end >= end { break }
            index += 1
        }
        var spans: [StyledSpan] = []
        spans.reserveCapacity(prefix.count + pieces + (hyphen ? 1 : 0))
        spans.append(contentsOf: prefix)
        index = runIndex
        var lastTraits: TextTraits = runs.isEmpty ? [] : runs[min(index, runs.count - 1)].traits
        while position < end && index < runs.count {
            let pieceEnd = min(end, runs[index].end)
            if position < pieceEnd {
                let wholeRun = pieceEnd == runs[index].end && position == (index == 0 ? 0 : runs[index - 1].end)
                let piece = wholeRun && !hasInvisible && skipped.isEmpty ? runs[index].text : drawable(position..<pieceEnd, bytes: bytes)
                if !piece.isEmpty { spans.append(StyledSpan(piece, traits: runs[index].traits)) }
                lastTraits = runs[index].traits
            }
            position = pieceEnd
            if position >= runs[index].end { index += 1 }
        }
        // A row cut at a run of spaces would end in the extra ones; they are never meant to be seen.
        while spans.count > prefix.count, let last = spans.last, last.text.utf8.last == 0x20 {
            spans[spans.count - 1].text.removeLast()
            if spans[spans.count - 1].text.isEmpty { spans.removeLast() }
        }
        if hyphen { spans.append(StyledSpan("-", traits: lastTraits)) }
        return spans
    }

    /// The text of a byte range without soft hyphens (C2 AD), zero-width spaces (E2 80 8B) and skipped
    /// clusters. Removing whole UTF-8 sequences keeps the rest valid.
    private func drawable(_ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        let slice = utf8[lower..<upper]
        if !self.hasInvisible && skipped.isEmpty { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var hasInvisible = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in slice {
            if (previous == 0xC2 && byte == 0xAD) || (beforePrevious == 0xE2 && previous == 0x80 && byte == 0x8B) {
                hasInvisible = true
                break
            }
            beforePrevious = previous
            previous = byte
        }
        let overlapsSkipped = skipped.contains { $0.overlaps(range) }
        guard hasInvisible || overlapsSkipped else { return String(Substring(slice)) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        let bytes = Array(slice)
        var i = 0
        while i < bytes.count {
            let offset = range.lowerBound + i
            if let gap = skipped.first(where: { $0.contains(offset) }) { i = gap.upperBound - range.lowerBound; continue }
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAD { i += 2; continue }
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B { i += 3; continue }
            out.append(bytes[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
