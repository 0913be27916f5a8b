import ArticleText
import Foundation
import NewsModel
import NewsSources

extension PageCommentReading {
    /// ArticleText's `PageCommentExtractor` as the story-page comment source's reader: what the reader and
    /// `gazette read --comments` use.
    public static let extracted: PageCommentReader = { html, url, now in
        let found = PageCommentExtractor.extract(html: html, url: url, now: now)
        return PageCommentReading(comments: found.comments.map { comment in
            FetchedComment(remoteID: comment.id, parentRemoteID: comment.parentID, author: comment.author,
                           date: comment.date, score: comment.score, body: comment.html, depth: comment.depth)
        }, allCommentsLink: found.allCommentsLink, isClosed: found.isClosed)
    }
}
