import TextSafety

/// Reads HTML into `RichText` in one pass over the UTF-8 bytes, without building a tree: a byte-level
/// tokenizer drives `RichTextBuilder` directly, keeping only a stack of open block elements and HTML5's list
/// of active formatting elements (so `<b><i>a</b>b</i>` gives bold-italic "a" and italic "b").
///
/// It follows the HTML5 rules that change what a reader sees: implied end tags (`<p>`, `<li>`, `<dt>`,
/// `<dd>`, `<tr>`, `<td>`, `<option>`), void elements, raw-text elements (`script`, `style`, `textarea`,
/// `title`…) skipped, comments, doctypes and CDATA skipped, character references decoded (the full named
/// set and the windows-1252 numeric range). Every lookup is O(1) or bounded, so 100 000 nested elements
/// cost linear time and no call stack. Text is sanitised as it is added (entity decoding is the last
/// decoding step). `HTMLReader`, on gumbo's HTML5 tree, is the general reader this one is tested against.
enum StreamingHTMLReader {
    static func read(html: String, baseURL: String?) -> RichText {
        var html = html
        return html.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, baseURL: baseURL)
            reader.run(handOff: nil)
            return reader.finish()
        }
    }

    /// `read(html:baseURL:)`, handing each top-level block to `handOff` as soon as it is finished, in
    /// order and in batches, every block exactly once (the last ones after the document ends). The blocks
    /// handed off are not in the `RichText` returned, which keeps the links.
    static func read(html: String, baseURL: String?, handOff: ([Block]) -> Void) -> RichText {
        var html = html
        return html.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, baseURL: baseURL)
            // `run` takes an optional closure, which Swift treats as escaping; it does not keep it.
            withoutActuallyEscaping(handOff) { reader.run(handOff: $0) }
            var text = reader.finish()
            if !text.blocks.isEmpty { handOff(text.blocks) }
            text.blocks = []
            return text
        }
    }
}

/// What to do when a stacked element ends.
private enum Exit {
    case nothing, flush, address
    case close(opened: Bool)
    case preformatted
    case quotation
    case headerRows
}

/// One open element on the stack; `previous` chains elements of the same tag (and `previousBoundary`,
/// `previousBarrier` the scope and list barriers) so "is there an open X in scope" is O(1).
private struct OpenElement {
    let tag: HTMLTag
    let exit: Exit
    let previous: Int32
    let previousBoundary: Int32
    let previousBarrier: Int32
}

/// An entry of the list of active formatting elements, or a marker (cells and captions start one).
private struct Formatting {
    var tag: HTMLTag         // .other for a marker
    var trait: TextTraits
    var linkNumber: Int?
    /// Stack height when the element (or its reconstruction) was opened; nil after the element around it
    /// closed and before text reconstructs it (HTML5 re-opens formatting elements in the next block).
    var depth: Int?
}

/// Attribute name and value as byte ranges of the input.
private struct Attribute {
    var name: Range<Int>
    var value: Range<Int>
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    let resolver: DocumentBase
    var builder = RichTextBuilder()

    var stack: [OpenElement] = []
    var top: [Int32] = Array(repeating: -1, count: HTMLTag.allCases.count)
    var topBoundary: Int32 = -1
    var topBarrier: Int32 = -1

    var formatting: [Formatting] = []
    /// How many non-marker entries are active; past `maxFormatting` further ones are counted, not kept.
    var formattingCount = 0
    var overflow: [Int] = Array(repeating: 0, count: HTMLTag.allCases.count)
    var traitCounts: [Int] = Array(repeating: 0, count: 16)
    var formattingTraits: TextTraits = []
    var openLinks = 0
    var addressDepth = 0
    var headerDepth = 0

    /// Text of the current text run, decoded.
    var text: [UInt8] = []
    /// Document bytes that follow `text` in the run, not copied yet: a run without references (most)
    /// is folded straight from the document.
    var pending: Range<Int>? = nil
    var attributes: [Attribute] = []
    var attributeScratch: [UInt8] = []
    /// The element whose content is being dropped, and how many of its kind are nested in it.
    var skipping: (tag: HTMLTag, name: [UInt8], depth: Int)? = nil
    /// Media element being skipped: its kind and the first source found.
    var media: (kind: String, source: String?)? = nil
    var dropLeadingNewline = false

