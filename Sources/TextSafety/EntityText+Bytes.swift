
/// Entity decoding straight from UTF-8 bytes into a byte buffer, for the sanitiser's single pass: the same
/// references `decode(_:)` recognises, with the same bounds, but without a `String` per text run.
extension EntityText {
    /// Appends `bytes[start..<end]` with references decoded, and, when `escaping`, the result escaped as
    /// `escape(_:)` would: exactly `escape(decode(text))` (or `decode(text)`) for that range as a string.
    /// Runs without `&`, `<`, `>` or `"` are copied in one append.
    package static func appendDecoded(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, escaping: Bool,
                              into out: inout [UInt8]) {
        var i = start
        var runStart = start
        while i < end {
            if i + 8 <= end {
                let word = ByteScan.load(bytes, at: i)
                // `&` and `"` are the bytes that OR 0x04 makes 0x26, `<` and `>` those that OR 0x02 makes 0x3E:
                // two exact tests instead of four.
                let found = escaping
                    ? ByteScan.matches(0x26, word | ByteScan.ones &* 0x04) | ByteScan.matches(0x3E, word | ByteScan.ones &* 0x02)
                    : ByteScan.matches(0x26, word)
                if found == 0 { i += 8; continue }
                i += ByteScan.firstFlagged(found)
            }
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

    /// One byte as `escape(_:)` writes it: the one definition of HTML escaping (text and double-quoted
    /// attributes alike).
    @inline(__always)
    package static func appendEscaped(_ byte: UInt8, into out: inout [UInt8]) {
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
    package static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Unicode.Scalar? {
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
        if end - start <= 8, let key = packedName(bytes, from: start, to: end), let known = commonNamed[key] {
            return known
        }
        return scalar(for: Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
    }

    /// A name of up to eight ASCII letters and digits as one integer (nil for anything else).
    package static func packedName(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64? {
        var key: UInt64 = 0
        for k in start..<end {
            let c = bytes[k], lower = c | 0x20
            guard (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) else { return nil }
            key = key << 8 | UInt64(c)
        }
        return key
    }

    /// The named references feeds use most, resolved once through `scalar(for:)` itself (so they cannot
    /// disagree with it) and looked up by their packed bytes instead of a string per reference.
    package static let commonNamed: [UInt64: Unicode.Scalar] = {
        var table: [UInt64: Unicode.Scalar] = [:]
        for name in commonNames {
            let bytes = Array(name.utf8)
            guard let scalar = scalar(for: Substring(name)) else { continue }
            bytes.withUnsafeBufferPointer { buffer in
                if let key = packedName(buffer, from: 0, to: buffer.count) { table[key] = scalar }
            }
        }
        return table
    }()

    /// Every one is a single scalar in HTML's table and none is `lang` or `rang` (which the XML reader
    /// reads differently), so the XML reader can use `commonNamed` too; a test checks both.
    package static let commonNames = ["amp", "lt", "gt", "quot", "apos", "nbsp", "copy", "reg", "trade", "hellip", "mdash", "ndash",
                     "lsquo", "rsquo", "ldquo", "rdquo", "laquo", "raquo", "bull", "middot", "deg", "euro", "pound",
                     "eacute", "egrave", "ecirc", "aacute", "agrave", "acirc", "iacute", "oacute", "uacute", "ntilde",
                     "ccedil", "auml", "ouml", "uuml", "Auml", "Ouml", "Uuml", "szlig", "Eacute", "times", "shy"]
}
