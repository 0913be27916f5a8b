import Foundation
import NewsModel

/// Comments read from the story's own web page, for feed stories that name no comment feed: the page
/// (or the RSS `<comments>` page) is fetched through `PageFetcher`, with the feeds' size and time limits;
/// when it links to a page with all of its comments (MercoPress: "Read all comments" → the story URL plus
/// `/comments`), that page is read too; `reader` (ArticleText's `PageCommentExtractor`, in the app) finds
/// the comments on each page.
public struct PageCommentSource: CommentSource {
    private let pages: PageFetcher
    private let reader: PageCommentReader
    private let now: @Sendable () -> Date

    public init(fetcher: FeedFetcher, reader: @escaping PageCommentReader, now: @escaping @Sendable () -> Date = { Date() }) {
        pages = PageFetcher(fetcher: fetcher)
        self.reader = reader
        self.now = now
    }

    public var name: String { "story page" }

    public func handles(_ target: CommentTarget) -> Bool { page(of: target) != nil }

    public func comments(for target: CommentTarget) async throws(CommentSourceError) -> [FetchedComment] {
        guard let url = page(of: target) else { throw .noSource }
        let first = try await read(url)
        var found = first.comments
        var isClosed = first.isClosed
        // The story page still shows what it has when the page of all comments fails or is empty.
        if let all = first.allCommentsLink, let more = try? await read(all) {
            isClosed = isClosed || more.isClosed
            if !more.comments.isEmpty { found = more.comments }
        }
        if found.isEmpty, isClosed { throw .closed }
        return found
    }

    /// The web page that shows the comments: RSS `<comments>` when it is a web page, else the story's link.
    private func page(of target: CommentTarget) -> String? {
        [target.commentsURL, target.link].compactMap { $0 }.first { url in
            let lower = url.lowercased()
            return lower.hasPrefix("http://") || lower.hasPrefix("https://")
        }
    }

    private func read(_ url: String) async throws(CommentSourceError) -> PageCommentReading {
        let host = SourceEndpoints.host(of: url)
        let document: PageDocument
        do {
            document = try await pages.fetch(url)
        } catch {
            // A page that is not HTML (a PDF, an image) or is empty has no comments to show.
            guard case .fetch(let fetchError) = error else { return PageCommentReading() }
            throw .unreachable(host: host, fetchError)
        }
        return reader(document.html, document.url ?? url, now())
    }
}
