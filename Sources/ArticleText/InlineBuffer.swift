import TextSafety

/// Collects the running text of one paragraph: folds HTML white space (runs of space, tab, newline, form
/// feed become one space; none at the start), merges neighbouring text that shares traits.
///
/// The whole paragraph is kept as UTF-8 bytes with the offsets where its traits change, and becomes one
/// `String` when it ends; its spans are slices of that string. A paragraph of a 1 MB article then costs
/// one string and one array, not a string per run plus the appends that join them.
struct InlineBuffer {
    /// The paragraph's text so far (its capacity is kept from one paragraph to the next).
    private var bytes: [UInt8] = []
    /// The finished runs: where each ends in `bytes`, and its traits. The run being filled goes from the
    /// last end to the end of `bytes` and has `traits`.
    private var runs: [(end: Int, traits: TextTraits)] = []
    private var traits: TextTraits = []
    /// True when the last thing appended was a space or a line break, or nothing was appended yet, so the
    /// next space is dropped.
    private var atSpace = true

    /// Set by a reader that appends only slices of a Swift string cut at ASCII bytes, decoded references
    /// and strings: UTF-8 by construction, so a paragraph is not validated again when it becomes a
    /// string (validating was a sixth of reading a long article). Debug builds check it all the same.
    var bytesAreValidUTF8 = false

    var isEmpty: Bool { bytes.isEmpty }

    /// Appends text from the document with its white space folded. The bytes must be valid UTF-8 that
    /// has been through `Sanitizer` (or that `Sanitizer.needsCleaning` found clean).
    mutating func append(folding text: UnsafeBufferPointer<UInt8>, traits: TextTraits) {
        switchTraits(to: traits, ifAdding: text.count)
        let count = text.count
        var i = 0
        // Most text needs no folding at all: single spaces between words, no tabs or newlines. Such a
        // prefix is found eight bytes at a time and copied at once.
        if count >= 8 && (!atSpace || text[0] != 0x20) {
            var spaceBefore = atSpace
            var end = 0
            while end + 8 <= count {
                let word = ByteScan.load(text, at: end)
                guard !ByteScan.hasByte(below: 0x20, word) else { break }
                let spaces = ByteScan.matches(0x20, word)
                // Two spaces in a row, inside the eight bytes or across their start, need folding.
                guard spaces & (spaces >> 8) == 0, !(spaceBefore && word & 0xFF == 0x20) else { break }
                spaceBefore = word >> 56 == 0x20
                end += 8
            }
            if end > 0 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[0..<end]))
                atSpace = spaceBefore
                i = end
            }
        }
        // The rest: runs of non-space bytes are copied in one go; only white space is looked at byte by byte.
        while i < count {
            let byte = text[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D {
                if !atSpace { bytes.append(0x20); atSpace = true }
                i += 1
                continue
            }
            var j = i + 1
            while j < count {
                let next = text[j]
                if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0C || next == 0x0D { break }
                j += 1
            }
            // A single space between words is the common case: copied with the word.
            if j < count, text[j] == 0x20, j + 1 < count, text[j + 1] > 0x20 {
                j += 1
                while j < count {
                    let next = text[j]
                    if next == 0x09 || next == 0x0A || next == 0x0C || next == 0x0D { break }
                    if next == 0x20 && (j + 1 == count || text[j + 1] <= 0x20) { break }
                    j += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<j]))
            atSpace = false
            i = j
        }
    }

    mutating func append(folding text: String, traits: TextTraits) {
        var text = text
        text.withUTF8 { append(folding: $0, traits: traits) }
    }

    /// Appends text as is (markers such as `[1]`), and treats it as ending in a non-space.
    mutating func append(literal text: String, traits: TextTraits) {
        guard !text.isEmpty else { return }
        switchTraits(to: traits, ifAdding: 1)
        bytes.append(contentsOf: text.utf8)
        atSpace = text.utf8.last == 0x20
    }

    /// A hard line break (`<br>`): the space before it is dropped, and spaces after it too.
    mutating func appendLineBreak(traits: TextTraits) {
        trimTrailingSpace()
        switchTraits(to: traits, ifAdding: 1)
        bytes.append(0x0A)
        atSpace = true
    }

    /// Returns the spans collected so far, without trailing white space or line breaks, and starts a new
    /// paragraph. The spans are slices of one string.
    mutating func take() -> [StyledSpan] {
        // Most flushes find nothing (white space between blocks): nothing to reset either.
        guard !bytes.isEmpty else { atSpace = true; return [] }
        defer {
            bytes.removeAll(keepingCapacity: true)
            runs.removeAll(keepingCapacity: true)
            atSpace = true
        }
        finishRun()
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
        guard end > 0 else { return [] }
        var made: String? = nil
        #if compiler(>=6.2)  // UTF8Span came with Swift 6.2
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *), bytesAreValidUTF8 {
            assert((try? UTF8Span(validating: bytes.span.extracting(0..<end))) != nil, "InlineBuffer: not UTF-8")
            made = String(copying: unsafe UTF8Span(unchecked: bytes.span.extracting(0..<end)))
        }
        #endif
        let text = made ?? bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[0..<end]), as: UTF8.self)
        }
        let utf8 = text.utf8
        var spans: [StyledSpan] = []
        spans.reserveCapacity(runs.count)
        guard utf8.count == end else {
            // Not valid UTF-8 (never expected: every input has been through `Sanitizer`): the repaired
            // string's offsets differ from the runs', so it stays one span.
            spans.append(StyledSpan(text, traits: runs.first?.traits ?? []))
            return spans
        }
        var start = 0
        var lower = utf8.startIndex
        for run in runs {
            let runEnd = min(run.end, end)
            guard runEnd > start else { continue }
            let upper = utf8.index(lower, offsetBy: runEnd - start)
            spans.append(StyledSpan(Substring(utf8[lower..<upper]), traits: run.traits))
            lower = upper
            start = runEnd
        }
        return spans
    }

    /// Starts a new run when the traits change (and something is about to be added).
    private mutating func switchTraits(to newTraits: TextTraits, ifAdding count: Int) {
        guard newTraits != traits, count > 0 else { return }
        finishRun()
        traits = newTraits
    }

    /// Closes the run being filled, if it has text: merged into the previous run when the traits match.
    private mutating func finishRun() {
        let start = runs.last?.end ?? 0
        guard bytes.count > start else { return }
        if let last = runs.last, last.traits == traits {
            runs[runs.count - 1].end = bytes.count
        } else {
            runs.append((bytes.count, traits))
        }
    }

    /// Drops the spaces at the end of the paragraph so far, and runs left empty by that.
    private mutating func trimTrailingSpace() {
        while bytes.last == 0x20 { bytes.removeLast() }
        while let last = runs.last, last.end > bytes.count {
            let previousEnd = runs.count > 1 ? runs[runs.count - 2].end : 0
            if previousEnd >= bytes.count {
                runs.removeLast()
            } else {
                runs[runs.count - 1].end = bytes.count
                break
            }
        }
    }
}
