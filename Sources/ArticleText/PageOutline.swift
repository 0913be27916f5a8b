import CGumbo

/// A web page's elements as a flat array in document order, with the text statistics reader mode scores
/// them by: how much text each holds, how much of it is link text, its commas, paragraphs, images.
///
/// Element `i`'s descendants are the elements `i+1 ..< end(i)`, so a subtree is a range and a walk of the
/// gumbo tree can find any element's entry by counting (`ArticleWriter` does). Elements that can hold no
/// article text (scripts, styles, forms controls, SVG, hidden ones) are left out with their subtrees; the
/// writer skips exactly the same ones (`PageOutline.isSkipped`).
struct PageOutline {
    /// One element and its statistics (subtree totals unless named `own`).
    struct Entry {
        let node: HTMLNode
        let tag: GumboTag
        let parent: Int32
        /// One past the last descendant.
        var end: Int32 = 0
        /// Visible characters (Unicode scalars, each whitespace run counted once).
        var textLength: Int32 = 0
        /// Characters inside links.
        var linkLength: Int32 = 0
        var commas: Int32 = 0
        /// Text of this element that is not inside a child block: what a paragraph holds.
        var ownLength: Int32 = 0
        var ownLinkLength: Int32 = 0
        var ownCommas: Int32 = 0
        var paragraphs: Int32 = 0
        var images: Int32 = 0
        var listItems: Int32 = 0
        var inputs: Int32 = 0
        var embeds: Int32 = 0
        var headingLength: Int32 = 0
        /// Class and id hint, from −50 to +50 (`ClassHints.weight`).
        var weight: Int16 = 0
        var hints: ClassHints.Found = []
        /// Dropped from the article by the pre-pass (unlikely candidate, navigation, hidden by role).
        var removed = false
        /// Readability's content score, accumulated from the paragraphs below.
        var score: Double = 0
        var isCandidate = false

        /// Share of the text that is link text; `#` links were already weighed down when counted.
        var linkDensity: Double { textLength == 0 ? 0 : Double(linkLength) / Double(textLength) }
    }

    /// What the outline drops before scoring; relaxed step by step when the article comes out too short.
    struct Rules {
        var stripUnlikely = true
        var weighClasses = true
        var cleanConditionally = true
    }

    var entries: [Entry] = []
    let rules: Rules
    /// The `<body>` element's index, or 0.
    private(set) var body = 0

    /// Builds the outline of everything under `root`.
    init(root: HTMLNode, rules: Rules) {
        self.rules = rules
        entries.reserveCapacity(1024)
        build(root)
    }

    subscript(index: Int) -> Entry { entries[index] }
    var count: Int { entries.count }

    /// Elements skipped with their content both here and by the writer: those with no readable text
    /// (`HTMLNode.holdsNoReadableText`, the renderer's rule too), and embeds, canvases and stray options,
    /// which an extracted article leaves out.
    static func isSkipped(_ node: HTMLNode) -> Bool {
        if node.holdsNoReadableText { return true }
        switch node.tag {
        case GUMBO_TAG_OPTION, GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED, GUMBO_TAG_IFRAME, GUMBO_TAG_CANVAS: return true
        default: return false
        }
    }

    /// Elements that end a run of text: what sits between two of them is one paragraph.
    static func isBlock(_ tag: GumboTag) -> Bool {
        switch tag {
        case GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN, GUMBO_TAG_HEADER,
             GUMBO_TAG_FOOTER, GUMBO_TAG_NAV, GUMBO_TAG_ASIDE, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_LI,
             GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_DD, GUMBO_TAG_TABLE, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH,
             GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_CAPTION, GUMBO_TAG_BLOCKQUOTE,
             GUMBO_TAG_PRE, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6,
             GUMBO_TAG_FIGURE, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FORM, GUMBO_TAG_HR, GUMBO_TAG_ADDRESS,
             GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY, GUMBO_TAG_CENTER, GUMBO_TAG_FIELDSET, GUMBO_TAG_BODY,
             GUMBO_TAG_HTML, GUMBO_TAG_HGROUP, GUMBO_TAG_MENU:
            return true
        default:
            return false
        }
    }

    private mutating func build(_ root: HTMLNode) {
        // (entry index, next child); text is counted into the innermost block and every link above it.
        var stack: [(index: Int, next: Int)] = []
        var blockStack: [Int] = []
        var linkDepth = 0
        var linkWeight: [Int32] = []
        guard root.isElement else { return }
        open(root, parent: -1, stack: &stack, blockStack: &blockStack, linkDepth: &linkDepth, linkWeight: &linkWeight)
        while let top = stack.last {
            let node = entries[top.index].node
            if top.next < node.childCount {
                stack[stack.count - 1].next += 1
                let child = node.child(top.next)
                switch child.type {
                case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE:
                    let block = blockStack.last ?? top.index
                    let weight = linkWeight.last ?? 1
                    child.withTextBytes { count($0, into: block, inLink: linkDepth > 0, linkWeight: weight) }
                case GUMBO_NODE_ELEMENT:
                    if Self.isSkipped(child) { continue }
                    open(child, parent: top.index, stack: &stack, blockStack: &blockStack, linkDepth: &linkDepth,
                         linkWeight: &linkWeight)
                default:
                    break
                }
            } else {
                stack.removeLast()
                close(top.index, blockStack: &blockStack, linkDepth: &linkDepth, linkWeight: &linkWeight)
            }
        }
    }

