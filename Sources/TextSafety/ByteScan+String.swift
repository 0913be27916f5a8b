/// Strings made from bytes already known to be well-formed UTF-8. `String(decoding:as:)` validates every
/// string it makes, byte by byte once a non-ASCII byte is seen; a feed's text is validated once, as a
/// whole document, and the parser and sanitiser then cut thousands of strings out of it (or out of buffers
/// built only from its pieces and from encoded scalars). Validating each of them again was about a tenth
/// of a refresh's instructions.
extension ByteScan {
    /// A string of `bytes`, which the caller guarantees are well-formed UTF-8: they come from a validated
    /// buffer, cut at scalar boundaries, or were written only from such pieces, ASCII and
    /// `UTF8.encode`d scalars. Debug builds check the guarantee (every test does); breaking it in a release
    /// build would make a `String` that breaks its own invariants, so callers without such a proof use
    /// `String(decoding:as:)`.
    package static func string(validatedUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        assert(isValidUTF8(bytes), "string(validatedUTF8:) was given bytes that are not well-formed UTF-8")
        guard !bytes.isEmpty else { return "" }
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            // The ASCII flag matters: a string not known to be ASCII is also not known to be NFC, and
            // comparing it takes the normalising path.
            let ascii = isASCII(bytes)
            let span = unsafe Span(_unsafeElements: bytes)
            return String(copying: unsafe UTF8Span(unchecked: span, isKnownASCII: ascii))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `string(validatedUTF8:)` of a whole array.
    package static func string(validatedUTF8 bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string(validatedUTF8: $0) }
    }

    /// Whether every byte is below 0x80, eight at a time.
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            if hasNonASCII(load(bytes, at: i)) { return false }
            i += 8
        }
        while i < n {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
