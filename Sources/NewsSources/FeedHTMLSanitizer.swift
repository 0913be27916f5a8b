import TextSafety

/// The allow-list HTML sanitiser for feed summaries and bodies, on the refresh path. It makes one pass over
/// the fragment's bytes (`SanitizerPass`) instead of building an HTML5 tree (gumbo parses ~10 MB/s, too
/// slow for a 70 MB feed; DECISIONS.md, "Feed HTML is sanitised while parsing"). What it lets through is
/// drawn later by ArticleText, which drops anything it does not know again. Iframes, frames, objects and
/// embeds lose their tags (nothing is ever loaded) but keep their fallback content, as feedparser does.
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

    /// What an element name means to the sanitiser, looked up once per tag.
    struct ElementRole: OptionSet {
        let rawValue: UInt8
        static let allowed = ElementRole(rawValue: 1)
        static let dropped = ElementRole(rawValue: 2)
        static let void = ElementRole(rawValue: 4)
        /// The tokenizer reads its content as one raw-text run (script, style, title, ...).
        static let rawText = ElementRole(rawValue: 8)
    }

    /// The four element sets folded into one table: one hash per tag instead of up to four.
    static let elementRoles: [String: ElementRole] = {
        var table: [String: ElementRole] = [:]
        for name in allowedElements { table[name, default: []].insert(.allowed) }
        for name in droppedWithContent { table[name, default: []].insert(.dropped) }
        for name in voidElements { table[name, default: []].insert(.void) }
        for name in HTMLTokenizer.rawTextElements { table[name, default: []].insert(.rawText) }
        return table
    }()

    static let shortElementRoles = ShortNameTable(elementRoles)
    static let shortAttributeRoles = ShortNameTable(attributeRoles)

    /// Allowed attributes: `true` for the URL-valued ones.
    static let attributeRoles: [String: Bool] = {
        var table: [String: Bool] = [:]
        for name in allowedAttributes { table[name] = urlAttributes.contains(name) }
        return table
    }()

    /// A safe fragment of `html` with relative URLs made absolute against `baseURL`.
    ///
    /// One pass over the UTF-8 bytes (see `SanitizerPass`): ordinary text is copied in runs, entities are
    /// decoded and re-escaped in place, and only tag and attribute names become strings. It gives exactly what
    /// tokenizing with `HTMLTokenizer` and re-serialising the allowed tokens gives (a test holds it to that).
    public static func sanitize(html: String, baseURL: String?) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var pass = SanitizerPass(bytes, baseURL: baseURL)
            pass.run()
            // The input is a `String`, so its bytes are UTF-8, and the pass only ever cuts them at ASCII
            // bytes or writes ASCII and encoded scalars (SanitizerPass): the output needs no validation.
            return ByteScan.string(validatedUTF8: pass.out)
        }
    }
}
