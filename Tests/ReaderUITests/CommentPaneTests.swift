import Foundation
import NewsModel
import ReaderCore
@testable import ReaderUI
import TermCore
import Testing

/// The comment pane beyond the basics: very deep threads, the submitter, new comments, and why a thread is
/// empty.
@Suite("render: the comment pane")
struct CommentPaneTests {
    static let theme = Theme.builtinDefault

    /// The seed story at 50×30 (only the focused pane is drawn) with `comments` shown and focused.
    static func state(_ comments: [NewsModel.Comment], width: Int = 50, height: Int = 30,
                      configure: (inout AppState) -> Void = { _ in }) -> (AppState, LayoutCache) {
        let layouts = LayoutCache()
        var state = Fixtures.state(width: width, height: height, layouts: layouts)
        configure(&state)
        _ = update(&state, .keyPressed(.character("c")))
        _ = update(&state, .commentThreadLoaded(CommentThread(storyID: StoryID(1), comments: comments)))
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        return (state, layouts)
    }

    static func chain(_ depth: Int) -> [NewsModel.Comment] {
        (0..<depth).map { level in
            NewsModel.Comment(id: CommentID(Int64(level + 1)), storyID: StoryID(1), remoteID: "\(level)", author: "u\(level)",
                    body: "<p>Reply number \(level) in a very long chain of replies.</p>", depth: level, position: level)
        }
    }

    @Test("A 300-deep thread stays readable in a 50-column pane: indentation stops, deep replies say their depth")
    func deepThread() {
        var (state, layouts) = Self.state(Self.chain(300))
        _ = update(&state, .keyPressed(.character("G")))
        _ = update(&state, .contentMeasured(layouts.metrics(for: state)))
        let lines = render(state, theme: Self.theme, layouts: layouts).lines
        #expect(state.commentCursor == 299)
        let header = lines.first { $0.contains("u299") }
        #expect(header?.contains("↳299 u299") == true, "\(lines)")
        // The text starts no further right than two fifths of the pane (plus the rule and margin), so at
        // least 26 columns are left for it.
        let body = lines.filter { $0.contains("Reply number 29") }
        #expect(!body.isEmpty)
        for line in body {
            let start = line.distance(from: line.startIndex, to: line.range(of: "Reply")!.lowerBound)
            #expect(start <= 1 + 20 + 2)
        }
        #expect(lines.allSatisfy { $0.count <= 50 })
    }

    @Test("The submitter is marked; a comment new since the last visit says new; a deleted one has no text")
    func marks() {
        var comments = Self.chain(3)
        comments[0].author = "MercoPress staff"
        comments[1].firstSeen = Fixtures.now
        comments[2].isDeleted = true; comments[2].author = nil; comments[2].body = ""
        let (state, layouts) = Self.state(comments) { state in state.commentFetch.isAvailable = false }
        var visited = state
        visited.commentFetch.lastOpened = Fixtures.now.addingTimeInterval(-60)
        let lines = render(visited, theme: Self.theme, layouts: layouts).lines
        #expect(lines.contains { $0.contains("MercoPress staff (submitter)") })
        #expect(lines.contains { $0.contains("new u1") })
        #expect(lines.contains { $0.contains("[deleted]") })
        #expect(!lines.contains { $0.contains("new MercoPress") })
        let screen = render(visited, theme: Self.theme, layouts: layouts)
        let row = try! #require(lines.firstIndex { $0.contains("new u1") })
        let column = lines[row].distance(from: lines[row].startIndex, to: lines[row].range(of: "new")!.lowerBound)
        #expect(screen[column, row].style == Self.theme[.newComment])
    }

    @Test("An empty thread says why: being fetched, could not be fetched, or none yet")
    func emptyReasons() {
        var (state, layouts) = Self.state([]) { $0.commentFetch.isAvailable = true }
        #expect(render(state, theme: Self.theme, layouts: layouts).lines.contains { $0.contains("Fetching comments…") })
        if let request = state.commentFetch.pending {
            _ = update(&state, .commentsFetched(request, .failed("could not reach news.ycombinator.com: no answer within 30 s (timed out)")))
        }
        let failed = render(state, theme: Self.theme, layouts: layouts).lines.joined(separator: "\n")
        #expect(failed.contains("could not reach news.ycombinator.com"))
        state.commentFetch.problem = nil
        #expect(render(state, theme: Self.theme, layouts: layouts).lines.contains { $0.contains("No comments yet.") })
    }
}
