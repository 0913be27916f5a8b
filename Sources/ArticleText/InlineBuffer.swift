/// Collects the running text of one paragraph: folds HTML white space (runs of space, tab, newline, form
/// feed become one space; none at the start), merges neighbouring spans that share traits.
struct InlineBuffer {
    private(set) var spans: [StyledSpan] = []
    /// True when the last thing appended was a space or a line break, or nothing was appended yet, so the
    /// next space is dropped.
    private var atSpace = true

    var isEmpty: Bool { spans.isEmpty }

    /// Appends text from the document with its white space folded. `text` must already be sanitised.
    mutating func append(folding text: String, traits: TextTraits) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                if !atSpace { bytes.append(0x20); atSpace = true }
            default:
                bytes.append(byte); atSpace = false
            }
        }
        if !bytes.isEmpty { appendRaw(String(decoding: bytes, as: UTF8.self), traits: traits) }
    }

    /// Appends text as is (markers such as `[1]`), and treats it as ending in a non-space.
    mutating func append(literal text: String, traits: TextTraits) {
        guard !text.isEmpty else { return }
        appendRaw(text, traits: traits)
        atSpace = text.utf8.last == 0x20
    }

    /// A hard line break (`<br>`): the space before it is dropped, and spaces after it too.
    mutating func appendLineBreak(traits: TextTraits) {
        trimTrailingSpace()
        appendRaw("\n", traits: traits)
        atSpace = true
    }

    /// Returns the spans collected so far, without trailing white space, and starts a new paragraph.
    mutating func take() -> [StyledSpan] {
        trimTrailingSpace()
        while let last = spans.last, last.text.utf8.last == 0x0A {
            spans[spans.count - 1].text.removeLast()
            if spans[spans.count - 1].text.isEmpty { spans.removeLast() }
            trimTrailingSpace()
        }
        let result = spans
        spans = []
        atSpace = true
        return result
    }

    private mutating func appendRaw(_ text: String, traits: TextTraits) {
        if let last = spans.last, last.traits == traits {
            spans[spans.count - 1].text += text
        } else {
            spans.append(StyledSpan(text, traits: traits))
        }
    }

    private mutating func trimTrailingSpace() {
        while let last = spans.last, last.text.utf8.last == 0x20 {
            spans[spans.count - 1].text.removeLast()
            if spans[spans.count - 1].text.isEmpty { spans.removeLast() }
        }
    }
}
