import TextSafety
import CGumbo
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A parsed HTML document owned by Swift: gumbo's output, freed when the value goes away.
///
/// Safety: the tree is only read, only while `self` is alive, and never leaves the function that parsed
/// it (`withDocument`), so no node pointer outlives the output that owns it.
struct HTMLTree: ~Copyable {
    private let output: UnsafeMutablePointer<GumboOutput>
    /// The bytes gumbo parsed, owned here: its nodes point into them (an element's source text).
    private let source: UnsafeMutableBufferPointer<UInt8>
    /// The stretches of text taken out of `source`, when they were (`takesOutText`).
    private let stretches: UnsafeMutablePointer<TextStretches>?

    /// Parses `html` as a whole document, or as the content of a `<div>` when `fragment` is true, after
    /// `NestingLimiter` has removed start tags nested too deep for gumbo to parse in reasonable time.
    /// With `takesOutText`, long stretches of text are kept out of gumbo's way (`TextStretches`): a
    /// text-heavy page parses several times faster, and its text nodes read the same.
    /// Returns nil only when gumbo fails to allocate.
    init?(html: String, fragment: Bool = false, takesOutText: Bool = false) {
        var html = NestingLimiter.limit(html)
        var taken: TextStretches?
        let (source, length) = html.withUTF8 { page -> (UnsafeMutableBufferPointer<UInt8>, Int) in
            let source = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, page.count))
            var written = 0
            if takesOutText, let stretches = TextStretches(page: page, parsed: source, written: &written) {
                if stretches.count > 0 {
                    taken = stretches
                    return (source, written)
                }
                stretches.deallocate()
            }
            _ = source.initialize(fromContentsOf: page)
            return (source, page.count)
        }
        var parsed = Self.parse(source, length: length, fragment: fragment)
        if let stretches = taken, let output = parsed, !stretches.isComplete(in: output.pointee.document) {
            // The scan misread some markup: a placeholder is not in a text node. The page is parsed whole.
            gz_gumbo_destroy(output)
            _ = source.initialize(fromContentsOf: stretches.original)
            parsed = Self.parse(source, length: stretches.original.count, fragment: fragment)
            stretches.deallocate()
            taken = nil
        }
        guard let parsed else {
            source.deallocate()
            taken?.deallocate()
            return nil
        }
        output = parsed
        self.source = source
        if let taken {
            stretches = .allocate(capacity: 1)
            stretches!.initialize(to: taken)
        } else {
            stretches = nil
        }
    }

    private static func parse(_ source: UnsafeMutableBufferPointer<UInt8>, length: Int,
                              fragment: Bool) -> UnsafeMutablePointer<GumboOutput>? {
        source.withMemoryRebound(to: CChar.self) { chars in
            fragment ? gz_gumbo_parse_fragment(chars.baseAddress, length) : gz_gumbo_parse(chars.baseAddress, length)
        }
    }

    deinit {
        gz_gumbo_destroy(output)
        source.deallocate()
        if let stretches {
            stretches.pointee.deallocate()
            stretches.deinitialize(count: 1)
            stretches.deallocate()
        }
    }

    /// How many stretches of text were kept out of gumbo's way (0 when none were, or the page was parsed
    /// whole after all).
    var takenStretchCount: Int { stretches?.pointee.count ?? 0 }

    /// The `<html>` element (for a fragment, the parent of the fragment's nodes).
    var root: HTMLNode { HTMLNode(raw: output.pointee.root, stretches: UnsafePointer(stretches)) }
}

/// A borrowed view of one gumbo node; valid only while its `HTMLTree` lives.
struct HTMLNode {
    let raw: UnsafeMutablePointer<GumboNode>
    /// The text taken out of the parsed page, which the text of the tree's nodes refers to.
    let stretches: UnsafePointer<TextStretches>?

    var type: GumboNodeType { raw.pointee.type }
    var isElement: Bool { type == GUMBO_NODE_ELEMENT || type == GUMBO_NODE_TEMPLATE }

    /// The element's tag (meaningless for other node types).
    var tag: GumboTag { raw.pointee.v.element.tag }
    var namespace: GumboNamespaceEnum { raw.pointee.v.element.tag_namespace }

