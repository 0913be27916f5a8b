import Foundation

/// Turns the URL references found in HTML (`href`, `src`) into absolute URLs, and says which schemes are
/// allowed where.
struct URLResolver: Sendable {
    /// Schemes kept as links in an article: they are shown and may be handed to a browser or mail program.
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// The base URL, parsed once for all the references of a document.
    private let base: URL?

    init(base: String?) {
        self.base = base.flatMap { Self.parse(String(Sanitizer.clean($0).trimmingSpaces)) }
    }

    /// `reference` made absolute against `base` (when it is relative and a base is given), or nil when it
    /// cannot be parsed. Leading/trailing white space is dropped and tabs and newlines inside are removed,
    /// as browsers do, and what is left has been through `Sanitizer`.
    static func resolve(_ reference: String, against base: String?) -> String? {
        URLResolver(base: base).resolve(reference)
    }

    func resolve(_ reference: String) -> String? {
        var cleaned = Sanitizer.clean(reference)
        if cleaned.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) { cleaned.removeAll { $0 == "\n" || $0 == "\t" } }
        cleaned = String(cleaned.trimmingSpaces)
        guard !cleaned.isEmpty || base != nil else { return nil }
        if let absolute = Self.parse(cleaned), absolute.scheme != nil { return Self.lowercasingScheme(absolute.absoluteString) }
        guard let base else { return Self.parse(cleaned)?.absoluteString }
        return Self.parse(cleaned, relativeTo: base).map { Self.lowercasingScheme($0.absoluteString) }
    }

    /// `HTTPS://x` as `https://x`: schemes are case-insensitive, and links are compared as strings.
    private static func lowercasingScheme(_ url: String) -> String {
        guard let colon = url.firstIndex(of: ":"), url[..<colon].contains(where: \.isUppercase) else { return url }
        return url[..<colon].lowercased() + url[colon...]
    }

    /// The lower-cased scheme of an absolute URL string, or nil.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }

    /// `URL(string:)`, retried with spaces and non-ASCII percent-encoded, since feeds are full of both.
    private static func parse(_ text: String, relativeTo base: URL? = nil) -> URL? {
        if let url = URL(string: text, relativeTo: base) { return url }
        var allowed = CharacterSet.urlFragmentAllowed
        allowed.insert(charactersIn: "#%")
        guard let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)
    }
}
