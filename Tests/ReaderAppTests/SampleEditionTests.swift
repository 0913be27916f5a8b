import Foundation
import Testing
import NewsModel
@testable import ReaderApp

/// Every story of the sample edition with its source and thread, flattened for the checks below.
private struct EditionStory {
    var source: SampleSource
    var entry: FeedEntry
    var comments: [FetchedComment]
}

private let allStories: [EditionStory] = SampleEdition.sources.flatMap { source in
    source.document.entries.map { EditionStory(source: source, entry: $0, comments: source.comments[$0.id ?? ""] ?? []) }
}

private func story(_ id: String) throws -> EditionStory {
    try #require(allStories.first { $0.entry.id == id })
}

private func isoDate(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

/// The text of an HTML fragment with the tags removed and block ends turned into blank lines.
private func plainText(_ html: String) -> String {
    var text = html.replacingOccurrences(of: #"</(p|h[1-6]|li|tr|pre|blockquote|ol|ul|dd|dt|figcaption)>"#,
                                         with: "\n\n", options: .regularExpression)
    text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: character)
    }
    return text
}

/// Lines a greedy word wrap at `width` columns produces, with a blank line between blocks, as the article
/// pane lays text out. Only for Latin text, where one character is one column.
private func wrappedLineCount(_ text: String, width: Int) -> Int {
    var count = 0
    for block in text.components(separatedBy: "\n\n") {
        let words = block.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { continue }
        var lineLength = 0
        var lines = 1
        for word in words {
            if lineLength == 0 { lineLength = word.count } else if lineLength + 1 + word.count <= width {
                lineLength += 1 + word.count
            } else { lines += 1; lineLength = word.count }
        }
        count += lines + 1
    }
    return count
}

/// Every piece of text in the edition that will reach the screen, with a label saying where it is.
private func everyText() -> [(String, String)] {
    var texts: [(String, String)] = []
    for source in SampleEdition.sources {
        texts += [("source title", source.title), ("source url", source.url)] + source.tags.map { ("tag", $0) }
        texts += [source.document.title, source.document.link, source.document.subtitle].compactMap { $0 }.map { ("feed", $0) }
    }
    for story in allStories {
        let e = story.entry
        let fields: [String?] = [e.id, e.title, e.link, e.author, e.summary, e.content, e.commentsURL, e.thumbnailURL]
        texts += fields.compactMap { $0 }.map { ("entry \(e.id ?? "?")", $0) }
        texts += (e.categories + e.enclosures.map(\.url)).map { ("entry \(e.id ?? "?")", $0) }
        for comment in story.comments {
            texts += [comment.remoteID, comment.author, comment.body].compactMap { $0 }.map { ("comment \(comment.remoteID)", $0) }
        }
    }
    return texts
}

@Suite("Sample edition: the seed story")
struct SampleEditionSeedTests {
    @Test("The seed story has the MercoPress title, date, link and comment page")
    func seedHeader() throws {
        let seed = try story(SampleEdition.seedEntryID)
        #expect(seed.source.title == "MercoPress")
        #expect(seed.source.url == "sample:mercopress")
        #expect(seed.entry.title == "Surprise turnaround of Ukraine invasion: Washington and Maduro regime hold weekend talks")
        #expect(seed.entry.published == isoDate("2022-03-08T09:54:00Z"))
        let link = "https://en.mercopress.com/2022/03/08/surprise-turnaround-of-ukraine-invasion-washington-and-maduro-regime-hold-weekend-talks"
        #expect(seed.entry.link == link)
        #expect(seed.entry.commentsURL == link + "/comments")
        #expect(seed.entry.commentCount == 2)
    }

    @Test("The seed body has the photo caption as alt text and figure caption, and the article verbatim")
    func seedBody() throws {
        let content = try #require(try story(SampleEdition.seedEntryID).entry.content)
        let caption = "Maduro, with whose regime US cut relations in 2019, has been among the few international figures to assure Putin of his “strong support” during the Ukraine invasion."
        #expect(content.contains("alt=\"\(caption)\""))
        #expect(content.contains("<figcaption>\(caption)</figcaption>"))
        #expect(content.contains("<p>The United States and Venezuela are back in talking terms. White House admitted on Monday that a US delegation held weekend talks in Caracas with the government of Nicolas Maduro including discussions on energy supplies.</p>"))
        #expect(content.contains("<p>“As it relates to Venezuela, the purpose of the trip that was taken by administration officials was to discuss a range of issues including certainly energy, energy security,” White House Press Secretary Jen Psaki told reporters.</p>"))
        #expect(content.contains("which accounted for 96% of the country's revenues -- on the US market."))
        #expect(content.contains("<p>The Maduro regime that has seen its oil output drop to a million bps, from the three million in 1999, has invited foreign companies to invest in Venezuela and help the local oil industry recover. When the announcement, Maduro made “the invitation extensive to US companies”</p>"))
        #expect(content.components(separatedBy: "<p>").count - 1 == 10)
    }

