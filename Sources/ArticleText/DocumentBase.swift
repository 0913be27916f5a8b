import TextSafety

/// The base URL of one document, parsed once, against which the references found in its HTML (`href`,
/// `src`) are made absolute. Which schemes a link may have is `URLResolver`'s rule (TextSafety).
struct DocumentBase: Sendable {
    /// The base URL, cleaned and trimmed once for all the references of a document.
    private let base: String?

    init(base: String?) {
        self.base = base.map { String(Sanitizer.clean($0).trimmingSpaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `reference` made absolute against `base` (when it is relative and a base is given), or nil when it
    /// is empty (a link to the page itself adds nothing to its article). Leading/trailing white space is dropped and tabs and newlines inside
    /// are removed, as browsers do, and what is left has been through `Sanitizer`.
    static func resolve(_ reference: String, against base: String?) -> String? {
        DocumentBase(base: base).resolve(reference)
    }

    /// Resolution is `URLResolver`'s, the rule feed links follow too; an article's links then take their
    /// URI form (`URLResolver.uriForm`), since pages link with spaces and IRIs.
    func resolve(_ reference: String) -> String? {
        Self.plainAbsolute(reference) ?? resolveInGeneral(reference)
    }

    /// An absolute reference with a lower-case scheme, made of printable ASCII a URI allows as it is and
    /// without dot segments (most links of most pages): cleaning, trimming, resolution and the URI form
    /// would each give it back unchanged, so it is returned without those passes; nil for any other.
    /// A test holds it to `resolveInGeneral`.
    static func plainAbsolute(_ reference: String) -> String? {
        var reference = reference
        let plain = reference.withUTF8 { bytes in
            !bytes.isEmpty && bytes.allSatisfy(isPlainURIByte) && (URLResolver.lowerSchemeEnd(bytes) ?? 0) > 0
        }
        guard plain else { return nil }
        // An absolute reference is resolved without its base: none is needed here.
        return URLResolver.quickResolve(reference, against: "")
    }

    /// Printable ASCII that a URI keeps as it is (`URLResolver.uriForm` encodes the others).
    private static func isPlainURIByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: false
        default: byte > 0x20 && byte < 0x7F
        }
    }

    /// `resolve` by the general steps, for any reference.
    func resolveInGeneral(_ reference: String) -> String? {
        var cleaned = Sanitizer.clean(reference)
        let hasBreaks = cleaned.utf8.withContiguousStorageIfAvailable { $0.contains { $0 == 0x0A || $0 == 0x09 } }
            ?? cleaned.utf8.contains { $0 == 0x0A || $0 == 0x09 }
        if hasBreaks { cleaned.removeAll { $0 == "\n" || $0 == "\t" } }
        // Copied only when there is white space at either end to drop.
        if let first = cleaned.utf8.first, let last = cleaned.utf8.last, first <= 0x20 || last <= 0x20 {
            cleaned = String(cleaned.trimmingSpaces)
        }
        guard !cleaned.isEmpty else { return nil }
        return URLResolver.uriForm(URLResolver.resolve(cleaned, against: base))
    }
}
