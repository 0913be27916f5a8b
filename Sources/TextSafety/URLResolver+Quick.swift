/// Byte-level shortcuts for the shapes nearly every feed URL has (printable ASCII, a lower-case scheme, no
/// dot segments). Each returns exactly what the general, component-by-component code returns, or nil
/// ("not sure") to send the input there: for printable ASCII, characters and bytes coincide, so the
/// general code's `Character` searches find the same delimiters the bytes show.
extension URLResolver {
    /// The outcome of looking for a scheme on the bytes.
    package enum QuickScheme {
        case scheme(String)
        case none
        /// The bytes alone cannot tell (non-ASCII next to a delimiter): ask the general code.
        case unsure
    }

    @inline(__always)
    package static func isSchemeByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
    }

    @inline(__always)
    package static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x21 || byte > 0x7E { return false }
        return true
    }

    /// `scheme(of:)` on the bytes: the run of scheme bytes after leading XML space, ended by `:`.
    package static func asciiScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> QuickScheme {
        var start = 0
        while start < bytes.count && bytes[start].isXMLSpace { start += 1 }
        var k = start
        while k < bytes.count && isSchemeByte(bytes[k]) { k += 1 }
        // A delimiter followed by a non-ASCII byte may be part of a larger character; so may the end of the
        // scheme run be, when it is not a delimiter at all (then no scheme is possible, whatever follows).
        guard k < bytes.count else { return .none }
        let stop = bytes[k]
        guard stop == 0x3A || stop == 0x2F || stop == 0x3F || stop == 0x23 else { return .none }
        if k + 1 < bytes.count && bytes[k + 1] >= 0x80 { return .unsure }
        guard stop == 0x3A, k > start, (bytes[start] | 0x20) >= 0x61, (bytes[start] | 0x20) <= 0x7A else { return .none }
        return .scheme(String(unsafeUninitializedCapacity: k - start) { buffer in
            for j in start..<k { buffer[j - start] = bytes[j] >= 0x41 && bytes[j] <= 0x5A ? bytes[j] | 0x20 : bytes[j] }
            return k - start
        })
    }

    /// The end of a lower-case scheme at the start of `bytes` (the index of its `:`), 0 when there is no
    /// scheme, nil when there is one with upper-case letters (the general code would rewrite it).
    package static func lowerSchemeEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = 0
        var upper = false
        while k < bytes.count && isSchemeByte(bytes[k]) { if bytes[k] >= 0x41 && bytes[k] <= 0x5A { upper = true }; k += 1 }
        guard k > 0, k < bytes.count, bytes[k] == 0x3A, (bytes[0] | 0x20) >= 0x61, (bytes[0] | 0x20) <= 0x7A else { return 0 }
        return upper ? nil : k
    }

    /// Whether `bytes[start..<end]` (a path) may hold a `.` or `..` segment: one would start the path or
    /// follow a `/`.
    package static func mayHaveDotSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        if bytes[start] == 0x2E { return true }
        var j = start + 1
        while j < end { if bytes[j] == 0x2E && bytes[j - 1] == 0x2F { return true }; j += 1 }
        return false
    }

    /// The first `?` or `#` at or after `from`, or the end.
    package static func pathEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var j = from
        while j < bytes.count && bytes[j] != 0x3F && bytes[j] != 0x23 { j += 1 }
        return j
    }

    /// `resolve(reference, against: base)` for an absolute reference that is already normal, and for a
    /// root-relative one (`/story/1`) against a `scheme://authority` base; nil for anything else.
    package static func quickResolve(_ reference: String, against base: String) -> String? {
        var bytes = reference
        return bytes.withUTF8 { ref -> String? in
            guard !ref.isEmpty, isPrintableASCII(ref), let schemeEnd = lowerSchemeEnd(ref) else { return nil }
            if schemeEnd > 0 {
                // Absolute: the general code re-assembles the same components, unless the path has dot segments.
                var pathStart = schemeEnd + 1
                if pathStart + 1 < ref.count && ref[pathStart] == 0x2F && ref[pathStart + 1] == 0x2F {
                    pathStart += 2
                    while pathStart < ref.count && ref[pathStart] != 0x2F && ref[pathStart] != 0x3F && ref[pathStart] != 0x23 { pathStart += 1 }
                }
                return mayHaveDotSegment(ref, pathStart, pathEnd(ref, from: pathStart)) ? nil : reference
            }
            guard ref[0] == 0x2F, ref.count == 1 || ref[1] != 0x2F,
                  !mayHaveDotSegment(ref, 0, pathEnd(ref, from: 0)) else { return nil }
            var base = base
            return base.withUTF8 { b -> String? in
                guard isPrintableASCII(b), let schemeEnd = lowerSchemeEnd(b), schemeEnd > 0,
                      schemeEnd + 2 < b.count, b[schemeEnd + 1] == 0x2F, b[schemeEnd + 2] == 0x2F else { return nil }
                var authorityEnd = schemeEnd + 3
                while authorityEnd < b.count && b[authorityEnd] != 0x2F && b[authorityEnd] != 0x3F && b[authorityEnd] != 0x23 {
                    authorityEnd += 1
                }
                var out: [UInt8] = []
                out.reserveCapacity(authorityEnd + ref.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<authorityEnd]))
                out.append(contentsOf: ref)
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// `removingTrackingParameters(link)` for printable ASCII with a lower-case scheme (or none); nil otherwise.
    package static func quickRemovingTrackingParameters(_ link: String) -> String? {
        var bytes = link
        return bytes.withUTF8 { b -> String? in
            guard isPrintableASCII(b), lowerSchemeEnd(b) != nil else { return nil }
            var hash = 0
            while hash < b.count && b[hash] != 0x23 { hash += 1 }
            var question = 0
            while question < hash && b[question] != 0x3F { question += 1 }
            guard question < hash else { return link }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<question]))
            var kept = 0
            var start = question + 1
            while start <= hash {
                var end = start
                while end < hash && b[end] != 0x26 { end += 1 }
                let isTracking = end - start >= 4 && (b[start] | 0x20) == 0x75 && (b[start + 1] | 0x20) == 0x74
                    && (b[start + 2] | 0x20) == 0x6D && b[start + 3] == 0x5F
                if end > start && !isTracking {
                    out.append(kept == 0 ? 0x3F : 0x26)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<end]))
                    kept += 1
                }
                start = end + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[hash...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
