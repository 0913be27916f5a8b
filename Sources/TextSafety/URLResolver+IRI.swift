extension URLResolver {
    /// `link` as a URI (RFC 3987 §3.1): every byte of a non-ASCII character, white space, a control
    /// character and the ASCII characters a URI may not hold (`"<>\^`{|}`) percent-encoded; `%`, `#`, `[`
    /// and `]` kept as written, as browsers keep them. A host's non-ASCII characters stay as they are: it is
    /// the browser's IDNA step, not percent-encoding, that turns them into a host name.
    /// Article pages link with IRIs and unescaped spaces, and a link handed to a browser or shown in the link
    /// list must be one string that a terminal or a shell cannot split or act on.
    public static func uriForm(_ link: String) -> String {
        var link = link
        let needsWork = link.withUTF8 { $0.contains(where: isOutsideURI) }
        guard needsWork else { return link }
        var out = [UInt8]()
        out.reserveCapacity(link.utf8.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        let hostRange = link.withUTF8(hostBytes)
        for (offset, byte) in link.utf8.enumerated() {
            if isOutsideURI(byte) && !(byte >= 0x80 && hostRange.contains(offset)) {
                out.append(0x25)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte offsets of the authority of an absolute `scheme://` link (empty for any other link).
    private static func hostBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard let colon = bytes.firstIndex(of: 0x3A), colon + 2 < bytes.count,
              bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F,
              isScheme(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self)) else { return 0..<0 }
        let start = colon + 3
        let end = bytes[start...].firstIndex(where: { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 }) ?? bytes.count
        return start..<end
    }

    /// Whether `byte` must be percent-encoded in a URI: not ASCII, a control or space, or one of `"<>\^`{|}`.
    private static func isOutsideURI(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x7F...0xFF, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return true
        default: return false
        }
    }
}
