import TermCore

/// Breaks a run of styled text into rows no wider than a given number of columns.
///
/// Measures display width per grapheme cluster (`DisplayWidth`), never splits a cluster, and breaks at
/// spaces, after hyphens and slashes, at soft hyphens (drawn as `-` only when the row ends there) and
/// zero-width spaces (never drawn), and between any two CJK or other wide characters (except before
/// closing punctuation or after opening brackets). A word longer than the row is cut at the row's end.
/// `"\n"` is a hard break. Spaces at a soft break are dropped, so rows have no trailing spaces.
enum LineWrapper {
    /// Where the current row may end, and where the next would start.
    private struct Break {
        var end: String.Index       // the row's text ends here (exclusive)
        var next: String.Index      // the next row starts here
        var widthAtEnd: Int         // the row's width if it ends here
        var widthAtNext: Int        // columns before `next` that leave with the row
        var hyphen: Bool            // draw "-" at the end (a soft hyphen)
    }

    /// Rows of spans, each at most `width` columns wide (a cluster wider than `width` is left out, which
    /// only happens below 2 columns). An empty input gives no rows; `"\n"` alone gives two empty rows.
    static func wrap(_ spans: [StyledSpan], width: Int) -> [[StyledSpan]] {
        guard width > 0 else { return [] }
        var text = ""
        var runs: [(end: String.Index, traits: TextTraits)] = []
        text.reserveCapacity(spans.reduce(0) { $0 + $1.text.utf8.count })
        for span in spans where !span.text.isEmpty {
            text += span.text
            runs.append((text.endIndex, span.traits))
        }
        guard !text.isEmpty else { return [] }
        // Indices saved above are positions in the final string: appending never moves earlier bytes.
        var rows: [[StyledSpan]] = []
        var emitter = RowEmitter(text: text, runs: runs)

        let utf8 = text.utf8
        let end = text.endIndex
        var lineStart = text.startIndex
        var column = 0
        var candidate: Break? = nil
        var previous: UInt32 = 0  // first scalar of the previous cluster on this row; 0 at a row's start
        var beforePrevious: UInt32 = 0
        var previousWide = false
        var index = text.startIndex
        var skipSpaces = false  // after a soft break, leading spaces of the next row are dropped

        func emit(_ rowEnd: String.Index, hyphen: Bool) {
            rows.append(emitter.row(from: lineStart, to: rowEnd, hyphen: hyphen))
        }

        while index < end {
            // Classify the cluster by its first scalar; ASCII followed by ASCII is a whole cluster, the
            // common case, measured without building a Character.
            let byte = utf8[index]
            let next: String.Index
            let value: UInt32
            let w: Int
            var wide = false
            var following = utf8.index(after: index)
            if byte < 0x80 && (following == end || utf8[following] < 0x80) {
                next = following
                value = UInt32(byte)
                w = byte < 0x20 ? 0 : 1
            } else {
                next = text.index(after: index)
                let character = text[index]
                value = character.unicodeScalars.first!.value
                w = DisplayWidth.width(of: character)
                wide = w == 2
                following = next
            }

            if skipSpaces {
                if value == 0x20 { index = next; lineStart = next; continue }
                skipSpaces = false
            }

            switch value {
            case 0x0A where next == following:
                emit(index, hyphen: false)
                lineStart = next; column = 0; candidate = nil; previous = 0; beforePrevious = 0; previousWide = false
                index = next
                continue
            case 0x20 where byte == 0x20 && next == following:
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
               Self.mayBreak(between: previous, previousWide, and: value, wide, after: beforePrevious) {
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
        if lineStart < end || rows.isEmpty || text.utf8.last == 0x0A {
            emit(end, hyphen: false)
        }
        return rows
    }

    /// Closing punctuation that must not start a row, and opening brackets that must not end one.
    private static let noRowStart: Set<UInt32> = Set("、。，．！？：；）」』】〕〉》〗〙ー々・…‥ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ,.!?:;)]}”’%"
        .unicodeScalars.map(\.value))
    private static let noRowEnd: Set<UInt32> = Set("（「『【〔〈《〖〘([{“‘".unicodeScalars.map(\.value))

    /// A break between two adjacent clusters with no space between them, given their first scalars.
    private static func mayBreak(between previous: UInt32, _ previousWide: Bool,
                                 and current: UInt32, _ currentWide: Bool, after beforePrevious: UInt32) -> Bool {
        if previousWide || currentWide {
            return !noRowStart.contains(current) && !noRowEnd.contains(previous)
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

/// Cuts rows out of the flattened text, giving each the traits of the spans it overlaps, without the
/// characters that are never drawn (soft hyphens, zero-width spaces).
private struct RowEmitter {
    let text: String
    let runs: [(end: String.Index, traits: TextTraits)]
    var runIndex = 0
    /// Ranges of clusters left out because they cannot fit (wider than the row).
    var skipped: [Range<String.Index>] = []

    init(text: String, runs: [(end: String.Index, traits: TextTraits)]) { self.text = text; self.runs = runs }

    mutating func skip(_ range: Range<String.Index>) { skipped.append(range) }

    mutating func row(from start: String.Index, to end: String.Index, hyphen: Bool) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        var position = start
        while runIndex < runs.count && runs[runIndex].end <= position { runIndex += 1 }
        var index = runIndex
        var lastTraits: TextTraits = runs.isEmpty ? [] : runs[min(index, runs.count - 1)].traits
        while position < end && index < runs.count {
            let pieceEnd = min(end, runs[index].end)
            if position < pieceEnd {
                let piece = Self.drawable(text[position..<pieceEnd], skipping: skipped)
                if !piece.isEmpty { spans.append(StyledSpan(piece, traits: runs[index].traits)) }
                lastTraits = runs[index].traits
            }
            position = pieceEnd
            if position >= runs[index].end { index += 1 }
        }
        // A row cut at a run of spaces would end in the extra ones; they are never meant to be seen.
        while let last = spans.last, last.text.utf8.last == 0x20 {
            spans[spans.count - 1].text.removeLast()
            if spans[spans.count - 1].text.isEmpty { spans.removeLast() }
        }
        if hyphen { spans.append(StyledSpan("-", traits: lastTraits)) }
        return spans
    }

    /// The text with soft hyphens (C2 AD), zero-width spaces (E2 80 8B) and skipped clusters removed.
    /// Removing whole UTF-8 sequences keeps the rest valid.
    private static func drawable(_ text: Substring, skipping skipped: [Range<String.Index>]) -> String {
        var hasInvisible = false
        for byte in text.utf8 where byte == 0xC2 || byte == 0xE2 { hasInvisible = true; break }
        if !skipped.isEmpty {
            var out = ""
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(after: index)
                if !skipped.contains(where: { $0.contains(index) }) { out += text[index..<next] }
                index = next
            }
            return drawable(out[...], skipping: [])
        }
        guard hasInvisible else { return String(text) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAD { i += 2; continue }
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B { i += 3; continue }
            out.append(bytes[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
