import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import TextSafety

/// States built by running real actions through `update`, as the runtime would.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let seedTitle = "Surprise turnaround of Ukraine invasion: Washington and Maduro regime hold weekend talks"

    static let headlines: [Headline] = [
        Headline(id: StoryID(1), feedID: FeedID(1), feedTitle: "MercoPress", title: SafeLine(seedTitle),
                 date: now.addingTimeInterval(-3 * 3600), commentCount: 2),
        Headline(id: StoryID(2), feedID: FeedID(2), feedTitle: "東京新聞", title: "東京で桜が満開に 🌸 花見客でにぎわう公園",
                 date: now.addingTimeInterval(-2 * 86400), commentCount: 0, isRead: true),
        Headline(id: StoryID(3), feedID: FeedID(3), feedTitle: "Le Monde", title: "Élections régionales : à Besançon, l’été des cafés",
                 date: now.addingTimeInterval(-40 * 60), commentCount: 12),
    ]

    static let seedStory = Story(
        id: StoryID(1), feedID: FeedID(1), feedTitle: "MercoPress", title: seedTitle,
        link: "https://en.mercopress.com/2022/03/08/surprise", author: "MercoPress staff",
        published: now.addingTimeInterval(-3 * 3600), firstSeen: now,
        content: "<p>The United States and Venezuela are back in talking terms. White House admitted on Monday "
            + "that a US delegation held weekend talks in Caracas.</p><p>Second paragraph.</p>",
        commentCount: 2)

    static let seedComments = [
        Comment(id: CommentID(1), storyID: StoryID(1), remoteID: "a", author: "imoyaro",
                date: now.addingTimeInterval(-7200), score: 0, body: "That's Polonium, Gauchito.", position: 0),
        Comment(id: CommentID(2), storyID: StoryID(1), remoteID: "b", author: "Tænk",
                date: now.addingTimeInterval(-3600), score: -1, body: "Now we only need Putin.", depth: 1, position: 1),
    ]

    /// The list loaded, the seed story shown, and optionally its comments, at `width`x`height`.
    static func state(width: Int, height: Int, comments: Bool = false, fullScreen: Bool = false,
                      hint: String? = nil, layouts: LayoutCache = LayoutCache()) -> AppState {
        var state = AppState(size: TerminalSize(width: width, height: height), now: now, hint: hint)
        let effects = update(&state, .started)
        guard case .loadHeadlines(let request)? = effects.first else { fatalError("no request") }
        _ = update(&state, .headlinesLoaded(request.id, HeadlinePage(rows: headlines, startIndex: 0, total: 3, unread: 2)))
        _ = update(&state, .storyLoaded(StoryID(1), seedStory))
        if fullScreen { _ = update(&state, .keyPressed(.enter)) }
        if comments {
            _ = update(&state, .keyPressed(.character("c")))
            _ = update(&state, .commentsLoaded(StoryID(1), seedComments))
        }
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        return state
    }
}