    @Test("The seed's two comments are imoyaro's then Tænk's, with their words, dates and scores")
    func seedComments() throws {
        let comments = try story(SampleEdition.seedEntryID).comments
        try #require(comments.count == 2)
        #expect(comments[0].author == "imoyaro")
        #expect(comments[0].body == "<p>That's Polonium, Gauchito. Not that you'd know... ;)</p>")
        #expect(comments[0].date == isoDate("2022-03-12T10:30:00Z"))
        #expect(comments[0].score == 0)
        #expect(comments[1].author == "Tænk")
        #expect(comments[1].body == "<p>Now..., we only need Putin to poison USA's Venezuelan Fake President Juan Guaidio with some Plutonium and China to join the Anglosphere against the Ruskies...</p>")
        #expect(comments[1].date == isoDate("2022-03-08T10:14:00Z"))
        #expect(comments[1].score == -1)
        #expect(comments.allSatisfy { $0.depth == 0 && $0.parentRemoteID == nil && !$0.isDeleted })
    }
}

@Suite("Sample edition: shape")
struct SampleEditionShapeTests {
    @Test("There are at least 13 stories across at least 3 sources, all of the sample kind")
    func counts() {
        #expect(allStories.count >= 13)
        #expect(SampleEdition.sources.count >= 3)
        #expect(SampleEdition.sources.allSatisfy { $0.kind == .sample && $0.url.hasPrefix("sample:") })
        #expect(Set(SampleEdition.sources.map(\.url)).count == SampleEdition.sources.count)
    }

    @Test("Every entry has an id, a title, an https link and a date between 2022 and 2026")
    func entriesComplete() throws {
        let earliest = try #require(isoDate("2022-01-01T00:00:00Z")), latest = try #require(isoDate("2027-01-01T00:00:00Z"))
        for story in allStories {
            let e = story.entry
            #expect(e.id != nil && e.title != nil && e.link?.hasPrefix("https://") == true, "\(e.id ?? "?")")
            let published = try #require(e.published)
            #expect(published >= earliest && published < latest, "\(e.id ?? "?")")
        }
        let years = Set(allStories.compactMap(\.entry.published).map { Int($0.timeIntervalSince1970 / 31_556_952) + 1970 })
        #expect(years.isSuperset(of: [2022, 2023, 2024, 2025, 2026]))
    }

    @Test("Entry ids and comment ids are unique across the whole edition")
    func uniqueIDs() {
        let entryIDs = allStories.compactMap(\.entry.id)
        #expect(Set(entryIDs).count == allStories.count)
        let commentIDs = allStories.flatMap(\.comments).map(\.remoteID)
        #expect(Set(commentIDs).count == commentIDs.count)
    }

    @Test("Each entry's comment count is its thread's count (deleted comments not counted), and threads belong to entries")
    func commentCountsMatch() {
        for story in allStories {
            #expect(story.entry.commentCount == CommentCount.of(story.comments), "\(story.entry.id ?? "?")")
        }
        for source in SampleEdition.sources {
            let ids = Set(source.document.entries.compactMap(\.id))
            #expect(Set(source.comments.keys).isSubset(of: ids))
        }
    }

    @Test("One story has no comments at all")
    func storyWithoutComments() {
        let silent = allStories.filter { $0.entry.commentCount == 0 }
        #expect(silent.count >= 1)
        #expect(silent.allSatisfy { $0.source.comments[$0.entry.id ?? ""] == nil })
    }

    @Test("Most stories have a few comments")
    func mostStoriesHaveComments() {
        #expect(allStories.filter { !$0.comments.isEmpty }.count * 4 >= allStories.count * 3)
    }

