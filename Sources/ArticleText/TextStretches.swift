import CGumbo
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A page's long stretches of plain text, taken out of the bytes gumbo parses and put back when the tree's
/// text is read.
///
/// gumbo spends some 500 instructions on every byte of text it tokenizes (one token per character), which
/// on a text-heavy page is most of reader mode's time. The page gumbo is given has every stretch of at least
/// `minimumLength` bytes of plain text replaced by an 8-byte placeholder: a marker character (U+10FFFD, a
/// private-use code point gumbo passes through) and the stretch's number in four ASCII letters. A stretch is
/// text in the tokenizer's data or raw-text states only, bounded by non-space characters (leading and
/// trailing white space stay for the tree builder, which treats white space apart), and without what gumbo
/// would rewrite or react to: `<`, `>`, `]`, character references, carriage returns, NUL and the other
/// characters gumbo replaces by U+FFFD, and in raw text `-`, `!` and the name after a `<` (script comments).
/// The tree is therefore the one the page gives, with shorter text nodes;
/// `HTMLNode.withTextBytes` expands them. When the marker is in the page already, or when after parsing
/// the placeholders are not all found in text nodes (markup this scan misread), the page is parsed whole.
struct TextStretches {
    /// Stretches shorter than this stay in the parsed text: below it the placeholder saves little.
    static let minimumLength = 24
    /// U+10FFFD in UTF-8.
    static let marker: (UInt8, UInt8, UInt8, UInt8) = (0xF4, 0x8F, 0xBF, 0xBD)
    static let placeholderLength = 8
    /// Four characters of 64 make the number: at most 64^4 stretches are taken out.
    private static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let maximumCount = 64 * 64 * 64 * 64

    /// The page as given (owned; freed by `deallocate`).
    let original: UnsafeMutableBufferPointer<UInt8>
    /// Where each stretch lies in `original`.
    private(set) var starts: [Int32] = []
    private(set) var ends: [Int32] = []

    var count: Int { starts.count }

    /// Copies `page` and writes into `parsed` (at least `page.count` bytes) the bytes to give gumbo;
    /// returns how many were written, or nil when the page holds the marker (then nothing is taken out).
    init?(page: UnsafeBufferPointer<UInt8>, parsed: UnsafeMutableBufferPointer<UInt8>, written: inout Int) {
        original = .allocate(capacity: max(1, page.count))
        _ = original.initialize(fromContentsOf: page)
        var scanner = Scanner(source: UnsafeBufferPointer(original), output: parsed)
        guard scanner.run() else {
            original.deallocate()
            return nil
        }
        starts = scanner.starts
        ends = scanner.ends
        written = scanner.written
    }

    func deallocate() { original.deallocate() }

