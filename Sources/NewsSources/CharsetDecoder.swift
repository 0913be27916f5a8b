#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextSafety

/// Turns the bytes of a feed into UTF-8, choosing the charset the way RFC 3023 and feedparser do:
/// a byte-order mark wins; then the HTTP `charset`; for `text/*` without one, US-ASCII; then the XML
/// declaration's `encoding`; then UTF-8. Undeclared bytes that are not valid UTF-8 are read as
/// windows-1252 (what such feeds nearly always are) and the fallback is reported.
///
/// Conversion uses iconv (glibc, and macOS's libiconv), which knows every charset feeds use — KOI8-R,
/// Shift_JIS, EUC-JP, GB18030, Big5, ISO-8859-x, windows-125x — where Foundation on Linux knows only a few.
/// Invalid byte sequences become U+FFFD; conversion never fails.
enum CharsetDecoder {
    /// UTF-8 bytes and the name of the charset they were decoded from.
    struct Decoded {
        var utf8: [UInt8]?          // nil: the input already is the UTF-8 to read (no copy made)
        var encoding: String
        var warnings: [String]
        /// How many invalid sequences became U+FFFD.
        var replacements = 0
        /// Whether the UTF-8 was checked to be well-formed here (false: not known, e.g. iconv's output or
        /// declared UTF-8 kept with its bad bytes), so that the reader need not check each string again.
        var isValidUTF8 = false
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, contentType: String?) -> Decoded {
        var warnings: [String] = []
        // 1. Byte-order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(bytes, skip: 3, name: "utf-8", declared: true)
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return convert(bytes, skip: 4, from: "UTF-32BE", name: "utf-32be") }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return convert(bytes, skip: 4, from: "UTF-32LE", name: "utf-32le") }
        if bytes.starts(with: [0xFE, 0xFF]) { return convert(bytes, skip: 2, from: "UTF-16BE", name: "utf-16be") }
        if bytes.starts(with: [0xFF, 0xFE]) { return convert(bytes, skip: 2, from: "UTF-16LE", name: "utf-16le") }
        // 2. UTF-16/32 without a mark, recognised from how `<` is laid out.
        if bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) { return convert(bytes, skip: 0, from: "UTF-32BE", name: "utf-32be") }
        if bytes.starts(with: [0x3C, 0x00, 0x00, 0x00]) { return convert(bytes, skip: 0, from: "UTF-32LE", name: "utf-32le") }
        if bytes.starts(with: [0x00, 0x3C]) { return convert(bytes, skip: 0, from: "UTF-16BE", name: "utf-16be") }
        if bytes.starts(with: [0x3C, 0x00]) { return convert(bytes, skip: 0, from: "UTF-16LE", name: "utf-16le") }

        // 3. HTTP, then the XML declaration.
        let http = contentType.map(parseContentType)
        let declared = xmlDeclarationEncoding(bytes)
        var chosen: String?
        if let http {
            if let charset = http.charset, canonicalName(charset) != nil {
                chosen = charset
                if let declared, canonicalName(declared) != canonicalName(charset) {
                    warnings.append("the HTTP charset \(charset) overrides the declared encoding \(declared)")
                }
            } else if http.mediaType.hasPrefix("text/") {
                chosen = "us-ascii"
            }
        }
        if chosen == nil, let declared {
            if canonicalName(declared) != nil { chosen = declared } else {
                warnings.append("unknown encoding \(declared); read as UTF-8")
            }
        }
        // A declaration of UTF-16 or UTF-32 that could be read byte by byte was not written in it (real UTF-16
        // text is caught by its byte-order mark or the layout of `<` above): browsers read such a document
        // as UTF-8, and so does Gazette, with a warning.
        if let named = chosen, let iconvName = canonicalName(named), iconvName.hasPrefix("UTF-16") || iconvName.hasPrefix("UTF-32"),
           !bytes.prefix(64).contains(0) {
            var result = utf8(bytes, skip: 0, name: "utf-8", declared: false)
            result.warnings.insert(contentsOf: warnings + ["declared \(named) but written in single-byte text; read as UTF-8"],
                                   at: 0)
            return result
        }
        guard let chosen, let iconvName = canonicalName(chosen) else {
            var result = utf8(bytes, skip: 0, name: "utf-8", declared: false)
            result.warnings.insert(contentsOf: warnings, at: 0)
            return result
        }
        var result: Decoded
        switch iconvName {
        case "UTF-8":
            result = utf8(bytes, skip: 0, name: "utf-8", declared: true)
        case "US-ASCII":
            // Mislabelled more often than not: keep ASCII, read anything above it as UTF-8 or windows-1252.
            if ByteScan.isASCII(bytes) { result = Decoded(utf8: nil, encoding: "us-ascii", warnings: [], isValidUTF8: true) } else {
                result = utf8(bytes, skip: 0, name: "utf-8", declared: false)
                result.warnings.append("bytes above 127 in a document labelled US-ASCII")
            }
        case "UTF-16":
            result = convert(bytes, skip: 0, from: "UTF-16LE", name: "utf-16le")
        case "UTF-32":
            result = convert(bytes, skip: 0, from: "UTF-32LE", name: "utf-32le")
        default:
            result = convert(bytes, skip: 0, from: iconvName, name: reportedName(iconvName))
        }
        result.warnings.insert(contentsOf: warnings, at: 0)
        return result
    }

    /// UTF-8 input: used in place when valid. Undeclared and invalid → windows-1252; declared and invalid →
    /// kept, with U+FFFD for the bad bytes (the XML reader's string decoding repairs them).
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, skip: Int, name: String, declared: Bool) -> Decoded {
        let body = UnsafeBufferPointer(rebasing: bytes[skip...])
        if ByteScan.isValidUTF8(body) {
            return Decoded(utf8: skip == 0 ? nil : Array(body), encoding: name, warnings: [], isValidUTF8: true)
        }
        if declared {
            return Decoded(utf8: Array(body), encoding: name,
                           warnings: ["invalid UTF-8 bytes were replaced with U+FFFD"])
        }
        let guess = CharsetSniffer.guess(UnsafeBufferPointer(rebasing: bytes[skip...]))
        var result = convert(bytes, skip: skip, from: guess, name: reportedName(guess))
        result.warnings.append("no declared encoding and not UTF-8; guessed \(result.encoding)")
        return result
    }

    /// Converts with iconv; invalid sequences become U+FFFD and conversion resumes one byte later.
    static func convert(_ bytes: UnsafeBufferPointer<UInt8>, skip: Int, from charset: String, name: String) -> Decoded {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) {
            return Decoded(utf8: Array(bytes[skip...]), encoding: "utf-8",
                           warnings: ["this system cannot convert \(charset); read as UTF-8"])
        }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: max(64, (bytes.count - skip) * 2 + 16))
        var replaced = 0
        var written = 0
        guard let base = bytes.baseAddress else { return Decoded(utf8: [], encoding: name, warnings: []) }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + skip)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = bytes.count - skip
        while inLeft > 0 {
            let result: Int = output.withUnsafeMutableBufferPointer { out in
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress! + written)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = out.count - written
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                written = out.count - outLeft
                return r
            }
            if result != -1 { break }
            let error = errno
            if error == E2BIG {
                output.append(contentsOf: repeatElement(0, count: output.count))
            } else {
                // EILSEQ or EINVAL (truncated sequence): replace one byte and go on.
                if output.count - written < 3 { output.append(contentsOf: repeatElement(0, count: 64)) }
                output[written] = 0xEF; output[written + 1] = 0xBF; output[written + 2] = 0xBD
                written += 3
                inPtr = inPtr.map { $0 + 1 }
                inLeft -= 1
                replaced += 1
            }
        }
        output.removeSubrange(written...)
        let warnings = replaced > 0 ? ["\(replaced) invalid \(name) bytes were replaced with U+FFFD"] : []
        return Decoded(utf8: output, encoding: name, warnings: warnings, replacements: replaced)
    }

    /// Media type (lower-cased) and charset parameter of an HTTP `Content-Type`.
    static func parseContentType(_ value: String) -> (mediaType: String, charset: String?) {
        let parts = value.split(separator: ";")
        let media = parts.first.map { String($0).trimmingXMLSpace().lowercased() } ?? ""
        var charset: String?
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: " \t") .lowercased() == "charset" else { continue }
            charset = String(pair[1]).trimmingXMLSpace().trimmingCharacters(in: "\"'")
        }
        return (media, charset?.isEmpty == true ? nil : charset)
    }

    /// The `encoding` of an ASCII-compatible XML declaration, if there is one.
    static func xmlDeclarationEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        while i < bytes.count && i < 1024 && bytes[i] != 0x3C { i += 1 }
        guard i + 5 < bytes.count, bytes[i + 1] == 0x3F, bytes[i + 2] | 0x20 == 0x78 else { return nil }
        var end = i
        while end < bytes.count && end < i + 512 && bytes[end] != 0x3E { end += 1 }
        let declaration = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let value = rest.prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    /// The iconv name for a charset label, folding the aliases feeds use; nil for labels Gazette does not know.
    static func canonicalName(_ label: String) -> String? {
        let key = label.lowercased().filter { $0 != " " }
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us": return "US-ASCII"
        case "utf-16": return "UTF-16"
        case "utf-16le", "utf16le": return "UTF-16LE"
        case "utf-16be", "utf16be": return "UTF-16BE"
        case "utf-32", "ucs-4": return "UTF-32"
        case "utf-32le": return "UTF-32LE"
        case "utf-32be": return "UTF-32BE"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin-1", "latin1", "l1", "iso-latin-1", "8859-1":
            return "ISO-8859-1"
        case "windows-1252", "cp1252", "x-cp1252", "win-1252": return "WINDOWS-1252"
        case "koi8-r", "koi8r": return "KOI8-R"
        case "koi8-u": return "KOI8-U"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis": return "SHIFT_JIS"
        case "cp932", "windows-31j": return "CP932"
        case "euc-jp", "eucjp", "x-euc-jp": return "EUC-JP"
        case "iso-2022-jp": return "ISO-2022-JP"
        case "gb2312", "gbk", "gb18030", "euc-cn", "x-gbk", "cp936": return "GB18030"
        case "big5", "big-5", "cn-big5", "x-x-big5", "csbig5", "cp950": return "BIG5-HKSCS"
        case "euc-kr", "euckr", "cp949", "ks_c_5601-1987": return "CP949"
        case "tis-620", "tis620", "cp874", "windows-874": return "CP874"
        default: break
        }
        if key.hasPrefix("iso-8859-") || key.hasPrefix("iso8859-") || key.hasPrefix("iso_8859-") {
            let number = key.split(separator: "-").last.map(String.init) ?? ""
            if let value = Int(number), (1...16).contains(value) { return "ISO-8859-\(value)" }
        }
        if key.hasPrefix("windows-125") || key.hasPrefix("cp125") {
            if let digit = key.last, digit.isNumber { return "WINDOWS-125\(digit)" }
        }
        return nil
    }

    /// The name `encoding` reports for an iconv charset.
    static func reportedName(_ iconvName: String) -> String {
        switch iconvName {
        case "BIG5-HKSCS": return "big5hkscs"
        case "TIS-620": return "tis-620"
        case "CP949": return "cp949"
        case "CP874": return "cp874"
        default: return iconvName.lowercased()
        }
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
