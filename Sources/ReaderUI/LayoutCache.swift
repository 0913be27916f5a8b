import ArticleText
import Foundation
import NewsModel
import ReaderCore
import TermCore

/// Laid-out stories and comment threads, kept per (story, width) so a long article is wrapped once per
/// size rather than on every key press. Owned by whoever renders (the runtime, on the main actor); it is a
/// cache, so dropping it only costs time. Story bodies come from `bodies`, which the runtime also fills off
/// the key path.
public final class LayoutCache {
    private struct ArticleEntry {
        var story: Story; var note: String?; var width: Int; var timeZone: DisplayZone; var relativeDate: String
        var laid: ArticleDocument.Laid
    }
    private struct CommentsEntry { var storyID: StoryID; var comments: [Comment]; var width: Int; var bodies: [[StyledLine]] }

    /// How many laid-out stories to keep: the one shown and a few just left, for flicking back and forth.
    private let capacity = 4
    private var articles: [ArticleEntry] = []
    private var threads: [CommentsEntry] = []
    /// How many times a story was laid out (cache misses), for tests of the caching itself.
    private(set) var articleLayoutCount = 0

    /// Parsed and laid-out story bodies.
    public let bodies: ArticleBodyCache

    public init(bodies: ArticleBodyCache = ArticleBodyCache()) { self.bodies = bodies }

    /// The article document (header and body) of `story` at `width` columns.
    func article(_ story: Story, note: String? = nil, width: Int, timeZone: DisplayZone, now: Date) -> [StyledLine] {
        articleDocument(story, note: note, width: width, timeZone: timeZone, now: now)?.lines ?? []
    }

    /// The article document with its numbered links. Laid out again when the header's relative date
    /// changes wording (at most once a minute), never merely because the clock ticked. With `onlyIfKept`,
    /// nil unless the body is laid out already: the runtime's measuring must not parse on the key path.
    func articleDocument(_ story: Story, note: String? = nil, width: Int, timeZone: DisplayZone, now: Date,
                         onlyIfKept: Bool = false) -> ArticleDocument.Laid? {
        let relative = DateText.spelledRelative(story.displayDate, now: now)
        if let hit = articles.firstIndex(where: { $0.story.id == story.id && $0.width == width }),
           articles[hit].timeZone == timeZone, articles[hit].relativeDate == relative, articles[hit].story == story,
           articles[hit].note == note {
            return articles[hit].laid
        }
        let request = ArticleBodyRequest(story: story, width: width)
        guard let body = onlyIfKept ? bodies.keptBody(request) : bodies.body(for: request) else { return nil }
        let laid = ArticleDocument.layout(story, note: note, width: width, timeZone: timeZone, now: now, body: body)
        articleLayoutCount += 1
        articles.removeAll { $0.story.id == story.id && $0.width == width }
        articles.append(ArticleEntry(story: story, note: note, width: width, timeZone: timeZone, relativeDate: relative, laid: laid))
        if articles.count > capacity { articles.removeFirst() }
        return laid
    }

    /// Each comment's body laid out at its own width (the pane width less its indentation).
    func commentBodies(_ comments: [Comment], storyID: StoryID, paneWidth: Int) -> [[StyledLine]] {
        if let hit = threads.first(where: { $0.storyID == storyID && $0.width == paneWidth && $0.comments == comments }) {
            return hit.bodies
        }
        let bodies = CommentLayout.bodies(comments, paneWidth: paneWidth)
        threads.removeAll { $0.storyID == storyID && $0.width == paneWidth }
        threads.append(CommentsEntry(storyID: storyID, comments: comments, width: paneWidth, bodies: bodies))
        if threads.count > capacity { threads.removeFirst() }
        return bodies
    }

    /// How tall the shown story and comments are at the current pane sizes, for `update` to scroll by.
    public func metrics(for state: AppState) -> ContentMetrics {
        var metrics = ContentMetrics(storyID: state.articleStoryID)
        let onScreen = ScreenLayout(state).panes
        // A pane that is not drawn (the narrow layout shows one) is not laid out: flicking through the list
        // must not wrap every story it passes. Its last measurement stands until it is shown again.
        let previous = state.metrics.storyID == state.articleStoryID ? state.metrics : ContentMetrics()
        if let story = state.displayedStory, let rect = onScreen[.article],
           let laid = articleDocument(story, note: state.readerModeLine,
                                      width: ArticleDocument.textWidth(paneWidth: rect.width),
                                      timeZone: state.timeZone, now: state.now,
                                      onlyIfKept: state.articleBody.isDeferred) {
            metrics.articleWidth = ArticleDocument.textWidth(paneWidth: rect.width)
            metrics.articleLines = laid.lines.count
            metrics.articleLinks = laid.links
        } else {
            metrics.articleWidth = previous.articleWidth
            metrics.articleLines = previous.articleLines
            metrics.articleLinks = previous.articleLinks
        }
        if let rect = onScreen[.comments], let comments = state.shownComments, let id = state.commentsStoryID {
            metrics.commentsWidth = rect.width
            metrics.commentHeights = commentBodies(comments, storyID: id, paneWidth: rect.width).map { $0.count + 2 }
        } else {
            metrics.commentsWidth = previous.commentsWidth
            metrics.commentHeights = previous.commentHeights
        }
        return metrics
    }
}
