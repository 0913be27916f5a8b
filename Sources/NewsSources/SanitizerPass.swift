import TextSafety
/// One run of `FeedHTMLSanitizer` over the UTF-8 bytes of a fragment: the policy of `FeedHTMLSanitizer` over
/// the byte ranges of `HTMLScanner`'s tokens, so that nothing but tag and attribute names becomes a
/// `String` (and tag names only when they are not short ASCII: `ElementName`). Text runs go from input to
/// output in one decode-and-escape step (`EntityText.appendDecoded`),
/// attribute values are decoded only when the attribute is kept, and the attributes of dropped elements are
/// only scanned over. This was half of the parse time of a large feed when it went token by token.
struct SanitizerPass {
    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    let baseURL: String?
    /// The sanitised fragment, UTF-8.
    var out: [UInt8] = []
    var open: [ElementName] = []
    var skipping: ElementName?
    var skipDepth = 0
    var scratch: [UInt8] = []
    /// `scheme://authority` of `baseURL` and whether links under it are allowed, once worked out; the inner
    /// nil means the base is not of the simple shape `quickURL` handles.
    var basePrefix: (bytes: [UInt8], allowed: Bool)??

    init(_ bytes: UnsafeBufferPointer<UInt8>, baseURL: String?) {
        b = bytes; n = bytes.count; self.baseURL = baseURL
        out.reserveCapacity(n + n / 16 + 16)
    }

    /// The lower-cased name in `b[start..<end]`, as `String.lowercased()` gives it (ASCII without a copy
    /// through an array; anything else through the Unicode mapping).
    func lowercasedName(_ start: Int, _ end: Int) -> String {
        var ascii = true
        for k in start..<end where b[k] >= 0x80 { ascii = false; break }
        guard ascii else { return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for k in start..<end {
                let c = b[k]
                buffer[k - start] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            }
            return end - start
        }
    }

    @inline(__always)
    mutating func put(_ text: String) { out.append(contentsOf: text.utf8) }

