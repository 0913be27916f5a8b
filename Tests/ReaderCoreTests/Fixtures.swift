import Foundation
import NewsModel
import ReaderCore
import TermCore

/// Builders for states and pages used across the update tests.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// Headline at absolute position `n` of a list sorted newest first.
    static func headline(_ n: Int, isRead: Bool = false) -> Headline {
        Headline(id: StoryID(Int64(10_000 - n)), feedID: FeedID(1), feedTitle: "Wire", title: "Story \(n)",
                 date: now.addingTimeInterval(Double(-60 * n)), commentCount: 2, isRead: isRead)
    }

    static func page(_ range: Range<Int>, total: Int, unread: Int? = nil) -> HeadlinePage {
        HeadlinePage(rows: range.map { headline($0) }, startIndex: range.lowerBound, total: total,
                     unread: unread ?? total)
    }

    static func story(for headline: Headline, body: String = "<p>Body</p>") -> Story {
        Story(id: headline.id, feedID: headline.feedID, feedTitle: headline.feedTitle.text, title: headline.title.text,
              published: headline.date, firstSeen: headline.date, content: body, isRead: headline.isRead)
    }

    /// A comment thread: depths as given, in order.
    static func comments(storyID: StoryID, depths: [Int]) -> [Comment] {
        depths.enumerated().map { index, depth in
            Comment(id: CommentID(Int64(index + 1)), storyID: storyID, remoteID: "\(index)", author: "user\(index)",
                    body: "comment \(index)", depth: depth, position: index)
        }
    }

    /// A state whose first page (`loaded` rows of `total`) has arrived, at `width`x`height`.
    static func loadedState(total: Int = 30, loaded: Int? = nil, width: Int = 160, height: Int = 48) -> AppState {
        var state = AppState(size: TerminalSize(width: width, height: height), now: now)
        let effects = update(&state, .started)
        guard case .loadHeadlines(let request) = effects.first else { fatalError("no first request") }
        _ = update(&state, .headlinesLoaded(request.id, page(0..<min(total, loaded ?? request.limit), total: total)))
        return state
    }

    /// The request of the first `.loadHeadlines` effect, if any.
    static func headlineRequest(_ effects: [Effect]) -> HeadlineRequest? {
        for effect in effects { if case .loadHeadlines(let request) = effect { return request } }
        return nil
    }
}
