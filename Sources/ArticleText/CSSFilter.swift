/// Reduces an inline `style` attribute to declarations that can only change how text looks: no URLs,
/// no expressions, no positioning, no `direction`/`unicode-bidi` (bidi spoofing), no vendor or Office
/// properties. Declarations are written back as `name: value;`, joined by a space.
enum CSSFilter {
    static func filter(_ style: String) -> String {
        var kept: [String] = []
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let name = declaration[..<colon].trimmingSpaces
            let value = String(declaration[declaration.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }))
            let property = name.lowercased()
            guard !value.isEmpty, isHarmless(value) else { continue }
            if plainProperties.contains(property) {
                kept.append("\(name): \(value);")
            } else if shorthandProperties.contains(property),
                      value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).allSatisfy(isSafeToken) {
                kept.append("\(name): \(value);")
            }
        }
        return kept.joined(separator: " ")
    }

    private static func isHarmless(_ value: String) -> Bool {
        let lower = value.lowercased()
        return !["url(", "expression", "\\", "/*", "<", ">", "javascript", "behavior", "@", "binding", "image("]
            .contains { lower.contains($0) }
    }

    /// One word of a shorthand value: a known keyword, a colour or a reasonable length.
    private static func isSafeToken(_ token: Substring) -> Bool {
        let lower = token.lowercased()
        if keywords.contains(lower) { return true }
        if lower.hasPrefix("#") {
            let hex = lower.dropFirst()
            return (hex.count == 3 || hex.count == 6) && hex.allSatisfy(\.isHexDigit)
        }
        if lower.hasPrefix("rgb(") { return lower.allSatisfy { "rgb(0123456789, %)".contains($0) } }
        // A length: up to two digits either side of the point, then a unit (or a list separator).
        var digitsBefore = 0, digitsAfter = 0, seenPoint = false
        var rest = lower[...]
        while let c = rest.first, c.isNumber || c == "." {
            if c == "." { if seenPoint { return false }; seenPoint = true }
            else if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            rest = rest.dropFirst()
        }
        guard digitsBefore + digitsAfter > 0, digitsBefore <= 2, digitsAfter <= 2 else { return false }
        return ["", "cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%", ",", ")"].contains(String(rest))
    }

    private static let plainProperties: Set<String> = [
        "background-color", "border-collapse", "border-color", "border-style", "clear", "color", "cursor",
        "display", "elevation", "float", "font", "font-family", "font-size", "font-style", "font-variant", "font-weight",
        "height", "letter-spacing", "line-height", "overflow", "pause", "pause-after", "pause-before", "pitch",
        "pitch-range", "richness", "speak", "speak-header", "speak-numeral", "speak-punctuation", "speech-rate",
        "stress", "text-align", "text-decoration", "text-indent", "vertical-align", "voice-family", "volume",
        "white-space", "width",
    ]

    private static let shorthandProperties: Set<String> = [
        "background", "border", "border-top", "border-right", "border-bottom", "border-left", "margin",
        "margin-top", "margin-right", "margin-bottom", "margin-left", "padding", "padding-top", "padding-right",
        "padding-bottom", "padding-left",
    ]

    private static let keywords: Set<String> = [
        "!important", "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown", "center",
        "collapse", "dashed", "dotted", "fuchsia", "gray", "green", "italic", "left", "lime", "maroon", "medium",
        "navy", "none", "normal", "nowrap", "olive", "pointer", "purple", "red", "right", "silver", "solid",
        "teal", "top", "transparent", "underline", "white", "yellow",
    ]
}
