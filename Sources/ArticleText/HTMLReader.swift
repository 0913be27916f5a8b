import TextSafety
import CGumbo

/// The reference reader `StreamingHTMLReader` is tested against (the app renders with the streaming
/// one; DECISIONS.md, "Streaming HTML reader"). Reads HTML into `RichText`: parses with gumbo (HTML5 tree
/// construction, entities decoded), then walks
/// the tree with an explicit stack, so a document nested thousands of levels deep cannot overflow the
/// call stack. Scripts, styles, templates, comments and hidden elements are dropped; every piece of text
/// is sanitised as it is taken from the tree (gumbo's entity decoding is the last decoding step).
enum HTMLReader {
    static func read(html: String, baseURL: String?) -> RichText {
        guard let tree = HTMLTree(html: html) else { return RichText() }
        var walker = Walker(baseURL: baseURL)
        walker.walk(tree.root)
        return walker.builder.finish()
    }

    /// What to do when an element ends.
    fileprivate enum Exit {
        case nothing
        case restoreTraits(TextTraits)
        case flush
        case close(opened: Bool)
        case closeRestoring(opened: Bool, TextTraits)
        case link(number: Int?, TextTraits)
        case preformatted(TextTraits)
        case quotation(TextTraits)
        case headerRows
    }

    /// One element being walked: the node, the next child to visit, and how to end it.
    fileprivate struct Frame {
        let node: HTMLNode
        var nextChild = 0
        let exit: Exit
    }

    fileprivate struct Walker {
        let baseURL: String?
        let resolver: DocumentBase
        var builder = RichTextBuilder()
        var traits: TextTraits = []
        /// Open `<thead>` elements: rows inside are header rows.
        var headerDepth = 0

        init(baseURL: String?) {
            self.baseURL = baseURL
            resolver = DocumentBase(base: baseURL)
        }

        mutating func walk(_ root: HTMLNode) {
            var stack: [Frame] = []
            if let exit = enter(root) { stack.append(Frame(node: root, exit: exit)) }
            while !stack.isEmpty {
                let top = stack.count - 1
                let index = stack[top].nextChild
                if index < stack[top].node.childCount {
                    stack[top].nextChild += 1
                    let child = stack[top].node.child(index)
                    if let exit = enter(child) { stack.append(Frame(node: child, exit: exit)) }
                } else {
                    let frame = stack.removeLast()
                    leave(frame.exit)
                }
            }
        }

        /// Handles the start of a node; returns how to end it if its children are to be visited, or nil
        /// when the node is done (text, skipped elements, void elements).
        mutating func enter(_ node: HTMLNode) -> Exit? {
            switch node.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                // The common case, clean text outside <pre>, is folded straight from gumbo's buffer.
                let folded = node.withTextBytes { bytes in
                    guard builder.preformatted == nil && !Sanitizer.needsCleaning(bytes) else { return false }
                    builder.inline.append(folding: bytes, traits: traits)
                    return true
                }
                if !folded { addText(Sanitizer.clean(node.text)) }
                return nil
            case GUMBO_NODE_ELEMENT:
                return enterElement(node)
            case GUMBO_NODE_DOCUMENT:
                return .nothing
            default:  // comments, templates
                return nil
            }
        }

        mutating func addText(_ text: String) {
            if builder.preformatted != nil {
                builder.preformatted! += text
            } else {
                builder.inline.append(folding: text, traits: traits)
            }
        }

        mutating func addMarker(_ text: String, traits extra: TextTraits = .muted) {
            if builder.preformatted != nil {
                builder.preformatted! += text
            } else {
                builder.inline.append(literal: text, traits: traits.union(extra))
            }
        }

        mutating func withTrait(_ trait: TextTraits) -> Exit {
            let saved = traits
            traits.formUnion(trait)
            return .restoreTraits(saved)
        }

