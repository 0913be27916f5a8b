import Foundation
import Testing
@testable import NewsSources
@testable import NewsSync

/// Tiny Tiny RSS's answers, in the shapes its API reference documents (numbers quoted or not), read into
/// values; its error codes told apart.
@Suite struct TinyTinyRSSCodecTests {
    @Test func readsTheSessionAndTheErrorCodes() throws {
        let login = answer(#"{"seq": 0, "status": 0, "content": {"session_id": "ab12cd", "api_level": 18}}"#.utf8)
        #expect(try TinyTinyRSSCodec.sessionID(login) == "ab12cd")
        for (code, failure) in [("NOT_LOGGED_IN", TinyTinyRSSFailure.notLoggedIn), ("LOGIN_ERROR", .loginError),
                                ("API_DISABLED", .apiDisabled), ("INCORRECT_USAGE", .code("INCORRECT_USAGE"))] {
            let body = answer(#"{"seq": 0, "status": 1, "content": {"error": "\#(code)"}}"#.utf8)
            #expect(throws: failure) { try TinyTinyRSSCodec.updatedCount(body) }
            #expect(throws: failure) { try TinyTinyRSSCodec.headlines(body) }
        }
    }

    @Test func keepsRealFeedsAndCategoriesOnly() throws {
        let feeds = try TinyTinyRSSCodec.feeds(answer("""
        {"seq": 0, "status": 0, "content": [
          {"id": -1, "title": "Starred articles", "unread": 0, "cat_id": -1},
          {"id": 0, "title": "Archived articles", "unread": 0, "cat_id": -1},
          {"id": -1027, "title": "a label", "unread": 0, "cat_id": -2},
          {"feed_url": "https://valley.example/rss", "title": "Valley gazette", "id": "7", "unread": "3",
           "has_icon": false, "cat_id": "2", "last_updated": 1796115600, "order_id": 0}]}
        """.utf8))
        #expect(feeds == [TinyTinyRSSFeed(id: 7, title: "Valley gazette", feedURL: "https://valley.example/rss", categoryID: 2,
                                          unread: 3)])
        let categories = try TinyTinyRSSCodec.categories(answer("""
        {"seq": 0, "status": 0, "content": [{"id": "2", "title": "Rivers", "unread": 3, "order_id": 1},
          {"id": -1, "title": "Special", "unread": 0}, {"id": 0, "title": "Uncategorized", "unread": 0}]}
        """.utf8))
        #expect(categories == [TinyTinyRSSCategory(id: 2, title: "Rivers")])
    }

    @Test func readsHeadlinesInBothFormsWithLooseTypes() throws {
        let item = """
        {"id": 5512, "guid": "SHA1:x", "unread": "t", "marked": 1, "published": false, "updated": "1796115600",
         "is_updated": false, "title": "Flood gates tested", "link": "https://valley.example/gates", "feed_id": "7",
         "tags": [""], "labels": [], "feed_title": "Valley gazette", "comments_count": 0,
         "comments_link": "https://valley.example/gates#c", "author": "M. Duarte", "score": 0, "note": null,
         "content": "<p>All four held.</p>"}
        """
        let plain = try TinyTinyRSSCodec.headlines(answer(#"{"seq": 0, "status": 0, "content": [\#(item)]}"#.utf8))
        let withHeader = try TinyTinyRSSCodec.headlines(answer("""
        {"seq": 0, "status": 0, "content": [{"id": -4, "first_id": 5512, "is_cat": false}, [\(item)]]}
        """.utf8))
        let expected = TinyTinyRSSHeadline(
            id: 5512, feedID: 7, feedTitle: "Valley gazette", title: "Flood gates tested", link: "https://valley.example/gates", author: "M. Duarte",
            content: "<p>All four held.</p>", updated: Date(timeIntervalSince1970: 1_796_115_600), unread: true,
            marked: true, commentsLink: "https://valley.example/gates#c", tags: [])
        #expect(plain == [expected] && withHeader == [expected])
    }

    @Test func anHTMLAnswerIsNotAnAPIError() {
        #expect(throws: TinyTinyRSSFailure.answer(.notTheAPI(contentType: "text/html", excerpt: "502 Bad Gateway"))) {
            try TinyTinyRSSCodec.sessionID(answer("<html><body>502 Bad Gateway</body></html>".utf8, contentType: "text/html"))
        }
    }

    @Test func callsCarryTheOperationAndTheSession() throws {
        let body = TinyTinyRSSCodec.call("updateArticle", session: "ab12cd", ["article_ids": "4,5", "mode": 0, "field": 2])
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object["op"] as? String == "updateArticle" && object["sid"] as? String == "ab12cd")
        #expect(object["article_ids"] as? String == "4,5" && object["mode"] as? Int == 0 && object["field"] as? Int == 2)
    }
}
