import CGumbo
import TextSafety

/// Writes the chosen parts of a page, less what `PageOutline.isDropped` leaves out, as plain text
/// (paragraphs separated by blank lines) and, when asked, as an HTML fragment of the elements an article
/// needs (paragraphs, headings, lists, quotes, code, figures, tables, links, images). The HTML is safe as
/// written: only those elements, text sanitised and escaped, links resolved against the page and kept only
/// for the link schemes, images only over http(s).
struct ArticleWriter {
    private(set) var text: [UInt8] = []
    private(set) var html: [UInt8] = []
    let writesHTML: Bool
    /// The page's address, for relative links and images.
    let baseURL: String?
    /// Outline entries to leave out besides the dropped ones (a caption already shown in the header).
    var excluded: Set<Int> = []

    private var paragraph: [UInt8] = []
    private var pendingSpace = false
    private var preformatted = 0
    /// Open figures holding an image or a player: their captions stay in the HTML, next to the picture,
    /// but not in the plain text, which has no pictures to caption.
    private var figures = 0

    init(writesHTML: Bool, baseURL: String?) { self.writesHTML = writesHTML; self.baseURL = baseURL }

    /// Writes the outline entries `parts` (subtrees) in order.
    mutating func write(_ parts: [Int], of outline: PageOutline) {
        for part in parts where !outline.isDropped(part) || parts.count == 1 {
            walk(part, of: outline)
        }
        flushParagraph()
    }

    private enum Close {
        case element(GumboTag, block: Bool, htmlName: StaticString?, figure: Bool = false)
    }

    private mutating func walk(_ start: Int, of outline: PageOutline) {
        // (node, next child, outline index of the node); outline indices of children are found by counting.
        var stack: [(node: HTMLNode, next: Int, close: Close)] = []
        var counter = start + 1
        stack.append((outline[start].node, 0, open(outline[start].node, figure: false)))
        while let top = stack.last {
            if top.next < top.node.childCount {
                stack[stack.count - 1].next += 1
                let child = top.node.child(top.next)
                switch child.type {
                case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE:
                    child.withTextBytes { addText($0) }
                case GUMBO_NODE_ELEMENT:
                    if PageOutline.isSkipped(child) { continue }
                    let index = counter
                    if outline.isDropped(index) || excluded.contains(index) {
                        counter = Int(outline[index].end)
                        continue
                    }
                    counter += 1
                    let isFigure = child.tag == GUMBO_TAG_FIGURE && (outline[index].images > 0 || outline[index].embeds > 0)
                    stack.append((child, 0, open(child, figure: isFigure)))
                default:
                    break
                }
            } else {
                stack.removeLast()
                close(top.close)
            }
        }
    }

    /// The tag written for an element, or nil for elements whose content is kept without them.
    private static func htmlName(_ tag: GumboTag) -> StaticString? {
        switch tag {
        case GUMBO_TAG_P: "p"
        case GUMBO_TAG_H2: "h2"
        case GUMBO_TAG_H3: "h3"
        case GUMBO_TAG_H4: "h4"
        case GUMBO_TAG_H5: "h5"
        case GUMBO_TAG_H6: "h6"
        case GUMBO_TAG_UL: "ul"
        case GUMBO_TAG_OL: "ol"
        case GUMBO_TAG_LI: "li"
        case GUMBO_TAG_DL: "dl"
        case GUMBO_TAG_DT: "dt"
        case GUMBO_TAG_DD: "dd"
        case GUMBO_TAG_BLOCKQUOTE: "blockquote"
        case GUMBO_TAG_PRE: "pre"
        case GUMBO_TAG_CODE: "code"
        case GUMBO_TAG_EM, GUMBO_TAG_I: "em"
        case GUMBO_TAG_STRONG, GUMBO_TAG_B: "strong"
        case GUMBO_TAG_SUB: "sub"
        case GUMBO_TAG_SUP: "sup"
        case GUMBO_TAG_A: "a"
        case GUMBO_TAG_FIGURE: "figure"
        case GUMBO_TAG_FIGCAPTION: "figcaption"
        case GUMBO_TAG_TABLE: "table"
        case GUMBO_TAG_THEAD: "thead"
        case GUMBO_TAG_TBODY: "tbody"
        case GUMBO_TAG_TR: "tr"
        case GUMBO_TAG_TD: "td"
        case GUMBO_TAG_TH: "th"
        case GUMBO_TAG_CAPTION: "caption"
        default: PageOutline.isBlock(tag) ? "div" : nil
        }
    }

