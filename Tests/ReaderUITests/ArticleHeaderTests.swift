import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

@Suite("render: the article header and refresh progress")
struct ArticleHeaderTests {
    let theme = Theme.builtinDefault

    func header(_ story: Story, width: Int = 100, now: Date = Fixtures.now, zone: DisplayZone = .utc) -> [String] {
        ArticleDocument.header(for: story, width: width, timeZone: zone, now: now).map(\.plainText)
    }

    @Test("title, source and author, date in the local zone and relative, comment count, link")
    func full() {
        var story = Fixtures.seedStory
        story.published = Date(timeIntervalSince1970: 1_646_733_240)  // 2022-03-08 09:54 UTC
        #expect(header(story) == [
            Fixtures.seedTitle,
            "MercoPress · by MercoPress staff",
            "2022-03-08 09:54 UTC · 1 year ago · 2 comments",
            "https://en.mercopress.com/2022/03/08/surprise",
        ])
    }

    @Test("the date is shown in the reader's time zone")
    func localZone() throws {
        var story = Fixtures.seedStory
        story.published = Date(timeIntervalSince1970: 1_646_733_240)
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(header(story, zone: .zone(tokyo))[2].hasPrefix("2022-03-08 18:54 GMT+9"))
    }

    @Test("no author, no link and no comment count leave their parts out; one comment is singular")
    func sparse() {
        var story = Fixtures.seedStory
        story.author = nil; story.link = nil; story.commentCount = nil
        #expect(header(story) == [Fixtures.seedTitle, "MercoPress", "2023-11-14 19:13 UTC · 3 hours ago"])
        story.commentCount = 1
        #expect(header(story)[2].hasSuffix("· 1 comment"))
        story.commentCount = 0
        #expect(header(story)[2].hasSuffix("· no comments"))
        story.commentCount = 1234
        #expect(header(story)[2].hasSuffix("· 1,234 comments"))
    }

    static let spellings: [(secondsAgo: Double, text: String)] = [
        (0, "just now"), (59, "just now"), (60, "1 minute ago"), (150, "2 minutes ago"), (3_600, "1 hour ago"),
        (172_800, "2 days ago"), (1_209_600, "2 weeks ago"), (5_616_000, "2 months ago"),
        (126_230_400, "4 years ago"), (-7_200, "in 2 hours"),
    ]

    @Test("relative dates are spelled out in the largest whole unit")
    func spelled() {
        for (secondsAgo, text) in Self.spellings {
            #expect(DateText.spelledRelative(Fixtures.now.addingTimeInterval(-secondsAgo), now: Fixtures.now) == text)
        }
    }

    @Test("a hostile author or title cannot put control characters in the header")
    func hostile() {
        var story = Fixtures.seedStory
        story.title = "Title\u{1B}[2J\u{202E}kcah"
        story.author = "Eve\u{1B}]0;pwned\u{07}"
        let lines = header(story)
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        }
    }

    @Test("while a refresh runs the status bar counts it, then shows the summary")
    func progressInStatusBar() throws {
        var state = Fixtures.state(width: 160, height: 48)
        state.refresh.unavailableReason = nil
        let effects = update(&state, .keyPressed(.character("R")))
        guard case .refresh(let request)? = effects.first else { Issue.record("no refresh"); return }
        _ = update(&state, .refreshProgressed(request.id, RefreshTally(done: 37, total: 120), at: Fixtures.now))
        let bar = try #require(render(state, theme: theme).lines.last)
        #expect(bar.hasSuffix("refreshing 37/120"))
        #expect(bar.contains("1/3  2 unread"))
        _ = update(&state, .refreshFinished(request.id, RefreshTally(done: 120, total: 120, newStories: 34, errors: 2)))
        #expect(try #require(render(state, theme: theme).lines.last).hasSuffix("refreshed 120 feeds: 34 new, 2 errors"))
    }

    @Test("the o prompt shows in the status bar with the link range")
    func prompt() throws {
        var state = Fixtures.state(width: 160, height: 48)
        _ = update(&state, .keyPressed(.character("o")))
        let bar = try #require(render(state, theme: theme).lines.last)
        #expect(bar.contains("open: Enter or o = the story's link"))
    }
}
