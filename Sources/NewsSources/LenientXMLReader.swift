import TextSafety

/// A forgiving XML reader over UTF-8 bytes that builds `XMLNode` trees the way a feed reader needs them.
///
/// Why not FoundationXML's `XMLParser`: it aborts on the first undeclared entity (`&nbsp;`), bare `&`,
/// mis-nested tag or truncated document, and real feeds have all of these; recovering would mean a second
/// parser anyway. This reader never fails on malformed input: undeclared HTML entities are decoded, a bare `&`
/// is text, an unmatched end tag is ignored, an end tag closes the elements left open inside it, a `<` that
/// starts no tag is text, and at the end of input everything still open is closed (and reported).
///
/// It is hostile-input safe by construction: external entities are never fetched (SYSTEM/PUBLIC
/// declarations expand to nothing), internal entity expansion is bounded, element nesting deeper than
/// `maxDepth` is flattened (the tree, and every walk over it, stays shallow), and nothing recurses.
///
/// Entries (`item`, `entry`) are handed to `onEntry` as soon as they close and then dropped from the tree, so
/// memory stays proportional to one entry plus the output, not to the whole document.
///
/// With `reportsProblems` it reads the same way but also records the first thing that makes the document
/// not well-formed (`Outcome.problem`): OPML import refuses such a file rather than guess at its folders.
struct LenientXMLReader {
    /// What reading found besides the tree.
    struct Outcome {
        var root: XMLNode?
        var warnings: [String] = []
        /// The document ended with elements still open (a truncated download).
        var truncated = false
        /// The first element of the document, even when it was not a feed (an HTML page).
        var firstRoot: XMLNode?
        /// The first well-formedness error, when `reportsProblems` is set.
        var problem: XMLProblem?
    }

    let maxDepth: Int
    let maxEntityExpansion: Int
    let documentBase: String?
    /// Whether common references are decoded by `appendQuickReference`; off only in tests, which hold the
    /// shortcut to the general path.
    var quickReferences = true
    /// Whether to record the first well-formedness error; and, since such a reader reads documents that are
    /// not feeds, to keep a nested `<channel>` or `<feed>` element where it is rather than restart there.
    var reportsProblems = false
    /// Whether the caller checked that the bytes are well-formed UTF-8 (`CharsetDecoder` does): strings cut
    /// from them at scalar boundaries, and buffers built only from such pieces and encoded scalars, are then
    /// made without validating each again. Every cut the reader makes is at an ASCII byte or an end.
    var bytesAreValidUTF8 = false

    /// Reads `bytes`. `onEntry` receives each entry element (with its parent's key) as it closes.
    func read(_ bytes: UnsafeBufferPointer<UInt8>,
              onEntry: (XMLNode, _ parentKey: String) throws -> Void) throws -> Outcome {
        var state = ReaderState(bytes: bytes, maxDepth: maxDepth, maxEntityExpansion: maxEntityExpansion,
                                documentBase: documentBase)
        state.quickReferences = quickReferences
        state.reportsProblems = reportsProblems
        state.validUTF8 = bytesAreValidUTF8
        try state.run(onEntry: onEntry)
        return state.outcome
    }
}

