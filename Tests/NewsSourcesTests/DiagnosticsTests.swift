import Foundation
import Testing
@testable import NewsSources

/// Documents that are slightly wrong are read as a browser would, with a warning, not refused.
@Suite("Mislabelled and slightly broken documents")
struct DiagnosticsTests {
    @Test("A feed declared utf-16 but written in single-byte text is read as UTF-8, with a warning",
          arguments: [("<?xml version=\"1.0\" encoding=\"utf-16\"?>", nil as String?),
                      ("<?xml version=\"1.0\"?>", "application/rss+xml; charset=UTF-16")])
    func utf16Declared(declaration: String, contentType: String?) throws {
        let xml = declaration + "<rss version=\"2.0\"><channel><title>Café Tides</title>"
            + "<item><title>Low water at noon</title></item></channel></rss>"
        let result = try FeedParser.parse(data: Data(xml.utf8), url: nil, contentType: contentType, fetchedAt: Date())
        #expect(result.feed.title == "Café Tides")
        #expect(result.feed.entries.map(\.title) == ["Low water at noon"])
        #expect(result.warnings.contains { $0.contains("single-byte") }, "\(result.warnings)")
    }

    @Test("Real UTF-16 (with its byte-order mark) is still read as UTF-16")
    func realUTF16() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Ébb</title></channel></rss>"
        var data = Data([0xFF, 0xFE])
        for unit in xml.utf16 { data.append(UInt8(unit & 0xFF)); data.append(UInt8(unit >> 8)) }
        let result = try FeedParser.parse(data: data, url: nil, contentType: nil, fetchedAt: Date())
        #expect(result.feed.title == "Ébb")
        #expect(!result.warnings.contains { $0.contains("single-byte") })
    }

    @Test("One bad UTF-8 byte in a JSON Feed becomes U+FFFD with a warning, not a refusal")
    func jsonBadByte() throws {
        var data = Data("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Quay ".utf8)
        data.append(0xE9)  // windows-1252 é, not UTF-8
        data.append(contentsOf: Data("\",\"items\":[{\"id\":\"1\",\"title\":\"Nets mended\"}]}".utf8))
        let result = try FeedParser.parse(data: data, url: nil, contentType: "application/feed+json", fetchedAt: Date())
        #expect(result.feed.title == "Quay \u{FFFD}")
        #expect(result.feed.entries.map(\.title) == ["Nets mended"])
        #expect(result.warnings.contains { $0.contains("U+FFFD") })
    }
}
