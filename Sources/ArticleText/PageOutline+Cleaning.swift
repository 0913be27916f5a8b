import CGumbo

extension PageOutline {
    /// Whether the element at `index`, inside the chosen article, is left out of it: what the pre-pass
    /// removed, the page's title and bylines, and (Readability's "clean conditionally") boxes that look
    /// like furniture by their links, images, list items and form controls rather than their names.
    func isDropped(_ index: Int) -> Bool {
        let entry = entries[index]
        if entry.removed { return true }
        if entry.tag == GUMBO_TAG_H1 { return true }
        if entry.hints.contains(.byline) && entry.textLength < 160 && entry.paragraphs <= 1
            && entry.tag != GUMBO_TAG_P || entry.tag == GUMBO_TAG_ADDRESS && entry.textLength < 160 {
            return true
        }
        switch entry.tag {
        case GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6:
            return rules.weighClasses && entry.weight < 0
        case GUMBO_TAG_FORM, GUMBO_TAG_FIELDSET, GUMBO_TAG_TABLE, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_DIV,
             GUMBO_TAG_SECTION, GUMBO_TAG_HEADER, GUMBO_TAG_DL:
            return rules.cleanConditionally && looksLikeFurniture(index)
        default:
            return false
        }
    }

    /// Readability's `_cleanConditionally` for one box.
    private func looksLikeFurniture(_ index: Int) -> Bool {
        let entry = entries[index]
        let weight = Int(entry.weight)
        if weight + Int(entry.isCandidate ? entry.score : 0) < 0 { return true }
        if entry.textLength == 0 && entry.images == 0 && entry.embeds == 0 { return entry.tag != GUMBO_TAG_TABLE }
        // Text with ten commas or more is prose, whatever surrounds it.
        guard entry.commas < 10 else { return false }
        let paragraphs = Int(entry.paragraphs)
        let images = Int(entry.images)
        let listItems = Int(entry.listItems) - 100  // Readability: lists are often content
        let inputs = Int(entry.inputs)
        let isList = entry.tag == GUMBO_TAG_UL || entry.tag == GUMBO_TAG_OL || entry.tag == GUMBO_TAG_DL
        let length = Int(entry.textLength)
        let headingDensity = length == 0 ? 0 : Double(entry.headingLength) / Double(length)
        let linkDensity = entry.linkDensity
        let inFigure = hasAncestor(index, GUMBO_TAG_FIGURE)
        if images > 1 && Double(paragraphs) / Double(images) < 0.5 && !inFigure { return true }
        if !isList && listItems > paragraphs { return true }
        if inputs > paragraphs / 3 { return true }
        if !isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && !inFigure { return true }
        if !isList && weight < 25 && linkDensity > 0.2 { return true }
        if weight >= 25 && linkDensity > 0.5 { return true }
        if entry.embeds == 1 && length < 75 || entry.embeds > 1 { return true }
        // A list of links (related stories, tags) with little text of its own.
        if isList && linkDensity > 0.6 { return true }
        return false
    }

    func hasAncestor(_ index: Int, _ tag: GumboTag) -> Bool {
        var ancestor = Int(entries[index].parent)
        var levels = 0
        while ancestor >= 0 && levels < 4 {
            if entries[ancestor].tag == tag { return true }
            ancestor = Int(entries[ancestor].parent)
            levels += 1
        }
        return false
    }
}

extension PageOutline {
    /// The captions inside `parts` that repeat `caption` (the lead image's, shown in the header): left out
    /// of the body so the reader does not read it twice.
    func captions(in parts: [Int], matching caption: String?) -> Set<Int> {
        guard let caption, !caption.isEmpty else { return [] }
        let wanted = Self.folded(Array(caption.utf8))
        guard !wanted.isEmpty else { return [] }
        var found: Set<Int> = []
        for part in parts {
            for index in part..<Int(entries[part].end) {
                let tag = entries[index].tag
                guard tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_CAPTION
                    || entries[index].hints.contains(.caption) && !Self.isBlockContainer(entries[index]) else { continue }
                let text = Self.folded(textBytes(of: index))
                if !text.isEmpty && (text == wanted || text.starts(with: wanted) || wanted.starts(with: text)) {
                    found.insert(index)
                }
            }
        }
        return found
    }

    private static func isBlockContainer(_ entry: Entry) -> Bool { entry.paragraphs > 1 }

    /// The text of an element's subtree, as bytes.
    func textBytes(of index: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var stack: [(node: HTMLNode, next: Int)] = [(entries[index].node, 0)]
        while let top = stack.last {
            guard top.next < top.node.childCount else { stack.removeLast(); continue }
            stack[stack.count - 1].next += 1
            let child = top.node.child(top.next)
            switch child.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE:
                child.withTextBytes { bytes.append(contentsOf: $0) }
                bytes.append(0x20)
            case GUMBO_NODE_ELEMENT where !Self.isSkipped(child):
                stack.append((child, 0))
            default:
                break
            }
        }
        return bytes
    }

    /// Lower-cased letters and digits only, so that spacing and punctuation do not stop a match.
    static func folded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for var byte in bytes {
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { out.append(byte) }
        }
        return out
    }
}
