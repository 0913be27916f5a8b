/// RFC 3986 reference resolution and the link policy of Gazette: which schemes survive, and which tracking
/// parameters are dropped. Written by hand rather than with Foundation's `URL` because feeds carry references
/// `URL(string:)` rejects (spaces, stray `%`, IRIs) and because dot segments must be removed the same way on
/// every platform.
public enum URLResolver {
    /// The five components of a URI reference (RFC 3986 §3); `nil` means the component is absent.
    package struct Components {
        package var scheme: String?
        package var authority: String?
        package var path: String
        package var query: String?
        package var fragment: String?

        package init(_ reference: String) {
            var rest = Substring(reference)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...]); rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...]); rest = rest[..<question]
            }
            if let colon = rest.firstIndex(of: ":"), URLResolver.isScheme(rest[..<colon]) {
                scheme = rest[..<colon].lowercased(); rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
                let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[afterSlashes..<end]); rest = rest[end...]
            }
            path = String(rest)
        }

        /// The host of the authority, lower-cased, without user information or port; as written (no IDNA
        /// decoding, which on Linux would load ICU's data for a comparison with an ASCII name).
        package var host: String? {
            guard let authority else { return nil }
            var host = Substring(authority)
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
                host = host[...close]
            } else if let colon = host.firstIndex(of: ":") {
                host = host[..<colon]
            }
            return host.lowercased()
        }

        /// The value of the first `name=value` pair of the query named `name`, as written (not decoded).
        package func queryValue(_ name: String) -> String? {
            guard let query else { return nil }
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts[0] == name { return parts.count > 1 ? String(parts[1]) : "" }
            }
            return nil
        }

        var string: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// The host of an absolute URL (lower-cased, no port or user information), or nil when it has none.
    /// For messages and comparisons with ASCII names: Foundation's `URLComponents.host` decodes IDNA through
    /// ICU, which pages ICU's data into the reader.
    package static func host(of url: String) -> String? {
        guard let host = Components(url).host, !host.isEmpty else { return nil }
        return host
    }

    package static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return false }
        for byte in text.utf8 {
            let lower = byte | 0x20
            let ok = (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B
                || byte == 0x2D || byte == 0x2E
            if !ok { return false }
        }
        return true
    }

    /// The scheme of an absolute reference, lower-cased, or nil for a relative one.
    public static func scheme(of reference: String) -> String? {
        var reference = reference
        switch reference.withUTF8(asciiScheme) {
        case .scheme(let scheme): return scheme
        case .none: return nil
        case .unsure: return schemeByCharacters(of: reference)
        }
    }

    /// The general `scheme(of:)`, character by character.
    package static func schemeByCharacters(of reference: String) -> String? {
        // Only the part before the first `:`, `/`, `?` or `#` can be a scheme; avoid splitting the rest.
        var prefix = Substring(reference.trimmingXMLSpace())
        guard let colon = prefix.firstIndex(where: { $0 == ":" || $0 == "/" || $0 == "?" || $0 == "#" }),
              prefix[colon] == ":" else { return nil }
        prefix = prefix[..<colon]
        return isScheme(prefix) ? prefix.lowercased() : nil
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2). Without a usable base a relative reference comes
    /// back trimmed but otherwise unchanged, and an absolute one as with a base (scheme in lower case, dot
    /// segments removed).
    public static func resolve(_ reference: String, against base: String?) -> String {
        let reference = reference.trimmingXMLSpace()
        guard let base, !base.isEmpty else {
            guard scheme(of: reference) != nil else { return reference }
            return quickResolve(reference, against: "") ?? resolveByComponents(reference, against: "")
        }
        if let resolved = quickResolve(reference, against: base) { return resolved }
        return resolveByComponents(reference, against: base)
    }

    /// The general RFC 3986 §5.2 resolution of a trimmed reference against a non-empty base.
    package static func resolveByComponents(_ reference: String, against base: String) -> String {
        let ref = Components(reference)
        if ref.scheme != nil {
            var target = ref
            target.path = removeDotSegments(ref.path)
            return target.string
        }
        let baseParts = Components(base.trimmingXMLSpace())
        guard baseParts.scheme != nil else { return reference }
        var target = Components("")
        target.scheme = baseParts.scheme
        target.fragment = ref.fragment
        if ref.authority != nil {
            target.authority = ref.authority
            target.path = removeDotSegments(ref.path)
            target.query = ref.query
        } else {
            target.authority = baseParts.authority
            if ref.path.isEmpty {
                target.path = baseParts.path
                target.query = ref.query ?? baseParts.query
            } else {
                if ref.path.hasPrefix("/") {
                    target.path = removeDotSegments(ref.path)
                } else {
                    target.path = removeDotSegments(merge(base: baseParts, path: ref.path))
                }
                target.query = ref.query
            }
        }
        return target.string
    }

    private static func merge(base: Components, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        if let slash = base.path.lastIndex(of: "/") { return base.path[...slash] + path }
        return path
    }

    /// RFC 3986 §5.2.4.
    package static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let absolute = path.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let last = index == segments.count - 1
            if segment == "." {
                if last { output.append("") }
            } else if segment == ".." {
                if !output.isEmpty { output.removeLast() }
                if last { output.append("") }
            } else {
                output.append(segment)
            }
        }
        return (absolute ? "/" : "") + output.joined(separator: "/")
    }

    /// The schemes a link may have: shown in an article and handed to a browser or mail program. This is
    /// the one statement of the rule; the byte form below and `Sanitizer.safeURL` (http and https only, for
    /// opening) are tested against it.
    public static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `scheme` (lower case, as `scheme(of:)` returns it) is one of `linkSchemes`, without hashing it.
    @inlinable
    public static func isLinkScheme(_ scheme: String) -> Bool { scheme == "https" || scheme == "http" || scheme == "mailto" }

    /// `isLinkScheme` on a scheme's lower-case bytes, for the sanitiser's byte-level pass.
    package static func isLinkScheme(bytes scheme: UnsafeBufferPointer<UInt8>) -> Bool {
        scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) || scheme.elementsEqual("mailto".utf8)
    }

    /// Whether a link may be shown and opened: a link scheme, or a relative reference (which becomes one
    /// once resolved against an http(s) base).
    public static func isAllowedLink(_ link: String) -> Bool {
        guard let scheme = scheme(of: link) else { return true }
        return isLinkScheme(scheme)
    }

    /// Resolves a link and applies the link policy: nil when the result is empty or has a scheme Gazette
    /// will not open; `utm_*` tracking parameters removed.
    public static func cleanLink(_ reference: String?, base: String?) -> String? {
        guard let reference else { return nil }
        let resolved = resolve(reference, against: base)
        guard !resolved.isEmpty, isAllowedLink(resolved) else { return nil }
        return removingTrackingParameters(resolved)
    }

    /// Whether `utm_` (in any case: `?UTM_source=` is a tracking parameter too) or `&amp;` occurs anywhere
    /// in `link`: the only links the query rule below changes. A guard that lets most links skip the work,
    /// never a decision.
    package static func hasUTM(_ link: String) -> Bool {
        var link = link
        return link.withUTF8 { bytes in
            var i = 0
            while i + 3 < bytes.count {
                if bytes[i] | 0x20 == 0x75 && bytes[i + 1] | 0x20 == 0x74 && bytes[i + 2] | 0x20 == 0x6D && bytes[i + 3] == 0x5F {
                    return true
                }
                if bytes[i] == 0x26 && i + 4 < bytes.count && bytes[i + 1] == 0x61 && bytes[i + 2] == 0x6D
                    && bytes[i + 3] == 0x70 && bytes[i + 4] == 0x3B { return true }
                i += 1
            }
            return false
        }
    }

    /// The form of a story's link that decides whether two links are the same story: `utm_*` parameters
    /// and the fragment removed, everything else as it is. The cache's story identity uses it, so a story
    /// that two section feeds link with different campaign tags or anchors is one story.
    public static func identityLink(_ link: String) -> String {
        let cleaned = removingTrackingParameters(link)
        guard let hash = cleaned.utf8.firstIndex(of: 0x23) else { return cleaned }
        return String(cleaned[..<hash])
    }

    /// The one query rule for links: a literal `&amp;` between parameters is read as `&` (a feed that
    /// escapes its links inside CDATA leaves the entity in place, and no parameter name starts with
    /// `amp;`), then `utm_*` parameters are dropped (campaign tracking that makes one article look like
    /// several).
    public static func removingTrackingParameters(_ link: String) -> String {
        guard link.utf8.count >= 4, hasUTM(link) else { return link }
        if let quick = quickRemovingTrackingParameters(link) { return quick }
        return removingTrackingParametersByComponents(link)
    }

    /// The general `removingTrackingParameters`, component by component.
    package static func removingTrackingParametersByComponents(_ link: String) -> String {
        var parts = Components(link)
        guard let query = parts.query else { return link }
        // Split on every `&` (empty pieces kept) so only a piece that follows one loses its `amp;`.
        let kept = query.split(separator: "&", omittingEmptySubsequences: false).enumerated().map {
            $0.offset > 0 && $0.element.hasPrefix("amp;") ? $0.element.dropFirst(4) : $0.element
        }.filter {
            !$0.isEmpty && !$0.lowercased().hasPrefix("utm_")
        }
        parts.query = kept.isEmpty ? nil : kept.joined(separator: "&")
        return parts.string
    }
}

extension String {
    /// Trims XML white space (space, tab, CR, LF) from both ends.
    package func trimmingXMLSpace() -> String {
        let utf8 = self.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start].isXMLSpace { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)].isXMLSpace { end = utf8.index(before: end) }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(self[start..<end])
    }
}

extension UInt8 {
    package var isXMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
