import Foundation
import NewsModel
import Testing
@testable import NewsSync

/// The Google Reader answers read with the JSON reader: the shapes servers send (FreshRSS, Miniflux, The
/// Old Reader differ in what is a number, what is null, what is missing), and clear refusals.
@Suite struct GReaderPayloadTests {
    static func ids(_ json: String) throws(SyncError) -> GReaderItemIDs {
        try SyncHTTP.read(answer(Array(json.utf8)), GReaderItemIDs.read)
    }

    static func stories(_ json: String) throws(SyncError) -> [RemoteStory] {
        try SyncHTTP.read(answer(Array(json.utf8)), GReaderStream.read)
    }

    @Test func idListsTakeStringAndNumberIdsAndSkipWhatTheyDoNotNeed() throws {
        let list = try Self.ids("""
            {"itemRefs":[{"id":"1700000000000000007","directStreamIds":[],"timestampUsec":"1700000000000000"},
            {"timestampUsec":"1","id":1700000000000000006}],"continuation":"1700000000000000005"}
            """)
        #expect(list == GReaderItemIDs(ids: ["1700000000000000007", "1700000000000000006"],
                                       continuation: "1700000000000000005"))
        #expect(try Self.ids(#"{"itemRefs":null}"#) == GReaderItemIDs())
        #expect(try Self.ids(#"{"itemRefs":[],"continuation":null}"#) == GReaderItemIDs())
    }

    @Test func anIdListWithoutIdsOrNotJSONIsMalformedWithItsPlace() {
        #expect(throws: SyncError.malformed("itemRefs[1] has no 'id' at byte 31 of 33 bytes from http://127.0.0.1/api")) {
            try Self.ids(#"{"itemRefs":[{"id":"1"},{"x":2}]}"#)
        }
        #expect(throws: SyncError.malformed("expected an array at byte 12 of 16 bytes from http://127.0.0.1/api")) {
            try Self.ids(#"{"itemRefs":"1"}"#)
        }
        #expect(throws: SyncError.malformed("the text ends inside an array at byte 21 of 21 bytes from http://127.0.0.1/api")) {
            try Self.ids(#"{"itemRefs":[{"id":1}"#)
        }
    }

    @Test func itemsBecomeStoriesWithTheirStatesFeedAndLabels() throws {
        let stories = try Self.stories("""
            {"id":"user/-/state/com.google/reading-list","updated":1700000100,"items":[
             {"id":"tag:google.com,2005:reader/item/0000000000000010","crawlTimeMsec":"1700000000000",
              "published":1700000000,"updated":"1700000050","title":"Caf\\u00e9 \\"news\\" \\ud83d\\ude00",
              "canonical":[{"href":"https://a.example/1"}],"alternate":[{"href":"https://b.example/1","type":"text/html"}],
              "categories":["user/-/state/com.google/reading-list","user/-/state/com.google/read",
                            "user/-/state/com.google/starred","user/-/label/Tech"],
              "origin":{"streamId":"feed/7","title":"Seven","htmlUrl":"https://seven.example/"},
              "summary":{"content":"<p>short</p>"},"content":{"direction":"ltr","content":"<p>long</p>"},
              "author":"Ana"},
             {"id":"17","title":null,"canonical":null,"alternate":[{"type":"text/html","href":"https://b.example/2"}],
              "categories":null,"origin":null,"summary":{"content":"<p>only</p>"},"enclosure":[{"href":"x"}]}
            ]}
            """)
        #expect(stories.count == 2)
        let first = stories[0]
        #expect(first.remoteID == "16")
        #expect(first.state.isRead == true && first.state.isStarred == true)
        #expect(first.title == "Caf\u{E9} \"news\" \u{1F600}")
        #expect(first.link == "https://a.example/1")
        #expect(first.feedRemoteID == "feed/7" && first.feedTitle == "Seven" && first.feedURL == "7")
        #expect(first.published == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(first.updated == Date(timeIntervalSince1970: 1_700_000_050))
        #expect(first.contentHTML == "<p>long</p>")
        #expect(first.categories == ["Tech"])
        #expect(first.author == "Ana")
        let second = stories[1]
        #expect(second.remoteID == "17" && second.title == "" && second.link == "https://b.example/2")
        #expect(second.feedRemoteID == "feed/unknown")
        #expect(second.state.isRead == false && second.state.isStarred == false)
        #expect(second.contentHTML == "<p>only</p>")
    }

    @Test func aContentsAnswerThatIsNotRightSaysWhat() {
        #expect(throws: SyncError.malformed("the answer has no 'items' at byte 8 of 8 bytes from http://127.0.0.1/api")) {
            try Self.stories(#"{"id":1}"#)
        }
        #expect(throws: SyncError.malformed("items[0] has no 'id' at byte 23 of 25 bytes from http://127.0.0.1/api")) {
            try Self.stories(#"{"items":[{"title":"x"}]}"#)
        }
        #expect(throws: SyncError.malformed("a number out of range at byte 32 of 58 bytes from http://127.0.0.1/api")) {
            try Self.stories(#"{"items":[{"id":"1","published":99999999999999999999999}]}"#)
        }
        #expect(throws: SyncError.malformed("invalid UTF-8 in a string at byte 25 of 31 bytes from http://127.0.0.1/api")) {
            try SyncHTTP.read(answer(Array(#"{"items":[{"id":"1","t":""#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8)),
                              GReaderStream.read)
        }
    }
}