    static let maxFormatting = 64
    /// Top-level blocks handed to the layout thread at a time.
    static let batchSize = 64

    init(bytes: UnsafeBufferPointer<UInt8>, baseURL: String?) {
        self.bytes = bytes
        resolver = DocumentBase(base: baseURL)
        text.reserveCapacity(4096)
        // News articles carry a link every few hundred bytes at most.
        builder.expectLinks(bytes.count / 512)
        // Every byte the reader adds to a paragraph comes from `bytes` (a Swift string's UTF-8, cut only
        // at `<` and `&`), from a decoded reference or from a string.
        builder.inline.bytesAreValidUTF8 = true
    }

    var traits: TextTraits { addressDepth > 0 ? formattingTraits.union(.italic) : formattingTraits }

    // MARK: tokenizer

    /// Reads the whole document, handing finished top-level blocks to `handOff` (taken out of the
    /// builder) when given.
    mutating func run(handOff: (([Block]) -> Void)?) {
        let count = bytes.count
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte == 0x3C {  // <
                i = tag(at: i)
                // Blocks go in batches: each hand-off costs a lock and a wake-up on the other side.
                if let handOff, builder.rootBlockCount >= Self.batchSize {
                    handOff(builder.takeRootBlocks(reserving: 2 * Self.batchSize))
                }
            } else if byte == 0x26 {  // &
                materializePending()
                i = Self.reference(bytes, at: i, into: &text, inAttribute: false)
            } else {
                // The common case: a run of plain bytes.
                var j = i + 1
                while j + 8 <= count {
                    let word = ByteScan.load(bytes, at: j)
                    if ByteScan.hasByte(0x3C, word) || ByteScan.hasByte(0x26, word) { break }
                    j += 8
                }
                while j < count, bytes[j] != 0x3C, bytes[j] != 0x26 { j += 1 }
                if text.isEmpty && pending == nil {
                    pending = i..<j
                } else {
                    materializePending()
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                }
                i = j
            }
        }
        flushText()
    }

    /// Copies the pending document bytes into `text`, before something else is added to the run.
    mutating func materializePending() {
        guard let range = pending else { return }
        pending = nil
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Handles the markup starting at `<`; returns the index after it.
    mutating func tag(at start: Int) -> Int {
        let count = bytes.count
        guard start + 1 < count else { materializePending(); text.append(0x3C); return start + 1 }
        let next = bytes[start + 1]
        if next == 0x21 {  // <!
            if start + 3 < count, bytes[start + 2] == 0x2D, bytes[start + 3] == 0x2D {
                return skipComment(from: start + 4)
            }
            return skip(to: 0x3E, from: start + 2)
        }
        if next == 0x3F { return skip(to: 0x3E, from: start + 2) }  // <? bogus comment
        if next == 0x2F {  // </
            guard start + 2 < count else { materializePending(); text.append(0x3C); return start + 1 }
            if bytes[start + 2] == 0x3E { return start + 3 }
            guard isLetter(bytes[start + 2]) else { return skip(to: 0x3E, from: start + 2) }
            let (nameEnd, name, tag) = readName(from: start + 2)
            let end = readAttributes(from: nameEnd).end
            flushText()
            endTag(name, tag: tag)
            return end
        }
        guard isLetter(next) else { materializePending(); text.append(0x3C); return start + 1 }
        let (nameEnd, name, tag) = readName(from: start + 1)
        let (end, selfClosing) = readAttributes(from: nameEnd)
        flushText()
        if skipping != nil {
            skippedStartTag(tag, name: name, selfClosing: selfClosing)
        } else {
            startTag(tag, name: name, selfClosing: selfClosing)
        }
        if tag.isRawText || tag == .plaintext {
            return rawText(tag, name: name, from: end)
        }
        return end
    }

    /// After a raw-text start tag: finds the matching end tag and handles the text in between (kept as is
    /// for `<xmp>`, dropped otherwise). `<plaintext>` runs to the end.
    mutating func rawText(_ tag: HTMLTag, name: Range<Int>, from start: Int) -> Int {
        let count = bytes.count
        var i = start
        var contentEnd = count
        var after = count
        if tag != .plaintext {
            let nameBytes = lowered(name)
            search: while i + 1 < count {
                if bytes[i] == 0x3C, bytes[i + 1] == 0x2F, i + 2 + nameBytes.count <= count {
                    var matches = true
                    for (k, b) in nameBytes.enumerated() where lower(bytes[i + 2 + k]) != b { matches = false; break }
                    let stop = i + 2 + nameBytes.count
                    if matches && (stop == count || [0x3E, 0x20, 0x2F, 0x09, 0x0A, 0x0C, 0x0D].contains(bytes[stop])) {
                        contentEnd = i
                        after = readAttributes(from: stop).end
                        break search
                    }
                }
                i += 1
            }
        }
        if (tag == .xmp || tag == .plaintext) && skipping == nil {
            materializePending()
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<contentEnd]))
            flushText()
        }
        if contentEnd < count || tag == .plaintext {
            if skipping != nil { skippedEndTag(tag, name: lowered(name)) } else { endTag(name, tag: tag) }
        }
        return after
    }

    func skip(to terminator: UInt8, from start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] != terminator { i += 1 }
        return min(bytes.count, i + 1)
    }

    /// After `<!--`: up to and past `-->` (also `<!-->` and `<!--->`), or to the end.
    func skipComment(from start: Int) -> Int {
        let count = bytes.count
        if start < count, bytes[start] == 0x3E { return start + 1 }
        if start + 1 < count, bytes[start] == 0x2D, bytes[start + 1] == 0x3E { return start + 2 }
        var i = start
        while i + 2 < count {
            if bytes[i] == 0x2D, bytes[i + 1] == 0x2D {
                if bytes[i + 2] == 0x3E { return i + 3 }
                if bytes[i + 2] == 0x21, i + 3 < count, bytes[i + 3] == 0x3E { return i + 4 }
            }
            i += 1
        }
        return count
    }

    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    /// The tag name at `start` (its bytes in the input), the index after it, and its tag, found from the
    /// lower-cased name packed into one word (at most eight bytes, all but three tags) or two (no tag
    /// name is longer than sixteen). No string is made: the name itself is needed only for elements
    /// being skipped.
    func readName(from start: Int) -> (Int, Range<Int>, HTMLTag) {
        var i = start
        var low: UInt64 = 0, high: UInt64 = 0
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != 0x2F, bytes[i] != 0x3E {
            let offset = i - start
            if offset < 8 {
                low |= UInt64(lower(bytes[i])) << (8 * UInt64(offset))
            } else if offset < 16 {
                high |= UInt64(lower(bytes[i])) << (8 * UInt64(offset - 8))
            }
            i += 1
        }
        let length = i - start
        let tag = length <= 8 ? HTMLTag.named(packed: low) : length <= 16 ? HTMLTag.named(packed: low, high: high) : .other
        return (i, start..<i, tag)
    }

    /// A name read from the input, lower-cased (ASCII letters only, as HTML does).
    func lowered(_ name: Range<Int>) -> [UInt8] { name.map { lower(bytes[$0]) } }

    /// Reads attributes into `attributes` up to and past `>`; returns the index after the tag and
    /// whether it ended with `/>`.
    mutating func readAttributes(from start: Int) -> (end: Int, selfClosing: Bool) {
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        let count = bytes.count
        var i = start
        var selfClosing = false
        while i < count {
            let byte = bytes[i]
            if byte == 0x3E { return (i + 1, selfClosing) }
            if isSpace(byte) { i += 1; continue }
            if byte == 0x2F { selfClosing = true; i += 1; continue }
            selfClosing = false
            let nameStart = i
            i += 1
            while i < count, !isSpace(bytes[i]), bytes[i] != 0x2F, bytes[i] != 0x3E, bytes[i] != 0x3D { i += 1 }
            let nameEnd = i
            while i < count, isSpace(bytes[i]) { i += 1 }
            guard i < count, bytes[i] == 0x3D else {
                attributes.append(Attribute(name: nameStart..<nameEnd, value: nameEnd..<nameEnd))
                continue
            }
            i += 1
            while i < count, isSpace(bytes[i]) { i += 1 }
            guard i < count else { break }
            let quote = bytes[i]
            if quote == 0x22 || quote == 0x27 {
                let valueStart = i + 1
                // Values are long (links, image addresses): the closing quote is found by `memchr`.
                i = ByteScan.first(quote, in: bytes, from: valueStart, end: count)
                attributes.append(Attribute(name: nameStart..<nameEnd, value: valueStart..<i))
                i = min(count, i + 1)
            } else {
                let valueStart = i
                while i < count, !isSpace(bytes[i]), bytes[i] != 0x3E { i += 1 }
                attributes.append(Attribute(name: nameStart..<nameEnd, value: valueStart..<i))
            }
        }
        return (count, selfClosing)
    }

    /// The decoded value of attribute `name` (lower case ASCII) of the tag just read, or nil.
    mutating func attribute(_ name: StaticString) -> String? {
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for attribute in attributes where attribute.name.count == wanted.count {
            var same = true
            for (k, b) in wanted.enumerated() where lower(bytes[attribute.name.lowerBound + k]) != b { same = false; break }
            guard same else { continue }
            attributeScratch.removeAll(keepingCapacity: true)
            var i = attribute.value.lowerBound
            let end = attribute.value.upperBound
            while i < end {
                if bytes[i] == 0x26 {
                    i = Self.reference(bytes, at: i, into: &attributeScratch, inAttribute: true, limit: end)
                } else {
                    // The bytes up to the next reference, copied at once.
                    let next = ByteScan.first(0x26, in: bytes, from: i, end: end)
                    attributeScratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<next]))
                    i = next
                }
            }
            // The document's bytes cut at ASCII bytes, and decoded references: UTF-8 by construction.
            return ByteScan.string(validatedUTF8: attributeScratch)
        }
        return nil
    }

    /// Whether the author hid the element just read (as `HTMLNode.isHidden`).
    mutating func isHidden() -> Bool {
        guard !attributes.isEmpty else { return false }
        if attribute("hidden") != nil { return true }
        if attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = attribute("style") {
            let compact = style.lowercased().filter { !$0.isWhitespace }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    // MARK: character references

    /// Decodes the reference at `&` into `out`; returns the index after it. Unknown references stay as
    /// written. Static: `out` is one of the reader's own buffers, and a method of the reader given one of
    /// its own properties to change would copy the whole reader for the call.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into out: inout [UInt8],
                          inAttribute: Bool, limit: Int? = nil) -> Int {
        let count = limit ?? bytes.count
        var i = start + 1
        guard i < count else { out.append(0x26); return i }
        if bytes[i] == 0x23 {  // &#
            i += 1
            let hex = i < count && (bytes[i] | 0x20) == 0x78
            if hex { i += 1 }
            var value: UInt32 = 0
            var digits = 0
            while i < count {
                let b = bytes[i]
                let digit: UInt32
                if b >= 0x30 && b <= 0x39 { digit = UInt32(b - 0x30) }
                else if hex && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66 { digit = UInt32((b | 0x20) - 0x61 + 10) }
                else { break }
                value = min(0x110000, value * (hex ? 16 : 10) + digit)
                digits += 1
                i += 1
            }
            guard digits > 0 else { out.append(0x26); return start + 1 }
            if i < count, bytes[i] == 0x3B { i += 1 }
            // Controls stay: `Sanitizer` removes them with the rest of the text.
            for unit in UTF8.encode(HTMLEntities.scalar(forNumeric: value))! { out.append(unit) }
            return i
        }
        var end = i
        while end < count, end - i < 32, isAlphanumeric(bytes[end]) { end += 1 }
        guard end > i else { out.append(0x26); return i }
        if end < count, bytes[end] == 0x3B, let packed = CommonReference.pack(UnsafeBufferPointer(rebasing: bytes[i..<end])),
           let value = CommonReference.scalar(packed: packed) {
            for unit in UTF8.encode(Unicode.Scalar(value)!)! { out.append(unit) }
            return end + 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
        if end < count, bytes[end] == 0x3B, let value = HTMLEntities.named(name) {
            out.append(contentsOf: value.utf8)
            return end + 1
        }
        // Legacy names without ";" (`&amp`, `&copy2024`), except in attributes before a letter or "=".
        for legacy in HTMLEntities.legacyNames where name.hasPrefix(legacy) {
            let after = i + legacy.utf8.count
            if inAttribute, after < count, isAlphanumeric(bytes[after]) || bytes[after] == 0x3D { break }
            if let value = HTMLEntities.named(legacy) {
                out.append(contentsOf: value.utf8)
                return after
            }
        }
        out.append(0x26)
        return i
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    // MARK: text

    /// Hands the text run to the builder: folded, sanitised, or into the preformatted block.
    mutating func flushText() {
        if let range = pending, text.isEmpty {
            pending = nil
            flushRun(UnsafeBufferPointer(rebasing: bytes[range]))
            return
        }
        materializePending()
        guard !text.isEmpty else { return }
        // Taken out while it is read, so that `flushRun` may change the reader; put back to keep its capacity.
        var run: [UInt8] = []
        swap(&run, &text)
        run.withUnsafeBufferPointer { flushRun($0) }
        run.removeAll(keepingCapacity: true)
        swap(&run, &text)
    }

    /// Hands a text run to the builder: folded, sanitised, or into the preformatted block.
    mutating func flushRun(_ whole: UnsafeBufferPointer<UInt8>) {
        guard !whole.isEmpty, skipping == nil else { return }
        var run = whole
        if dropLeadingNewline {
            dropLeadingNewline = false
            if run[0] == 0x0A {
                run = UnsafeBufferPointer(rebasing: run[1...])
            } else if run.count >= 2, run[0] == 0x0D, run[1] == 0x0A {
                run = UnsafeBufferPointer(rebasing: run[2...])
            }
            guard !run.isEmpty else { return }
        }
        reconstructFormatting()
        let traits = self.traits
        if builder.preformatted == nil {
            if !Sanitizer.needsCleaning(run) {
                builder.inline.append(folding: run, traits: traits)
            } else {
                builder.inline.append(folding: Sanitizer.clean(String(decoding: run, as: UTF8.self)), traits: traits)
            }
        } else {
            var raw = String(decoding: run, as: UTF8.self)
            if raw.utf8.contains(0x0D) { raw = raw.replacingOccurrences(of: "\r\n", with: "\n") }
            builder.preformatted! += Sanitizer.clean(raw)
        }
    }

    mutating func addMarker(_ marker: String, traits extra: TextTraits = .muted) {
        if builder.preformatted != nil {
            builder.preformatted! += marker
        } else {
            builder.inline.append(literal: marker, traits: traits.union(extra))
        }
    }

    // MARK: skipped content

    mutating func skippedStartTag(_ tag: HTMLTag, name: Range<Int>, selfClosing: Bool) {
        guard var state = skipping else { return }
        if let media, media.source == nil, tag == .source, let src = attribute("src") {
            self.media?.source = src
        }
        if lowered(name) == state.name && !tag.isVoid && !selfClosing {
            // An element with an implied end ends the hidden one it repeats (`<p hidden>a<p>b`).
            if state.depth == 1, [.p, .li, .dt, .dd, .option].contains(tag) {
                skipping = nil
                startTag(tag, name: name, selfClosing: selfClosing)
                return
            }
            state.depth += 1
            skipping = state
        }
    }

    mutating func skippedEndTag(_ tag: HTMLTag, name: [UInt8]) {
        guard var state = skipping, name == state.name else { return }
        state.depth -= 1
        if state.depth > 0 { skipping = state; return }
        skipping = nil
        if let media { emitMedia(kind: media.kind, source: media.source); self.media = nil }
    }

    mutating func startSkipping(_ tag: HTMLTag, name: Range<Int>, selfClosing: Bool) {
        if tag.isVoid || selfClosing || tag.isRawText { return }
        skipping = (tag, lowered(name), 1)
    }

    /// `[video: URL]` / `[audio: URL]`, the URL also numbered as a link, on a block of its own.
    mutating func emitMedia(kind: String, source: String?) {
        let inPreformatted = builder.preformatted != nil
        if !inPreformatted { builder.flush() }
        if let source, let url = resolver.resolve(source),
           let scheme = URLResolver.scheme(of: url), scheme == "http" || scheme == "https" {
            let number = builder.linkNumber(for: url)
            addMarker("[\(kind): \(url)]")
            addMarker("[\(number)]")
        } else {
            addMarker("[\(kind)]")
        }
        if !inPreformatted { builder.flush() }
    }

    // MARK: start tags

    mutating func startTag(_ tag: HTMLTag, name: Range<Int>, selfClosing: Bool) {
        if tag == .svg || tag == .math || isHidden() {
            startSkipping(tag, name: name, selfClosing: selfClosing)
            return
        }
        if tag.closesParagraph { closeParagraphInScope() }
        if let trait = tag.formattingTrait {
            startFormatting(tag, trait: trait)
            return
        }
        switch tag {
        case .script, .style, .noscript, .template, .title, .textarea, .select, .button, .map, .datalist,
             .frameset, .noframes, .noembed, .rp, .rt, .option, .optgroup:
            startSkipping(tag, name: name, selfClosing: selfClosing)
        case .head, .html, .body, .meta, .link, .base, .input, .area, .param, .source, .track, .wbr, .col,
             .colgroup, .keygen, .frame, .other:
            break
        case .br:
            lineBreak()
        case .img:
            reconstructFormatting()
            let alt = Sanitizer.cleanLine(attribute("alt") ?? attribute("title") ?? "")
            addMarker(alt.isEmpty ? "[image]" : "[image: \(alt)]")
        case .video, .audio, .object:
            let kind = tag == .audio ? "audio" : "video"
            let source = attribute("src") ?? attribute("data")
            if selfClosing { emitMedia(kind: kind, source: source); return }
            media = (kind, source)
            startSkipping(tag, name: name, selfClosing: false)
        case .embed, .iframe:
            emitMedia(kind: "video", source: attribute("src") ?? attribute("data"))
        case .hr:
            builder.flush()
            builder.append(.rule)
        case .pre, .listing, .xmp, .plaintext:
            builder.flush()
            if builder.preformatted != nil {
                push(tag, .nothing)
            } else {
                builder.preformatted = ""
                push(tag, .preformatted)
            }
            if tag != .xmp && tag != .plaintext { dropLeadingNewline = true }
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if let last = stack.last, last.tag.isHeading { pop(to: stack.count - 1) }
            let level = Int(tag.rawValue - HTMLTag.h1.rawValue) + 1
            push(tag, .close(opened: builder.open(.heading(level: level))))
        case .blockquote:
            push(tag, .close(opened: builder.open(.quote)))
        case .ul, .menu, .dir:
            push(tag, .close(opened: builder.open(.list(ordered: false, start: 1))))
        case .ol:
            let start = attribute("start").flatMap { Int($0.trimmingSpaces) } ?? 1
            push(tag, .close(opened: builder.open(.list(ordered: true, start: start))))
        case .li:
            let open = top[Int(HTMLTag.li.rawValue)]
            if open > topBarrier { pop(to: Int(open)) }
            push(tag, .close(opened: builder.open(.item)))
        case .dl:
            push(tag, .close(opened: builder.open(.definitions)))
        case .dt, .dd:
            let open = max(top[Int(HTMLTag.dt.rawValue)], top[Int(HTMLTag.dd.rawValue)])
            if open > topBarrier { pop(to: Int(open)) }
            push(tag, .close(opened: builder.open(tag == .dt ? .term : .detail)))
        case .table:
            push(tag, .close(opened: builder.open(.table)))
        case .thead, .tbody, .tfoot:
            closeTablePart()
            if tag == .thead {
                headerDepth += 1
                push(tag, .headerRows)
            } else {
                builder.flush()
                push(tag, .flush)
            }
        case .tr:
            closeInTable(.td); closeInTable(.th); closeInTable(.tr)
            let opened = builder.open(.row)
            if opened && headerDepth > 0 { builder.markHeaderRow() }
            push(tag, .close(opened: opened))
        case .td, .th:
            closeInTable(.td); closeInTable(.th)
            push(tag, .close(opened: builder.open(.cell(isHeader: tag == .th))))
            formatting.append(Formatting(tag: .other, trait: [], linkNumber: nil, depth: stack.count))
        case .caption, .figcaption:
            push(tag, .close(opened: builder.open(.caption)))
            if tag == .caption { formatting.append(Formatting(tag: .other, trait: [], linkNumber: nil, depth: stack.count)) }
        case .q:
            reconstructFormatting()
            addMarker("“", traits: [])
            push(tag, .quotation)
        case .address:
            builder.flush()
            addressDepth += 1
            push(tag, .address)
        case .p, .div, .section, .article, .header, .footer, .main, .nav, .aside, .center, .details, .summary,
             .fieldset, .legend, .form, .figure, .hgroup:
            builder.flush()
            push(tag, .flush)
        default:
            break
        }
    }

    mutating func lineBreak() {
        reconstructFormatting()
        if builder.preformatted != nil { builder.preformatted! += "\n" }
        else { builder.inline.appendLineBreak(traits: traits) }
    }

    /// Closes an open `<p>` unless a table or cell lies between it and the top.
    mutating func closeParagraphInScope() {
        let open = top[Int(HTMLTag.p.rawValue)]
        if open > topBoundary { pop(to: Int(open)) }
    }

    /// Closes an open `tag` inside the innermost table.
    mutating func closeInTable(_ tag: HTMLTag) {
        let open = top[Int(tag.rawValue)]
        if open >= 0 && open > top[Int(HTMLTag.table.rawValue)] { pop(to: Int(open)) }
    }

    mutating func closeTablePart() {
        closeInTable(.td); closeInTable(.th); closeInTable(.tr)
        closeInTable(.thead); closeInTable(.tbody); closeInTable(.tfoot)
    }

    mutating func push(_ tag: HTMLTag, _ exit: Exit) {
        let index = Int32(stack.count)
        stack.append(OpenElement(tag: tag, exit: exit, previous: top[Int(tag.rawValue)],
                                 previousBoundary: topBoundary, previousBarrier: topBarrier))
        top[Int(tag.rawValue)] = index
        if tag.isScopeBoundary { topBoundary = index }
        if tag.isListBarrier { topBarrier = index }
    }

    /// Closes the open elements from the top down to and including the one at `index`.
    mutating func pop(to index: Int) {
        while stack.count > index {
            let element = stack.removeLast()
            top[Int(element.tag.rawValue)] = element.previous
            topBoundary = element.previousBoundary
            topBarrier = element.previousBarrier
            if element.tag == .td || element.tag == .th || element.tag == .caption { clearFormattingToMarker() }
            if openLinks > 0 { endLinksAbove(stack.count) }
            leave(element.exit)
        }
    }

    mutating func leave(_ exit: Exit) {
        switch exit {
        case .nothing: break
        case .flush: builder.flush()
        case .address:
            builder.flush()
            addressDepth -= 1
        case .close(let opened):
            if opened { builder.close() } else { builder.flush() }
        case .preformatted:
            if let text = builder.preformatted {
                builder.preformatted = nil
                let trimmed = text.trimmingTrailingNewlines
                if !trimmed.isEmpty { builder.append(.preformatted(trimmed)) }
            }
        case .quotation:
            addMarker("”", traits: [])
        case .headerRows:
            headerDepth -= 1
        }
    }

    // MARK: formatting

    mutating func startFormatting(_ tag: HTMLTag, trait: TextTraits) {
        if tag == .a {
            // A link inside a link ends the first (HTML5's adoption agency).
            if let index = lastFormatting(.a) { removeFormatting(at: index) }
        }
        guard formattingCount < Self.maxFormatting else {
            overflow[Int(tag.rawValue)] += 1
            return
        }
        var number: Int? = nil
        if tag == .a, let href = attribute("href"), let url = resolver.resolve(href),
           let scheme = URLResolver.scheme(of: url), URLResolver.isLinkScheme(scheme) {
            number = builder.linkNumber(for: url)
        }
        formatting.append(Formatting(tag: tag, trait: number == nil && tag == .a ? [] : trait,
                                     linkNumber: number, depth: stack.count))
        formattingCount += 1
        if number != nil { openLinks += 1 }
        adjustTraits(formatting[formatting.count - 1].trait, by: 1)
    }

    /// The index of the last active `tag` after the last marker.
    func lastFormatting(_ tag: HTMLTag) -> Int? {
        var index = formatting.count - 1
        while index >= 0 {
            let entry = formatting[index]
            if entry.tag == .other { return nil }
            if entry.tag == tag { return index }
            index -= 1
        }
        return nil
    }

    mutating func removeFormatting(at index: Int) {
        let entry = formatting.remove(at: index)
        if entry.tag == .other { return }
        formattingCount -= 1
        adjustTraits(entry.trait, by: -1)
        if let number = entry.linkNumber {
            openLinks -= 1
            if entry.depth != nil { addMarker("[\(number)]") }
        }
    }

    mutating func clearFormattingToMarker() {
        while let last = formatting.last {
            if last.tag == .other { formatting.removeLast(); return }
            removeFormatting(at: formatting.count - 1)
        }
    }

    /// Links opened inside an element that just closed end with it (their number is shown); they are
    /// reopened if text follows, as HTML5 reconstructs them.
    mutating func endLinksAbove(_ height: Int) {
        for index in formatting.indices.reversed() {
            guard let depth = formatting[index].depth, depth > height else {
                if formatting[index].tag == .other { break }
                continue
            }
            if let number = formatting[index].linkNumber { addMarker("[\(number)]") }
            formatting[index].depth = nil
        }
    }

    mutating func reconstructFormatting() {
        guard openLinks > 0 else { return }
        for index in formatting.indices.reversed() {
            if formatting[index].tag == .other { break }
            if formatting[index].depth == nil { formatting[index].depth = stack.count }
        }
    }

    mutating func adjustTraits(_ trait: TextTraits, by delta: Int) {
        guard !trait.isEmpty else { return }
        for bit in 0..<16 where trait.rawValue & (1 << bit) != 0 {
            traitCounts[bit] += delta
            if traitCounts[bit] > 0 { formattingTraits.insert(TextTraits(rawValue: 1 << bit)) }
            else { formattingTraits.remove(TextTraits(rawValue: 1 << bit)) }
        }
    }

    // MARK: end tags

    mutating func endTag(_ name: Range<Int>, tag: HTMLTag) {
        if skipping != nil { skippedEndTag(tag, name: lowered(name)); return }
        if tag.formattingTrait != nil {
            if overflow[Int(tag.rawValue)] > 0 { overflow[Int(tag.rawValue)] -= 1; return }
            if let index = lastFormatting(tag) { removeFormatting(at: index) }
            return
        }
        let open = Int(top[Int(tag.rawValue)])
        switch tag {
        case .br:
            lineBreak()
        case .p:
            if open > Int(topBoundary) { pop(to: open) } else { builder.flush() }
        case .li:
            if open > Int(topBoundary) && open > Int(top[Int(HTMLTag.ul.rawValue)])
                && open > Int(top[Int(HTMLTag.ol.rawValue)]) { pop(to: open) }
        case .h1, .h2, .h3, .h4, .h5, .h6:
            var heading: Int32 = -1
            for level in HTMLTag.h1.rawValue...HTMLTag.h6.rawValue { heading = max(heading, top[Int(level)]) }
            if heading > topBoundary { pop(to: Int(heading)) }
        case .td, .th, .tr, .thead, .tbody, .tfoot, .caption:
            if open >= 0 && open > Int(top[Int(HTMLTag.table.rawValue)]) { pop(to: open) }
        case .table:
            if open >= 0 { pop(to: open) }
        case .html, .body, .head, .other:
            break
        default:
            if open >= 0 && (open > Int(topBoundary) || tag.isScopeBoundary) { pop(to: open) }
        }
    }

    // MARK: end

    mutating func finish() -> RichText {
        pop(to: 0)
        while let last = formatting.last {
            if last.tag == .other { formatting.removeLast() } else { removeFormatting(at: formatting.count - 1) }
        }
        if let media { emitMedia(kind: media.kind, source: media.source); self.media = nil }
        return builder.finish()
    }
}