/// The mutable state of one read. Kept apart from `LenientXMLReader` so the reader itself is a value.
private struct ReaderState {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let maxDepth: Int
    let maxEntityExpansion: Int
    let documentBase: String?
    var quickReferences = true
    /// See `LenientXMLReader.bytesAreValidUTF8`.
    var validUTF8 = false
    var i = 0
    var stack: [XMLNode] = []
    /// Prefix → URI bindings, innermost last; each element records how many it pushed.
    /// Each binding carries the canonical prefix of its URI, worked out once when it is declared rather than
    /// for every element in its scope.
    var namespaceBindings: [(prefix: String, uri: String, canonical: String?)] = []
    var bindingCounts: [Int] = []
    var entities: [String: String] = [:]
    var expandedSoFar = 0
    var outcome = LenientXMLReader.Outcome()
    var scratch: [UInt8] = []
    var warnedDepth = false
    var reportsProblems = false
    /// Elements not added to the tree for being nested too deep whose end tags are still to come (counted
    /// only when reporting problems, whose callers need the end tags matched).
    var flattenedOpen = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxEntityExpansion: Int, documentBase: String?) {
        p = bytes; n = bytes.count; self.maxDepth = maxDepth; self.maxEntityExpansion = maxEntityExpansion
        self.documentBase = documentBase
    }

    // MARK: scanning helpers

    /// Index of the first `byte` at or after `from`, or `n`.
    func find(_ byte: UInt8, from: Int) -> Int {
        from >= n ? from : ByteScan.first(byte, in: p, from: from, end: n)
    }

    /// Index of the first occurrence of `pattern` at or after `from`, or nil.
    func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first else { return from }
        var j = from
        while j + pattern.count <= n {
            j = ByteScan.first(first, in: p, from: j, end: n - pattern.count + 1)
            guard j + pattern.count <= n else { return nil }
            if p[j] == first {
                var k = 1
                while k < pattern.count && p[j + k] == pattern[k] { k += 1 }
                if k == pattern.count { return j }
            }
            j += 1
        }
        return nil
    }

    func hasPrefix(_ pattern: [UInt8], at index: Int, caseInsensitive: Bool = false) -> Bool {
        guard index + pattern.count <= n else { return false }
        for k in 0..<pattern.count {
            let a = p[index + k], b = pattern[k]
            if a == b { continue }
            if caseInsensitive && (a | 0x20) == (b | 0x20) && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { continue }
            return false
        }
        return true
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
    }

    func string(_ start: Int, _ end: Int) -> String {
        let slice = UnsafeBufferPointer(rebasing: p[start..<end])
        return validUTF8 ? ByteScan.string(validatedUTF8: slice) : String(decoding: slice, as: UTF8.self)
    }

    /// Records `reason` at byte `offset` when problems are reported and none was recorded before.
    mutating func problem(_ reason: @autoclosure () -> String, at offset: Int) {
        guard reportsProblems, outcome.problem == nil else { return }
        outcome.problem = XMLProblem(offset: min(offset, n), reason: reason())
    }

    /// Records the first C0 control character in `p[start..<end]` (XML allows only tab and line ends).
    mutating func checkCharacters(from start: Int, to end: Int) {
        guard reportsProblems, outcome.problem == nil else { return }
        var k = start
        while k < end {
            let byte = p[k]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                problem("a character XML does not allow (control character \(byte))", at: k)
                return
            }
            k += 1
        }
    }

    // MARK: main loop

    mutating func run(onEntry: (XMLNode, String) throws -> Void) throws {
        while i < n {
            if p[i] == 0x3C {
                try markup(onEntry: onEntry)
            } else {
                let end = find(0x3C, from: i)
                try text(from: i, to: end)
                i = end
            }
        }
        if !stack.isEmpty {
            if let last = stack.last { problem("the document ends before </\(last.qname)>", at: n) }
            if let root = outcome.root, stack.first === root {
                outcome.truncated = true
                outcome.warnings.append("the document ended before </\(root.qname)>; kept what was read")
            }
            while !stack.isEmpty { try pop(onEntry: onEntry) }
        }
    }

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let doctypeOpen = Array("<!DOCTYPE".utf8), piClose = Array("?>".utf8)

    mutating func markup(onEntry: (XMLNode, String) throws -> Void) throws {
        let next = i + 1 < n ? p[i + 1] : 0
        if next == 0x21 { // <!
            if hasPrefix(Self.commentOpen, at: i) {
                guard let close = find(Self.commentClose, from: i + 4) else {
                    problem("a comment that is never closed with '-->'", at: i); i = n; return
                }
                i = close + 3
            } else if hasPrefix(Self.cdataOpen, at: i) {
                let start = i + 9
                if let close = find(Self.cdataClose, from: start) {
                    appendText(string(start, close)); i = close + 3
                } else {
                    problem("a CDATA section that is never closed with ']]>'", at: i)
                    appendText(string(start, n)); i = n
                    outcome.warnings.append("unterminated CDATA section")
                }
            } else if hasPrefix(Self.doctypeOpen, at: i, caseInsensitive: true) {
                try doctype()
            } else {
                let close = find(0x3E, from: i); i = min(n, close + 1)
            }
        } else if next == 0x3F { // <?
            if let close = find(Self.piClose, from: i + 2) { i = close + 2 } else {
                problem("a processing instruction that is never closed with '?>'", at: i); i = n
            }
        } else if next == 0x2F { // </
            var j = i + 2
            while j < n && Self.isNameByte(p[j]) { j += 1 }
            let name = string(i + 2, j)
            let close = find(0x3E, from: j)
            if close >= n { problem("a closing tag that is not closed with '>'", at: i) }
            let tagStart = i
            i = min(n, close + 1)
            try endTag(name, at: tagStart, onEntry: onEntry)
        } else if Self.isNameStart(next) {
            try startTag(onEntry: onEntry)
        } else {
            if !stack.isEmpty { problem("a '<' that starts no tag (write '&lt;')", at: i) }
            appendText("<"); i += 1
        }
    }

    // MARK: tags

    mutating func startTag(onEntry: (XMLNode, String) throws -> Void) throws {
        let tagStart = i
        var j = i + 1
        while j < n && Self.isNameByte(p[j]) { j += 1 }
        let qname = string(i + 1, j)
        var rawAttributes: [(String, String)] = []
        var selfClosing = false
        var closed = false
        while j < n {
            let byte = p[j]
            if byte.isXMLSpace { j += 1; continue }
            if byte == 0x3E { j += 1; closed = true; break }
            if byte == 0x2F { j += 1; if j < n && p[j] == 0x3E { j += 1; selfClosing = true; closed = true; break }; continue }
            if byte == 0x3C { // a new tag starts: this one was never closed
                problem("a tag that is not closed with '>'", at: tagStart)
                break
            }
            let nameStart = j
            while j < n, !p[j].isXMLSpace, p[j] != 0x3D, p[j] != 0x3E, p[j] != 0x2F || nameStart == j { j += 1 }
            let name = string(nameStart, j)
            while j < n && p[j].isXMLSpace { j += 1 }
            var value = ""
            if j < n && p[j] == 0x3D {
                j += 1
                while j < n && p[j].isXMLSpace { j += 1 }
                if j < n && (p[j] == 0x22 || p[j] == 0x27) {
                    let quote = p[j]
                    let end = find(quote, from: j + 1)
                    value = try decode(from: j + 1, to: end, attribute: true)
                    j = min(n, end + 1)
                } else {
                    problem("an attribute without a quoted value", at: j)
                    let start = j
                    while j < n && !p[j].isXMLSpace && p[j] != 0x3E { j += 1 }
                    value = try decode(from: start, to: j, attribute: true)
                }
            } else {
                problem("an attribute without a value (\(name))", at: nameStart)
            }
            if !name.isEmpty {
                if reportsProblems, rawAttributes.contains(where: { $0.0 == name }) {
                    problem("an attribute given twice in one element (\(name))", at: nameStart)
                }
                rawAttributes.append((name, value))
            }
        }
        i = j
        if !closed && j >= n {
            problem("the document ends inside the tag <\(qname)>", at: tagStart)
            outcome.truncated = true; return
        }
        try open(qname: qname, rawAttributes: rawAttributes, selfClosing: selfClosing, onEntry: onEntry)
    }

    mutating func open(qname: String, rawAttributes: [(String, String)], selfClosing: Bool,
                       onEntry: (XMLNode, String) throws -> Void) throws {
        let flattened = stack.count >= maxDepth
        if flattened {
            if !warnedDepth {
                outcome.warnings.append("elements nested deeper than \(maxDepth) levels were flattened")
                warnedDepth = true
            }
            // A feed drops the element (its text goes to the deepest one kept); a reader that reports problems
            // keeps it, childless, beside its own children, so that no element (an OPML feed) is lost.
            guard reportsProblems else { return }
            if !selfClosing { flattenedOpen += 1 }
        }
        var pushed = 0
        var base = stack.last?.base ?? documentBase
        var attributes: [XMLAttribute] = []
        attributes.reserveCapacity(rawAttributes.count)
        for (name, value) in rawAttributes {
            if name == "xmlns" {
                namespaceBindings.append(("", value, NamespaceTable.canonicalPrefix(for: value))); pushed += 1
            } else if name.hasPrefix("xmlns:") {
                namespaceBindings.append((String(name.dropFirst(6)), value, NamespaceTable.canonicalPrefix(for: value)))
                pushed += 1
            } else if name == "xml:base" {
                base = URLResolver.resolve(value, against: base)
            }
            let local = Self.asciiLowercased(XMLName.attributeLocalName(name))
            attributes.append(XMLAttribute(qname: name, localName: name == "xml:base" ? "xml:base" : local,
                                           value: value))
        }
        let (prefix, local) = XMLName.split(qname)
        let (uri, known) = lookup(prefix)
        let canonical = known ?? Self.asciiLowercased(Substring(prefix))
        let lowerLocal = Self.asciiLowercased(Substring(local))
        let key = canonical.isEmpty ? lowerLocal : canonical + ":" + lowerLocal
        let node = XMLNode(qname: qname, key: key, namespaceURI: uri, attributes: attributes, base: base)
        if flattened {
            namespaceBindings.removeLast(pushed)
            stack[stack.count - 1].children.append(.element(node))
            return
        }

        if stack.isEmpty {
            if outcome.firstRoot == nil { outcome.firstRoot = node } else { problem("content after the end of the document", at: i) }
            if let root = outcome.root, NamespaceTable.isFeedRoot(root.key) {
                namespaceBindings.removeLast(pushed)
                return // content after the feed's root element is ignored
            }
            outcome.root = node
        } else if !reportsProblems, let root = outcome.root, !NamespaceTable.isFeedRoot(root.key), root.key != "html",
                  NamespaceTable.isFeedRoot(key) {
            // (The root's key is tested first: in a feed it is a feed root, and that ends the test at once.)
            // Junk markup (a PHP warning's <b>) before the real root: start over at the feed.
            outcome.warnings.append("ignored markup before the <\(qname)> element")
            stack.removeAll(); bindingCounts.removeAll()
            namespaceBindings = Array(namespaceBindings.suffix(pushed))
            outcome.root = node
        } else {
            stack[stack.count - 1].children.append(.element(node))
        }
        stack.append(node)
        bindingCounts.append(pushed)
        if selfClosing { try pop(onEntry: onEntry) }
    }

    mutating func endTag(_ qname: String, at offset: Int, onEntry: (XMLNode, String) throws -> Void) throws {
        if flattenedOpen > 0 { flattenedOpen -= 1; return }
        guard let top = stack.last else {
            problem("the closing tag </\(qname)> comes after the end of the document", at: offset)
            return
        }
        if top.qname != qname { problem("the closing tag </\(qname)> does not match <\(top.qname)>", at: offset) }
        var index = stack.count - 1
        while index >= 0 && stack[index].qname != qname { index -= 1 }
        if index < 0 {
            let lower = qname.lowercased()
            index = stack.count - 1
            while index >= 0 && stack[index].qname.lowercased() != lower { index -= 1 }
        }
        guard index >= 0 else { return }
        while stack.count > index { try pop(onEntry: onEntry) }
    }

    mutating func pop(onEntry: (XMLNode, String) throws -> Void) throws {
        guard let node = stack.popLast() else { return }
        namespaceBindings.removeLast(bindingCounts.removeLast())
        guard let parent = stack.last else { return }
        if NamespaceTable.isEntry(node.key), parent === outcome.root || parent.key == "channel" {
            try onEntry(node, parent.key)
            parent.children.removeLast()
        }
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    static let xmlCanonical = NamespaceTable.canonicalPrefix(for: xmlNamespace)

    /// The URI bound to `prefix` and its canonical prefix (`NamespaceTable.canonicalPrefix(for:)`).
    func lookup(_ prefix: Substring) -> (uri: String, canonical: String?) {
        if prefix.isEmpty {
            // Most elements have no prefix, and only an empty string equals an empty one: no string comparison.
            var k = namespaceBindings.count - 1
            while k >= 0 {
                if namespaceBindings[k].prefix.isEmpty { return (namespaceBindings[k].uri, namespaceBindings[k].canonical) }
                k -= 1
            }
            return ("", nil)
        }
        if prefix == "xml" { return (Self.xmlNamespace, Self.xmlCanonical) }
        var k = namespaceBindings.count - 1
        while k >= 0 {
            if namespaceBindings[k].prefix == prefix { return (namespaceBindings[k].uri, namespaceBindings[k].canonical) }
            k -= 1
        }
        return ("", nil)
    }

    static func asciiLowercased(_ text: Substring) -> String {
        let isUpper = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A }
        let needs = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isUpper) } ?? text.utf8.contains(where: isUpper)
        if !needs { return String(text) }
        // Changing ASCII letters keeps the string's UTF-8 well-formed.
        return ByteScan.string(validatedUTF8: text.utf8.map { isUpper($0) ? $0 | 0x20 : $0 })
    }

    // MARK: text and entities

    mutating func text(from start: Int, to end: Int) throws {
        if reportsProblems && stack.isEmpty && start < end,
           UnsafeBufferPointer(rebasing: p[start..<end]).contains(where: { !$0.isXMLSpace }) {
            problem("text outside the document's element", at: start)
        }
        guard !stack.isEmpty, start < end else { return }
        appendText(try decode(from: start, to: end, attribute: false))
    }

    mutating func appendText(_ string: String) {
        guard let top = stack.last, !string.isEmpty else { return }
        if case .text(var previous)? = top.children.last {
            // Release the array's reference first so the append happens in place (the white space between
            // thousands of entries collects here once each entry is handed over and removed).
            top.children[top.children.count - 1] = .text("")
            previous += string
            top.children[top.children.count - 1] = .text(previous)
        } else {
            top.children.append(.text(string))
        }
    }

    /// Decodes character and entity references in `p[start..<end]`: XML's five, numeric (C1 values read as
    /// windows-1252), HTML's named set, and the document's own internal entities. Anything else, including a
    /// bare `&`, stays as written.
    mutating func decode(from start: Int, to end: Int, attribute: Bool) throws -> String {
        let end = min(end, n)
        guard start < end else { return "" }
        checkCharacters(from: start, to: end)
        let amp = ByteScan.first(0x26, in: p, from: start, end: end)
        if amp == end { return string(start, end) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<amp]))
        var j = amp
        while j < end {
            let byte = p[j]
            if byte != 0x26 {
                // Copy the run up to the next reference in one append.
                let next = ByteScan.first(0x26, in: p, from: j, end: end)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[j..<next]))
                j = next
                continue
            }
            var k = j + 1
            while k < end && k - j < 40 && p[k] != 0x3B && Self.isNameByte(p[k]) || (k < end && k == j + 1 && p[k] == 0x23) {
                k += 1
            }
            guard k < end, p[k] == 0x3B, k > j + 1 else {
                problem("a bare '&' (write '&amp;')", at: j)
                scratch.append(byte); j += 1; continue
            }
            if quickReferences && appendQuickReference(from: j + 1, to: k) { j = k + 1; continue }
            let name = string(j + 1, k)
            if let replacement = try reference(name) {
                scratch.append(contentsOf: replacement.utf8)
            } else {
                problem("an unknown entity '&\(name);' (write '&amp;' for a bare '&')", at: j)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: p[j...k]))
            }
            j = k + 1
        }
        // Pieces of `p` cut at `&` and `;`, and replacement text that is itself a `String`.
        return validUTF8 ? ByteScan.string(validatedUTF8: scratch) : String(decoding: scratch, as: UTF8.self)
    }

    /// Appends the replacement of the commonest references straight from the bytes — the five XML ones,
    /// plain numeric ones, and (when the document declares no entities of its own, which would take
    /// precedence) the common HTML names — and says whether it did. `reference(_:)` gives the same text; it
    /// costs a string per reference, and escaped HTML bodies are made of `&lt;` and `&gt;`.
    mutating func appendQuickReference(from start: Int, to end: Int) -> Bool {
        let count = end - start
        if p[start] == 0x23 {
            var k = start + 1
            var radix: UInt32 = 10, maxDigits = 9 // within `reference`'s prefixes, and no UInt32 overflow
            if k < end && (p[k] == 0x78 || p[k] == 0x58) { radix = 16; maxDigits = 8; k += 1 }
            guard end - k >= 1, end - k <= maxDigits else { return false }
            var value: UInt32 = 0
            while k < end {
                let c = p[k], lower = c | 0x20
                let digit: UInt32
                if c >= 0x30 && c <= 0x39 { digit = UInt32(c - 0x30) } else if radix == 16, lower >= 0x61, lower <= 0x66 {
                    digit = UInt32(lower - 0x61 + 10)
                } else { return false }
                value = value * radix + digit
                k += 1
            }
            EntityText.appendUTF8(HTMLEntities.scalar(forNumeric: value), to: &scratch)
            return true
        }
        let c0 = p[start]
        if count == 2 && p[start + 1] == 0x74 && (c0 == 0x6C || c0 == 0x67) { scratch.append(c0 == 0x6C ? 0x3C : 0x3E); return true }
        if count == 3 && c0 == 0x61 && p[start + 1] == 0x6D && p[start + 2] == 0x70 { scratch.append(0x26); return true }
        if count == 4 && c0 == 0x71 && p[start + 1] == 0x75 && p[start + 2] == 0x6F && p[start + 3] == 0x74 { scratch.append(0x22); return true }
        if count == 4 && c0 == 0x61 && p[start + 1] == 0x70 && p[start + 2] == 0x6F && p[start + 3] == 0x73 { scratch.append(0x27); return true }
        if entities.isEmpty, count <= 8, let key = EntityText.packedName(p, from: start, to: end),
           let known = EntityText.commonNamed[key] {
            EntityText.appendUTF8(known, to: &scratch)
            return true
        }
        return false
    }

    /// The replacement text of `&name;`, or nil to keep it as written.
    mutating func reference(_ name: String) throws -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst().prefix(8), radix: 16)
            } else {
                value = UInt32(digits.prefix(10))
            }
            guard let value else { return nil }
            return String(Character(HTMLEntities.scalar(forNumeric: value)))
        }
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        if let custom = entities[name] {
            expandedSoFar += custom.utf8.count
            if expandedSoFar > maxEntityExpansion { throw FeedParseError.entityExpansionLimit(maxEntityExpansion) }
            return custom
        }
        // Undeclared entities in an XML feed are HTML 4's, as the feeds that use them were written for
        // it: HTML5 redefined only `lang` and `rang` (U+27E8/9 instead of U+2329/A).
        if name == "lang" { return "\u{2329}" }
        if name == "rang" { return "\u{232A}" }
        if let text = HTMLEntities.named(name) { return text }
        return nil
    }

    // MARK: DOCTYPE

    /// Skips the document type declaration, collecting internal general entities from its subset. Values are
    /// expanded once, here, within the expansion budget: a billion-laughs chain fails after a few levels.
    mutating func doctype() throws {
        var j = i + 9
        while j < n && p[j] != 0x3E && p[j] != 0x5B { j += 1 }
        if j < n && p[j] == 0x5B {
            j += 1
            while j < n && p[j] != 0x5D {
                if hasPrefix(Self.entityOpen, at: j) {
                    j = try entityDeclaration(at: j + 8)
                } else if p[j] == 0x22 || p[j] == 0x27 {
                    j = find(p[j], from: j + 1) + 1
                } else if hasPrefix(Self.commentOpen, at: j) {
                    j = (find(Self.commentClose, from: j + 4) ?? n) + 3
                } else {
                    j += 1
                }
            }
            j = find(0x3E, from: j)
        }
        i = min(n, j + 1)
    }

    private static let entityOpen = Array("<!ENTITY".utf8)

    mutating func entityDeclaration(at start: Int) throws -> Int {
        var j = start
        while j < n && p[j].isXMLSpace { j += 1 }
        let parameter = j < n && p[j] == 0x25
        if parameter { j += 1; while j < n && p[j].isXMLSpace { j += 1 } }
        let nameStart = j
        while j < n && Self.isNameByte(p[j]) { j += 1 }
        let name = string(nameStart, j)
        while j < n && p[j].isXMLSpace { j += 1 }
        var value: String? = nil
        if j < n && (p[j] == 0x22 || p[j] == 0x27) {
            let end = find(p[j], from: j + 1)
            value = try decode(from: j + 1, to: end, attribute: true)
            j = min(n, end + 1)
        } else {
            // SYSTEM / PUBLIC: an external entity. Never fetched; it expands to nothing.
            var k = j
            while k < n && p[k] != 0x3E {
                if p[k] == 0x22 || p[k] == 0x27 { k = find(p[k], from: k + 1) }
                k += 1
            }
            j = k
            value = ""
        }
        let end = find(0x3E, from: j)
        if !parameter, !name.isEmpty, let value, entities[name] == nil {
            if value.utf8.count > maxEntityExpansion { throw FeedParseError.entityExpansionLimit(maxEntityExpansion) }
            entities[name] = value
        }
        return min(n, end + 1)
    }
}