    /// Lower-case tag name, also for tags gumbo does not know (taken from the source text).
    var tagName: String {
        if tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(tag) { return String(cString: name) }
        var piece = raw.pointee.v.element.original_tag
        // Elements the parser made up have no source text; gumbo asserts on those.
        guard let start = piece.data, piece.length > 1, start[0] == 0x3C else { return "" }
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "" }
        let bytes = UnsafeRawBufferPointer(start: data, count: piece.length)
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// Children of an element or the document; text nodes have none.
    var childCount: Int {
        switch type {
        case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE: Int(raw.pointee.v.element.children.length)
        case GUMBO_NODE_DOCUMENT: Int(raw.pointee.v.document.children.length)
        default: 0
        }
    }

    func child(_ index: Int) -> HTMLNode {
        let vector = type == GUMBO_NODE_DOCUMENT ? raw.pointee.v.document.children
                                                 : raw.pointee.v.element.children
        return HTMLNode(raw: vector.data[index]!.assumingMemoryBound(to: GumboNode.self), stretches: stretches)
    }

    /// The decoded text of a text, whitespace, CDATA or comment node (entities already decoded by gumbo).
    var text: String { withTextBytes { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the same text as UTF-8 bytes, valid during the call: gumbo's own buffer, or the
    /// page's when the text was taken out of gumbo's way (`TextStretches`); a copy only when a text node
    /// mixes both.
    func withTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let text = raw.pointee.v.text.text!
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
        guard let stretches, memchr(text, Int32(TextStretches.marker.0), bytes.count) != nil else { return body(bytes) }
        if bytes.count == TextStretches.placeholderLength, TextStretches.hasMarker(bytes, at: 0),
           let stretch = stretches.pointee.stretch(at: UnsafeBufferPointer(rebasing: bytes[4...])) {
            return body(stretch)
        }
        var expanded: [UInt8] = []
        expanded.reserveCapacity(bytes.count * 4)
        stretches.pointee.expand(bytes) { expanded.append(contentsOf: $0) }
        return expanded.withUnsafeBufferPointer(body)
    }

    /// The value of attribute `name` (lower case), or nil.
    func attribute(_ name: String) -> String? {
        let attributes = raw.pointee.v.element.attributes
        for index in 0..<Int(attributes.length) {
            let attribute = attributes.data[index]!.assumingMemoryBound(to: GumboAttribute.self)
            if strcmp(attribute.pointee.name, name) == 0 { return String(cString: attribute.pointee.value) }
        }
        return nil
    }

    /// Every attribute as (name, value), in source order.
    var attributes: [(name: String, value: String)] {
        let attributes = raw.pointee.v.element.attributes
        return (0..<Int(attributes.length)).map { index in
            let attribute = attributes.data[index]!.assumingMemoryBound(to: GumboAttribute.self)
            return (String(cString: attribute.pointee.name), String(cString: attribute.pointee.value))
        }
    }

    /// Whether the author hid this element: the `hidden` attribute, `aria-hidden="true"`, or an inline
    /// style with `display: none` / `visibility: hidden`.
    var isHidden: Bool {
        let attributes = raw.pointee.v.element.attributes
        guard attributes.length > 0 else { return false }
        if attribute("hidden") != nil { return true }
        if attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = attribute("style") {
            let compact = style.lowercased().filter { !$0.isWhitespace }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    /// Whether the element holds no text a reader reads, so both readers of the tree (`HTMLReader`, which
    /// renders, and `PageOutline`, which extracts) skip it with its content: SVG and MathML, scripts,
    /// styles, the head, form controls, frames, ruby annotations, column definitions, hidden elements.
    /// Media and embeds are not in it: the renderer shows them as links, extraction drops them itself.
    var holdsNoReadableText: Bool {
        if namespace != GUMBO_NAMESPACE_HTML { return true }
        switch tag {
        case GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HEAD,
             GUMBO_TAG_TITLE, GUMBO_TAG_META, GUMBO_TAG_LINK, GUMBO_TAG_BASE, GUMBO_TAG_INPUT,
             GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_BUTTON, GUMBO_TAG_MAP, GUMBO_TAG_AREA,
             GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR, GUMBO_TAG_COL,
             GUMBO_TAG_COLGROUP, GUMBO_TAG_DATALIST, GUMBO_TAG_FRAMESET, GUMBO_TAG_FRAME,
             GUMBO_TAG_NOFRAMES, GUMBO_TAG_RP, GUMBO_TAG_RT:
            return true
        default:
            return isHidden
        }
    }
}