    private mutating func open(_ node: HTMLNode, figure: Bool) -> Close {
        let tag = node.tag
        let block = PageOutline.isBlock(tag)
        if block { flushParagraph() }
        if figure { figures += 1 }
        if tag == GUMBO_TAG_PRE { preformatted += 1 }
        if tag == GUMBO_TAG_BR {
            if preformatted == 0 { paragraph.append(0x0A); pendingSpace = false }
            if writesHTML { html.append(contentsOf: "<br>".utf8) }
            return .element(tag, block: false, htmlName: nil, figure: figure)
        }
        if tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH { pendingSpace = !paragraph.isEmpty }
        guard writesHTML else { return .element(tag, block: block, htmlName: nil, figure: figure) }
        if tag == GUMBO_TAG_IMG {
            writeImage(node)
            return .element(tag, block: false, htmlName: nil)
        }
        let name = Self.htmlName(tag)
        if let name {
            html.append(0x3C)
            html.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            if tag == GUMBO_TAG_A, let href = URLResolver.cleanLink(node.attribute("href"), base: baseURL) {
                writeAttribute("href", href)
            }
            if tag == GUMBO_TAG_OL, let start = node.attribute("start").flatMap({ Int($0) }) {
                writeAttribute("start", String(start))
            }
            html.append(0x3E)
        }
        return .element(tag, block: block, htmlName: name, figure: figure)
    }

    private mutating func close(_ close: Close) {
        switch close {
        case .element(let tag, let block, let name, let figure):
            if tag == GUMBO_TAG_PRE { preformatted -= 1 }
            if block { flushParagraph() }
            if figure { figures -= 1 }
            if tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH { pendingSpace = !paragraph.isEmpty }
            if writesHTML, let name {
                html.append(contentsOf: "</".utf8)
                html.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
                html.append(0x3E)
            }
        }
    }

    /// Lazy-loading pages put the real address in `data-src`; the `src` is then a placeholder.
    private mutating func writeImage(_ node: HTMLNode) {
        guard let source = node.attribute("data-src") ?? node.attribute("src") else { return }
        let resolved = URLResolver.resolve(source, against: baseURL)
        guard let scheme = URLResolver.scheme(of: resolved), scheme == "http" || scheme == "https" else { return }
        html.append(contentsOf: "<img".utf8)
        writeAttribute("src", resolved)
        if let alt = node.attribute("alt") { writeAttribute("alt", Sanitizer.cleanLine(alt)) }
        html.append(0x3E)
    }

    private mutating func writeAttribute(_ name: String, _ value: String) {
        html.append(0x20)
        html.append(contentsOf: name.utf8)
        html.append(contentsOf: "=\"".utf8)
        EntityText.escape(value, into: &html)
        html.append(0x22)
    }

    private mutating func addText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if writesHTML { EntityText.escape(Sanitizer.clean(String(decoding: bytes, as: UTF8.self)), into: &html) }
        if figures > 0 { return }
        if preformatted > 0 {
            paragraph.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = !paragraph.isEmpty && paragraph.last != 0x0A
            } else {
                if pendingSpace { paragraph.append(0x20); pendingSpace = false }
                paragraph.append(byte)
            }
        }
    }

    private mutating func flushParagraph() {
        pendingSpace = false
        while let last = paragraph.last, last == 0x0A || last == 0x20 { paragraph.removeLast() }
        guard !paragraph.isEmpty else { return }
        if !text.isEmpty { text.append(contentsOf: [0x0A, 0x0A]) }
        text.append(contentsOf: paragraph)
        paragraph.removeAll(keepingCapacity: true)
    }
}