/// Where and why a document is not well-formed XML.
struct XMLProblem: Equatable {
    /// Offset in the UTF-8 bytes read.
    let offset: Int
    let reason: String
}

/// Splitting qualified names: on the bytes when the name is ASCII (most are), by characters otherwise, with
/// the same result either way.
enum XMLName {
    /// Whether every byte of `text` is ASCII, where characters and bytes coincide (names have no CR LF).
    static func isASCII<S: StringProtocol>(_ text: S) -> Bool {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ ByteScan.isASCII($0) }) { return ascii }
        for byte in text.utf8 where byte >= 0x80 { return false }
        return true
    }

    /// `name.split(separator: ":", maxSplits: 1).last ?? ""`: the part after the first colon that follows
    /// something, on the bytes when the name is ASCII.
    static func attributeLocalName(_ name: String) -> Substring {
        guard isASCII(name) else { return name.split(separator: ":", maxSplits: 1).last ?? "" }
        let utf8 = name.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex && utf8[start] == 0x3A { start = utf8.index(after: start) }
        guard start < utf8.endIndex else { return "" }
        guard let colon = utf8[start...].firstIndex(of: 0x3A) else { return name[start...] }
        let rest = utf8.index(after: colon)
        return rest < utf8.endIndex ? name[rest...] : name[start..<colon]
    }

    static func split(_ qname: String) -> (Substring, Substring) {
        if isASCII(qname) {
            let utf8 = qname.utf8
            guard let colon = utf8.firstIndex(of: 0x3A) else { return ("", Substring(qname)) }
            return (qname[..<colon], qname[utf8.index(after: colon)...])
        }
        if let colon = qname.firstIndex(of: ":") {
            return (qname[..<colon], qname[qname.index(after: colon)...])
        }
        return ("", Substring(qname))
    }
}

