/// The elements `StreamingHTMLReader` treats specially; every other name is `.other`.
enum HTMLTag: UInt8, CaseIterable {
    case other
    // Formatting (kept in the list of active formatting elements, not on the stack).
    case b, strong, i, em, cite, dfn, `var`, u, ins, s, strike, del, code, kbd, samp, tt, a
    // Blocks and containers that are pushed on the stack of open elements.
    case p, div, section, article, header, footer, main, nav, aside, center, details, summary, fieldset
    case legend, form, figure, hgroup, address, q, pre, listing, xmp, plaintext
    case h1, h2, h3, h4, h5, h6, blockquote, ul, ol, menu, dir, li, dl, dt, dd
    case table, tr, td, th, thead, tbody, tfoot, caption, figcaption
    // Elements whose content is dropped (their end tag is looked for, nested ones counted).
    case script, style, noscript, template, title, textarea, select, button, map, datalist, frameset
    case noframes, noembed, iframe, rp, rt, svg, math, video, audio, object, option, optgroup
    // Void elements and others with a meaning of their own.
    case br, hr, img, embed, source, wbr, area, base, col, colgroup, input, link, meta, param, track, keygen
    case frame, html, head, body

    /// The tag for a lower-case name.
    static func named(_ name: String) -> HTMLTag { byName[name] ?? .other }

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for tag in allCases where tag != .other { table[String(describing: tag)] = tag }
        return table
    }()

    /// Elements that never have content or an end tag.
    var isVoid: Bool {
        switch self {
        case .br, .hr, .img, .embed, .source, .wbr, .area, .base, .col, .input, .link, .meta, .param, .track,
             .keygen, .frame:
            true
        default: false
        }
    }

    /// The trait a formatting element adds, or nil when the element is not one.
    var formattingTrait: TextTraits? {
        switch self {
        case .b, .strong: .bold
        case .i, .em, .cite, .dfn, .var: .italic
        case .u, .ins: .underline
        case .s, .strike, .del: .strikethrough
        case .code, .kbd, .samp, .tt: .code
        case .a: .link
        default: nil
        }
    }

    /// Elements whose text is raw (no tags or entities inside until their end tag).
    var isRawText: Bool {
        switch self {
        case .script, .style, .textarea, .title, .xmp, .iframe, .noembed, .noframes, .noscript: true
        default: false
        }
    }

    /// Start tags that close an open `<p>` (HTML5 "close a p element" in button scope).
    var closesParagraph: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .center, .details, .dir, .div, .dl, .fieldset, .figcaption,
             .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol, .p, .section, .summary, .ul,
             .h1, .h2, .h3, .h4, .h5, .h6, .pre, .listing, .xmp, .table, .hr, .form, .plaintext, .li, .dt, .dd:
            true
        default: false
        }
    }

    var isHeading: Bool { rawValue >= HTMLTag.h1.rawValue && rawValue <= HTMLTag.h6.rawValue }

    /// Elements that bound "in scope" searches for end tags (a `</p>` in a cell does not close a `<p>`
    /// around the table).
    var isScopeBoundary: Bool {
        switch self {
        case .table, .td, .th, .caption: true
        default: false
        }
    }

    /// Open elements that stop an `<li>`, `<dt>` or `<dd>` from closing an earlier one (HTML5's "special"
    /// elements other than address, div and p).
    var isListBarrier: Bool {
        switch self {
        case .p, .div, .address, .li, .dt, .dd, .q: false
        default: true
        }
    }
}
