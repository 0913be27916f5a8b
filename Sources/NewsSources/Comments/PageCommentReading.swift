import Foundation
import NewsModel

/// What one web page says about its reader comments, as `PageCommentSource` needs it: the comments in thread
/// order, the page of the same site that holds all of them, and whether the page says they are closed.
public struct PageCommentReading: Sendable, Equatable {
    public var comments: [FetchedComment]
    public var allCommentsLink: String?
    public var isClosed: Bool

    public init(comments: [FetchedComment] = [], allCommentsLink: String? = nil, isClosed: Bool = false) {
        self.comments = comments; self.allCommentsLink = allCommentsLink; self.isClosed = isClosed
    }
}

/// Finds the comments of a page given its HTML, its address and the time "3 hours ago" counts from. Finding
/// them is ArticleText's work, on the HTML5 tree; the app hands that reader in, so the network layer does
/// not link the layout engine.
public typealias PageCommentReader = @Sendable (_ html: String, _ url: String, _ now: Date) -> PageCommentReading