/// Known namespaces, mapped to the prefix the format readers use whatever prefix the document chose.
enum NamespaceTable {
    static func canonicalPrefix(for uri: String) -> String? {
        if uri.isEmpty { return nil }
        let lower = uri.lowercased()
        switch lower {
        case "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss",
             "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/net/rss1.1#",
             "http://channel.netscape.com/rdf/simple/0.9/":
            return ""
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return "rdf"
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/elements/1.0/": return "dc"
        case "http://purl.org/dc/terms/": return "dcterms"
        case "http://purl.org/rss/1.0/modules/content/": return "content"
        case "http://purl.org/rss/1.0/modules/slash/": return "slash"
        case "http://wellformedweb.org/commentapi/": return "wfw"
        case "http://purl.org/syndication/thread/1.0": return "thr"
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss": return "media"
        case "http://www.itunes.com/dtds/podcast-1.0.dtd", "http://example.com/dtds/podcast-1.0.dtd": return "itunes"
        case "http://www.w3.org/1999/xhtml": return "xhtml"
        case "http://www.w3.org/xml/1998/namespace": return "xml"
        default:
            if lower.hasPrefix("http://www.w3.org/2005/atom") || lower.hasPrefix("http://purl.org/atom/ns") {
                return "atom"
            }
            return nil
        }
    }

    static func isFeedRoot(_ key: String) -> Bool {
        key == "rss" || key == "rdf:rdf" || key == "atom:feed" || key == "feed" || key == "channel"
    }

    /// Whether an element is a story: RSS `item`, Atom `entry`, and the `item` that some Atom documents
    /// use instead of `entry` (read as an Atom entry, since its children are Atom's).
    static func isEntry(_ key: String) -> Bool {
        key == "item" || key == "atom:entry" || key == "entry" || key == "atom:item"
    }
}