    @Test("Every comment is dated after its story")
    func commentDates() throws {
        for story in allStories {
            let published = try #require(story.entry.published)
            for comment in story.comments where !comment.isDeleted {
                #expect((comment.date ?? .distantPast) > published, "\(comment.remoteID)")
            }
        }
    }
}

@Suite("Sample edition: threads")
struct SampleEditionThreadTests {
    @Test("Every thread is well formed: roots have no parent, a reply sits one level below an earlier parent")
    func threadsWellFormed() {
        for story in allStories {
            var seen: [String: Int] = [:]   // remote id → depth
            for comment in story.comments {
                if let parent = comment.parentRemoteID {
                    let parentDepth = seen[parent]
                    #expect(parentDepth != nil, "\(comment.remoteID): parent \(parent) not earlier in the thread")
                    #expect(comment.depth == (parentDepth ?? -2) + 1, "\(comment.remoteID)")
                } else {
                    #expect(comment.depth == 0, "\(comment.remoteID)")
                }
                seen[comment.remoteID] = comment.depth
            }
        }
    }

    @Test("One thread has at least 40 comments, 6 levels, many voices and a deleted comment")
    func longThread() throws {
        let long = try #require(allStories.first { $0.comments.count >= 40 })
        let comments = long.comments
        #expect((comments.map(\.depth).max() ?? 0) >= 6)
        #expect(Set(comments.compactMap(\.author)).count >= 15)
        #expect(Set(comments.compactMap(\.score)).count >= 15)
        #expect(comments.contains { ($0.score ?? 0) < 0 })
        #expect(comments.filter { $0.body.components(separatedBy: "<p>").count > 2 }.count >= 3)
        #expect(comments.contains { $0.body.contains("<pre><code>") })
        #expect(Set(comments.compactMap(\.date)).count >= 30)
        let deleted = comments.filter(\.isDeleted)
        #expect(deleted.count == 1)
        #expect(deleted.allSatisfy { $0.author == nil && $0.body.isEmpty && $0.score == nil })
        // The deleted comment keeps its replies, as a real site's tree does.
        #expect(comments.contains { $0.parentRemoteID == deleted.first?.remoteID })
    }

    @Test("The thread builder escapes markup, splits paragraphs and keeps indented code")
    func threadBuilderHTML() {
        #expect(SampleThread.html(fromPlainText: "a < b & c > d") == "<p>a &lt; b &amp; c &gt; d</p>")
        #expect(SampleThread.html(fromPlainText: "one\n\ntwo") == "<p>one</p><p>two</p>")
        #expect(SampleThread.html(fromPlainText: "see:\n\n  x = 1\n    y\n\ndone")
                == "<p>see:</p><pre><code>x = 1\n  y</code></pre><p>done</p>")
    }

    @Test("The thread builder links each reply to the nearest earlier comment one level up")
    func threadBuilderParents() {
        let start = SampleEdition.utc(2025, 1, 1, 0, 0)
        let built = SampleThread.build(entryID: "t", published: start, [
            SampleComment(0, "a", 1, after: 1, "x"), SampleComment(1, "b", 1, after: 2, "x"),
            SampleComment(2, "c", 1, after: 3, "x"), SampleComment(1, "d", 1, after: 4, "x"),
            SampleComment(0, "e", 1, after: 5, "x"),
        ])
        #expect(built.map(\.remoteID) == ["t#c1", "t#c2", "t#c3", "t#c4", "t#c5"])
        #expect(built.map(\.parentRemoteID) == [nil, "t#c1", "t#c2", "t#c1", nil])
        #expect(built[3].date == start.addingTimeInterval(240))
    }
}

@Suite("Sample edition: content")
struct SampleEditionContentTests {
    @Test("One article is over five screens long: 2,500 words and 250 lines at 100 columns")
    func longArticle() throws {
        let long = try #require(allStories.max { plainText($0.entry.content ?? "").count < plainText($1.entry.content ?? "").count })
        let html = long.entry.content ?? ""
        let text = plainText(html)
        #expect(text.split(whereSeparator: \.isWhitespace).count >= 2_500)
        #expect(wrappedLineCount(text, width: 100) >= 250)
        for construct in ["<h2>", "<ul>", "<ol>", "<blockquote>", "<pre><code>", "<table>", "<a href="] {
            #expect(html.contains(construct), "long article lacks \(construct)")
        }
    }

