import Foundation

extension Sanitizer {
    /// `url` with every control character (C0, DEL, C1) and white space percent-encoded as UTF-8 bytes, the
    /// way a browser sends such a link: nothing in it can act on a terminal, break a line of the urls file or
    /// an XML attribute, or add an HTTP header, and the reader still sees that something was there.
    public static func percentEncodingControls(_ url: String) -> String {
        guard url.unicodeScalars.contains(where: needsPercentEncoding) else { return url }
        var out = ""
        for scalar in url.unicodeScalars {
            if needsPercentEncoding(scalar) {
                for byte in String(scalar).utf8 { out += "%" + hexDigits(byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A line from a file or a server for a message: cleaned, and cut to `limit` characters with an
    /// ellipsis, so a 150 MB line costs a short warning.
    public static func excerpt(_ text: some StringProtocol, limit: Int = 80) -> String {
        let head = text.prefix(limit + 1)
        let cleaned = cleanLine(String(head.prefix(limit)))
        return head.count > limit ? cleaned + "…" : cleaned
    }

    private static func needsPercentEncoding(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
            || clean(String(scalar)).isEmpty
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
