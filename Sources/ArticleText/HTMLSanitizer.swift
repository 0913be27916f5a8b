import CGumbo

/// Makes an HTML fragment from a feed (summary, content) safe to store and to render: parses it as
/// HTML5 (gumbo, fragment mode) and writes back only allow-listed elements and attributes.
///
/// Dropped with their content: `script`, `style`, `noscript`, `template`, `iframe`, `frame`, `embed`,
/// `param`, `head`, `meta`, `link`, `base`, SVG and MathML, comments. Dropped, content kept: every element
/// not on the allow list (`form`, `object` and `applet` whose content is their fallback, `font`, `blink`,
/// unknown tags). Attributes: only the
/// allow list (so no `on*` handler), URL attributes resolved against the base URL and kept only for safe
/// schemes (`data:` only for raster images in `img src`), `style` reduced to harmless declarations. Text is
/// sanitised (`Sanitizer.clean`) and re-escaped; void elements are written `<br />`.
public enum HTMLSanitizer {
    /// The safe fragment for `html`; relative `href`/`src` (and other URL attributes) are made absolute
    /// against `baseURL` when one is given.
    public static func sanitize(html: String, baseURL: String?) -> String {
        guard html.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) else {
            return escapeText(Sanitizer.clean(html))
        }
        guard let tree = HTMLTree(html: html, fragment: true) else { return "" }
        var out = ""
        out.reserveCapacity(html.utf8.count)
        // (node, next child); a nil node marks "write the end tag of this element" via `closing`.
        var stack: [(node: HTMLNode, next: Int, closing: String?)] = [(tree.root, 0, nil)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let (node, index, closing) = stack[top]
            guard index < node.childCount else {
                if let closing { out += "</\(closing)>" }
                stack.removeLast()
                continue
            }
            stack[top].next += 1
            let child = node.child(index)
            switch child.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                out += escapeText(Sanitizer.clean(child.text))
            case GUMBO_NODE_ELEMENT:
                guard child.namespace == GUMBO_NAMESPACE_HTML else { continue }
                let name = child.tagName
                if droppedWithContent.contains(name) { continue }
                guard allowedElements.contains(name) else {
                    stack.append((child, 0, nil))  // unwrap: keep the children
                    continue
                }
                out += "<" + name
                for (attribute, value) in child.attributes {
                    if let kept = keep(attribute: attribute, value: value, element: name, baseURL: baseURL) {
                        out += " \(attribute)=\"\(escapeAttribute(kept))\""
                    }
                }
                if voidElements.contains(name) {
                    out += " />"
                    continue
                }
                out += ">"
                // The parser drops a newline right after <pre>; write it back so the text is unchanged.
                if name == "pre" || name == "textarea" || name == "listing", child.childCount > 0 {
                    let first = child.child(0)
                    if first.type != GUMBO_NODE_ELEMENT, first.text.hasPrefix("\n") { out += "\n" }
                }
                stack.append((child, 0, name))
            default:
                continue  // comments, templates, document nodes
            }
        }
        return out
    }

    /// The value to keep for `attribute` on `element`, or nil to drop the attribute.
    static func keep(attribute: String, value: String, element: String, baseURL: String?) -> String? {
        guard allowedAttributes.contains(attribute) else { return nil }
        let value = Sanitizer.clean(value)
        if urlAttributes.contains(attribute) {
            return safeReference(value, element: element, attribute: attribute, baseURL: baseURL)
        }
        if attribute == "style" {
            let style = CSSFilter.filter(value)
            return style.isEmpty ? nil : style
        }
        return value
    }

    /// A URL attribute's value made absolute and checked against the scheme allow list.
    static func safeReference(_ value: String, element: String, attribute: String, baseURL: String?) -> String? {
        let trimmed = value.trimmingSpaces
        if trimmed.isEmpty { return baseURL == nil ? "" : URLResolver.resolve("", against: baseURL) }
        if let scheme = URLResolver.scheme(of: String(trimmed)) {
            if scheme == "data" {
                let lower = trimmed.lowercased()
                let rasterImage = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                    .contains { lower.hasPrefix($0) }
                return element == "img" && attribute == "src" && rasterImage ? String(trimmed) : nil
            }
            guard allowedSchemes.contains(scheme) else { return nil }
            return URLResolver.resolve(String(trimmed), against: nil) ?? String(trimmed)
        }
        // Relative: resolve when there is a base, else keep it relative.
        guard baseURL != nil else {
            // "java\tscript:" or similar tricks have a scheme once tabs/newlines are removed.
            let compact = String(trimmed).filter { $0 != "\t" && $0 != "\n" }
            if URLResolver.scheme(of: compact) != nil { return nil }
            return String(trimmed)
        }
        guard let resolved = URLResolver.resolve(String(trimmed), against: baseURL),
              let scheme = URLResolver.scheme(of: resolved), allowedSchemes.contains(scheme) else { return nil }
        return resolved
    }

    static func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    static func escapeAttribute(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        return escapeText(text).replacingAll("\"", with: "&quot;")
    }

    static let droppedWithContent: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "noframes", "embed", "head",
        "meta", "link", "base", "param", "svg", "math", "input", "button", "isindex", "xmp", "plaintext",
        "noembed",
    ]

    static let allowedElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "big", "blockquote",
        "br", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid", "datalist",
        "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "fieldset", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd",
        "label", "legend", "li", "m", "map", "mark", "menu", "meter", "multicol", "nav", "ol", "optgroup",
        "option", "output", "p", "pre", "progress", "q", "s", "samp", "section", "select", "small", "source",
        "spacer", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "textarea",
        "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr",
    ]

    static let voidElements: Set<String> = [
        "area", "br", "col", "command", "hr", "img", "source", "spacer", "wbr", "track",
    ]

    static let allowedAttributes: Set<String> = [
        "abbr", "accept", "accept-charset", "accesskey", "align", "alt", "autocomplete", "autofocus", "autoplay",
        "axis", "background", "balance", "bgcolor", "bgproperties", "border", "bordercolor", "bordercolordark",
        "bordercolorlight", "bottompadding", "cellpadding", "cellspacing", "ch", "challenge", "char", "charoff",
        "charset", "checked", "choff", "cite", "class", "clear", "color", "cols", "colspan", "compact",
        "contenteditable", "controls", "coords", "data", "datafld", "datapagesize", "datasrc", "datetime",
        "default", "delay", "dir", "disabled", "draggable", "dynsrc", "enctype", "end", "face", "for", "form",
        "frame", "galleryimg", "gutter", "headers", "height", "hidefocus", "hidden", "high", "href", "hreflang",
        "hspace", "icon", "id", "inputmode", "ismap", "keytype", "label", "lang", "leftspacing", "list",
        "longdesc", "loop", "loopcount", "loopend", "loopstart", "low", "lowsrc", "max", "maxlength", "media",
        "method", "min", "multiple", "name", "nohref", "noshade", "nowrap", "open", "optimum", "pattern", "ping",
        "point-size", "poster", "pqg", "preload", "prompt", "radiogroup", "readonly", "rel", "repeat-max",
        "repeat-min", "replace", "required", "rev", "rightspacing", "rows", "rowspan", "rules", "scope",
        "selected", "shape", "size", "span", "src", "srclang", "start", "step", "style", "summary", "suppress",
        "tabindex", "target", "template", "title", "toppadding", "type", "unselectable", "urn", "usemap",
        "valign", "value", "variable", "volume", "vrml", "vspace", "width", "wrap", "xml:lang",
    ]

    /// Attributes whose value is a URL.
    static let urlAttributes: Set<String> = [
        "href", "src", "cite", "longdesc", "lowsrc", "dynsrc", "background", "poster", "usemap", "action",
        "data", "datasrc", "icon",
    ]

    static let allowedSchemes: Set<String> = [
        "http", "https", "mailto", "ftp", "ftps", "news", "nntp", "tel", "xmpp", "irc", "ircs", "magnet", "feed",
    ]
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free, for the few hot paths here).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