    @Test("The test card has every block construct the article pane draws")
    func richConstructs() {
        let constructs = ["<h1>", "<h3>", "<ol>", "<blockquote>", "<pre><code>", "<table>", "<figure>",
                          "<figcaption>", "<dl>", "<dt>", "<dd>", "<a href=", "<img "]
        let card = allStories.first { story in constructs.allSatisfy { story.entry.content?.contains($0) == true } }
        #expect(card != nil)
        // Nested lists: a list opened inside a list item.
        #expect(card?.entry.content?.range(of: #"<li>[^<]*\n\s*<ol>"#, options: .regularExpression) != nil)
    }

    @Test("Titles and bodies carry Chinese, Japanese, Arabic and Hebrew text", arguments: [
        ("Han", 0x4E00...0x9FFF), ("Kana", 0x3040...0x30FF), ("Arabic", 0x0600...0x06FF), ("Hebrew", 0x05D0...0x05EA),
    ])
    func scripts(name: String, range: ClosedRange<UInt32>) {
        func has(_ text: String?) -> Bool { text?.unicodeScalars.contains { range.contains($0.value) } == true }
        #expect(allStories.contains { has($0.entry.title) && has($0.entry.content) }, "no story with \(name) in title and body")
    }

    @Test("A story carries emoji: ZWJ sequences, skin tones and flags")
    func emoji() {
        let emojiStory = allStories.first { story in
            let scalars = (story.entry.title ?? "") + (story.entry.content ?? "")
            let values = scalars.unicodeScalars.map(\.value)
            return values.contains(0x200D) && values.contains { (0x1F3FB...0x1F3FF).contains($0) }
                && values.filter { (0x1F1E6...0x1F1FF).contains($0) }.count >= 4
                && scalars.unicodeScalars.contains { $0.properties.isEmojiPresentation }
        }
        #expect(emojiStory != nil)
    }

    @Test("A story carries accented European text in its title and body")
    func accents() {
        let accented = Set("áéíóúñçãõâêôàèëïüœæøåÆØÅÉÍÓÚÑ")
        #expect(allStories.contains { story in
            (story.entry.title ?? "").contains { accented.contains($0) } && (story.entry.content ?? "").contains { accented.contains($0) }
        })
    }

    @Test("No text contains control characters or bidi controls")
    func noControls() {
        for (place, text) in everyText() {
            let bad = text.unicodeScalars.first { scalar in
                let v = scalar.value
                return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || [0x061C, 0x200E, 0x200F].contains(v)
                    || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            }
            #expect(bad == nil, "\(place) contains U+\(String(bad?.value ?? 0, radix: 16, uppercase: true))")
        }
    }

    @Test("One-line fields have no line breaks")
    func oneLineFields() {
        for story in allStories {
            let fields = [story.entry.title, story.entry.author, story.entry.link] + story.comments.map(\.author)
            #expect(fields.compactMap { $0 }.allSatisfy { !$0.contains("\n") }, "\(story.entry.id ?? "?")")
        }
    }

    @Test("HTML is safe: no scripts, styles, frames, event handlers, and every & starts an entity")
    func safeHTML() {
        let fragments = allStories.flatMap { [$0.entry.summary, $0.entry.content].compactMap { $0 } + $0.comments.map(\.body) }
        for html in fragments {
            let lower = html.lowercased()
            for banned in ["<script", "<style", "<iframe", "<object", "<embed", "javascript:"] {
                #expect(!lower.contains(banned))
            }
            #expect(lower.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil)
            #expect(html.range(of: #"&(?!(amp|lt|gt|quot|#[0-9]+);)"#, options: .regularExpression) == nil)
        }
    }

    @Test("Fixed dates are computed exactly, leap days and all", arguments: [
        ("2022-03-08T09:54:00Z", 2022, 3, 8, 9, 54), ("2024-02-29T23:59:00Z", 2024, 2, 29, 23, 59),
        ("2000-03-01T00:00:00Z", 2000, 3, 1, 0, 0), ("1970-01-01T00:00:00Z", 1970, 1, 1, 0, 0),
        ("2026-12-31T12:30:00Z", 2026, 12, 31, 12, 30),
    ])
    func fixedDates(iso: String, year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        #expect(SampleEdition.utc(year, month, day, hour, minute) == isoDate(iso))
    }
}
