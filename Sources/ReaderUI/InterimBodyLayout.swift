import ArticleText
import TermCore

// Interim body layout, until ArticleText's `ArticleRenderer` lands: strips tags, decodes the common
// entities, sanitises and word-wraps by display width. Everything that depends on it goes through
// `fallbackLayout(html:width:baseURL:)`, so swapping in the real renderer touches this file only: its body
// becomes `ArticleRenderer.render(html: html, width: width, baseURL: baseURL).lines` (which already ends
// with the numbered link list).

/// Lays out an HTML fragment (or plain text) as wrapped lines of at most `width` columns. `baseURL` (the
/// story's link) is for resolving relative links; the interim layout shows no links, so it ignores it.
func fallbackLayout(html: String, width: Int, baseURL: String? = nil) -> [StyledLine] {
    var lines: [StyledLine] = []
    for paragraph in InterimHTML.paragraphs(html) {
        if !lines.isEmpty { lines.append(StyledLine()) }
        for text in TextFit.wrap(paragraph.text, width: width) {
            lines.append(StyledLine(text, traits: paragraph.traits))
        }
    }
    return lines
}

/// A deliberately small tag stripper: enough to read a story while the real renderer is being built.
private enum InterimHTML {
    struct Paragraph { var text: String; var traits: TextTraits }

    static let blockTags: Set<String> = ["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                         "blockquote", "pre", "tr", "table", "section", "article", "figure",
                                         "figcaption", "hr"]

    /// Splits at block tags (and blank lines in plain text); headings and quotes keep a trait.
    static func paragraphs(_ html: String) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current = ""
        var traits: TextTraits = []
        func flush() {
            let cleaned = Sanitizer.cleanLine(decodeEntities(current))
            if !cleaned.isEmpty { paragraphs.append(Paragraph(text: cleaned, traits: traits)) }
            current = ""
        }
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close]
                let isClosing = tag.hasPrefix("/")
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if blockTags.contains(name) {
                    flush()
                    if name.count == 2, name.hasPrefix("h"), name != "hr" {
                        traits = isClosing ? [] : .heading
                    } else if name == "blockquote" {
                        traits = isClosing ? [] : .quote
                    }
                } else if name == "img", !isClosing {
                    current += " [image] "
                }
                index = html.index(after: close)
                continue
            }
            // Plain-text bodies keep their paragraph breaks.
            if character == "\n", html[html.index(after: index)...].first == "\n" { flush() }
            current.append(character)
            index = html.index(after: index)
        }
        flush()
        return paragraphs
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
    ]

    /// Decodes entities before sanitising, so `&#27;` cannot smuggle an escape past the filter.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let name = text[text.index(after: index)..<semicolon]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = namedEntities[String(name)]
                }
                if let replacement {
                    out += replacement
                    index = text.index(after: semicolon)
                    continue
                }
            }
            out.append(text[index])
            index = text.index(after: index)
        }
        return out
    }
}
