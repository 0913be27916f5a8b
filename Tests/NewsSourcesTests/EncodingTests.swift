import Foundation
import Testing
import NewsModel
@testable import NewsSources

/// A feed whose channel title is `title` (raw bytes), with an optional XML declaration encoding.
func feedBytes(title: [UInt8], declared: String? = nil) -> [UInt8] {
    let head = declared.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>" } ?? ""
    return Array((head + "<rss version=\"2.0\"><channel><title>").utf8) + title + Array("</title></channel></rss>".utf8)
}

/// `text` in UTF-16 or UTF-32 (no BOM), ASCII-range characters only plus what `extra` appends.
func wide(_ text: String, bytesPerUnit: Int, bigEndian: Bool) -> [UInt8] {
    var out: [UInt8] = []
    for scalar in text.unicodeScalars {
        var unit = Array(repeating: UInt8(0), count: bytesPerUnit)
        var value = scalar.value
        for k in 0..<bytesPerUnit { unit[k] = UInt8(value & 0xFF); value >>= 8 }
        out += bigEndian ? unit.reversed() : unit
    }
    return out
}

@Suite("Encodings: BOM, HTTP charset, XML declaration, legacy charsets")
struct EncodingTests {
    @Test("legacy charsets declared in the XML declaration", arguments: [
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] as [UInt8], "Привет"),
        ("gb2312", [0xD0, 0xC2, 0xCE, 0xC5], "新闻"),
        ("GB18030", [0xD0, 0xC2, 0xCE, 0xC5], "新闻"),
        ("big5", [0xB7, 0x73, 0xBB, 0x44], "新聞"),
        ("Shift_JIS", [0x83, 0x6A, 0x83, 0x85, 0x81, 0x5B, 0x83, 0x58], "ニュース"),
        ("EUC-JP", [0xA5, 0xCB, 0xA5, 0xE5, 0xA1, 0xBC, 0xA5, 0xB9], "ニュース"),
        ("iso-8859-2", [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
        ("windows-1252", [0x93, 0x63, 0x61, 0x66, 0xE9, 0x94], "“café”"),
        ("latin-1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("utf8", Array("café".utf8), "café"),
    ])
    func declared(_ charset: String, _ bytes: [UInt8], _ expected: String) throws {
        let feed = try parse(bytes: feedBytes(title: bytes, declared: charset)).feed
        #expect(feed.title == expected)
    }

    @Test("the encoding reported is the one used")
    func reported() throws {
        #expect(try parse(bytes: feedBytes(title: [0x41], declared: "koi8-r")).feed.encoding == "koi8-r")
        #expect(try parse(bytes: feedBytes(title: [0x41])).feed.encoding == "utf-8")
    }

    @Test("the HTTP charset overrides the XML declaration")
    func httpWins() throws {
        let result = try parse(bytes: feedBytes(title: [0x63, 0x61, 0x66, 0xE9], declared: "utf-8"),
                               contentType: "application/rss+xml; charset=iso-8859-1")
        #expect(result.feed.title == "café")
        #expect(result.feed.encoding == "iso-8859-1")
        #expect(result.warnings.contains { $0.contains("overrides") })
    }

    @Test("text/xml without a charset is US-ASCII (RFC 3023)")
    func textXMLDefault() throws {
        #expect(try parse(bytes: feedBytes(title: Array("abc".utf8), declared: "iso-8859-1"),
                          contentType: "text/xml").feed.encoding == "us-ascii")
    }

    @Test("a UTF-8 BOM wins over a wrong declaration")
    func utf8BOM() throws {
        let feed = try parse(bytes: [0xEF, 0xBB, 0xBF] + feedBytes(title: Array("café".utf8), declared: "iso-8859-1")).feed
        #expect(feed.title == "café")
    }

    @Test("UTF-16 and UTF-32 are recognised with and without a BOM", arguments: [
        (2, false, true), (2, true, true), (2, false, false), (2, true, false),
        (4, false, true), (4, true, true), (4, false, false), (4, true, false),
    ])
    func wideEncodings(_ width: Int, _ bigEndian: Bool, _ bom: Bool) throws {
        let text = "<rss><channel><title>Ol\u{E1} \u{65B0}</title></channel></rss>"
        var bytes = wide(text, bytesPerUnit: width, bigEndian: bigEndian)
        if bom { bytes = wide("\u{FEFF}", bytesPerUnit: width, bigEndian: bigEndian) + bytes }
        #expect(try parse(bytes: bytes).feed.title == "Olá 新")
    }

    @Test("invalid bytes in declared UTF-8 become U+FFFD, never a crash")
    func invalidUTF8() throws {
        let result = try parse(bytes: feedBytes(title: [0x61, 0xFF, 0xFE, 0x62], declared: "utf-8"))
        #expect(result.feed.title == "a\u{FFFD}\u{FFFD}b")
        #expect(!result.warnings.isEmpty)
    }

    @Test("undeclared non-UTF-8 bytes are read as windows-1252 and reported")
    func undeclaredLegacy() throws {
        let result = try parse(bytes: feedBytes(title: [0x93, 0x63, 0x61, 0x66, 0xE9, 0x94]))
        #expect(result.feed.title == "“café”")
        #expect(result.feed.encoding == "windows-1252")
    }

    @Test("undeclared KOI8-R Russian is recognised")
    func sniffKOI8() throws {
        let russian: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x20, 0xCD, 0xC9, 0xD2, 0x20, 0xD4, 0xC5, 0xD3, 0xD4]
        let feed = try parse(bytes: feedBytes(title: russian)).feed
        #expect(feed.encoding == "koi8-r")
        #expect(feed.title == "Привет мир тест")
    }

    @Test("an unknown declared encoding falls back to UTF-8 with a warning")
    func unknownCharset() throws {
        let result = try parse(bytes: feedBytes(title: Array("ok".utf8), declared: "x-martian"))
        #expect(result.feed.title == "ok")
        #expect(result.warnings.contains { $0.contains("x-martian") })
    }
}
