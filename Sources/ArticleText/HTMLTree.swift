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

    /// Parses `html` as a whole document, or as the content of a `<div>` when `fragment` is true, after
    /// `NestingLimiter` has removed start tags nested too deep for gumbo to parse in reasonable time.
    /// Returns nil only when gumbo fails to allocate.
    init?(html: String, fragment: Bool = false) {
        var html = NestingLimiter.limit(html)
        let parsed: UnsafeMutablePointer<GumboOutput>? = html.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                fragment ? gz_gumbo_parse_fragment(chars.baseAddress, chars.count)
                         : gz_gumbo_parse(chars.baseAddress, chars.count)
            }
        }
        guard let parsed else { return nil }
        output = parsed
    }

    deinit { gz_gumbo_destroy(output) }

    /// The `<html>` element (for a fragment, the parent of the fragment's nodes).
    var root: HTMLNode { HTMLNode(raw: output.pointee.root) }
}

/// A borrowed view of one gumbo node; valid only while its `HTMLTree` lives.
struct HTMLNode {
    let raw: UnsafeMutablePointer<GumboNode>

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
        return HTMLNode(raw: vector.data[index]!.assumingMemoryBound(to: GumboNode.self))
    }

    /// The decoded text of a text, whitespace, CDATA or comment node (entities already decoded by gumbo).
    var text: String { String(cString: raw.pointee.v.text.text) }

    /// The same text as UTF-8 bytes in gumbo's buffer, valid while the tree lives; no copy.
    var textBytes: UnsafeBufferPointer<UInt8> {
        let text = raw.pointee.v.text.text!
        return UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
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
