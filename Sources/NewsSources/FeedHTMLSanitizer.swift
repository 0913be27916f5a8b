/// The allow-list HTML sanitiser for feed summaries and bodies, on the refresh path. It streams over the
/// parser's own HTML tokens instead of building an HTML5 tree (gumbo parses ~10 MB/s, too slow for a 70 MB
/// feed; see DECISIONS.md). What it lets through is drawn later by ArticleText, which drops anything it does
/// not know again. Iframes, frames, objects and embeds lose their tags (nothing is ever loaded) but keep
/// their fallback content, as feedparser does.
///
/// Policy: elements outside the allow-list lose their tags but keep their text; script, style, applets and
/// form controls are removed with their content; attributes outside the allow-list
/// (every `on*` handler, `style`) are dropped; URL attributes are resolved against `baseURL` and dropped
/// unless they are http, https or mailto. Output is balanced: stray end tags are dropped, open ones closed.
public enum FeedHTMLSanitizer {
    static let allowedElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "b", "bdi", "bdo", "big", "blockquote",
        "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "dir", "div",
        "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "i", "img", "ins", "kbd", "label", "li", "map", "mark", "menu", "nav", "ol", "p", "pre", "q", "rp",
        "rt", "ruby", "s", "samp", "section", "small", "span", "strike", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr", "audio",
        "video", "source", "picture", "main", "canvas", "command", "datagrid", "datalist", "m", "meter",
        "multicol", "output", "progress", "spacer", "nobr", "option", "optgroup", "dialog", "fieldset", "legend",
    ]
    /// Removed together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "applet", "template", "textarea", "select", "button", "svg", "math", "title", "head",
        "xmp", "plaintext",
    ]
    static let voidElements: Set<String> = ["br", "hr", "img", "col", "area", "source", "wbr", "input", "meta",
                                            "link", "base", "param", "track", "embed"]
    /// Presentational and descriptive attributes (close to feedparser's list, without `style`: Gazette does
    /// not render CSS, and style is a vector for hiding or overlaying text). URL-valued ones are filtered below.
    static let allowedAttributes: Set<String> = [
        "abbr", "accept", "accept-charset", "accesskey", "align", "alt", "autocomplete", "autofocus", "axis",
        "background", "balance", "bgcolor", "bgproperties", "border", "bordercolor", "bordercolordark",
        "bordercolorlight", "bottompadding", "cellpadding", "cellspacing", "ch", "challenge", "char", "charoff",
        "choff", "charset", "checked", "cite", "class", "clear", "color", "cols", "colspan", "compact",
        "controls", "coords", "data", "datafld", "datapagesize", "datasrc", "datetime", "default", "delay",
        "dir", "disabled", "draggable", "dynsrc", "enctype", "end", "face", "for", "frame", "galleryimg",
        "gutter", "headers", "height", "hidefocus", "hidden", "high", "href", "hreflang", "hspace", "icon", "id",
        "inputmode", "ismap", "keytype", "label", "leftspacing", "lang", "list", "longdesc", "loop", "loopcount",
        "loopend", "loopstart", "low", "lowsrc", "max", "maxlength", "media", "min", "multiple", "name",
        "nohref", "noshade", "nowrap", "open", "optimum", "pattern", "poster", "preload", "prompt", "radiogroup",
        "readonly", "rel", "repeat-max", "repeat-min", "replace", "required", "rev", "rightspacing", "rows",
        "rowspan", "rules", "scope", "selected", "shape", "size", "span", "src", "start", "step", "summary",
        "suppress", "tabindex", "target", "template", "title", "toppadding", "type", "unselectable", "usemap",
        "urn", "valign", "value", "variable", "volume", "vspace", "vrml", "width", "wrap", "xml:lang",
    ]
    static let urlAttributes: Set<String> = ["href", "src", "cite", "longdesc", "poster", "background", "dynsrc",
                                             "lowsrc", "usemap", "data"]

    /// A safe fragment of `html` with relative URLs made absolute against `baseURL`.
    public static func sanitize(html: String, baseURL: String?) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        var open: [String] = []
        var skipDepth = 0
        var skipping: String?
        HTMLTokenizer.tokenize(html) { token in
            switch token {
            case .text(let text):
                if skipping == nil { EntityText.escape(text, into: &out) }
            case .rawText:
                break
            case .start(let name, let attributes, let selfClosing):
                if let current = skipping {
                    if name == current && !selfClosing { skipDepth += 1 }
                    return
                }
                if droppedWithContent.contains(name) {
                    if !selfClosing && !voidElements.contains(name) { skipping = name; skipDepth = 1 }
                    return
                }
                guard allowedElements.contains(name) else { return }
                put("<"); put(name)
                for (attribute, value) in attributes where allowedAttributes.contains(attribute) {
                    var value = value
                    if urlAttributes.contains(attribute) {
                        let resolved = URLResolver.resolve(value, against: baseURL)
                        guard URLResolver.isAllowedLink(resolved) else { continue }
                        value = resolved
                    } else if attribute == "srcset" {
                        continue
                    }
                    put(" "); put(attribute); put("=\""); EntityText.escape(value, into: &out); put("\"")
                }
                if voidElements.contains(name) { put(" />") } else if selfClosing { put("></"); put(name); put(">") } else {
                    put(">"); open.append(name)
                }
            case .end(let name):
                if let current = skipping {
                    if name == current { skipDepth -= 1; if skipDepth == 0 { skipping = nil } }
                    return
                }
                guard let index = open.lastIndex(of: name) else { return }
                while open.count > index { put("</"); put(open.removeLast()); put(">") }
            }
        }
        while let name = open.popLast() { put("</"); put(name); put(">") }
        return String(decoding: out, as: UTF8.self)
    }
}
