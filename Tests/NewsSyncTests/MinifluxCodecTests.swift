import Foundation
import Testing
@testable import NewsSources
@testable import NewsSync

/// Miniflux's answers, in the shapes its API reference documents, read into values.
@Suite struct MinifluxCodecTests {
    @Test func readsAPageOfEntriesWithTheirFeedAndState() throws {
        let body = answer("""
        {"total": 7, "entries": [{"id": 3081, "user_id": 1, "feed_id": 12, "status": "read",
          "hash": "9c1e", "title": "Harbour cranes return", "url": "https://port.example/cranes",
          "comments_url": "https://port.example/cranes#talk", "published_at": "2026-11-30T08:15:00.250-05:00",
          "created_at": "2026-11-30T13:20:00Z", "changed_at": "2026-12-01T09:00:00Z",
          "content": "<p>Three new cranes.</p>", "author": "Ines Okafor", "share_code": "", "starred": true,
          "reading_time": 2, "enclosures": null, "feed": {"id": 12, "title": "Port news"}, "tags": ["shipping"]}]}
        """.utf8)
        let page = try MinifluxCodec.entryPage(body)
        #expect(page.total == 7)
        let entry = try #require(page.entries.first)
        #expect(entry.id == 3081 && entry.feedID == 12 && entry.status == .read && entry.starred)
        #expect(entry.commentsURL == "https://port.example/cranes#talk" && entry.author == "Ines Okafor")
        #expect(entry.published == Date(timeIntervalSince1970: 1_796_044_500.25))
        #expect(entry.changed == Date(timeIntervalSince1970: 1_796_115_600))
        #expect(entry.tags == ["shipping"])
    }

    @Test func anEmptyPageIsNullEntries() throws {
        let page = try MinifluxCodec.entryPage(answer(#"{"total": 0, "entries": null}"#.utf8))
        #expect(page.total == 0 && page.entries.isEmpty)
    }

    @Test func readsFeedsWithCategoriesAndTheUser() throws {
        let feeds = try MinifluxCodec.feeds(answer("""
        [{"id": 12, "user_id": 1, "feed_url": "https://port.example/feed.xml", "site_url": "https://port.example/",
          "title": "Port news", "checked_at": "2026-12-01T09:00:00Z", "disabled": false,
          "category": {"id": 4, "user_id": 1, "title": "Local", "hide_globally": false},
          "icon": {"feed_id": 12, "icon_id": 30}}]
        """.utf8))
        #expect(feeds == [MinifluxFeed(id: 12, title: "Port news", feedURL: "https://port.example/feed.xml",
                                       siteURL: "https://port.example/", category: MinifluxCategory(id: 4, title: "Local"))])
        #expect(try MinifluxCodec.user(answer(#"{"id": 1, "username": "reader", "is_admin": false}"#.utf8)) == "reader")
    }

    @Test func anHTMLAnswerAndAWrongShapeAreSaidApart() {
        #expect(throws: SyncError.notTheAPI(contentType: "application/json", excerpt: "Login")) {
            try MinifluxCodec.feeds(answer("\n  <!DOCTYPE html><html><body>Login</body></html>".utf8))
        }
        #expect(throws: SyncError.malformed("missing 'username' at the top in 9 bytes from http://127.0.0.1/api")) {
            try MinifluxCodec.user(answer(#"{"id": 1}"#.utf8))
        }
        #expect(throws: SyncError.malformed("not JSON in 7 bytes from http://127.0.0.1/api")) {
            try MinifluxCodec.entryPage(answer("total=7".utf8))
        }
    }

    @Test func readsTheServersErrorMessageAndWritesBulkStatusBodies() throws {
        #expect(MinifluxCodec.errorMessage(answer(#"{"error_message": "Access Unauthorized"}"#.utf8)) == "Access Unauthorized")
        #expect(MinifluxCodec.errorMessage(answer("<html></html>".utf8, status: 401)) == nil)
        let body = MinifluxCodec.statusUpdate(ids: [5, 9], status: .read)
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object["entry_ids"] as? [Int] == [5, 9] && object["status"] as? String == "read")
    }
}