    /// Writes `lowercasedName(start, end)` without making a string when the name is ASCII (attribute names
    /// nearly always are).
    mutating func putLowercasedName(_ start: Int, _ end: Int) {
        for k in start..<end where b[k] >= 0x80 { put(lowercasedName(start, end)); return }
        for k in start..<end {
            let c = b[k]
            out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
    }

    mutating func text(_ start: Int, _ end: Int) {
        guard end > start, skipping == nil else { return }
        EntityText.appendDecoded(b, from: start, to: end, escaping: true, into: &out)
    }

    /// Sanitises the whole fragment into `out`, closing what is still open at the end.
    mutating func run() {
        var scanner = HTMLScanner(b)
        while let token = scanner.next() {
            switch token {
            case .text(let start, let end):
                text(start, end)
            case .startTag(let nameStart, let nameEnd, let selfClosing):
                let name = elementName(nameStart, nameEnd)
                let role = Self.role(of: name)
                if role.contains(.rawText) && !selfClosing {
                    // Script, style and the like: their content is never markup, and never kept.
                    scanner.skipRawText(nameStart: nameStart, nameEnd: nameEnd)
                } else {
                    startTag(name, role: role, attributes: scanner.attributes, selfClosing: selfClosing)
                }
            case .endTag(let nameStart, let nameEnd):
                endTag(elementName(nameStart, nameEnd))
            }
        }
        while let name = open.popLast() { closeTag(name) }
    }

    /// The lower-cased name in `b[start..<end]`: packed straight from the bytes when they are short ASCII,
    /// else through `lowercasedName` (whose result may still pack: U+212A lower-cases to `k`).
    func elementName(_ start: Int, _ end: Int) -> ElementName {
        if let key = ShortNameTable<Bool>.key(b, from: start, to: end, lowercasing: true) { return ElementName(key: key) }
        return ElementName(lowercasedName(start, end))
    }

    /// The role of an element. The short table holds every name of `elementRoles` that packs, so both
    /// lookups give what `elementRoles[name]` gives.
    static func role(of name: ElementName) -> FeedHTMLSanitizer.ElementRole {
        if let long = name.long { return FeedHTMLSanitizer.elementRoles[long] ?? [] }
        return FeedHTMLSanitizer.shortElementRoles.value(for: name.key) ?? []
    }

    /// Writes `</name>`.
    mutating func closeTag(_ name: ElementName) {
        out.append(contentsOf: [0x3C, 0x2F]); name.write(into: &out); out.append(0x3E)
    }

    mutating func startTag(_ name: ElementName, role: FeedHTMLSanitizer.ElementRole, attributes: [HTMLAttributeRange],
                           selfClosing: Bool) {
        if let current = skipping {
            if name == current && !selfClosing { skipDepth += 1 }
            return
        }
        if role.contains(.dropped) {
            if !selfClosing && !role.contains(.void) { skipping = name; skipDepth = 1 }
            return
        }
        guard role.contains(.allowed) else { return }
        out.append(0x3C); name.write(into: &out)
        for attribute in attributes {
            // Short names are looked up on their bytes; a short name not in the table is in no list at all.
            let isURL: Bool
            if let key = ShortNameTable<Bool>.key(b, from: attribute.nameStart, to: attribute.nameEnd, lowercasing: true) {
                guard let known = FeedHTMLSanitizer.shortAttributeRoles.value(for: key) else { continue }
                isURL = known
            } else {
                guard let known = FeedHTMLSanitizer.attributeRoles[lowercasedName(attribute.nameStart, attribute.nameEnd)] else { continue }
                isURL = known
            }
            if isURL {
                if quickURL(attribute.valueStart, attribute.valueEnd, nameStart: attribute.nameStart,
                            nameEnd: attribute.nameEnd) { continue }
                scratch.removeAll(keepingCapacity: true)
                EntityText.appendDecoded(b, from: attribute.valueStart, to: attribute.valueEnd, escaping: false, into: &scratch)
                let resolved = URLResolver.resolve(String(decoding: scratch, as: UTF8.self), against: baseURL)
                guard URLResolver.isAllowedLink(resolved) else { continue }
                out.append(0x20); putLowercasedName(attribute.nameStart, attribute.nameEnd); out.append(contentsOf: [0x3D, 0x22])
                EntityText.escape(resolved, into: &out)
            } else {
                out.append(0x20); putLowercasedName(attribute.nameStart, attribute.nameEnd); out.append(contentsOf: [0x3D, 0x22])
                EntityText.appendDecoded(b, from: attribute.valueStart, to: attribute.valueEnd, escaping: true, into: &out)
            }
            out.append(0x22)
        }
        if role.contains(.void) {
            out.append(contentsOf: [0x20, 0x2F, 0x3E])
        } else if selfClosing {
            out.append(0x3E); closeTag(name)
        } else {
            out.append(0x3E); open.append(name)
        }
    }

    /// A URL attribute whose value needs no decoding, trimming or escaping (printable ASCII without `&`, `<`,
    /// `>`, `"`) and is absolute and normal, or root-relative against a simple base: written (or dropped, for
    /// a scheme Gazette does not open) straight from the bytes, as `URLResolver.resolve` and
    /// `isAllowedLink` would decide. Returns false, having written nothing, for anything else.
    mutating func quickURL(_ start: Int, _ end: Int, nameStart: Int, nameEnd: Int) -> Bool {
        guard end > start else { return false }
        for k in start..<end {
            let c = b[k]
            if c < 0x21 || c > 0x7E || c == 0x26 || c == 0x3C || c == 0x3E || c == 0x22 { return false }
        }
        let value = UnsafeBufferPointer(rebasing: b[start..<end])
        guard let schemeEnd = URLResolver.lowerSchemeEnd(value) else { return false }
        var prefix: [UInt8] = []
        if schemeEnd > 0 {
            var pathStart = schemeEnd + 1
            if pathStart + 1 < value.count && value[pathStart] == 0x2F && value[pathStart + 1] == 0x2F {
                pathStart += 2
                while pathStart < value.count && value[pathStart] != 0x2F && value[pathStart] != 0x3F && value[pathStart] != 0x23 {
                    pathStart += 1
                }
            }
            if URLResolver.mayHaveDotSegment(value, pathStart, URLResolver.pathEnd(value, from: pathStart)) { return false }
            guard URLResolver.isLinkScheme(bytes: UnsafeBufferPointer(rebasing: value[..<schemeEnd])) else { return true }
        } else if let baseURL, !baseURL.isEmpty {
            guard value[0] == 0x2F, value.count == 1 || value[1] != 0x2F,
                  !URLResolver.mayHaveDotSegment(value, 0, URLResolver.pathEnd(value, from: 0)) else { return false }
            if basePrefix == nil { basePrefix = .some(Self.simplePrefix(of: baseURL)) }
            guard let base = basePrefix ?? nil else { return false }
            guard base.allowed else { return true }
            prefix = base.bytes
        }
        out.append(0x20); putLowercasedName(nameStart, nameEnd); out.append(contentsOf: [0x3D, 0x22])
        out.append(contentsOf: prefix)
        out.append(contentsOf: value)
        out.append(0x22)
        return true
    }

    /// `scheme://authority` of a printable-ASCII base with a lower-case scheme and no `&<>"`, and whether
    /// its scheme is one Gazette opens; nil for any other base.
    static func simplePrefix(of base: String) -> (bytes: [UInt8], allowed: Bool)? {
        var base = base
        return base.withUTF8 { b -> (bytes: [UInt8], allowed: Bool)? in
            guard URLResolver.isPrintableASCII(b), let schemeEnd = URLResolver.lowerSchemeEnd(b), schemeEnd > 0,
                  schemeEnd + 2 < b.count, b[schemeEnd + 1] == 0x2F, b[schemeEnd + 2] == 0x2F else { return nil }
            var authorityEnd = schemeEnd + 3
            while authorityEnd < b.count && b[authorityEnd] != 0x2F && b[authorityEnd] != 0x3F && b[authorityEnd] != 0x23 {
                authorityEnd += 1
            }
            let prefix = Array(b[..<authorityEnd])
            guard !prefix.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return nil }
            return (prefix, URLResolver.isLinkScheme(bytes: UnsafeBufferPointer(rebasing: b[..<schemeEnd])))
        }
    }

    mutating func endTag(_ name: ElementName) {
        if let current = skipping {
            if name == current { skipDepth -= 1; if skipDepth == 0 { skipping = nil } }
            return
        }
        guard let index = open.lastIndex(of: name) else { return }
        while open.count > index { closeTag(open.removeLast()) }
    }
}
