import CGumbo

/// One-line text from fields that may hold markup: headlines, comment authors, feed names.
public enum InlineText {
    /// `html` with its markup removed, entities decoded, sanitised and white space folded to single
    /// spaces: `"Tom &amp; <b>Jerry</b>"` becomes `"Tom & Jerry"`. Text without `<` or `&` skips the
    /// HTML parser, which keeps a headline list of thousands of rows cheap.
    public static func plain(fromHTML html: String) -> String {
        guard html.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) else { return Sanitizer.cleanLine(html) }
        guard let tree = HTMLTree(html: html, fragment: true) else { return Sanitizer.cleanLine(html) }
        var text = ""
        var stack: [(node: HTMLNode, next: Int)] = [(tree.root, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let (node, index) = stack[top]
            guard index < node.childCount else { stack.removeLast(); continue }
            stack[top].next += 1
            let child = node.child(index)
            if child.isElement {
                if child.isHidden { continue }
                if blockTags.contains(child.tag.rawValue) { text += " " }  // <p>a</p><p>b</p> is "a b"
                if child.tag == GUMBO_TAG_BR || child.tag == GUMBO_TAG_HR { continue }
                switch child.tag {
                case GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE: continue
                case GUMBO_TAG_IMG:
                    if let alt = child.attribute("alt"), !alt.isEmpty { text += alt }
                    continue
                default:
                    if child.namespace == GUMBO_NAMESPACE_HTML { stack.append((child, 0)) }
                }
            } else if child.type == GUMBO_NODE_TEXT || child.type == GUMBO_NODE_WHITESPACE
                        || child.type == GUMBO_NODE_CDATA {
                text += child.text
            }
        }
        return Sanitizer.cleanLine(text)
    }

    /// Elements whose edges separate words.
    private static let blockTags: Set<UInt32> = Set([
        GUMBO_TAG_BR, GUMBO_TAG_HR, GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_LI, GUMBO_TAG_TD, GUMBO_TAG_TH,
        GUMBO_TAG_TR, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6,
        GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_DD,
        GUMBO_TAG_PRE, GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_TABLE, GUMBO_TAG_FIGURE,
        GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER,
    ].map(\.rawValue))
}
