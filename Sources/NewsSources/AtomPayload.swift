import Foundation
import TextSafety

/// The value of an Atom text construct or `content` whose `type` is a media type that is neither textual
/// nor XML. RFC 4287 §4.1.3.3 (rule 6) says such content is Base64; feeds in the wild do the same with
/// `title`, `subtitle` and `summary`. A payload that decodes to text is shown as that text; an image, sound,
/// video, font or any bytes that are not UTF-8 text are not shown as text at all.
enum AtomPayload: Equatable {
    case text(String)
    case binary

    /// The payload of `raw` under `mediaType` (already lower-cased and trimmed), or nil when the type does
    /// not call for Base64 (`text`, `html`, `xhtml`, `text/*`, an XML type, no `/`) or a non-binary type's
    /// value is not Base64 (then it is read as written, as a lenient reader must).
    /// `raw` is read only when the type calls for Base64, so the usual `html` and `xhtml` values cost nothing.
    static func read(_ raw: @autoclosure () -> String, mediaType: String) -> AtomPayload? {
        guard let slash = mediaType.firstIndex(of: "/"), !mediaType.hasPrefix("text/"),
              !mediaType.hasSuffix("+xml"), !mediaType.hasSuffix("/xml") else { return nil }
        let topLevel = String(mediaType[..<slash])
        let binaryType = ["image", "audio", "video", "font", "model"].contains(topLevel)
        guard let bytes = decodeBase64(raw()) else { return binaryType ? .binary : nil }
        guard !binaryType, let text = textual(bytes) else { return .binary }
        return .text(text)
    }

    /// Base64 with white space anywhere and the final padding optional; nil when it is not Base64.
    static func decodeBase64(_ raw: String) -> [UInt8]? {
        var compact = raw.filter { !$0.isWhitespace }
        guard !compact.isEmpty else { return nil }
        if compact.utf8.count % 4 != 0 { compact += String(repeating: "=", count: 4 - compact.utf8.count % 4) }
        return Data(base64Encoded: compact).map { [UInt8]($0) }
    }

    /// The bytes as a string when they are UTF-8 text: valid, and no control characters but tab and line
    /// ends (which binary formats are full of).
    static func textual(_ bytes: [UInt8]) -> String? {
        for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return nil }
        let valid = bytes.withUnsafeBufferPointer { ByteScan.isValidUTF8($0) }
        return valid ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