    /// The stretch a placeholder names, from the four bytes after its marker, or nil if they name none.
    func stretch(at digits: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let number = Self.number(digits), number < starts.count else { return nil }
        let start = Int(starts[number]), end = Int(ends[number])
        return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(original)[start..<end])
    }

    /// The number four placeholder digits write.
    private static func number(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        var number = 0
        for byte in digits {
            guard let value = value(of: byte) else { return nil }
            number = number * 64 + value
        }
        return number
    }

    private static func value(of byte: UInt8) -> Int? {
        switch byte {
        case 0x41...0x5A: Int(byte - 0x41)
        case 0x61...0x7A: Int(byte - 0x61) + 26
        case 0x30...0x39: Int(byte - 0x30) + 52
        case 0x2B: 62
        case 0x2F: 63
        default: nil
        }
    }

    /// Whether `bytes` start with the marker at `index`.
    static func hasMarker(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 3 < bytes.count && bytes[index] == marker.0 && bytes[index + 1] == marker.1
            && bytes[index + 2] == marker.2 && bytes[index + 3] == marker.3
    }

    /// How many placeholders `bytes` hold.
    static func placeholderCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var found = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == marker.0 && hasMarker(bytes, at: index) {
                found += 1
                index += 4
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether every placeholder is in the text of exactly one text, CDATA or comment node under
    /// `document`, and no other marker is: then the scan read the markup as gumbo did.
    func isComplete(in document: UnsafePointer<GumboNode>) -> Bool {
        var seen = [Bool](repeating: false, count: count)
        var found = 0
        var pending: [UnsafePointer<GumboNode>] = [document]
        var complete = true
        while let node = pending.popLast(), complete {
            let children: GumboVector
            switch node.pointee.type {
            case GUMBO_NODE_DOCUMENT:
                children = node.pointee.v.document.children
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                children = node.pointee.v.element.children
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA, GUMBO_NODE_COMMENT:
                let text = node.pointee.v.text.text!
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(text))
                var index = 0
                while index < bytes.count {
                    guard bytes[index] == Self.marker.0, Self.hasMarker(bytes, at: index) else { index += 1; continue }
                    guard index + Self.placeholderLength <= bytes.count,
                          let number = Self.number(UnsafeBufferPointer(rebasing: bytes[index + 4 ..< index + 8])),
                          number < count, !seen[number] else { complete = false; break }
                    seen[number] = true
                    found += 1
                    index += Self.placeholderLength
                }
                continue
            default:
                continue
            }
            for index in 0..<Int(children.length) {
                pending.append(UnsafePointer(children.data[index]!.assumingMemoryBound(to: GumboNode.self)))
            }
        }
        return complete && found == count
    }

    /// `bytes` (a text node's) with their placeholders expanded, in pieces: `body` is called with each
    /// piece in order.
    func expand(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var pieceStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == Self.marker.0, Self.hasMarker(bytes, at: index),
                  index + Self.placeholderLength <= bytes.count,
                  let stretch = stretch(at: UnsafeBufferPointer(rebasing: bytes[index + 4 ..< index + 8]))
            else { index += 1; continue }
            if index > pieceStart { body(UnsafeBufferPointer(rebasing: bytes[pieceStart..<index])) }
            body(stretch)
            index += Self.placeholderLength
            pieceStart = index
        }
        if pieceStart < bytes.count { body(UnsafeBufferPointer(rebasing: bytes[pieceStart...])) }
    }

    /// The tokenizer's states as far as they matter here: in text, or in the raw text of an element
    /// (`script`, `style`, `title`, `textarea`, ...) until its end tag.
    private struct Scanner {
        let source: UnsafeBufferPointer<UInt8>
        let output: UnsafeMutableBufferPointer<UInt8>
        var written = 0
        /// Source bytes before this index are in `output` already.
        var copied = 0
        var starts: [Int32] = []
        var ends: [Int32] = []

        init(source: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>) {
            self.source = source; self.output = output
        }

        /// Scans the whole page; false when it holds the marker.
        mutating func run() -> Bool {
            let count = source.count
            guard count <= Int(Int32.max) else { return false }
            var index = 0
            while index < count {
                // Text up to the next "<".
                let textEnd = find(0x3C, from: index)
                guard takeStretches(from: index, to: textEnd) else { return false }
                index = textEnd
                guard index < count else { break }
                index = skipMarkup(at: index)
            }
            copy(upTo: count)
            return true
        }

        /// After the "<" at `start`: the index past the markup it opens (a tag, comment, doctype), its raw
        /// text included; or `start + 1` when the "<" is text.
        private mutating func skipMarkup(at start: Int) -> Int {
            let count = source.count
            guard start + 1 < count else { return count }
            let next = source[start + 1]
            if next == 0x21 {  // "<!"
                if start + 3 < count && source[start + 2] == 0x2D && source[start + 3] == 0x2D {
                    return endOfComment(from: start)
                }
                if Self.startsCDATA(source, at: start) { return endOfCDATA(from: start + 9) }
                return past(0x3E, from: start + 2)
            }
            if next == 0x3F { return past(0x3E, from: start + 2) }  // "<?"
            if next == 0x2F {  // "</"
                guard start + 2 < count, Self.isLetter(source[start + 2]) else { return past(0x3E, from: start + 2) }
                return endOfTag(from: start + 2)
            }
            guard Self.isLetter(next) else { return start + 1 }
            var nameEnd = start + 1
            while nameEnd < count, !Self.endsName(source[nameEnd]) { nameEnd += 1 }
            let end = endOfTag(from: nameEnd)
            guard end < count, let raw = Self.rawTextName(UnsafeBufferPointer(rebasing: source[(start + 1)..<nameEnd]))
            else { return end }
            // Raw text up to the element's end tag. What the script tokenizer reacts to stays in place:
            // "<" with the name or "!--" after it, "-" and ">" ("<!--", "-->", "<script", "</script").
            let close = endTag(raw, from: end)
            guard takeStretches(from: end, to: close, raw: true) else { return source.count }
            return close
        }

        /// The index past a comment starting at `start` ("<!--"), as the tokenizer ends it: "-->" (also
        /// right after the opening, as in "<!-->"), or "--!>".
        private func endOfComment(from start: Int) -> Int {
            let count = source.count
            var index = start + 2
            while index + 2 < count {
                if source[index] == 0x2D && source[index + 1] == 0x2D {
                    if source[index + 2] == 0x3E { return index + 3 }
                    if index >= start + 4 && index + 3 < count && source[index + 2] == 0x21 && source[index + 3] == 0x3E {
                        return index + 4
                    }
                }
                index += 1
            }
            return count
        }

        /// Whether "<![CDATA[" starts at `index`.
        private static func startsCDATA(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            let opening: StaticString = "<![CDATA["
            guard index + opening.utf8CodeUnitCount <= bytes.count else { return false }
            for offset in 0..<opening.utf8CodeUnitCount where bytes[index + offset] != opening.utf8Start[offset] {
                return false
            }
            return true
        }

        /// The index past the "]]>" that ends a CDATA section (in SVG or MathML; elsewhere gumbo ends it
        /// at the first ">", and the text between is only left in place).
        private func endOfCDATA(from start: Int) -> Int {
            var index = start
            while index + 2 < source.count {
                if source[index] == 0x5D && source[index + 1] == 0x5D && source[index + 2] == 0x3E { return index + 3 }
                index += 1
            }
            return source.count
        }

        /// The index past the ">" that ends a tag whose name ends before `start`: attribute values in
        /// quotes may hold ">".
        private func endOfTag(from start: Int) -> Int {
            let count = source.count
            var index = start
            while index < count {
                let byte = source[index]
                if byte == 0x3E { return index + 1 }
                if byte == 0x3D {  // "=": a value follows, perhaps quoted, after white space
                    index += 1
                    while index < count, Self.isSpace(source[index]) { index += 1 }
                    guard index < count else { return count }
                    let quote = source[index]
                    if quote == 0x22 || quote == 0x27 {
                        index = past(quote, from: index + 1)
                        continue
                    }
                    // An unquoted value ends at white space or ">".
                    while index < count, !Self.isSpace(source[index]), source[index] != 0x3E { index += 1 }
                    continue
                }
                index += 1
            }
            return count
        }

        /// Where the end tag of the raw-text element `name` starts ("</name" then a space, "/" or ">"),
        /// from `start`; the page's end when there is none.
        private func endTag(_ name: StaticString, from start: Int) -> Int {
            let count = source.count
            let length = name.utf8CodeUnitCount
            var index = find(0x3C, from: start)
            while index < count {
                if index + 2 + length < count && source[index + 1] == 0x2F {
                    var matches = true
                    for offset in 0..<length where source[index + 2 + offset] | 0x20 != name.utf8Start[offset] {
                        matches = false
                        break
                    }
                    if matches {
                        let after = source[index + 2 + length]
                        if Self.isSpace(after) || after == 0x2F || after == 0x3E { return index }
                    }
                }
                index = find(0x3C, from: index + 1)
            }
            return count
        }

        /// Replaces the long stretches of plain text in `start ..< end` by placeholders (copying what comes
        /// before each); false when the marker is found.
        private mutating func takeStretches(from start: Int, to end: Int, raw: Bool = false) -> Bool {
            var index = start
            // The stretch being measured starts at the first non-space byte after a break.
            var stretchStart = -1
            var lastSolid = -1
            while index < end {
                let byte = source[index]
                var breaks = false
                var skip = 1
                switch byte {
                case 0x20, 0x0A, 0x09, 0x0C:
                    index += 1
                    continue
                case 0x26:  // "&": a character reference; the stretch starts again after its name and ";"
                    breaks = true
                    var after = index + 1
                    while after < end, Self.isReferenceByte(source[after]) { after += 1 }
                    if after < end && source[after] == 0x3B { after += 1 }
                    skip = after - index
                case 0x3C where raw:  // "<", and the name or "!--" after it
                    breaks = true
                    var after = index + 1
                    while after < end, Self.isReferenceByte(source[after]) || source[after] == 0x2F
                        || source[after] == 0x21 || source[after] == 0x2D { after += 1 }
                    skip = after - index
                case 0x2D where raw, 0x21 where raw:  // "-", "!"
                    breaks = true
                case 0x3C, 0x3E, 0x5D, 0x0D, 0x7F:  // "<", ">", "]" (of "]]>"), CR
                    breaks = true
                case 0x00...0x1F:
                    breaks = true
                case 0xC2:  // C1 controls, U+0080 ... U+009F
                    breaks = index + 1 < end && source[index + 1] < 0xA0
                    skip = 2
                case 0xEF:  // U+FDD0 ... U+FDEF and U+FFxx, among them the non-characters U+FFFE and U+FFFF
                    breaks = index + 1 < end && (source[index + 1] == 0xB7 || source[index + 1] == 0xBF)
                    skip = 3
                case 0xF0...0xF4:
                    if byte == TextStretches.marker.0 && TextStretches.hasMarker(source, at: index) { return false }
                    // The non-characters U+xFFFE and U+xFFFF of the other planes.
                    breaks = index + 3 < end && source[index + 2] == 0xBF && source[index + 3] >= 0xBE
                    skip = 4
                default:
                    break
                }
                if breaks {
                    take(stretchStart, lastSolid)
                    stretchStart = -1
                    index = min(end, index + skip)  // a whole character, so no stretch starts inside one
                    continue
                }
                if stretchStart < 0 { stretchStart = index }
                lastSolid = index
                index += 1
            }
            take(stretchStart, lastSolid)
            return true
        }

        /// Replaces `start ... last` (a stretch between non-space bytes; `last` may sit inside a
        /// multi-byte character) when it is long enough.
        private mutating func take(_ start: Int, _ last: Int) {
            guard start >= 0, last >= start, starts.count < TextStretches.maximumCount else { return }
            var end = last + 1
            while end < source.count && source[end] & 0xC0 == 0x80 { end += 1 }
            guard end - start >= TextStretches.minimumLength else { return }
            copy(upTo: start)
            let number = starts.count
            starts.append(Int32(start))
            ends.append(Int32(end))
            let marker = TextStretches.marker
            output[written] = marker.0
            output[written + 1] = marker.1
            output[written + 2] = marker.2
            output[written + 3] = marker.3
            output[written + 4] = TextStretches.digits[(number >> 18) & 63]
            output[written + 5] = TextStretches.digits[(number >> 12) & 63]
            output[written + 6] = TextStretches.digits[(number >> 6) & 63]
            output[written + 7] = TextStretches.digits[number & 63]
            written += TextStretches.placeholderLength
            copied = end
        }

        private mutating func copy(upTo end: Int) {
            guard end > copied else { return }
            let length = end - copied
            UnsafeMutableRawPointer(output.baseAddress! + written)
                .copyMemory(from: source.baseAddress! + copied, byteCount: length)
            written += length
            copied = end
        }

        /// The index after the next `byte` from `start`, or the page's end.
        private func past(_ byte: UInt8, from start: Int) -> Int { min(source.count, find(byte, from: start) + 1) }

        /// The index of the next `byte` from `start`, or the page's end.
        private func find(_ byte: UInt8, from start: Int) -> Int {
            guard start < source.count else { return source.count }
            let base = source.baseAddress! + start
            guard let found = memchr(base, Int32(byte), source.count - start) else { return source.count }
            return start + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }

        private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0C || byte == 0x0D
        }
        /// Bytes that end a tag name: white space, "/" and ">".
        private static func endsName(_ byte: UInt8) -> Bool { isSpace(byte) || byte == 0x2F || byte == 0x3E }
        private static func isReferenceByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x23
        }

        /// The elements whose content the tokenizer reads as raw text (RAWTEXT, RCDATA, script data); an
        /// element missing here only has its text scanned as markup, which takes out less.
        private static func rawTextName(_ name: UnsafeBufferPointer<UInt8>) -> StaticString? {
            // Not `title`, which inside SVG holds markup: its text is taken out as in any element.
            let names: [StaticString] = ["script", "style", "textarea", "xmp", "iframe", "noembed", "noframes"]
            for candidate in names where candidate.utf8CodeUnitCount == name.count {
                var matches = true
                for offset in 0..<name.count where name[offset] | 0x20 != candidate.utf8Start[offset] {
                    matches = false
                    break
                }
                if matches { return candidate }
            }
            return nil
        }
    }
}
