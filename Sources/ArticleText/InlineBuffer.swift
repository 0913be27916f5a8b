/// Collects the running text of one paragraph: folds HTML white space (runs of space, tab, newline, form
/// feed become one space; none at the start), merges neighbouring text that shares traits.
///
/// The run being filled is kept as UTF-8 bytes and becomes a `String` only when the traits change or the
/// paragraph ends, which keeps a 1 MB article from paying for millions of small string appends.
struct InlineBuffer {
    private var finished: [StyledSpan] = []
    private var bytes: [UInt8] = []
    private var traits: TextTraits = []
    /// True when the last thing appended was a space or a line break, or nothing was appended yet, so the
    /// next space is dropped.
    private var atSpace = true

    var isEmpty: Bool { finished.isEmpty && bytes.isEmpty }

    /// Appends text from the document with its white space folded. The bytes must be valid UTF-8 that
    /// has been through `Sanitizer` (or that `Sanitizer.needsCleaning` found clean).
    mutating func append(folding text: UnsafeBufferPointer<UInt8>, traits: TextTraits) {
        switchTraits(to: traits, ifAdding: text.count)
        // Runs of non-space bytes are copied in one go; only white space is looked at byte by byte.
        let count = text.count
        var i = 0
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
    /// paragraph.
    mutating func take() -> [StyledSpan] {
        finishRun()
        var result = finished
        while let last = result.last, let byte = last.text.utf8.last, byte == 0x20 || byte == 0x0A {
            result[result.count - 1].text.removeLast()
            if result[result.count - 1].text.isEmpty { result.removeLast() }
        }
        finished = []
        atSpace = true
        return result
    }

    /// Starts a new run when the traits change (and something is about to be added).
    private mutating func switchTraits(to newTraits: TextTraits, ifAdding count: Int) {
        guard newTraits != traits, count > 0 else { return }
        finishRun()
        traits = newTraits
    }

    private mutating func finishRun() {
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        if let last = finished.last, last.traits == traits {
            finished[finished.count - 1].text += text
        } else {
            finished.append(StyledSpan(text, traits: traits))
        }
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func trimTrailingSpace() {
        if bytes.isEmpty { finishRun() }
        while bytes.last == 0x20 { bytes.removeLast() }
        if bytes.isEmpty {
            while let last = finished.last, last.text.utf8.last == 0x20 {
                finished[finished.count - 1].text.removeLast()
                if finished[finished.count - 1].text.isEmpty { finished.removeLast() }
            }
        }
    }
}
