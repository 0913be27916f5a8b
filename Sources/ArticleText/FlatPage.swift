import CGumbo
import Foundation
import TextSafety

/// A page's gumbo tree as one array in document order (elements and text), each entry knowing its parent
/// and where its subtree ends, so the comment finders can walk, skip and look upward without recursion
/// (a 256-deep thread must not exhaust a small thread stack). Valid only while its `HTMLTree` lives.
struct FlatPage {
    struct Entry {
        let node: HTMLNode
        let isText: Bool
        let parent: Int
        /// One past the last entry of the subtree.
        var end: Int
    }

    /// A link of the page: its `href` and its visible text.
    struct Link { let href: String; let text: String }

    /// One visual line of text: what sits between two block boundaries.
    struct Line {
        var text: String
        /// How many of its non-space bytes are inside links.
        var linkCharacters = 0
        var characters = 0
        var inHeading = false
        /// The `href` of the (last) link on the line.
        var href: String?
        /// A `<time datetime>` on the line.
        var datetime: String?
        /// Whether the whole line is link text.
        var isLink: Bool { characters > 0 && linkCharacters >= characters }
        var words: Int { text.split(separator: " ").count }
    }

    private(set) var entries: [Entry] = []
    private(set) var links: [Link] = []
    private(set) var structuredData: [String] = []
    /// The page's address, for telling its own links from others.
    let url: String?

    init(root: HTMLNode, url: String? = nil) {
        self.url = url
        entries.reserveCapacity(2048)
        var stack: [(node: HTMLNode, next: Int, index: Int)] = [(root, 0, 0)]
        entries.append(Entry(node: root, isText: false, parent: -1, end: 0))
        while let top = stack.last {
            guard top.next < top.node.childCount else {
                entries[top.index].end = entries.count
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let child = top.node.child(top.next)
            switch child.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE:
                entries.append(Entry(node: child, isText: true, parent: top.index, end: entries.count + 1))
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                readStructuredData(child)
                if child.tag == GUMBO_TAG_HEAD {
                    for index in 0..<child.childCount where child.child(index).isElement { readStructuredData(child.child(index)) }
                }
                // Microdata keeps values in <meta itemprop content>, which has no text to skip.
                let isMicrodata = child.tag == GUMBO_TAG_META && child.attribute("itemprop") != nil
                if !isMicrodata && PageOutline.isSkipped(child) || child.tag == GUMBO_TAG_NAV { continue }
                entries.append(Entry(node: child, isText: false, parent: top.index, end: 0))
                stack.append((child, 0, entries.count - 1))
            default:
                continue
            }
        }
        for index in entries.indices where !entries[index].isText && entries[index].node.tag == GUMBO_TAG_A {
            if let href = entries[index].node.attribute("href") {
                links.append(Link(href: href, text: lines(in: index).map(\.text).joined(separator: " ")))
            }
        }
    }

    /// Keeps the text of a JSON-LD script.
    private mutating func readStructuredData(_ node: HTMLNode) {
        if node.tag == GUMBO_TAG_SCRIPT, node.attribute("type")?.lowercased().contains("ld+json") == true,
           node.childCount > 0 {
            structuredData.append(node.child(0).text)
        }
    }

    subscript(index: Int) -> Entry { entries[index] }
    var count: Int { entries.count }

    /// The element children of entry `index`.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < entries[index].end {
            if !entries[child].isText { result.append(child) }
            child = entries[child].end
        }
        return result
    }

    /// Whether the element's `class` has the word `token`.
    func hasClass(_ index: Int, _ token: String) -> Bool {
        guard let value = entries[index].node.attribute("class") else { return false }
        return value.lowercased().split(whereSeparator: \.isWhitespace).contains { $0 == token }
    }

    /// Whether `index` or one of its ancestors has `word` in its `id` or `class`.
    func isMarked(_ index: Int, _ word: String) -> Bool {
        var current = index
        while current >= 0 {
            let node = entries[current].node
            for name in ["id", "class"] where node.attribute(name)?.lowercased().contains(word) == true { return true }
            current = entries[current].parent
        }
        return false
    }

    /// The first element under `index` (itself excluded) that matches, not looking inside `stop` subtrees.
    func first(under index: Int, where matches: (Int) -> Bool, stop: (Int) -> Bool = { _ in false }) -> Int? {
        var current = index + 1
        while current < entries[index].end {
            if entries[current].isText { current += 1; continue }
            if matches(current) { return current }
            current = stop(current) ? entries[current].end : current + 1
        }
        return nil
    }

    /// Whether the page says its comments are closed ("Commenting for this story is now closed.").
    var saysCommentsClosed: Bool {
        lines(in: 0).contains { line in
            let text = line.text.lowercased()
            guard line.words <= 20, let range = text.range(of: "comment") else { return false }
            return text[range.upperBound...].contains("closed")
        }
    }

    /// The lines of text under `index`, leaving out the subtrees `skip` names.
    func lines(in index: Int, skip: (Int) -> Bool = { _ in false }) -> [Line] {
        var result: [Line] = []
        var current = Line(text: "")
        var blockEnds: [Int] = []
        var linkEnds: [(end: Int, href: String?)] = []
        var headingEnds: [Int] = []
        func flush() {
            let text = Sanitizer.cleanLine(current.text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !text.isEmpty { current.text = text; result.append(current) }
            current = Line(text: "")
        }
        var position = index + 1
        let end = entries[index].end
        while position < end {
            while let last = blockEnds.last, last <= position { flush(); blockEnds.removeLast() }
            while let last = linkEnds.last, last.end <= position { linkEnds.removeLast() }
            while let last = headingEnds.last, last <= position { headingEnds.removeLast() }
            let entry = entries[position]
            if entry.isText {
                let text = entry.node.text
                // Bytes, not characters: only ratios and emptiness are asked of these counts.
                let visible = entry.node.withTextBytes { bytes in
                    bytes.reduce(0) { count, byte in count + (byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 0 : 1) }
                }
                current.text += text
                current.characters += visible
                if let link = linkEnds.last { current.linkCharacters += visible; current.href = link.href }
                if !headingEnds.isEmpty && visible > 0 { current.inHeading = true }
                position += 1
                continue
            }
            if skip(position) { flush(); position = entry.end; continue }
            let tag = entry.node.tag
            if tag == GUMBO_TAG_BR { flush() }
            if PageOutline.isBlock(tag) { flush(); blockEnds.append(entry.end) }
            switch tag {
            case GUMBO_TAG_A: linkEnds.append((entry.end, entry.node.attribute("href")))
            case GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6:
                headingEnds.append(entry.end)
            case GUMBO_TAG_TIME:
                if let datetime = entry.node.attribute("datetime") { current.datetime = datetime }
            default: break
            }
            position += 1
        }
        flush()
        return result
    }
}