    private mutating func open(_ node: HTMLNode, parent: Int, stack: inout [(index: Int, next: Int)],
                               blockStack: inout [Int], linkDepth: inout Int, linkWeight: inout [Int32]) {
        let index = entries.count
        var entry = Entry(node: node, tag: node.tag, parent: Int32(parent))
        let hints = ClassHints(node)
        entry.hints = hints.found
        if rules.weighClasses { entry.weight = hints.weight }
        let parentRemoved = parent >= 0 && entries[parent].removed
        entry.removed = parentRemoved || isUnwanted(node, hints: hints, parent: parent)
        switch node.tag {
        case GUMBO_TAG_BODY: body = index
        case GUMBO_TAG_A:
            linkDepth += 1
            // Readability: in-page links ("#...") count for less, as tables of contents are part of articles.
            let href = node.attribute("href") ?? ""
            linkWeight.append(href.hasPrefix("#") ? 3 : 10)
        case GUMBO_TAG_IMG: entry.images = 1
        case GUMBO_TAG_LI: entry.listItems = 1
        case GUMBO_TAG_P: entry.paragraphs = 1
        case GUMBO_TAG_INPUT, GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_BUTTON: entry.inputs = 1
        case GUMBO_TAG_EMBED, GUMBO_TAG_OBJECT, GUMBO_TAG_IFRAME, GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO: entry.embeds = 1
        default: break
        }
        entries.append(entry)
        stack.append((index, 0))
        if Self.isBlock(node.tag) { blockStack.append(index) }
    }

    private mutating func close(_ index: Int, blockStack: inout [Int], linkDepth: inout Int,
                                linkWeight: inout [Int32]) {
        entries[index].end = Int32(entries.count)
        let tag = entries[index].tag
        if Self.isBlock(tag) { blockStack.removeLast() }
        if tag == GUMBO_TAG_A {
            linkDepth -= 1
            linkWeight.removeLast()
        }
        if tag.rawValue >= GUMBO_TAG_H1.rawValue && tag.rawValue <= GUMBO_TAG_H6.rawValue {
            entries[index].headingLength = entries[index].textLength
        }
        let parent = Int(entries[index].parent)
        guard parent >= 0 else { return }
        let child = entries[index]
        entries[parent].textLength += child.textLength
        entries[parent].linkLength += child.linkLength
        entries[parent].commas += child.commas
        entries[parent].paragraphs += child.paragraphs
        entries[parent].images += child.images
        entries[parent].listItems += child.listItems
        entries[parent].inputs += child.inputs
        entries[parent].embeds += child.embeds
        entries[parent].headingLength += child.headingLength
    }

    /// Counts one text node into the element `block` (its paragraph): characters, link characters, commas.
    private mutating func count(_ bytes: UnsafeBufferPointer<UInt8>, into block: Int, inLink: Bool, linkWeight: Int32) {
        var length: Int32 = 0
        var commas: Int32 = 0
        var inSpace = true
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if !inSpace { length += 1; inSpace = true }
            } else {
                if byte & 0xC0 != 0x80 { length += 1 }
                inSpace = false
                if byte == 0x2C { commas += 1 }
                // "，" (EF BC 8C), "、" (E3 80 81), "،" (D8 8C)
                else if byte == 0x8C && previous == 0xBC && beforePrevious == 0xEF { commas += 1 }
                else if byte == 0x81 && previous == 0x80 && beforePrevious == 0xE3 { commas += 1 }
                else if byte == 0x8C && previous == 0xD8 { commas += 1 }
            }
            beforePrevious = previous
            previous = byte
        }
        guard length > 0 else { return }
        entries[block].ownLength += length
        entries[block].textLength += length
        entries[block].ownCommas += commas
        entries[block].commas += commas
        if inLink {
            let weighted = length * linkWeight / 10
            entries[block].ownLinkLength += weighted
            entries[block].linkLength += weighted
        }
    }

    /// Whether the pre-pass drops `node`: page furniture by tag or ARIA role, and (Readability's first
    /// step) elements whose class or id says they are not the article.
    private func isUnwanted(_ node: HTMLNode, hints: ClassHints, parent: Int) -> Bool {
        switch node.tag {
        case GUMBO_TAG_NAV, GUMBO_TAG_ASIDE, GUMBO_TAG_FOOTER:
            return true
        case GUMBO_TAG_BODY, GUMBO_TAG_HTML, GUMBO_TAG_A, GUMBO_TAG_MAIN:
            return false
        default:
            break
        }
        if let role = node.attribute("role") {
            switch role {
            case "navigation", "menu", "menubar", "complementary", "alert", "alertdialog", "dialog", "banner",
                 "contentinfo", "search":
                return true
            default:
                break
            }
        }
        // Furniture (comments, share bars, cookie banners) goes whatever the rules; Readability's broader
        // "unlikely" words give way to "content"-like ones and never apply inside tables (layout tables
        // carry odd class names).
        if hints.found.contains(.furniture) { return true }
        guard rules.stripUnlikely else { return false }
        guard hints.found.contains(.unlikely), !hints.found.contains(.maybe), node.tag != GUMBO_TAG_ARTICLE
        else { return false }
        var ancestor = parent
        while ancestor >= 0 {
            let tag = entries[ancestor].tag
            if tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_CODE { return false }
            ancestor = Int(entries[ancestor].parent)
        }
        return true
    }
}