        mutating func enterElement(_ node: HTMLNode) -> Exit? {
            if node.holdsNoReadableText { return nil }
            switch node.tag {
            // Inline styles.
            case GUMBO_TAG_B, GUMBO_TAG_STRONG: return withTrait(.bold)
            case GUMBO_TAG_I, GUMBO_TAG_EM, GUMBO_TAG_CITE, GUMBO_TAG_DFN, GUMBO_TAG_VAR:
                return withTrait(.italic)
            case GUMBO_TAG_ADDRESS:
                builder.flush()
                return .closeRestoring(opened: false, withTraitSaved(.italic))
            case GUMBO_TAG_U, GUMBO_TAG_INS: return withTrait(.underline)
            case GUMBO_TAG_S, GUMBO_TAG_STRIKE, GUMBO_TAG_DEL: return withTrait(.strikethrough)
            case GUMBO_TAG_CODE, GUMBO_TAG_KBD, GUMBO_TAG_SAMP, GUMBO_TAG_TT: return withTrait(.code)
            case GUMBO_TAG_Q:
                addMarker("“", traits: [])
                return .quotation(traits)
            case GUMBO_TAG_A:
                let saved = traits
                guard let href = node.attribute("href"),
                      let url = resolver.resolve(href),
                      let scheme = URLResolver.scheme(of: url), URLResolver.isLinkScheme(scheme)
                else { return .restoreTraits(saved) }
                traits.insert(.link)
                return .link(number: builder.linkNumber(for: url), saved)
            case GUMBO_TAG_BR:
                if builder.preformatted != nil { builder.preformatted! += "\n" }
                else { builder.inline.appendLineBreak(traits: traits) }
                return nil
            case GUMBO_TAG_IMG:
                let alt = Sanitizer.cleanLine(node.attribute("alt") ?? node.attribute("title") ?? "")
                addMarker(alt.isEmpty ? "[image]" : "[image: \(alt)]")
                return nil
            case GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO, GUMBO_TAG_IFRAME, GUMBO_TAG_EMBED, GUMBO_TAG_OBJECT:
                addMedia(node)
                return nil

            // Blocks.
            case GUMBO_TAG_HR:
                builder.flush()
                builder.append(.rule)
                return nil
            case GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_XMP, GUMBO_TAG_PLAINTEXT:
                builder.flush()
                if builder.preformatted != nil { return .nothing }
                builder.preformatted = ""
                return .preformatted(traits)
            case GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6:
                let level = Int(node.tag.rawValue - GUMBO_TAG_H1.rawValue) + 1
                return .close(opened: builder.open(.heading(level: level)))
            case GUMBO_TAG_BLOCKQUOTE:
                return .close(opened: builder.open(.quote))
            case GUMBO_TAG_UL, GUMBO_TAG_MENU, GUMBO_TAG_DIR:
                return .close(opened: builder.open(.list(ordered: false, start: 1)))
            case GUMBO_TAG_OL:
                let start = node.attribute("start").flatMap { Int($0.trimmingSpaces) } ?? 1
                return .close(opened: builder.open(.list(ordered: true, start: start)))
            case GUMBO_TAG_LI:
                return .close(opened: builder.open(.item))
            case GUMBO_TAG_DL:
                return .close(opened: builder.open(.definitions))
            case GUMBO_TAG_DT:
                return .close(opened: builder.open(.term))
            case GUMBO_TAG_DD:
                return .close(opened: builder.open(.detail))
            case GUMBO_TAG_TABLE:
                return .close(opened: builder.open(.table))
            case GUMBO_TAG_TR:
                let opened = builder.open(.row)
                if opened && headerDepth > 0 { builder.markHeaderRow() }
                return .close(opened: opened)
            case GUMBO_TAG_TD:
                return .close(opened: builder.open(.cell(isHeader: false)))
            case GUMBO_TAG_TH:
                return .close(opened: builder.open(.cell(isHeader: true)))
            case GUMBO_TAG_THEAD:
                headerDepth += 1
                return .headerRows
            case GUMBO_TAG_CAPTION, GUMBO_TAG_FIGCAPTION:
                return .close(opened: builder.open(.caption))
            case GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_HEADER,
                 GUMBO_TAG_FOOTER, GUMBO_TAG_MAIN, GUMBO_TAG_NAV, GUMBO_TAG_ASIDE, GUMBO_TAG_CENTER,
                 GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY, GUMBO_TAG_FIELDSET, GUMBO_TAG_LEGEND, GUMBO_TAG_FORM,
                 GUMBO_TAG_FIGURE, GUMBO_TAG_HGROUP, GUMBO_TAG_BODY, GUMBO_TAG_HTML,
                 GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT:
                builder.flush()
                return .flush
            default:
                return .nothing
            }
        }

        mutating func withTraitSaved(_ trait: TextTraits) -> TextTraits {
            let saved = traits
            traits.formUnion(trait)
            return saved
        }

        mutating func leave(_ exit: Exit) {
            switch exit {
            case .nothing:
                break
            case .restoreTraits(let saved):
                traits = saved
            case .flush:
                builder.flush()
            case .close(let opened):
                if opened { builder.close() } else { builder.flush() }
            case .closeRestoring(let opened, let saved):
                if opened { builder.close() } else { builder.flush() }
                traits = saved
            case .link(let number, let saved):
                traits = saved
                if let number { addMarker("[\(number)]") }
            case .preformatted(let saved):
                traits = saved
                if let text = builder.preformatted {
                    builder.preformatted = nil
                    let trimmed = text.trimmingTrailingNewlines
                    if !trimmed.isEmpty { builder.append(.preformatted(trimmed)) }
                }
            case .quotation(let saved):
                traits = saved
                addMarker("”", traits: [])
            case .headerRows:
                headerDepth -= 1
            }
        }

        /// `[video: URL]` / `[audio: URL]` for embedded media, the URL also numbered as a link.
        mutating func addMedia(_ node: HTMLNode) {
            let kind = node.tag == GUMBO_TAG_AUDIO ? "audio" : "video"
            var source = node.attribute("src") ?? node.attribute("data")
            if source == nil {
                for index in 0..<node.childCount {
                    let child = node.child(index)
                    if child.isElement, child.tag == GUMBO_TAG_SOURCE, let src = child.attribute("src") {
                        source = src
                        break
                    }
                }
            }
            // A player is a block of its own, so its marker never runs into the text around it.
            let inPreformatted = builder.preformatted != nil
            if !inPreformatted { builder.flush() }
            if let source, let url = resolver.resolve(source),
               let scheme = URLResolver.scheme(of: url), scheme == "http" || scheme == "https" {
                let number = builder.linkNumber(for: url)
                addMarker("[\(kind): \(url)]")
                addMarker("[\(number)]")
            } else {
                addMarker("[\(kind)]")
            }
            if !inPreformatted { builder.flush() }
        }
    }
}

extension StringProtocol where SubSequence == Substring {
    /// Without the spaces, tabs and newlines at either end.
    var trimmingSpaces: Substring {
        if let first = utf8.first, first > 0x20, let last = utf8.reversed().first, last > 0x20 { return self[...] }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}

extension String {
    /// Without newlines at the end (a `<pre>` often ends with one before `</pre>`).
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" || text.last == " " && text.hasSuffix("\n ") { text.removeLast() }
        return text
    }
}
