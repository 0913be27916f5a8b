import TextSafety
import Foundation

/// The base URL of one document, parsed once, against which the references found in its HTML (`href`,
/// `src`) are made absolute. Which schemes a link may have is `URLResolver`'s rule (TextSafety).
struct DocumentBase: Sendable {
    /// The base URL, parsed once for all the references of a document.
    private let base: URL?

    init(base: String?) {
        self.base = base.flatMap { Self.parse(String(Sanitizer.clean($0).trimmingSpaces)) }
    }

    /// `reference` made absolute against `base` (when it is relative and a base is given), or nil when it
    /// cannot be parsed. Leading/trailing white space is dropped and tabs and newlines inside are removed,
    /// as browsers do, and what is left has been through `Sanitizer`.
    static func resolve(_ reference: String, against base: String?) -> String? {
        DocumentBase(base: base).resolve(reference)
    }

    func resolve(_ reference: String) -> String? {
        var cleaned = Sanitizer.clean(reference)
        let hasBreaks = cleaned.utf8.withContiguousStorageIfAvailable { $0.contains { $0 == 0x0A || $0 == 0x09 } }
            ?? cleaned.utf8.contains { $0 == 0x0A || $0 == 0x09 }
        if hasBreaks { cleaned.removeAll { $0 == "\n" || $0 == "\t" } }
        // Copied only when there is white space at either end to drop.
        if let first = cleaned.utf8.first, let last = cleaned.utf8.last, first <= 0x20 || last <= 0x20 {
            cleaned = String(cleaned.trimmingSpaces)
        }
        guard !cleaned.isEmpty || base != nil else { return nil }
        // Most links in an article are plain absolute http(s) URLs, which Foundation would return as
        // they are; and without a base, a plain path is returned as it is too.
        switch Self.plainForm(of: cleaned) {
        case .absolute: return cleaned
        case .path where base == nil: return cleaned
        default: return resolveThroughFoundation(cleaned)
        }
    }

    /// `resolve(_:)` for a reference already cleaned, without the plain-form shortcut: what the shortcut
    /// is tested against.
    func resolveThroughFoundation(_ cleaned: String) -> String? {
        if let absolute = Self.parse(cleaned), absolute.scheme != nil { return Self.lowercasingScheme(absolute.absoluteString) }
        guard let base else { return Self.parse(cleaned)?.absoluteString }
        return Self.parse(cleaned, relativeTo: base).map { Self.lowercasingScheme($0.absoluteString) }
    }

    /// The shapes of reference that `URL(string:)` parses and `absoluteString` prints unchanged.
    enum PlainForm { case absolute, path, other }

    /// Whether `text` is `http://` or `https://`, a host of letters, digits, dots and hyphens, then a
    /// path, query and fragment of unreserved and sub-delimiter characters (at most one `#`, no `%`); or
    /// a path of that kind starting with `/` (not `//`) and holding no `:`. Anything else (ports, user
    /// info, escapes, spaces, non-ASCII, upper-case schemes) is `.other` and goes through Foundation.
    static func plainForm(of text: String) -> PlainForm {
        text.utf8.withContiguousStorageIfAvailable(plainForm(of:)) ?? .other
    }

    private static func plainForm(of bytes: UnsafeBufferPointer<UInt8>) -> PlainForm {
        func starts(with prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            for k in 0..<count where bytes[k] != prefix.utf8Start[k] { return false }
            return true
        }
        var index = 0
        let end = bytes.count
        let form: PlainForm
        if starts(with: "https://") || starts(with: "http://") {
            form = .absolute
            index = bytes[4] == 0x73 ? 8 : 7
            let hostStart = index
            while index < end {
                let byte = bytes[index]
                let isHost = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E
                    || byte == 0x2D || (0x41...0x5A).contains(byte)
                guard isHost else { break }
                index += 1
            }
            guard index > hostStart else { return .other }
            if index < end {
                let byte = bytes[index]
                guard byte == 0x2F || byte == 0x3F || byte == 0x23 else { return .other }  // / ? #
            }
        } else if end >= 1 && bytes[0] == 0x2F && (end == 1 || bytes[1] != 0x2F) {
            form = .path
        } else {
            return .other
        }
        var hashes = 0
        while index < end {
            switch bytes[index] {
            case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F, 0x3F, 0x40, 0x21, 0x24, 0x26,
                 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D:
                break
            case 0x3A where form == .absolute:
                break
            case 0x23:
                hashes += 1
                guard hashes == 1 else { return .other }
            default:
                return .other
            }
            index += 1
        }
        return form
    }

    /// `HTTPS://x` as `https://x`: schemes are case-insensitive, and links are compared as strings.
    private static func lowercasingScheme(_ url: String) -> String {
        guard let colon = url.firstIndex(of: ":"), url[..<colon].contains(where: \.isUppercase) else { return url }
        return url[..<colon].lowercased() + url[colon...]
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
