import ArticleText

/// Entity decoding straight from UTF-8 bytes into a byte buffer, for the sanitiser's single pass: the same
/// references `decode(_:)` recognises, with the same bounds, but without a `String` per text run.
extension EntityText {
    /// Appends `bytes[start..<end]` with references decoded, and, when `escaping`, the result escaped as
    /// `escape(_:)` would: exactly `escape(decode(text))` (or `decode(text)`) for that range as a string.
    /// Runs without `&`, `<`, `>` or `"` are copied in one append.
    static func appendDecoded(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, escaping: Bool,
                              into out: inout [UInt8]) {
        var i = start
        var runStart = start
        while i < end {
            let byte = bytes[i]
            guard byte == 0x26 || (escaping && (byte == 0x3C || byte == 0x3E || byte == 0x22)) else { i += 1; continue }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            if byte == 0x26 {
                // The reference's extent, as `decode(_:)` finds it: at most 32 bytes, up to `;`, never across
                // `&`, `<` or XML white space, and not past the end of the run.
                var k = i + 1
                while k < end && k - i <= 32 && bytes[k] != 0x3B && bytes[k] != 0x26 && !bytes[k].isXMLSpace && bytes[k] != 0x3C {
                    k += 1
                }
                if k < end && bytes[k] == 0x3B && k > i + 1, let scalar = scalar(bytes, from: i + 1, to: k) {
                    if scalar.isASCII {
                        let ascii = UInt8(scalar.value)
                        if escaping { appendEscaped(ascii, into: &out) } else { out.append(ascii) }
                    } else {
                        appendUTF8(scalar, to: &out)
                    }
                    i = k + 1
                } else {
                    if escaping { out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) } else { out.append(0x26) }
                    i += 1
                }
            } else {
                appendEscaped(byte, into: &out)
                i += 1
            }
            runStart = i
        }
        if runStart < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
    }

    /// One ASCII byte as `escape(_:)` writes it.
    @inline(__always)
    static func appendEscaped(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])        // &amp;
        case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])              // &lt;
        case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])              // &gt;
        case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
        default: out.append(byte)
        }
    }

    /// `scalar(for:)` of the reference name in `bytes[start..<end]`. Plain numeric references (digits only,
    /// as `UInt32(_:radix:)` reads them) are computed from the bytes; anything else goes through `scalar(for:)`.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Unicode.Scalar? {
        if bytes[start] == 0x23 {
            var k = start + 1
            var radix: UInt64 = 10
            if k < end && (bytes[k] | 0x20) == 0x78 { radix = 16; k += 1 }
            if k < end {
                var value: UInt64 = 0
                var plain = true
                while k < end {
                    let c = bytes[k]
                    let digit: UInt64
                    if c >= 0x30 && c <= 0x39 { digit = UInt64(c - 0x30) } else if radix == 16, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 {
                        digit = UInt64((c | 0x20) - 0x61 + 10)
                    } else { plain = false; break }
                    value = value * radix + digit
                    if value > UInt64(UInt32.max) { return nil } // what `UInt32(_:radix:)` does on overflow
                    k += 1
                }
                if plain { return HTMLEntities.scalar(forNumeric: UInt32(value)) }
            }
        }
        return scalar(for: Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
    }
}
