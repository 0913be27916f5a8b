import Foundation
import Testing
import TestSupport
@testable import NewsSources

@Suite("Story pages for reader mode: fetched like feeds, refused when they are not HTML")
struct PageFetcherTests {
    static func serve(_ reply: LoopbackServer.Reply) throws -> LoopbackServer {
        try LoopbackServer { _ in reply }
    }

    @Test("An HTML page is decoded with its declared charset and keeps its final address")
    func html() async throws {
        let latin1 = Data("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8) + Data([0xE9])
            + Data(" del muelle</p></body></html>".utf8)
        let server = try Self.serve(LoopbackServer.Reply(status: 200, headers: [("Content-Type", "text/html")],
                                                         body: latin1))
        defer { server.stop() }
        let page = try await PageFetcher(fetcher: FeedFetcher()).fetch(server.baseURL + "/story")
        #expect(page.html.contains("Café del muelle"))
        #expect(page.url == server.baseURL + "/story")
    }

    @Test("A 404 is a fetch error that names the status")
    func notFound() async throws {
        let server = try Self.serve(LoopbackServer.Reply(status: 404, contentType: "text/html", body: "<p>gone</p>"))
        defer { server.stop() }
        await #expect(throws: PageError.fetch(.http(status: 404, retryAfter: nil))) {
            try await PageFetcher(fetcher: FeedFetcher()).fetch(server.baseURL + "/story")
        }
    }

    @Test("A PDF, by its type or by its first bytes, and an image are refused as not HTML")
    func notHTML() async throws {
        let pdf = try Self.serve(LoopbackServer.Reply(status: 200, contentType: "application/pdf", body: "%PDF-1.7"))
        defer { pdf.stop() }
        await #expect(throws: PageError.notHTML("application/pdf")) {
            try await PageFetcher(fetcher: FeedFetcher()).fetch(pdf.baseURL + "/report.pdf")
        }
        #expect(throws: PageError.notHTML("application/pdf")) {
            try PageFetcher.decode(Data("%PDF-1.4 binary".utf8), contentType: nil, url: nil)
        }
        #expect(throws: PageError.notHTML("image/png")) {
            try PageFetcher.decode(Data([0x89, 0x50]), contentType: "image/png", url: nil)
        }
        #expect(throws: PageError.empty) { try PageFetcher.decode(Data(), contentType: "text/html", url: nil) }
    }
}
